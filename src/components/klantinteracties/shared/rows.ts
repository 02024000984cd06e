import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { KlantinteractiesTables } from '../../../platform/database/tables/klantinteracties.ts';
import { isUuid } from './urls.ts';

/*
 * The SQL every resource of the API shares: one row by uuid, a filtered page, insert, update and delete, always
 * within the tenant. The main table of a list is aliased `r`, so the filters (./filters.ts) can name its columns.
 */

/** The tables that hold a resource with a uuid of its own. */
export type KlantTable = Exclude<keyof KlantinteractiesTables, 'api_tokens' | 'ki_nummers' | 'ki_interne_taak_actoren'>;
/** A stored row; every one of these tables has a uuid of its own. */
export type KlantRow<T extends KlantTable> = Selectable<Database[T]> & { uuid: string };

/** Column values of a write: JSON groups already as JSON text, dates as text. */
export type ColumnValues = Record<string, string | number | boolean | null>;

/** One row of the tenant, or undefined (also for a malformed uuid). */
export async function findRow<T extends KlantTable>(db: Kysely<Database>, table: T, tenantId: string, uuid: string): Promise<KlantRow<T> | undefined> {
  if (!isUuid(uuid)) return undefined;
  const { rows } = await sql<KlantRow<T>>`SELECT * FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND uuid = ${uuid}`.execute(db);
  return rows[0];
}

/** The tenant's rows with these uuids (any order). */
export async function findRows<T extends KlantTable>(db: Kysely<Database>, table: T, tenantId: string, uuids: readonly string[]): Promise<KlantRow<T>[]> {
  const wanted = [...new Set(uuids.filter(isUuid))];
  if (wanted.length === 0) return [];
  const { rows } = await sql<KlantRow<T>>`SELECT * FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND uuid = ANY(${wanted}::uuid[])`.execute(db);
  return rows;
}

/** The tenant's rows whose column holds one of these uuids, in creation order (relations of a page of parents). */
export async function rowsReferring<T extends KlantTable>(db: Kysely<Database>, table: T, tenantId: string, column: string, uuids: readonly string[]): Promise<KlantRow<T>[]> {
  if (uuids.length === 0) return [];
  const { rows } = await sql<KlantRow<T>>`SELECT * FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND ${sql.ref(column)} = ANY(${[...new Set(uuids)]}::uuid[]) ORDER BY created_at, uuid`.execute(db);
  return rows;
}

/** One page of the tenant's rows that meet every condition, in the given order, with the total. */
export async function listRows<T extends KlantTable>(
  db: Kysely<Database>,
  table: T,
  tenantId: string,
  conditions: readonly RawBuilder<boolean>[],
  order: RawBuilder<unknown>,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: KlantRow<T>[] }> {
  const where = sql.join([sql<boolean>`r.tenant_id = ${tenantId}`, ...conditions], sql` AND `);
  const [counted, page] = await Promise.all([
    sql<{ count: number }>`SELECT count(*)::int AS count FROM ${sql.table(table)} AS r WHERE ${where}`.execute(db),
    sql<KlantRow<T>>`SELECT r.* FROM ${sql.table(table)} AS r WHERE ${where} ORDER BY ${order} LIMIT ${window.limit} OFFSET ${window.offset}`.execute(db),
  ]);
  return { count: Number(counted.rows[0]?.count ?? 0), rows: page.rows };
}

/** Stores a new row of the tenant and returns it. */
export async function insertRow<T extends KlantTable>(db: Kysely<Database>, table: T, tenantId: string, values: ColumnValues): Promise<KlantRow<T>> {
  const columns = ['tenant_id', ...Object.keys(values)];
  const params = [tenantId, ...Object.values(values)];
  const { rows } = await sql<KlantRow<T>>`INSERT INTO ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))}) VALUES (${sql.join(params)}) RETURNING *`.execute(db);
  const [row] = rows;
  if (!row) throw new Error(`${table}: the insert returned no row`);
  return row;
}

/** Changes a row of the tenant; undefined when it is not there. */
export async function updateRow<T extends KlantTable>(db: Kysely<Database>, table: T, tenantId: string, uuid: string, values: ColumnValues): Promise<KlantRow<T> | undefined> {
  const entries = Object.entries(values);
  if (entries.length === 0) return findRow(db, table, tenantId, uuid);
  const assignments = sql.join(entries.map(([column, value]) => sql`${sql.ref(column)} = ${value}`));
  const { rows } = await sql<KlantRow<T>>`UPDATE ${sql.table(table)} SET ${assignments} WHERE tenant_id = ${tenantId} AND uuid = ${uuid} RETURNING *`.execute(db);
  return rows[0];
}

/** Removes a row of the tenant; whether there was one. */
export async function deleteRow(db: Kysely<Database>, table: KlantTable, tenantId: string, uuid: string): Promise<boolean> {
  const result = await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${tenantId} AND uuid = ${uuid}`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}
