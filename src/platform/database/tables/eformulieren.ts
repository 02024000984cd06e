import type { ColumnType, Generated } from 'kysely';

/* E-form tables (migrations/0061). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** JSONB: written as JSON text, read as parsed JSON. */
type Json = ColumnType<unknown, string, string>;
type NullableJson = ColumnType<unknown, string | null | undefined, string | null>;

/** A form per tenant and zaaktype identificatie: the concept being edited and the published copy residents get. */
export interface EformulierenTable {
  uuid: Generated<string>;
  tenant_id: string;
  zaaktype_identificatie: string;
  concept: Json;
  gepubliceerd: NullableJson;
  gepubliceerd_op: NullableTimestamp;
  concept_gewijzigd: ColumnType<boolean, boolean | undefined, boolean>;
  bijgewerkt_door: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A resident's draft of one form. */
export interface EformulierConceptenTable {
  uuid: Generated<string>;
  tenant_id: string;
  eformulier_uuid: string;
  soort: 'bsn' | 'kvk';
  identificatie: string;
  antwoorden: ColumnType<unknown, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  verloopt_op: Timestamp;
}

/** A file uploaded into a draft. */
export interface EformulierConceptBestandenTable {
  uuid: Generated<string>;
  tenant_id: string;
  concept_uuid: string;
  veld: string;
  bestandsnaam: string;
  formaat: string;
  grootte: number;
  inhoud: ColumnType<Uint8Array, Buffer, Buffer>;
  created_at: Timestamp;
}

/** A submission that became (or is becoming) a zaak, by idempotency key. */
export interface EformulierInzendingenTable {
  tenant_id: string;
  sleutel: string;
  zaaktype_identificatie: string;
  kanaal: string;
  soort: 'bsn' | 'kvk';
  identificatie: string;
  zaak_uuid: string | null;
  zaak_url: string | null;
  zaak_identificatie: string | null;
  ingediend_op: Timestamp;
}

export interface EformulierenTables {
  eformulieren: EformulierenTable;
  eformulier_concepten: EformulierConceptenTable;
  eformulier_concept_bestanden: EformulierConceptBestandenTable;
  eformulier_inzendingen: EformulierInzendingenTable;
}
