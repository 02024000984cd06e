import { sql, type Insertable, type Kysely, type RawBuilder, type SelectQueryBuilder, type Updateable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZakenTable } from '../../../platform/database/tables/zaken.ts';
import type { ZaakRow } from '../shared/zaak-reference.ts';
import type { OrderingTerm, ZaakCondition, ZaakFilter } from './filters.ts';
import { prepared } from '../../../platform/database/prepared.ts';
import { splitRelations, withRelations, type ZaakRowWithRelations, type ZaakWithRelations } from './relation-repository.ts';
import { noteScopeShare, scopeCondition, scopeShareDue, walksListOrder } from './scope-plan.ts';

/*
 * The SQL of the ZAAK resource. Lists filter, authorise and order in SQL: a caller authorised for some zaaktypen
 * gets one index range per zaaktype (zaken_zaaktype_order), merged in list order, so page 1 stays cheap at any size;
 * when those zaaktypen hold most of the tenant's zaken, one walk of the list order (zaken_order) costs less still.
 */

type ZaakQuery = SelectQueryBuilder<Database, 'zaken', object>;

/**
 * One part of what a caller may see: the zaken of one zaaktype (or of any) up to a vertrouwelijkheid rank (or any).
 * A list is the union of its scope's parts; no parts means nothing.
 */
export interface ZaakScopePart {
  zaaktype?: string;
  maxRank?: number;
}

/** The columns a write sets. */
export type ZaakValues = Omit<Insertable<ZakenTable>, 'uuid' | 'tenant_id' | 'created_at' | 'vertrouwelijkheid_rank'>;

function applyCondition(query: ZaakQuery, condition: ZaakCondition): ZaakQuery {
  const column = `zaken.${condition.column}` as const;
  switch (condition.kind) {
    case 'compare':
      return query.where(column, condition.operator, condition.value);
    case 'in':
      // An empty list matches nothing (an IN () would be a syntax error).
      return condition.values.length > 0 ? query.where(column, 'in', condition.values) : query.where(sql<boolean>`false`);
    case 'null':
      return condition.isNull ? query.where(column, 'is', null) : query.where(column, 'is not', null);
  }
}

/** The zaken of the tenant within one scope part that match the filter (no selection yet). */
function filtered(db: Kysely<Database>, tenantId: string, filter: ZaakFilter, part: ZaakScopePart): ZaakQuery {
  let query: ZaakQuery = db.selectFrom('zaken').where('zaken.tenant_id', '=', tenantId);
  if (part.zaaktype !== undefined) query = query.where('zaken.zaaktype_uuid', '=', part.zaaktype);
  if (part.maxRank !== undefined) query = query.where('zaken.vertrouwelijkheid_rank', '<=', part.maxRank);
  for (const condition of filter.conditions) query = applyCondition(query, condition);
  if (filter.uuids !== undefined) query = filter.uuids.length > 0 ? query.where('zaken.uuid', 'in', filter.uuids) : query.where(sql<boolean>`false`);
  const rol = filter.rol;
  if (rol !== undefined) {
    // All rol conditions hold for one and the same rol ("zaken where the initiator has this BSN").
    let rollen = db.selectFrom('rollen').select('rollen.zaak_uuid').where('rollen.tenant_id', '=', tenantId);
    for (const [column, value] of Object.entries(rol)) rollen = rollen.where(sql.ref(`rollen.${column}`), '=', value);
    // A betrokkene's identification names few zaken: look those up first and fetch them by key, rather than let the
    // planner walk the list order probing every zaak. A type or generic role alone may match most zaken: a semi-join.
    const identifies = Object.keys(rol).some((column) => column !== 'betrokkene_type' && column !== 'omschrijving_generiek');
    query = identifies ? query.where(sql<boolean>`zaken.uuid = ANY(ARRAY(${rollen}))`) : query.where('zaken.uuid', 'in', rollen);
  }
  const within = filter.within;
  if (within !== undefined) {
    query = query
      .where('zaken.zaakgeometrie', 'is not', null)
      .where('zaken.geometrie_min_x', '>=', within.box.minX)
      .where('zaken.geometrie_max_x', '<=', within.box.maxX)
      .where('zaken.geometrie_min_y', '>=', within.box.minY)
      .where('zaken.geometrie_max_y', '<=', within.box.maxY)
      .where(sql<boolean>`loket_geometry_within(zaken.zaakgeometrie, ${JSON.stringify(within.polygon)}::jsonb)`);
  }
  return query;
}

/**
 * The full order of a list: the client's terms, then newest first (the index order). Ties of a client's term are
 * broken in that term's direction, so one index scan can serve a whole ordering.
 */
function orderTerms(ordering: readonly OrderingTerm[]): { column: string; descending: boolean }[] {
  const last = ordering[ordering.length - 1];
  const tieDescending = last === undefined ? true : last.descending;
  return [
    ...ordering.map((term) => ({ column: term.field, descending: term.descending })),
    { column: 'created_at', descending: tieDescending },
    { column: 'uuid', descending: tieDescending },
  ];
}

function orderBySql(ordering: readonly OrderingTerm[]) {
  return sql.join(orderTerms(ordering).map((term) => sql`${sql.ref(term.column)} ${sql.raw(term.descending ? 'DESC' : 'ASC')}`));
}

/** Whether the filter narrows nothing beyond what the scope parts say (zaaktype, vertrouwelijkheid). */
function onlyScoped(filter: ZaakFilter): boolean {
  return filter.conditions.length === 0 && filter.uuids === undefined && filter.rol === undefined && filter.within === undefined;
}

/** The number of zaken within the scope, from the counts the triggers of migrations/0017_zaken_counts.sql keep. */
function countedInScope(tenantId: string, scope: readonly ZaakScopePart[]) {
  return sql<{ count: string | number }>`SELECT coalesce(sum(aantal), 0) AS count FROM zaak_counts WHERE tenant_id = ${tenantId} AND ${scopeCondition(scope, 'zaak_counts')}`;
}

/** The page of a scope of one part: one walk of the part's index range, cut at the page. */
function singlePartPage(db: Kysely<Database>, tenantId: string, filter: ZaakFilter, part: ZaakScopePart, orderBy: RawBuilder<unknown>, window: PageWindow) {
  return sql<VersionedZaakRow>`${selectZaak(filtered(db, tenantId, filter, part))} ORDER BY ${orderBy} LIMIT ${window.limit} OFFSET ${window.offset}`;
}

/** A zaak row with the version of the row (its xmin), for the JSON cache (zaak-json-cache.ts). */
type VersionedZaakRow = ZaakRow & { loket_zaak_xmin: string };

/** Every column of the zaak, and its row's xmin: read only where a statement's outer select uses it. */
function selectZaak(query: ZaakQuery) {
  return query.selectAll('zaken').select(sql<string>`zaken.xmin::text`.as('loket_zaak_xmin'));
}

/**
 * The page of a scope of several parts: each part walks its own index range in list order, cut at the page's end, and
 * a Merge Append of the parts reads from each only as many rows as the page takes (for the default order: the page's
 * rows plus one per part), so the zaken of a part beyond the page are never fetched.
 */
function mergedPage(db: Kysely<Database>, tenantId: string, filter: ZaakFilter, scope: readonly ZaakScopePart[], orderBy: RawBuilder<unknown>, window: PageWindow) {
  const parts = scope.map((part) => sql`(${selectZaak(filtered(db, tenantId, filter, part))} ORDER BY ${orderBy} LIMIT ${window.offset + window.limit})`);
  return sql<VersionedZaakRow>`SELECT * FROM (${sql.join(parts, sql` UNION ALL `)}) AS zaken ORDER BY ${orderBy} LIMIT ${window.limit} OFFSET ${window.offset}`;
}

/**
 * The page of a scope of several parts that holds most of the tenant's zaken (scope-plan.ts): one walk of the list
 * order, skipping the zaken outside the scope.
 */
function walkedPage(db: Kysely<Database>, tenantId: string, filter: ZaakFilter, scope: readonly ZaakScopePart[], orderBy: RawBuilder<unknown>, window: PageWindow) {
  return sql<VersionedZaakRow>`${selectZaak(filtered(db, tenantId, filter, {}).where(scopeCondition(scope)))} ORDER BY ${orderBy} LIMIT ${window.limit} OFFSET ${window.offset}`;
}

/**
 * The page's statement for the scope: one part's range, one walk of the list order, or a merge of the parts. Only the
 * default order (newest first) has an index over the whole tenant (zaken_order) to walk.
 */
function pageOfScope(db: Kysely<Database>, tenantId: string, query: ZaakPageQuery, orderBy: RawBuilder<unknown>) {
  const { filter, scope, ordering, window } = query;
  if (scope.length === 1) return singlePartPage(db, tenantId, filter, scope[0] ?? {}, orderBy, window);
  if (ordering.length === 0 && onlyScoped(filter) && walksListOrder(tenantId, scope)) return walkedPage(db, tenantId, filter, scope, orderBy, window);
  return mergedPage(db, tenantId, filter, scope, orderBy, window);
}

interface PageWindow {
  limit: number;
  offset: number;
}

/** What page of which zaken a list reads: the filter, the caller's scope, the order and the window. */
export interface ZaakPageQuery {
  filter: ZaakFilter;
  scope: readonly ZaakScopePart[];
  ordering: readonly OrderingTerm[];
  window: PageWindow;
}

/**
 * One page of the tenant's zaken within the scope that match the filter, in the requested order, each with its
 * relations and version (read in the page's statement), and the exact count over all pages. `projection` says what
 * the statement returns of each zaak (`page.*`: everything; fewer columns let PostgreSQL leave the rest unread).
 *
 * A scope of several parts is one UNION ALL of per-part queries, each ordered and cut at the page's end, so every part
 * walks its own index range (or, once the scope is known to hold most of the tenant's zaken, one walk of the list
 * order: scope-plan.ts); the total is the sum of the parts' counts, read from the kept counts when the filter
 * narrows nothing more, so a zaaktype with many zaken costs no walk over all of them. Such a list (the common one: a
 * zaaktype, the caller's autorisaties) is one prepared statement: its text depends only on the number of parts and
 * the ordering, and the count rides along with the page (one row with the count alone when the page is empty). A
 * filtered count walks the matching zaken, so it runs beside the page on a connection of its own.
 */
async function readPage<Row extends object>(db: Kysely<Database>, tenantId: string, query: ZaakPageQuery, projection: RawBuilder<unknown>): Promise<{ count: number; rows: Row[] }> {
  const { filter, scope, ordering } = query;
  if (scope.length === 0) return { count: 0, rows: [] };
  const orderBy = orderBySql(ordering);
  const pageQuery = pageOfScope(db, tenantId, query, orderBy);
  if (onlyScoped(filter)) {
    // A scope of several parts whose share is due also reads the tenant's total, for the next pages' plan (scope-plan.ts).
    const tenantTotal = scope.length > 1 && scopeShareDue(tenantId, scope) ? sql`(SELECT coalesce(sum(aantal), 0) FROM zaak_counts WHERE tenant_id = ${tenantId})` : sql`NULL`;
    const statement = sql<{ loket_list_count: string | number; loket_tenant_count: string | number | null; uuid: string | null }>`SELECT counted.count AS loket_list_count,
      ${tenantTotal} AS loket_tenant_count, ${projection}
      FROM (${countedInScope(tenantId, scope)}) AS counted LEFT JOIN LATERAL (${withRelations(pageQuery)}) AS page ON true ORDER BY ${orderBy}`;
    const { rows } = await prepared(statement).execute(db);
    const count = Number(rows[0]?.loket_list_count ?? 0);
    const tenantCount = rows[0]?.loket_tenant_count;
    if (tenantCount !== null && tenantCount !== undefined) noteScopeShare(tenantId, scope, count, Number(tenantCount));
    return { count, rows: rows.flatMap(({ loket_list_count: _count, loket_tenant_count: _total, ...read }) => (read.uuid === null ? [] : [read as unknown as Row])) };
  }
  const counts = scope.map((part) => sql`(${filtered(db, tenantId, filter, part).select((eb) => eb.fn.countAll<number>().as('count'))})`);
  const countQuery = sql<{ count: string | number }>`SELECT ${sql.join(counts, sql` + `)} AS count`;
  const pageStatement = sql<Row>`SELECT ${projection} FROM (${withRelations(pageQuery)}) AS page ORDER BY ${orderBy}`;
  const [counted, page] = await Promise.all([countQuery.execute(db), pageStatement.execute(db)]);
  return { count: Number(counted.rows[0]?.count ?? 0), rows: page.rows };
}

/** One page of the zaken within the scope that match the filter, each with its relations and version (see readPage). */
export async function listZaken(db: Kysely<Database>, tenantId: string, query: ZaakPageQuery): Promise<{ count: number; zaken: ZaakWithRelations[] }> {
  const { count, rows } = await readPage<ZaakRowWithRelations>(db, tenantId, query, sql`page.*`);
  return { count, zaken: rows.map(splitRelations) };
}

/** A zaak of a page, as far as the JSON cache needs it. */
export interface ZaakVersion {
  uuid: string;
  version: string;
}

/**
 * The same page as listZaken, with only each zaak's uuid and version: what a page costs when the zaken's JSON is
 * already known (zaak-json-cache.ts). The zaken's other columns and relation lists are neither read out nor sent.
 */
export async function listZaakVersions(db: Kysely<Database>, tenantId: string, query: ZaakPageQuery): Promise<{ count: number; zaken: ZaakVersion[] }> {
  const { count, rows } = await readPage<ZaakVersion>(db, tenantId, query, sql`page.uuid, page.loket_versie AS version`);
  return { count, zaken: rows };
}

/** The tenant's zaak with this uuid, locked for the rest of the transaction (so concurrent changes queue). */
export async function findZaakForUpdate(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakRow | undefined> {
  return db.selectFrom('zaken').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).forUpdate().executeTakeFirst();
}

/** The tenant's zaken with these uuids (unknown ones left out). */
export async function findZaken(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaakRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaken').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', [...new Set(uuids)]).execute();
}

/** Whether a zaak of the tenant already has this identificatie within the bronorganisatie (zrc-002). */
export async function identificatieTaken(db: Kysely<Database>, tenantId: string, bronorganisatie: string, identificatie: string, exceptUuid?: string): Promise<boolean> {
  let query = db
    .selectFrom('zaken')
    .select('uuid')
    .where('tenant_id', '=', tenantId)
    .where('bronorganisatie', '=', bronorganisatie)
    .where('identificatie', '=', identificatie);
  if (exceptUuid !== undefined) query = query.where('uuid', '<>', exceptUuid);
  return (await query.executeTakeFirst()) !== undefined;
}

/**
 * Stores a new zaak; undefined when the bronorganisatie already has one with its identificatie (zrc-002). The
 * statement then changes nothing, so the transaction stays usable.
 */
export async function insertZaak(db: Kysely<Database>, tenantId: string, values: ZaakValues): Promise<ZaakRow | undefined> {
  return db
    .insertInto('zaken')
    .values({ ...values, tenant_id: tenantId })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'bronorganisatie', 'identificatie']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Overwrites a zaak's writable columns. */
export async function updateZaak(db: Kysely<Database>, tenantId: string, uuid: string, values: Updateable<ZakenTable>): Promise<ZaakRow> {
  return db.updateTable('zaken').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirstOrThrow();
}

/** The uuids of a zaak's deelzaken. */
export async function deelzaakUuids(db: Kysely<Database>, tenantId: string, uuid: string): Promise<string[]> {
  const rows = await db.selectFrom('zaken').select('uuid').where('tenant_id', '=', tenantId).where('hoofdzaak_uuid', '=', uuid).execute();
  return rows.map((row) => row.uuid);
}

/**
 * Deletes a zaak. Its statussen, resultaat, rollen, zaakobjecten, zaakeigenschappen, zaakinformatieobjecten,
 * klantcontacten, … and its deelzaken (with theirs) go with it through the foreign keys (zrc-023).
 */
export async function deleteZaak(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaken').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** The informatieobject URLs related to a zaak (ZAAKINFORMATIEOBJECTen). */
export async function informatieobjectenOfZaak(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<string[]> {
  const rows = await db.selectFrom('zaakinformatieobjecten').select('informatieobject').where('tenant_id', '=', tenantId).where('zaak_uuid', '=', zaakUuid).execute();
  return rows.map((row) => row.informatieobject);
}
