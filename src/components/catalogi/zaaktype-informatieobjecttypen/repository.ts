import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaaktypeInformatieobjecttypenTable } from '../../../platform/database/tables/catalogi-typen.ts';
import { zaaktypeConditions, type ZaaktypeFilter } from '../zaaktype-onderdelen/query.ts';

/** A stored zaaktype-informatieobjecttype. */
export type ZaaktypeInformatieobjecttypeRow = Selectable<ZaaktypeInformatieobjecttypenTable>;

/** The columns a write sets. */
export interface ZaaktypeInformatieobjecttypeValues {
  zaaktype_uuid: string;
  informatieobjecttype_omschrijving: string;
  volgnummer: number;
  richting: string;
  statustype_uuid: string | null;
}

/** The unique constraint on (zaaktype_uuid, volgnummer) from migration 0009. */
export const VOLGNUMMER_CONSTRAINT = 'zaaktype_informatieobjecttypen_zaaktype_uuid_volgnummer_key';

/** The list filters, already resolved. */
export interface ZaaktypeInformatieobjecttypeFilter extends Pick<ZaaktypeFilter, 'zaaktypeUuid'> {
  /** An omschrijving, optionally only in one catalogus (when the filter named a version by URL); null selects nothing. */
  informatieobjecttype?: { omschrijving: string; catalogusUuid?: string } | null;
  richting?: string;
  /** Published: the zaaktype is, and its informatieobjecttype has a published version. */
  definitief?: boolean;
}

/** Whether the relation is definitive: a published zaaktype and a published version of the informatieobjecttype. */
const DEFINITIEF = sql<SqlBool>`(z.concept = false AND EXISTS (
  SELECT 1 FROM informatieobjecttypen i
  WHERE i.tenant_id = zi.tenant_id AND i.catalogus_uuid = z.catalogus_uuid AND i.omschrijving = zi.informatieobjecttype_omschrijving AND i.concept = false))`;

function conditions(filter: ZaaktypeInformatieobjecttypeFilter): Expression<SqlBool>[] {
  const found: Expression<SqlBool>[] = zaaktypeConditions({ zaaktypeUuid: filter.zaaktypeUuid });
  if (filter.informatieobjecttype === null) return [sql<SqlBool>`false`];
  if (filter.informatieobjecttype !== undefined) {
    found.push(sql<SqlBool>`zi.informatieobjecttype_omschrijving = ${filter.informatieobjecttype.omschrijving}`);
    if (filter.informatieobjecttype.catalogusUuid !== undefined) found.push(sql<SqlBool>`z.catalogus_uuid = ${filter.informatieobjecttype.catalogusUuid}`);
  }
  if (filter.richting !== undefined) found.push(sql<SqlBool>`zi.richting = ${filter.richting}`);
  if (filter.definitief === true) found.push(DEFINITIEF);
  if (filter.definitief === false) found.push(sql<SqlBool>`NOT ${DEFINITIEF}`);
  return found;
}

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaaktypeInformatieobjecttypeFilter) {
  let query = db
    .selectFrom('zaaktype_informatieobjecttypen as zi')
    .innerJoin('zaaktypen as z', 'z.uuid', 'zi.zaaktype_uuid')
    .where('zi.tenant_id', '=', tenantId);
  for (const condition of conditions(filter)) query = query.where(condition);
  return query;
}

/** One page of a tenant's zaaktype-informatieobjecttypen matching the filter, oldest first, with the total. */
export async function listZaaktypeInformatieobjecttypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaaktypeInformatieobjecttypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ZaaktypeInformatieobjecttypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('zi').orderBy('zi.created_at').orderBy('zi.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One zaaktype-informatieobjecttype of the tenant, or undefined; `forUpdate` locks it. */
export async function findZaaktypeInformatieobjecttype(
  db: Kysely<Database>,
  tenantId: string,
  uuid: string,
  options: { forUpdate?: boolean } = {},
): Promise<ZaaktypeInformatieobjecttypeRow | undefined> {
  const query = db.selectFrom('zaaktype_informatieobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's zaaktype-informatieobjecttypen with these uuids (unknown ones left out), oldest first. */
export async function findZaaktypeInformatieobjecttypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaaktypeInformatieobjecttypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaaktype_informatieobjecttypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** One informatieobjecttype version of the tenant (for a filter that names it by URL), or undefined. */
export async function findInformatieobjecttypeVersion(db: Kysely<Database>, tenantId: string, uuid: string): Promise<{ omschrijving: string; catalogus_uuid: string } | undefined> {
  return db.selectFrom('informatieobjecttypen').select(['omschrijving', 'catalogus_uuid']).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/**
 * The version of each named informatieobjecttype a zaaktype-informatieobjecttype shows, by catalogus and
 * omschrijving: the published version valid on `date`, else the latest version (a concept one while the catalogue
 * is being built).
 */
export async function shownInformatieobjecttypen(
  db: Kysely<Database>,
  tenantId: string,
  families: readonly { catalogusUuid: string; omschrijving: string }[],
  date: string,
): Promise<{ catalogus_uuid: string; omschrijving: string; uuid: string }[]> {
  if (families.length === 0) return [];
  const { rows } = await sql<{ catalogus_uuid: string; omschrijving: string; uuid: string }>`
    SELECT DISTINCT ON (catalogus_uuid, omschrijving) catalogus_uuid, omschrijving, uuid
    FROM informatieobjecttypen
    WHERE tenant_id = ${tenantId}
      AND catalogus_uuid IN (${sql.join([...new Set(families.map((family) => family.catalogusUuid))])})
      AND omschrijving IN (${sql.join([...new Set(families.map((family) => family.omschrijving))])})
    ORDER BY catalogus_uuid, omschrijving,
      (concept = false AND begin_geldigheid <= ${date}::date AND (einde_geldigheid IS NULL OR einde_geldigheid >= ${date}::date)) DESC,
      begin_geldigheid DESC, created_at DESC`.execute(db);
  return rows;
}

/** Whether another zaaktype-informatieobjecttype of the zaaktype has this volgnummer. */
export async function volgnummerTaken(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, volgnummer: number, exceptUuid?: string): Promise<boolean> {
  let query = db.selectFrom('zaaktype_informatieobjecttypen').select('uuid').where('tenant_id', '=', tenantId).where('zaaktype_uuid', '=', zaaktypeUuid).where('volgnummer', '=', volgnummer);
  if (exceptUuid !== undefined) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Stores a new zaaktype-informatieobjecttype for the tenant. */
export async function insertZaaktypeInformatieobjecttype(db: Kysely<Database>, tenantId: string, values: ZaaktypeInformatieobjecttypeValues): Promise<ZaaktypeInformatieobjecttypeRow> {
  return db.insertInto('zaaktype_informatieobjecttypen').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a zaaktype-informatieobjecttype's columns; undefined when it is not the tenant's. */
export async function updateZaaktypeInformatieobjecttype(
  db: Kysely<Database>,
  tenantId: string,
  uuid: string,
  values: ZaaktypeInformatieobjecttypeValues,
): Promise<ZaaktypeInformatieobjecttypeRow | undefined> {
  return db.updateTable('zaaktype_informatieobjecttypen').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a zaaktype-informatieobjecttype of the tenant. */
export async function deleteZaaktypeInformatieobjecttype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaaktype_informatieobjecttypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
