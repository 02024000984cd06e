import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import type { Expander } from '../shared/relation-expand.ts';

/*
 * What `expand` on statussen, resultaten and rollen adds to the shared relation expansion: relations that hold a
 * list of URLs (a status's zaakinformatieobjecten, a rol's statussen), and the 404 a single resource answers to an
 * expand it cannot serve.
 */

/**
 * The expand names of a retrieve. zrc-027/zrc-028 answer an expand that names no attribute of the resource, or
 * cannot be served, with 404 (the retrieve operations document no 400); lists keep their documented 400.
 */
export function retrieveExpand<Name>(parse: () => Name[]): Name[] {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ProblemError) || error.code !== 'invalid') throw error;
    throw new ProblemError('not_found', error.invalidParams.map((param) => param.reason).join(' ') || error.message);
  }
}

/**
 * `expand` of a list relation: each listed object once per page through the relation's expander, shown in
 * `_expand[name]` in the order of the list (objects that are gone are left out).
 */
export async function expandLists<Row, Json extends { _expand?: Record<string, unknown> }, Name extends string>(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly Row[],
  presented: readonly Json[],
  base: string,
  names: readonly Name[],
  lists: Partial<Record<Name, (row: Row) => readonly string[]>>,
  expanders: Partial<Record<Name, Expander>>,
): Promise<Json[]> {
  const result = presented.map((json) => ({ ...json }));
  for (const name of names) {
    const list = lists[name];
    const expander = expanders[name];
    if (!list || !expander) continue;
    const uuids = [...new Set(rows.flatMap((row) => list(row)))];
    const found = uuids.length > 0 ? await expander(db, tenantId, uuids, base) : new Map<string, unknown>();
    result.forEach((json, index) => {
      const row = rows[index] as Row;
      json._expand = { ...json._expand, [name]: list(row).flatMap((uuid) => (found.has(uuid) ? [found.get(uuid)] : [])) };
    });
  }
  return result;
}
