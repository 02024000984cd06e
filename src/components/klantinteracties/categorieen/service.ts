import { sql } from 'kysely';
import { given } from '../shared/groups.ts';
import type { ResourceDefinition } from '../shared/resource.ts';
import type { KlantRow } from '../shared/rows.ts';
import { bodySchemas, text } from '../shared/schema-parts.ts';
import { klantinteractiesBaseUrl, resourceUrl } from '../shared/urls.ts';

/** The `Categorie` resource (experimental in the spec): a label partijen can be placed under. */
export interface CategorieJson {
  uuid: string;
  url: string;
  naam: string;
}

/** `categorieenCreate`/`Update` and `PartialUpdate`. */
export const categorieBodies = bodySchemas({ naam: text(80) }, []);

/** A categorie as API JSON. */
export function presentCategorie(row: KlantRow<'ki_categorieen'>, base: string): CategorieJson {
  return { uuid: row.uuid, url: resourceUrl(base, 'categorieen', row.uuid), naam: row.naam };
}

/** The categorieen resource; its list has no filters. */
export const categorieen: ResourceDefinition<'ki_categorieen', CategorieJson> = {
  table: 'ki_categorieen',
  resource: 'categorieen',
  label: 'Categorie',
  filters: {},
  order: sql`r.created_at, r.uuid`,
  values: async (_db, _caller, body, current) => ({ naam: given(body, 'naam', current?.naam ?? '') }),
  async present(_db, caller, rows) {
    const base = klantinteractiesBaseUrl(caller);
    return rows.map((row) => presentCategorie(row, base));
  },
};
