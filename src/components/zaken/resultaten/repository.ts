import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { ResultaatRow } from './present.ts';

/** The columns a write sets. */
export interface ResultaatValues {
  zaak_uuid: string;
  resultaattype_uuid: string;
  toelichting: string;
}

/** The list filters; a null uuid means a URL that is no object of this tenant's APIs (nothing matches). */
export interface ResultaatFilter {
  zaakUuid?: string | null;
  resultaattypeUuid?: string | null;
}

type ResultaatQuery = SelectQueryBuilder<Database, 'resultaten', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: ResultaatFilter, readable: ReadableZaken): ResultaatQuery {
  let query: ResultaatQuery = db.selectFrom('resultaten').where('resultaten.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null || filter.resultaattypeUuid === null) return query.where(sql<boolean>`false`);
  if (filter.zaakUuid !== undefined) query = query.where('resultaten.zaak_uuid', '=', filter.zaakUuid);
  if (filter.resultaattypeUuid !== undefined) query = query.where('resultaten.resultaattype_uuid', '=', filter.resultaattypeUuid);
  if (readable) query = query.where('resultaten.zaak_uuid', 'in', readable);
  return query;
}

/** One page of the tenant's resultaten matching the filter and readable by the caller, oldest first, with the total. */
export async function listResultaten(
  db: Kysely<Database>,
  tenantId: string,
  filter: ResultaatFilter,
  readable: ReadableZaken,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ResultaatRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter, readable).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter, readable).selectAll('resultaten').orderBy('resultaten.created_at').orderBy('resultaten.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** The tenant's resultaten with these uuids. */
export async function findResultaten(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ResultaatRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('resultaten').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', [...uuids]).execute();
}

/** One resultaat of the tenant, or undefined. */
export async function findResultaat(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ResultaatRow | undefined> {
  return db.selectFrom('resultaten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Whether the zaak has a resultaat other than `except`. */
export async function zaakHasOtherResultaat(db: Kysely<Database>, zaakUuid: string, except?: string): Promise<boolean> {
  let query = db.selectFrom('resultaten').select('uuid').where('zaak_uuid', '=', zaakUuid);
  if (except !== undefined) query = query.where('uuid', '<>', except);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Stores a new resultaat. */
export async function insertResultaat(db: Kysely<Database>, tenantId: string, values: ResultaatValues): Promise<ResultaatRow> {
  return db.insertInto('resultaten').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a resultaat's columns; undefined when it is not the tenant's. */
export async function updateResultaat(db: Kysely<Database>, tenantId: string, uuid: string, values: ResultaatValues): Promise<ResultaatRow | undefined> {
  return db.updateTable('resultaten').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Removes a resultaat of the tenant. */
export async function deleteResultaat(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('resultaten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** The zaaktype a resultaattype of the tenant's catalogue belongs to, or undefined when there is no such type. */
export async function zaaktypeOfResultaattype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<string | undefined> {
  const row = await db.selectFrom('resultaattypen').select('zaaktype_uuid').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  return row?.zaaktype_uuid;
}
