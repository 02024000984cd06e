import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid } from '../../../platform/errors/problem.ts';

/*
 * `expand` (the specs' `components/parameters/expand`): `_expand` holds the full objects a resource points to, each
 * relation looked up once for a whole page. Relations into other components (besluittype, zaak, informatieobject)
 * are served by lookups those components hand in where the routes are registered, so this module knows no other
 * component's tables; a relation whose lookup has not been handed in yet is refused with a 400.
 */

/**
 * The expanded objects one relation points to, by uuid, for a whole page at once. `base` is the calling API's base
 * URL; `expand` holds the deeper paths asked below this relation (`besluittype.x` → `x`), for the lookup to honour.
 */
export type Expander = (db: Kysely<Database>, tenantId: string, uuids: readonly string[], base: string, expand: string | undefined) => Promise<ReadonlyMap<string, unknown>>;

/**
 * The lookups for relations into other components, handed in where the routes are registered: the Catalogi API's
 * besluittypen, the Zaken API's zaken and the Documenten API's informatieobjecten. One missing is not yet served.
 */
export type ForeignExpanders = Partial<Record<'besluittype' | 'zaak' | 'informatieobject', Expander>>;

/** The paths asked below each first step: `besluit.zaak,besluittype` → besluit: ['zaak'], besluittype: []. */
export function expandTree(value: string | undefined): Map<string, string[]> {
  const tree = new Map<string, string[]>();
  if (value === undefined) return tree;
  for (const path of value.split(',').map((item) => item.trim()).filter((item) => item !== '')) {
    const [first = '', ...rest] = path.split('.');
    const below = tree.get(first) ?? [];
    if (rest.length > 0) below.push(rest.join('.'));
    tree.set(first, below);
  }
  return tree;
}

/**
 * The relations `expand` asks for, checked against those the resource has and those that can be served: an unknown
 * name or an unserved relation is a 400 on `expand`, listing every problem. Each comes with the deeper paths below it.
 */
export function parseExpand<Name extends string>(value: string | undefined, relations: readonly Name[], served: (name: Name) => boolean): Map<Name, string | undefined> {
  const asked = new Map<Name, string | undefined>();
  const reasons: string[] = [];
  for (const [name, below] of expandTree(value)) {
    const relation = relations.find((candidate) => candidate === name);
    if (relation === undefined) reasons.push(`${name} is geen relatie van deze resource`);
    else if (!served(relation)) reasons.push(`${name} kan nog niet worden uitgevouwen`);
    else asked.set(relation, below.length > 0 ? below.join(',') : undefined);
  }
  if (reasons.length > 0) throw invalid([{ name: 'expand', code: 'invalid', reason: `Ongeldige expand: ${reasons.join('; ')}.` }]);
  return asked;
}

/**
 * Adds `_expand` to presented rows for the relations asked: each relation's objects are looked up once for all rows.
 * A row without the relation, or whose object is gone, leaves that key out (the specs give it no null form).
 */
export async function withExpansions<Row, Json extends object, Name extends string>(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  rows: readonly Row[],
  presented: readonly Json[],
  asked: ReadonlyMap<Name, string | undefined>,
  references: Record<Name, (row: Row) => string | null>,
  expanders: Partial<Record<Name, Expander>>,
): Promise<(Json & { _expand?: Record<string, unknown> })[]> {
  if (asked.size === 0) return [...presented];
  const found = new Map<Name, ReadonlyMap<string, unknown>>();
  for (const [name, below] of asked) {
    const expander = expanders[name];
    const uuids = [...new Set(rows.flatMap((row) => references[name](row) ?? []))];
    found.set(name, expander && uuids.length > 0 ? await expander(db, tenantId, uuids, base, below) : new Map());
  }
  return presented.map((json, index) => {
    const row = rows[index];
    const expanded: Record<string, unknown> = {};
    for (const name of asked.keys()) {
      const uuid = row === undefined ? null : references[name](row);
      const object = uuid === null ? undefined : found.get(name)?.get(uuid);
      if (object !== undefined) expanded[name] = object;
    }
    return { ...json, _expand: expanded };
  });
}
