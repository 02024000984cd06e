import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { RoltypenTable } from '../../../platform/database/tables/catalogi-typen.ts';
import { zaaktypeConditions, type ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';

/** A stored roltype. */
export type RoltypeRow = Selectable<RoltypenTable>;

/** The columns a write sets. */
export interface RoltypeValues {
  zaaktype_uuid: string;
  omschrijving: string;
  omschrijving_generiek: string;
}

/** The list filters, already resolved. */
export interface RoltypeFilter extends ZaaktypeFilter {
  omschrijvingGeneriek?: string;
}

function filtered(db: Kysely<Database>, tenantId: string, filter: RoltypeFilter) {
  let query = db.selectFrom('roltypen as r').innerJoin('zaaktypen as z', 'z.uuid', 'r.zaaktype_uuid').where('r.tenant_id', '=', tenantId);
  for (const condition of zaaktypeConditions(filter)) query = query.where(condition);
  if (filter.omschrijvingGeneriek !== undefined) query = query.where('r.omschrijving_generiek', '=', filter.omschrijvingGeneriek);
  return query;
}

/** One page of a tenant's roltypen matching the filter, oldest first, with the total over all pages. */
export async function listRoltypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: RoltypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: RoltypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('r').orderBy('r.created_at').orderBy('r.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One roltype of the tenant, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findRoltype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<RoltypeRow | undefined> {
  const query = db.selectFrom('roltypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's roltypen with these uuids (unknown ones left out), oldest first. */
export async function findRoltypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<RoltypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('roltypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** Stores a new roltype for the tenant. */
export async function insertRoltype(db: Kysely<Database>, tenantId: string, values: RoltypeValues): Promise<RoltypeRow> {
  return db.insertInto('roltypen').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a roltype's columns; undefined when it is not the tenant's. */
export async function updateRoltype(db: Kysely<Database>, tenantId: string, uuid: string, values: RoltypeValues): Promise<RoltypeRow | undefined> {
  return db.updateTable('roltypen').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a roltype of the tenant. */
export async function deleteRoltype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('roltypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
