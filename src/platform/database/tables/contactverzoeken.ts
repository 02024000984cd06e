import type { ColumnType, Generated } from 'kysely';

/* Contactverzoeken of the staff workspace, beside their Klantinteracties internetaak (migrations/0096). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A `date` column: read as `YYYY-MM-DD` text (the pool's type parser), written as text. */
type DateText = ColumnType<string, string, string>;
type TextWithDefault = ColumnType<string, string | undefined, string>;

export interface ContactverzoekenTable {
  interne_taak_uuid: string;
  tenant_id: string;
  klantcontact_uuid: string;
  sleutel: string;
  team_id: string | null;
  medewerker_id: string | null;
  deadline: DateText;
  terugbel_naam: TextWithDefault;
  terugbel_telefoon: TextWithDefault;
  terugbel_email: TextWithDefault;
  terugbel_voorkeur: TextWithDefault;
  aangemaakt_door: string | null;
  aangemaakt_op: Timestamp;
  opgepakt_door: string | null;
  opgepakt_op: NullableTimestamp;
  afgehandeld_door: string | null;
  afgehandeld_op: NullableTimestamp;
  uitkomst: TextWithDefault;
}

export interface ContactverzoekGebeurtenissenTable {
  id: Generated<number>;
  tenant_id: string;
  interne_taak_uuid: string;
  soort: 'doorgezet' | 'opgepakt' | 'afgehandeld';
  door: string | null;
  op: Timestamp;
  toelichting: TextWithDefault;
}

export interface ContactverzoekInstellingenTable {
  tenant_id: string;
  standaard_termijn_werkdagen: number;
}

export interface ContactverzoekenTables {
  contactverzoeken: ContactverzoekenTable;
  contactverzoek_gebeurtenissen: ContactverzoekGebeurtenissenTable;
  contactverzoek_instellingen: ContactverzoekInstellingenTable;
}
