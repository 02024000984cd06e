import type { ColumnType, Generated } from 'kysely';

/* Besluiten API tables (migrations/0016). `date` columns read as 'YYYY-MM-DD' text. */

type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type TextWithDefault = ColumnType<string, string | undefined, string>;

export interface BesluitenTable {
  uuid: Generated<string>;
  tenant_id: string;
  identificatie: string;
  verantwoordelijke_organisatie: string;
  besluittype_uuid: string;
  /** The zaak this besluit is an outcome of; never changes after create. */
  zaak_uuid: string | null;
  /** The ZAAKBESLUIT's uuid, set exactly when `zaak_uuid` is. */
  zaakbesluit_uuid: string | null;
  datum: DateText;
  toelichting: TextWithDefault;
  bestuursorgaan: TextWithDefault;
  ingangsdatum: DateText;
  vervaldatum: NullableDateText;
  /** '' while the besluit has not lapsed. */
  vervalreden: TextWithDefault;
  publicatiedatum: NullableDateText;
  verzenddatum: NullableDateText;
  uiterlijke_reactiedatum: NullableDateText;
  created_at: Generated<Date>;
}

export interface BesluitinformatieobjectenTable {
  uuid: Generated<string>;
  tenant_id: string;
  besluit_uuid: string;
  informatieobject_uuid: string;
  created_at: Generated<Date>;
}

/** Last besluit number issued per tenant and year of the besluit's datum. */
export interface BesluitIdentificatieCountersTable {
  tenant_id: string;
  year: number;
  last_number: number;
}

export interface BesluitenTables {
  besluiten: BesluitenTable;
  besluitinformatieobjecten: BesluitinformatieobjectenTable;
  besluit_identificatie_counters: BesluitIdentificatieCountersTable;
}
