import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { EigenschappenTable } from '../../../platform/database/tables/catalogi-typen.ts';
import { zaaktypeConditions, type ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';

/** A stored eigenschap. Its `data` holds the attributes without a column, under the API's names. */
export type EigenschapRow = Selectable<EigenschappenTable>;

/** The columns a write sets. */
export interface EigenschapValues {
  zaaktype_uuid: string;
  naam: string;
  specificatie: Record<string, unknown>;
  statustype_uuid: string | null;
  data: Record<string, unknown>;
}

/** The unique index on (zaaktype_uuid, naam) from migration 0012. */
export const NAAM_CONSTRAINT = 'eigenschappen_zaaktype_naam';

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaaktypeFilter) {
  let query = db.selectFrom('eigenschappen as e').innerJoin('zaaktypen as z', 'z.uuid', 'e.zaaktype_uuid').where('e.tenant_id', '=', tenantId);
  for (const condition of zaaktypeConditions(filter)) query = query.where(condition);
  return query;
}

/** One page of a tenant's eigenschappen matching the filter, oldest first, with the total over all pages. */
export async function listEigenschappen(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaaktypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: EigenschapRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('e').orderBy('e.created_at').orderBy('e.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One eigenschap of the tenant, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findEigenschap(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<EigenschapRow | undefined> {
  const query = db.selectFrom('eigenschappen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's eigenschappen with these uuids (unknown ones left out), oldest first. */
export async function findEigenschappen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<EigenschapRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('eigenschappen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** Whether another eigenschap of the zaaktype has this naam. */
export async function naamTaken(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, naam: string, exceptUuid?: string): Promise<boolean> {
  let query = db.selectFrom('eigenschappen').select('uuid').where('tenant_id', '=', tenantId).where('zaaktype_uuid', '=', zaaktypeUuid).where('naam', '=', naam);
  if (exceptUuid !== undefined) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

function columns(values: EigenschapValues) {
  return { ...values, specificatie: JSON.stringify(values.specificatie), data: JSON.stringify(values.data) };
}

/** Stores a new eigenschap for the tenant. */
export async function insertEigenschap(db: Kysely<Database>, tenantId: string, values: EigenschapValues): Promise<EigenschapRow> {
  return db.insertInto('eigenschappen').values({ tenant_id: tenantId, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites an eigenschap's columns; undefined when it is not the tenant's. */
export async function updateEigenschap(db: Kysely<Database>, tenantId: string, uuid: string, values: EigenschapValues): Promise<EigenschapRow | undefined> {
  return db.updateTable('eigenschappen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes an eigenschap of the tenant. */
export async function deleteEigenschap(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('eigenschappen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
