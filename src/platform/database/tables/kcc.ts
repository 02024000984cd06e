import type { ColumnType } from 'kysely';

/* The KCC workspace's record of each contact (migrations/0093). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type KccKanaal = 'telefoon' | 'balie' | 'e-mail' | 'chat' | 'post' | 'sociale media' | 'website';
export type KccResultaat = 'beantwoord' | 'doorverwezen' | 'contactverzoek' | 'aanvraag' | 'niet-beantwoord';

export interface KccContactenTable {
  klantcontact_uuid: string;
  tenant_id: string;
  agent_user_id: string | null;
  kanaal: KccKanaal;
  onderwerp: ColumnType<string, string | undefined, string>;
  partij_uuid: string | null;
  betrokkene_uuid: string | null;
  notities: ColumnType<string, string | undefined, string>;
  status: ColumnType<'open' | 'gesloten', 'open' | 'gesloten' | undefined, 'open' | 'gesloten'>;
  resultaat: KccResultaat | null;
  resultaat_toelichting: ColumnType<string, string | undefined, string>;
  afgehandeld_bij_eerste_contact: boolean | null;
  geopend_op: Timestamp;
  gesloten_op: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface KccTables {
  kcc_contacten: KccContactenTable;
}
