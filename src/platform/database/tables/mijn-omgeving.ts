import type { ColumnType, Generated } from 'kysely';

/* Mijn omgeving of the residents' portal (migrations/0067): berichten, documentverzoeken, sent status e-mails. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A message about a zaak between behandelaar and resident (migrations/0067). */
export interface InwonerBerichtenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  richting: 'van_behandelaar' | 'van_inwoner';
  onderwerp: string;
  tekst: string;
  afzender: string;
  created_at: Timestamp;
  gelezen_at: NullableTimestamp;
}

/** A document the behandelaar asked the initiator for (migrations/0067). */
export interface DocumentverzoekenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  omschrijving: string;
  informatieobjecttype_uuid: string;
  /** 'YYYY-MM-DD'. */
  deadline: ColumnType<string | null, string | null | undefined, string | null>;
  status: ColumnType<'open' | 'ingediend', 'open' | 'ingediend' | undefined, 'open' | 'ingediend'>;
  aangevraagd_door: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  ingediend_at: NullableTimestamp;
  document_uuid: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Statussen whose e-mail to the initiator was queued (migrations/0067). */
export interface InwonerStatusmailsTable {
  status_uuid: string;
  tenant_id: string;
  created_at: Timestamp;
}

export interface MijnOmgevingTables {
  inwoner_berichten: InwonerBerichtenTable;
  documentverzoeken: DocumentverzoekenTable;
  inwoner_statusmails: InwonerStatusmailsTable;
}
