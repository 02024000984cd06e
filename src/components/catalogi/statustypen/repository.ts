import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { StatustypenTable } from '../../../platform/database/tables/catalogi-typen.ts';
import { zaaktypeConditions, type ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';

/** A stored statustype. Its `data` holds the attributes without a column, under the API's names. */
export type StatustypeRow = Selectable<StatustypenTable>;

/** The columns a write sets. */
export interface StatustypeValues {
  zaaktype_uuid: string;
  omschrijving: string;
  volgnummer: number;
  informeren: boolean;
  data: Record<string, unknown>;
}

/** The unique constraint on (zaaktype_uuid, volgnummer) from migration 0009. */
export const VOLGNUMMER_CONSTRAINT = 'statustypen_zaaktype_uuid_volgnummer_key';

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaaktypeFilter) {
  let query = db.selectFrom('statustypen as s').innerJoin('zaaktypen as z', 'z.uuid', 's.zaaktype_uuid').where('s.tenant_id', '=', tenantId);
  for (const condition of zaaktypeConditions(filter)) query = query.where(condition);
  return query;
}

/** One page of a tenant's statustypen matching the filter, oldest first, with the total over all pages. */
export async function listStatustypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaaktypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: StatustypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('s').orderBy('s.created_at').orderBy('s.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One statustype of the tenant, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findStatustype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<StatustypeRow | undefined> {
  const query = db.selectFrom('statustypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's statustypen with these uuids (unknown ones left out), oldest first. */
export async function findStatustypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<StatustypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('statustypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** The highest volgnummer of each zaaktype's statustypen: the eindstatus has it. */
export async function highestVolgnummers(db: Kysely<Database>, tenantId: string, zaaktypeUuids: readonly string[]): Promise<Map<string, number>> {
  if (zaaktypeUuids.length === 0) return new Map();
  const rows = await db
    .selectFrom('statustypen')
    .select(['zaaktype_uuid', (eb) => eb.fn.max('volgnummer').as('highest')])
    .where('tenant_id', '=', tenantId)
    .where('zaaktype_uuid', 'in', [...new Set(zaaktypeUuids)])
    .groupBy('zaaktype_uuid')
    .execute();
  return new Map(rows.map((row) => [row.zaaktype_uuid, Number(row.highest)]));
}

/** The eigenschappen each statustype requires (eigenschappen.statustype_uuid), oldest first. */
export async function requiredEigenschappen(db: Kysely<Database>, tenantId: string, statustypeUuids: readonly string[]): Promise<Map<string, string[]>> {
  const required = new Map<string, string[]>(statustypeUuids.map((uuid) => [uuid, []]));
  if (statustypeUuids.length === 0) return required;
  const rows = await db
    .selectFrom('eigenschappen')
    .select(['uuid', 'statustype_uuid'])
    .where('tenant_id', '=', tenantId)
    .where('statustype_uuid', 'in', statustypeUuids)
    .orderBy('created_at')
    .orderBy('uuid')
    .execute();
  for (const row of rows) if (row.statustype_uuid) required.get(row.statustype_uuid)?.push(row.uuid);
  return required;
}

/** Whether another statustype of the zaaktype has this volgnummer. */
export async function volgnummerTaken(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, volgnummer: number, exceptUuid?: string): Promise<boolean> {
  let query = db.selectFrom('statustypen').select('uuid').where('tenant_id', '=', tenantId).where('zaaktype_uuid', '=', zaaktypeUuid).where('volgnummer', '=', volgnummer);
  if (exceptUuid !== undefined) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

/** How many zaaktype-informatieobjecttypen name the statustype. */
export async function countZaaktypeInformatieobjecttypen(db: Kysely<Database>, tenantId: string, statustypeUuid: string): Promise<number> {
  const { count } = await db
    .selectFrom('zaaktype_informatieobjecttypen')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('tenant_id', '=', tenantId)
    .where('statustype_uuid', '=', statustypeUuid)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/**
 * Makes exactly these eigenschappen the ones the statustype requires. The relation is stored on the eigenschap
 * (one statustype per eigenschap), so naming an eigenschap here takes it from the statustype that had it.
 */
export async function assignEigenschappen(db: Kysely<Database>, tenantId: string, statustypeUuid: string, eigenschapUuids: readonly string[]): Promise<void> {
  let released = db.updateTable('eigenschappen').set({ statustype_uuid: null }).where('tenant_id', '=', tenantId).where('statustype_uuid', '=', statustypeUuid);
  if (eigenschapUuids.length > 0) released = released.where('uuid', 'not in', eigenschapUuids);
  await released.execute();
  if (eigenschapUuids.length > 0) {
    await db.updateTable('eigenschappen').set({ statustype_uuid: statustypeUuid }).where('tenant_id', '=', tenantId).where('uuid', 'in', eigenschapUuids).execute();
  }
}

function columns(values: StatustypeValues) {
  return { ...values, data: JSON.stringify(values.data) };
}

/** Stores a new statustype for the tenant. */
export async function insertStatustype(db: Kysely<Database>, tenantId: string, values: StatustypeValues): Promise<StatustypeRow> {
  return db.insertInto('statustypen').values({ tenant_id: tenantId, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a statustype's columns; undefined when it is not the tenant's. */
export async function updateStatustype(db: Kysely<Database>, tenantId: string, uuid: string, values: StatustypeValues): Promise<StatustypeRow | undefined> {
  return db.updateTable('statustypen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a statustype of the tenant; eigenschappen and zaaktype-informatieobjecttypen lose their link to it. */
export async function deleteStatustype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('statustypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
