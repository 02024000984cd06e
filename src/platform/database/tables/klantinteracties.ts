import type { ColumnType, Generated } from 'kysely';

/* Klantinteracties API tables (migrations/0070). `date` columns read as 'YYYY-MM-DD' text; JSONB is written as JSON text. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type TextWithDefault = ColumnType<string, string | undefined, string>;
type BooleanWithDefault = ColumnType<boolean, boolean | undefined, boolean>;
/** A JSONB group: read as the parsed value, written as JSON text. */
type JsonGroup<T> = ColumnType<T, string | undefined, string>;
type NullableJsonGroup<T> = ColumnType<T | null, string | null | undefined, string | null>;

/** A nested group of named text (and the odd number) values, as the API exchanges it. */
export type JsonRecord = Record<string, unknown>;

/** The API token of a client for one API; only its sha256 is stored. */
export interface ApiTokensTable {
  token_hash: string;
  tenant_id: string;
  api_client_id: string;
  api: string;
  created_at: Generated<Date>;
}

export interface KiNummersTable {
  tenant_id: string;
  soort: string;
  last_number: number;
}

export interface KiPartijenTable {
  uuid: Generated<string>;
  tenant_id: string;
  nummer: string;
  soort_partij: string;
  interne_notitie: TextWithDefault;
  indicatie_geheimhouding: boolean | null;
  voorkeurstaal: TextWithDefault;
  indicatie_actief: boolean;
  voorkeurs_digitaal_adres_uuid: string | null;
  voorkeurs_rekeningnummer_uuid: string | null;
  bezoekadres: NullableJsonGroup<JsonRecord>;
  correspondentieadres: NullableJsonGroup<JsonRecord>;
  partij_identificatie: JsonGroup<JsonRecord>;
  werkte_voor_partij_uuid: string | null;
  created_at: Timestamp;
}

export interface KiPartijIdentificatorenTable {
  uuid: Generated<string>;
  tenant_id: string;
  partij_uuid: string | null;
  andere_partij_identificator: TextWithDefault;
  code_objecttype: string;
  code_soort_object_id: string;
  object_id: string;
  code_register: string;
  sub_identificator_van_uuid: string | null;
  created_at: Timestamp;
}

export interface KiKlantcontactenTable {
  uuid: Generated<string>;
  tenant_id: string;
  nummer: string;
  referentienummer: string | null;
  kanaal: string;
  onderwerp: string;
  inhoud: TextWithDefault;
  reactie: TextWithDefault;
  indicatie_contact_gelukt: boolean | null;
  hoofd_onderwerp_type: TextWithDefault;
  verdere_actie_ondernomen: BooleanWithDefault;
  taal: string;
  vertrouwelijk: boolean;
  plaatsgevonden_op: Timestamp;
  metadata: JsonGroup<JsonRecord>;
  created_at: Timestamp;
}

export interface KiBetrokkenenTable {
  uuid: Generated<string>;
  tenant_id: string;
  partij_uuid: string | null;
  klantcontact_uuid: string;
  bezoekadres: NullableJsonGroup<JsonRecord>;
  correspondentieadres: NullableJsonGroup<JsonRecord>;
  contactnaam: NullableJsonGroup<JsonRecord>;
  rol: string;
  organisatienaam: TextWithDefault;
  initiator: boolean;
  created_at: Timestamp;
}

export interface KiDigitaleAdressenTable {
  uuid: Generated<string>;
  tenant_id: string;
  verstrekt_door_betrokkene_uuid: string | null;
  verstrekt_door_partij_uuid: string | null;
  adres: string;
  soort_digitaal_adres: string;
  is_standaard_adres: BooleanWithDefault;
  omschrijving: TextWithDefault;
  referentie: TextWithDefault;
  verificatie_datum: NullableDateText;
  created_at: Timestamp;
}

export interface KiRekeningnummersTable {
  uuid: Generated<string>;
  tenant_id: string;
  partij_uuid: string | null;
  iban: string;
  bic: TextWithDefault;
  created_at: Timestamp;
}

export interface KiVertegenwoordigingenTable {
  uuid: Generated<string>;
  tenant_id: string;
  vertegenwoordigende_partij_uuid: string;
  vertegenwoordigde_partij_uuid: string;
  created_at: Timestamp;
}

export interface KiCategorieenTable {
  uuid: Generated<string>;
  tenant_id: string;
  naam: TextWithDefault;
  created_at: Timestamp;
}

export interface KiCategorieRelatiesTable {
  uuid: Generated<string>;
  tenant_id: string;
  partij_uuid: string | null;
  categorie_uuid: string | null;
  begin_datum: NullableDateText;
  eind_datum: NullableDateText;
  created_at: Timestamp;
}

/** The four identifying codes an onderwerpobject, bijlage or actor carries. */
export interface ObjectIdentificatorColumns {
  code_objecttype: TextWithDefault;
  code_register: TextWithDefault;
  code_soort_object_id: TextWithDefault;
  object_id: TextWithDefault;
}

export interface KiOnderwerpobjectenTable extends ObjectIdentificatorColumns {
  uuid: Generated<string>;
  tenant_id: string;
  klantcontact_uuid: string | null;
  was_klantcontact_uuid: string | null;
  created_at: Timestamp;
}

export interface KiBijlagenTable extends ObjectIdentificatorColumns {
  uuid: Generated<string>;
  tenant_id: string;
  klantcontact_uuid: string | null;
  created_at: Timestamp;
}

export interface KiActorenTable extends ObjectIdentificatorColumns {
  uuid: Generated<string>;
  tenant_id: string;
  naam: string;
  soort_actor: string;
  indicatie_actief: BooleanWithDefault;
  actor_identificatie: JsonGroup<JsonRecord>;
  created_at: Timestamp;
}

export interface KiActorKlantcontactenTable {
  uuid: Generated<string>;
  tenant_id: string;
  actor_uuid: string;
  klantcontact_uuid: string;
  created_at: Timestamp;
}

export interface KiInterneTakenTable {
  uuid: Generated<string>;
  tenant_id: string;
  nummer: string;
  referentienummer: string | null;
  gevraagde_handeling: string;
  klantcontact_uuid: string;
  toelichting: TextWithDefault;
  status: string;
  toegewezen_op: Timestamp;
  afgehandeld_op: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

export interface KiInterneTaakActorenTable {
  tenant_id: string;
  interne_taak_uuid: string;
  actor_uuid: string;
  positie: number;
}

export interface KlantinteractiesTables {
  api_tokens: ApiTokensTable;
  ki_nummers: KiNummersTable;
  ki_partijen: KiPartijenTable;
  ki_partij_identificatoren: KiPartijIdentificatorenTable;
  ki_klantcontacten: KiKlantcontactenTable;
  ki_betrokkenen: KiBetrokkenenTable;
  ki_digitale_adressen: KiDigitaleAdressenTable;
  ki_rekeningnummers: KiRekeningnummersTable;
  ki_vertegenwoordigingen: KiVertegenwoordigingenTable;
  ki_categorieen: KiCategorieenTable;
  ki_categorie_relaties: KiCategorieRelatiesTable;
  ki_onderwerpobjecten: KiOnderwerpobjectenTable;
  ki_bijlagen: KiBijlagenTable;
  ki_actoren: KiActorenTable;
  ki_actor_klantcontacten: KiActorKlantcontactenTable;
  ki_interne_taken: KiInterneTakenTable;
  ki_interne_taak_actoren: KiInterneTaakActorenTable;
}
