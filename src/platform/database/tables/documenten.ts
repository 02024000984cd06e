import type { ColumnType, Generated } from 'kysely';

/* Documenten API tables (migrations/0030). bigint columns read as numbers (see ../connection.ts). */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface DocumentenTable {
  uuid: Generated<string>;
  tenant_id: string;
  versie: number;
  /** '' while unlocked (drc-009). */
  lock: ColumnType<string, string | undefined, string>;
  identificatie: string;
  bronorganisatie: string;
  informatieobjecttype_uuid: string;
  vertrouwelijkheid_rank: number;
  trefwoorden: ColumnType<string[], string[] | undefined, string[]>;
  /** The current version's isGereedVoorPublicatie (null: not known), for alleenIsGereedVoorPublicatie (migrations/0031). */
  is_gereed_voor_publicatie: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  created_at: Timestamp;
}

export interface DocumentversiesTable {
  tenant_id: string;
  document_uuid: string;
  versie: number;
  begin_registratie: Timestamp;
  /** The resource's own fields as the API names them. */
  data: Json;
  inhoud_sha256: string | null;
  bestandsomvang: number | null;
}

export interface BestandsdelenTable {
  uuid: Generated<string>;
  tenant_id: string;
  document_uuid: string;
  volgnummer: number;
  omvang: number;
  /** Set once the part's bytes arrived complete. */
  inhoud_sha256: string | null;
}

export interface GebruiksrechtenTable {
  uuid: Generated<string>;
  tenant_id: string;
  document_uuid: string;
  startdatum: Timestamp;
  einddatum: NullableTimestamp;
  omschrijving_voorwaarden: string;
  created_at: Timestamp;
}

export interface ObjectinformatieobjectenTable {
  uuid: Generated<string>;
  tenant_id: string;
  document_uuid: string;
  object_type: string;
  /** A zaak or besluit of this Loket; otherwise `object_url`. */
  object_uuid: string | null;
  object_url: string | null;
  created_at: Timestamp;
}

export interface VerzendingenTable {
  uuid: Generated<string>;
  tenant_id: string;
  document_uuid: string;
  betrokkene: string;
  aard_relatie: string;
  data: Json;
  created_at: Timestamp;
}

export interface DocumentenTables {
  documenten: DocumentenTable;
  documentversies: DocumentversiesTable;
  bestandsdelen: BestandsdelenTable;
  gebruiksrechten: GebruiksrechtenTable;
  objectinformatieobjecten: ObjectinformatieobjectenTable;
  verzendingen: VerzendingenTable;
}
