import type { ColumnType, Generated } from 'kysely';

/** An applicatie of the Autorisaties API 1.1 (migrations/0050): the client ids of one application share it. */
export interface ApplicatiesTable {
  uuid: Generated<string>;
  tenant_id: string;
  label: string;
  heeft_alle_autorisaties: ColumnType<boolean, boolean | undefined, boolean>;
  alleen_is_gereed_voor_publicatie: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Date>;
}

/** One autorisatie of an applicatie (migrations/0008, 0050), as the Autorisaties API 1.1 models it. */
export interface ApplicatieAutorisatiesTable {
  id: Generated<string>;
  tenant_id: string;
  applicatie_uuid: string;
  component: string;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  zaaktype: string | null;
  informatieobjecttype: string | null;
  besluittype: string | null;
  max_vertrouwelijkheidaanduiding: string | null;
  created_at: Generated<Date>;
}

/** One revocation of an applicatie's access (migrations/0102); it runs while heractiveerd_op is null. */
export interface ApplicatieIntrekkingenTable {
  id: Generated<string>;
  tenant_id: string;
  applicatie_uuid: string;
  ingetrokken_op: Generated<Date>;
  ingetrokken_door: string | null;
  heractiveerd_op: ColumnType<Date | null, Date | null | undefined, Date | null>;
  heractiveerd_door: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AutorisatiesTables {
  applicaties: ApplicatiesTable;
  applicatie_autorisaties: ApplicatieAutorisatiesTable;
  applicatie_intrekkingen: ApplicatieIntrekkingenTable;
}
