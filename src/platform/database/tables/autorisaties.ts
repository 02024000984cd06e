import type { ColumnType, Generated } from 'kysely';

/** One autorisatie of an API client (migrations/0008), as the Autorisaties API 1.1 models it. */
export interface ApiClientAutorisatiesTable {
  id: Generated<string>;
  tenant_id: string;
  api_client_id: string;
  component: string;
  scopes: ColumnType<string[], string[] | undefined, string[]>;
  zaaktype: string | null;
  informatieobjecttype: string | null;
  besluittype: string | null;
  max_vertrouwelijkheidaanduiding: string | null;
  created_at: Generated<Date>;
}

export interface AutorisatiesTables {
  api_client_autorisaties: ApiClientAutorisatiesTable;
}
