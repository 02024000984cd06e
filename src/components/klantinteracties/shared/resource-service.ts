import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { isUniqueViolation } from '../../../platform/zgw/request-body.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import type { KlantCaller, KlantDeps } from './caller.ts';
import { parseExpand } from './expand.ts';
import { conditionsOf } from './filters.ts';
import type { ResourceDefinition } from './resource.ts';
import { deleteRow, findRow, findRows, insertRow, listRows, updateRow, type KlantRow, type KlantTable } from './rows.ts';

/*
 * The operations every resource of the Klantinteracties API has (`…List`, `…Create`, `…Retrieve`, `…Update`,
 * `…PartialUpdate`, `…Destroy`), driven by the resource's definition. Each write is one transaction together with
 * its nested writes and its processing-log record.
 */

/** The query of a list: filters, `page`, `pageSize` and perhaps `expand`. */
export type ListQuery = Record<string, unknown> & { page?: number; pageSize?: number; expand?: string | string[] };

function notFound(label: string, uuid: string): ProblemError {
  return new ProblemError('not_found', `${label} ${uuid} bestaat niet.`);
}

async function presentOne<T extends KlantTable, J>(db: Kysely<Database>, definition: ResourceDefinition<T, J>, caller: KlantCaller, row: KlantRow<T>, expand: ReadonlySet<string>): Promise<J> {
  const [json] = await definition.present(db, caller, [row], expand);
  if (json === undefined) throw new Error(`${definition.label}: presenting a row gave nothing`);
  return json;
}

/** A concurrent duplicate that passed the service's own checks still becomes a readable 400. */
async function guardUnique<R>(label: string, work: () => Promise<R>): Promise<R> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([{ name: 'nonFieldErrors', code: 'unique', reason: `Een ${label.toLowerCase()} met deze gegevens bestaat al.` }]);
    throw error;
  }
}

/** `…List`: one page of the tenant's rows matching the filters. */
export async function listResource<T extends KlantTable, J>(deps: KlantDeps, definition: ResourceDefinition<T, J>, caller: KlantCaller, query: ListQuery): Promise<PaginatedList<J>> {
  const window = pageRequest(query, { allowPageSize: true });
  const expand = parseExpand(query.expand, definition.expandable ?? []);
  const { count, rows } = await listRows(deps.db, definition.table, caller.tenant.id, conditionsOf(definition.filters, query), definition.order, window);
  const results = await definition.present(deps.db, caller, rows, expand);
  await definition.logProcessing?.(deps, caller, 'zoeken', rows, query);
  return paginatedList(caller, window, count, results);
}

/** `…Retrieve`: one row of the tenant, or 404. */
export async function retrieveResource<T extends KlantTable, J>(deps: KlantDeps, definition: ResourceDefinition<T, J>, caller: KlantCaller, uuid: string, query: { expand?: string | string[] } = {}): Promise<J> {
  const expand = parseExpand(query.expand, definition.expandable ?? []);
  const row = await findRow(deps.db, definition.table, caller.tenant.id, uuid);
  if (!row) throw notFound(definition.label, uuid);
  const json = await presentOne(deps.db, definition, caller, row, expand);
  await definition.logProcessing?.(deps, caller, 'raadplegen', [row], {});
  return json;
}

/**
 * `…Retrieve` for several rows at once, for a page that shows a list of them: the JSON retrieving each would give,
 * keyed by uuid, in a fixed number of statements however many there are, with one processing-log entry for all of
 * them. A 404 (the first missing uuid) when one of them is not there, as retrieving it would be.
 */
export async function retrieveResources<T extends KlantTable, J>(deps: KlantDeps, definition: ResourceDefinition<T, J>, caller: KlantCaller, uuids: readonly string[]): Promise<Map<string, J>> {
  const rows = await findRows(deps.db, definition.table, caller.tenant.id, uuids);
  const found = new Set(rows.map((row) => row.uuid));
  const missing = uuids.find((uuid) => !found.has(uuid));
  if (missing !== undefined) throw notFound(definition.label, missing);
  if (rows.length === 0) return new Map();
  const presented = await definition.present(deps.db, caller, rows, parseExpand(undefined, definition.expandable ?? []));
  await definition.logProcessing?.(deps, caller, 'raadplegen', rows, {});
  const byUuid = new Map<string, J>();
  rows.forEach((row, index) => {
    const json = presented[index];
    if (json === undefined) throw new Error(`${definition.label}: presenting ${row.uuid} gave nothing`);
    byUuid.set(row.uuid, json);
  });
  return byUuid;
}

/** `…Create`: stores the row and what belongs to it. */
export async function createResource<T extends KlantTable, J>(deps: KlantDeps, definition: ResourceDefinition<T, J>, caller: KlantCaller, body: Record<string, unknown>): Promise<J> {
  return guardUnique(definition.label, () =>
    inTransaction(deps.db, async (trx) => {
      const values = await definition.values(trx, caller, body, undefined);
      const inserted = await insertRow(trx, definition.table, caller.tenant.id, values);
      await definition.afterWrite?.(trx, caller, inserted, body, true);
      const row = (await findRow(trx, definition.table, caller.tenant.id, String(inserted.uuid))) ?? inserted;
      await definition.logProcessing?.({ ...deps, db: trx }, caller, 'aanmaken', [row], {});
      return presentOne(trx, definition, caller, row, new Set());
    }),
  );
}

/**
 * `…Update` (PUT, the spec's required fields present) and `…PartialUpdate` (PATCH): the body's fields over the
 * stored ones. Fields left out keep their value in both, as the reference implementation does.
 */
export async function updateResource<T extends KlantTable, J>(deps: KlantDeps, definition: ResourceDefinition<T, J>, caller: KlantCaller, uuid: string, body: Record<string, unknown>): Promise<J> {
  return guardUnique(definition.label, () =>
    inTransaction(deps.db, async (trx) => {
      const current = await findRow(trx, definition.table, caller.tenant.id, uuid);
      if (!current) throw notFound(definition.label, uuid);
      const values = await definition.values(trx, caller, body, current);
      const updated = await updateRow(trx, definition.table, caller.tenant.id, uuid, values);
      if (!updated) throw notFound(definition.label, uuid);
      await definition.afterWrite?.(trx, caller, updated, body, false);
      const row = (await findRow(trx, definition.table, caller.tenant.id, uuid)) ?? updated;
      await definition.logProcessing?.({ ...deps, db: trx }, caller, 'wijzigen', [row], {});
      return presentOne(trx, definition, caller, row, new Set());
    }),
  );
}

/** `…Destroy`: removes the row (the database removes or unlinks what depends on it). */
export async function destroyResource<T extends KlantTable, J>(deps: KlantDeps, definition: ResourceDefinition<T, J>, caller: KlantCaller, uuid: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const row = await findRow(trx, definition.table, caller.tenant.id, uuid);
    if (!row) throw notFound(definition.label, uuid);
    await definition.logProcessing?.({ ...deps, db: trx }, caller, 'verwijderen', [row], {});
    await definition.beforeDelete?.(trx, caller, row);
    await deleteRow(trx, definition.table, caller.tenant.id, uuid);
  });
}
