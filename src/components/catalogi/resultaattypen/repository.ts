import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ResultaattypenTable } from '../../../platform/database/tables/catalogi-typen.ts';
import { zaaktypeConditions, type ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';

/** A stored resultaattype. Its `data` holds the attributes without a column, under the API's names. */
export type ResultaattypeRow = Selectable<ResultaattypenTable>;

/** The columns a write sets. */
export interface ResultaattypeValues {
  zaaktype_uuid: string;
  omschrijving: string;
  resultaattypeomschrijving: string;
  selectielijstklasse: string;
  archiefnominatie: string | null;
  archiefactietermijn: string | null;
  brondatum_archiefprocedure: Record<string, unknown> | null;
  besluittype_uuids: string[];
  informatieobjecttype_uuids: string[];
  data: Record<string, unknown>;
}

/** The unique index on (zaaktype_uuid, omschrijving) from migration 0012. */
export const OMSCHRIJVING_CONSTRAINT = 'resultaattypen_zaaktype_omschrijving';

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaaktypeFilter) {
  let query = db.selectFrom('resultaattypen as r').innerJoin('zaaktypen as z', 'z.uuid', 'r.zaaktype_uuid').where('r.tenant_id', '=', tenantId);
  for (const condition of zaaktypeConditions(filter)) query = query.where(condition);
  return query;
}

/** One page of a tenant's resultaattypen matching the filter, oldest first, with the total over all pages. */
export async function listResultaattypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaaktypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ResultaattypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('r').orderBy('r.created_at').orderBy('r.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One resultaattype of the tenant, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findResultaattype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<ResultaattypeRow | undefined> {
  const query = db.selectFrom('resultaattypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's resultaattypen with these uuids (unknown ones left out), oldest first. */
export async function findResultaattypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ResultaattypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('resultaattypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** Whether another resultaattype of the zaaktype has this omschrijving. */
export async function omschrijvingTaken(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, omschrijving: string, exceptUuid?: string): Promise<boolean> {
  let query = db.selectFrom('resultaattypen').select('uuid').where('tenant_id', '=', tenantId).where('zaaktype_uuid', '=', zaaktypeUuid).where('omschrijving', '=', omschrijving);
  if (exceptUuid !== undefined) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

function columns(values: ResultaattypeValues) {
  return {
    ...values,
    brondatum_archiefprocedure: values.brondatum_archiefprocedure === null ? null : JSON.stringify(values.brondatum_archiefprocedure),
    data: JSON.stringify(values.data),
  };
}

/** Stores a new resultaattype for the tenant. */
export async function insertResultaattype(db: Kysely<Database>, tenantId: string, values: ResultaattypeValues): Promise<ResultaattypeRow> {
  return db.insertInto('resultaattypen').values({ tenant_id: tenantId, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a resultaattype's columns; undefined when it is not the tenant's. */
export async function updateResultaattype(db: Kysely<Database>, tenantId: string, uuid: string, values: ResultaattypeValues): Promise<ResultaattypeRow | undefined> {
  return db.updateTable('resultaattypen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a resultaattype of the tenant. */
export async function deleteResultaattype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('resultaattypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
