import type { ColumnType, Generated } from 'kysely';

/* Zaken API core tables (migrations/0010). `date` columns read as 'YYYY-MM-DD' text. */

type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type JsonObject = ColumnType<Record<string, unknown>, string | undefined, string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export interface ZakenTable {
  uuid: Generated<string>;
  tenant_id: string;
  identificatie: string;
  bronorganisatie: string;
  zaaktype_uuid: string;
  verantwoordelijke_organisatie: string;
  omschrijving: ColumnType<string, string | undefined, string>;
  registratiedatum: string;
  startdatum: string;
  einddatum: NullableDateText;
  einddatum_gepland: NullableDateText;
  uiterlijke_einddatum_afdoening: NullableDateText;
  publicatiedatum: NullableDateText;
  vertrouwelijkheidaanduiding: string;
  /** 1 (openbaar) … 8 (zeer_geheim), generated from the aanduiding. */
  vertrouwelijkheid_rank: ColumnType<number, never, never>;
  /** Whether the zaak has a row in zaak_toewijzingen, kept by triggers (migrations/0106) for the kept counts. */
  toegewezen: ColumnType<boolean, never, never>;
  archiefnominatie: string | null;
  archiefstatus: ColumnType<string, string | undefined, string>;
  archiefactiedatum: NullableDateText;
  hoofdzaak_uuid: string | null;
  zaakgeometrie: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  geometrie_min_x: number | null;
  geometrie_min_y: number | null;
  geometrie_max_x: number | null;
  geometrie_max_y: number | null;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface StatussenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  statustype_uuid: string;
  datum_status_gezet: Timestamp;
  statustoelichting: ColumnType<string, string | undefined, string>;
  /** The rol that set the status (migration 0014). */
  gezetdoor_rol_uuid: ColumnType<string | null, string | null | undefined, string | null>;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface ResultatenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  resultaattype_uuid: string;
  toelichting: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface RollenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  roltype_uuid: string;
  betrokkene: ColumnType<string, string | undefined, string>;
  betrokkene_type: string;
  omschrijving_generiek: string;
  registratiedatum: ColumnType<Date, Date | string | undefined, Date | string>;
  inp_bsn: string | null;
  anp_identificatie: string | null;
  inp_a_nummer: string | null;
  inn_nnp_id: string | null;
  ann_identificatie: string | null;
  vestigings_nummer: string | null;
  medewerker_identificatie: string | null;
  organisatorische_eenheid_identificatie: string | null;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface ZaakeigenschappenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  eigenschap_uuid: string;
  naam: string;
  waarde: string;
  created_at: Generated<Date>;
}

export interface ZaakobjectenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  object: ColumnType<string, string | undefined, string>;
  zaakobjecttype_uuid: string | null;
  object_type: string;
  object_type_overige: ColumnType<string, string | undefined, string>;
  relatieomschrijving: ColumnType<string, string | undefined, string>;
  data: JsonObject;
  created_at: Generated<Date>;
}

export interface ZaakinformatieobjectenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  informatieobject: string;
  aard_relatie: ColumnType<string, string | undefined, string>;
  titel: ColumnType<string, string | undefined, string>;
  beschrijving: ColumnType<string, string | undefined, string>;
  registratiedatum: ColumnType<Date, Date | string | undefined, Date | string>;
  vernietigingsdatum: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  status_uuid: string | null;
  created_at: Generated<Date>;
}

export interface KlantcontactenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  identificatie: string;
  datumtijd: Timestamp;
  kanaal: ColumnType<string, string | undefined, string>;
  onderwerp: ColumnType<string, string | undefined, string>;
  toelichting: ColumnType<string, string | undefined, string>;
  created_at: Generated<Date>;
}

export interface ZaakcontactmomentenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  contactmoment: string;
  created_at: Generated<Date>;
}

export interface ZaakverzoekenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  verzoek: string;
  created_at: Generated<Date>;
}

export interface ZaaknotitiesTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaak_uuid: string;
  onderwerp: string;
  tekst: string;
  aangemaakt_door: ColumnType<string, string | undefined, string>;
  notitie_type: ColumnType<string, string | undefined, string>;
  status: ColumnType<string, string | undefined, string>;
  aanmaakdatum: ColumnType<Date, Date | string | undefined, Date | string>;
  wijzigingsdatum: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface ZakenTables {
  zaken: ZakenTable;
  statussen: StatussenTable;
  resultaten: ResultatenTable;
  rollen: RollenTable;
  zaakeigenschappen: ZaakeigenschappenTable;
  zaakobjecten: ZaakobjectenTable;
  zaakinformatieobjecten: ZaakinformatieobjectenTable;
  klantcontacten: KlantcontactenTable;
  zaakcontactmomenten: ZaakcontactmomentenTable;
  zaakverzoeken: ZaakverzoekenTable;
  zaaknotities: ZaaknotitiesTable;
}
