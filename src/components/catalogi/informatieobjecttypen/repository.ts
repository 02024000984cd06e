import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InformatieobjecttypenTable } from '../../../platform/database/tables/catalogi-typen.ts';

/** A stored informatieobjecttype. Its `data` holds the attributes without a column, under the API's names. */
export type InformatieobjecttypeRow = Selectable<InformatieobjecttypenTable>;

/** The columns a write sets. */
export interface InformatieobjecttypeValues {
  catalogus_uuid: string;
  omschrijving: string;
  vertrouwelijkheidaanduiding: string;
  begin_geldigheid: string;
  einde_geldigheid: string | null;
  data: Record<string, unknown>;
}

/** The list filters, already resolved. */
export interface InformatieobjecttypeFilter {
  catalogusUuid?: string | null;
  omschrijving?: string;
  concept?: boolean;
  datumGeldigheid?: string;
}

type Query = SelectQueryBuilder<Database, 'informatieobjecttypen', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: InformatieobjecttypeFilter): Query {
  let query: Query = db.selectFrom('informatieobjecttypen').where('tenant_id', '=', tenantId);
  if (filter.catalogusUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.catalogusUuid !== undefined) query = query.where('catalogus_uuid', '=', filter.catalogusUuid);
  if (filter.omschrijving !== undefined) query = query.where('omschrijving', '=', filter.omschrijving);
  if (filter.concept !== undefined) query = query.where('concept', '=', filter.concept);
  if (filter.datumGeldigheid !== undefined) {
    const date = filter.datumGeldigheid;
    query = query.where('begin_geldigheid', '<=', date).where((eb) => eb.or([eb('einde_geldigheid', 'is', null), eb('einde_geldigheid', '>=', date)]));
  }
  return query;
}

/** One page of a tenant's informatieobjecttypen matching the filter, oldest first, with the total. */
export async function listInformatieobjecttypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: InformatieobjecttypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: InformatieobjecttypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll().orderBy('created_at').orderBy('uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One informatieobjecttype of the tenant, or undefined; `forUpdate` locks it. */
export async function findInformatieobjecttype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<InformatieobjecttypeRow | undefined> {
  const query = db.selectFrom('informatieobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's informatieobjecttypen with these uuids, oldest first. */
export async function findInformatieobjecttypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<InformatieobjecttypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('informatieobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** Every informatieobjecttype (all versions) of these catalogi, oldest first. */
export async function informatieobjecttypenOfCatalogi(db: Kysely<Database>, tenantId: string, catalogusUuids: readonly string[]): Promise<InformatieobjecttypeRow[]> {
  if (catalogusUuids.length === 0) return [];
  return db.selectFrom('informatieobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('catalogus_uuid', 'in', catalogusUuids).orderBy('created_at').orderBy('uuid').execute();
}

function columns(values: InformatieobjecttypeValues) {
  return { ...values, data: JSON.stringify(values.data) };
}

/** Stores a new informatieobjecttype (a concept). */
export async function insertInformatieobjecttype(db: Kysely<Database>, tenantId: string, values: InformatieobjecttypeValues): Promise<InformatieobjecttypeRow> {
  return db.insertInto('informatieobjecttypen').values({ tenant_id: tenantId, concept: true, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites an informatieobjecttype's columns; undefined when it is not the tenant's. */
export async function updateInformatieobjecttype(db: Kysely<Database>, tenantId: string, uuid: string, values: InformatieobjecttypeValues): Promise<InformatieobjecttypeRow | undefined> {
  return db.updateTable('informatieobjecttypen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Marks an informatieobjecttype published. */
export async function markInformatieobjecttypePublished(db: Kysely<Database>, tenantId: string, uuid: string): Promise<InformatieobjecttypeRow | undefined> {
  return db.updateTable('informatieobjecttypen').set({ concept: false }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes an informatieobjecttype. */
export async function deleteInformatieobjecttype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('informatieobjecttypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
