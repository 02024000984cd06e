import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { KlantCaller } from '../shared/caller.ts';
import type { KlantRow } from '../shared/rows.ts';
import { klantinteractiesBaseUrl, resourceUrl, type ForeignKey } from '../shared/urls.ts';

export type CategorieRelatieRow = KlantRow<'ki_categorie_relaties'>;

/** The `CategorieRelatie` resource (experimental in the spec): a partij placed in a categorie for a period. */
export interface CategorieRelatieJson {
  uuid: string;
  url: string;
  partij: ForeignKey | null;
  categorie: (ForeignKey & { naam: string }) | null;
  beginDatum: string | null;
  eindDatum: string | null;
}

/** The names of these categorieen. */
export async function categorieNamen(db: Kysely<Database>, tenantId: string, uuids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(uuids.filter((uuid): uuid is string => uuid !== null))];
  if (wanted.length === 0) return new Map();
  const { rows } = await sql<{ uuid: string; naam: string }>`SELECT uuid, naam FROM ki_categorieen WHERE tenant_id = ${tenantId} AND uuid = ANY(${wanted}::uuid[])`.execute(db);
  return new Map(rows.map((row) => [row.uuid, row.naam]));
}

/** Categorie-relaties as API JSON, with the categorie's name. */
export async function presentCategorieRelaties(db: Kysely<Database>, caller: KlantCaller, rows: readonly CategorieRelatieRow[]): Promise<CategorieRelatieJson[]> {
  const base = klantinteractiesBaseUrl(caller);
  const namen = await categorieNamen(db, caller.tenant.id, rows.map((row) => row.categorie_uuid));
  return rows.map((row) => ({
    uuid: row.uuid,
    url: resourceUrl(base, 'categorie-relaties', row.uuid),
    partij: row.partij_uuid === null ? null : { uuid: row.partij_uuid, url: resourceUrl(base, 'partijen', row.partij_uuid) },
    categorie: row.categorie_uuid === null ? null : { uuid: row.categorie_uuid, url: resourceUrl(base, 'categorieen', row.categorie_uuid), naam: namen.get(row.categorie_uuid) ?? '' },
    beginDatum: row.begin_datum,
    eindDatum: row.eind_datum,
  }));
}
