import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakobjecttypenTable } from '../../../platform/database/tables/catalogi-typen.ts';
import { zaaktypeConditions, type ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';

/** A stored zaakobjecttype. Its `data` holds the attributes without a column, under the API's names. */
export type ZaakobjecttypeRow = Selectable<ZaakobjecttypenTable>;

/** The columns a write sets. */
export interface ZaakobjecttypeValues {
  zaaktype_uuid: string;
  objecttype: string;
  relatie_omschrijving: string;
  data: Record<string, unknown>;
}

/** The list filters, already resolved. */
export interface ZaakobjecttypeFilter extends ZaaktypeFilter {
  anderObjecttype?: boolean;
  objecttype?: string;
  relatieOmschrijving?: string;
}

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaakobjecttypeFilter) {
  let query = db.selectFrom('zaakobjecttypen as o').innerJoin('zaaktypen as z', 'z.uuid', 'o.zaaktype_uuid').where('o.tenant_id', '=', tenantId);
  for (const condition of zaaktypeConditions(filter)) query = query.where(condition);
  if (filter.objecttype !== undefined) query = query.where('o.objecttype', '=', filter.objecttype);
  if (filter.relatieOmschrijving !== undefined) query = query.where('o.relatie_omschrijving', '=', filter.relatieOmschrijving);
  if (filter.anderObjecttype !== undefined) {
    const wanted = filter.anderObjecttype;
    // Rows without the attribute count as false, the API's default.
    query = query.where(sql<SqlBool>`coalesce((o.data ->> 'anderObjecttype')::boolean, false) = ${wanted}`);
  }
  return query;
}

/** One page of a tenant's zaakobjecttypen matching the filter, oldest first, with the total over all pages. */
export async function listZaakobjecttypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaakobjecttypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ZaakobjecttypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('o').orderBy('o.created_at').orderBy('o.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One zaakobjecttype of the tenant, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findZaakobjecttype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<ZaakobjecttypeRow | undefined> {
  const query = db.selectFrom('zaakobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's zaakobjecttypen with these uuids (unknown ones left out), oldest first. */
export async function findZaakobjecttypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaakobjecttypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaakobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

function columns(values: ZaakobjecttypeValues) {
  return { ...values, data: JSON.stringify(values.data) };
}

/** Stores a new zaakobjecttype for the tenant. */
export async function insertZaakobjecttype(db: Kysely<Database>, tenantId: string, values: ZaakobjecttypeValues): Promise<ZaakobjecttypeRow> {
  return db.insertInto('zaakobjecttypen').values({ tenant_id: tenantId, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a zaakobjecttype's columns; undefined when it is not the tenant's. */
export async function updateZaakobjecttype(db: Kysely<Database>, tenantId: string, uuid: string, values: ZaakobjecttypeValues): Promise<ZaakobjecttypeRow | undefined> {
  return db.updateTable('zaakobjecttypen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a zaakobjecttype of the tenant. */
export async function deleteZaakobjecttype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaakobjecttypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
