import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { expandNames } from './zaak-relation.ts';

/*
 * `expand` on the zaak's relation resources (zrc-025..028): `_expand` holds the full objects a row points to, each
 * relation looked up once for a whole page. The lookups (expanders) come from the resources that own those objects
 * and are handed in where the routes are registered, so this module knows no other resource's tables.
 */

/** The expanded objects one relation points to, by uuid, for a whole page at once. */
export type Expander = (db: Kysely<Database>, tenantId: string, uuids: readonly string[], base: string) => Promise<ReadonlyMap<string, unknown>>;

/** What a resource can expand: its relations into the Zaken and Catalogi APIs, and those into other APIs. */
export interface ExpandableRelations<Name extends string> {
  local: readonly Name[];
  /** Relations into another API (a document, an object elsewhere): zrc-025 refuses to expand them. */
  external: readonly string[];
}

/**
 * The relations `expand` names, checked: a relation into another API is refused (zrc-025), as is a name the
 * resource does not have (zrc-027) or one no expander serves. Problems are a 400 on `expand`, as the list
 * operations document it. A nested path (`zaak.status`) is refused too: the expanders present one level, and a
 * response that silently left out what was asked would not be the valid response zrc-028 demands.
 */
export function parseRelationExpand<Name extends string>(
  value: string | undefined,
  relations: ExpandableRelations<Name>,
  expanders: Partial<Record<Name, Expander>>,
): Name[] {
  const reasons: string[] = [];
  const names: Name[] = [];
  for (const path of expandNames(value)) {
    const [name = path, ...below] = path.split('.');
    const local = relations.local.find((relation) => relation === name);
    if (relations.external.includes(name)) reasons.push(`${name} verwijst naar een andere API dan de Zaken en Catalogi API en wordt niet uitgevouwen`);
    else if (local === undefined) reasons.push(`${name} is geen relatie van deze resource`);
    else if (expanders[local] === undefined) reasons.push(`${name} kan nog niet worden uitgevouwen`);
    else if (below.length > 0) reasons.push(`${path} gaat dieper dan één niveau, wat deze resource niet uitvouwt`);
    else if (!names.includes(local)) names.push(local);
  }
  if (reasons.length > 0) throw invalid([{ name: 'expand', code: 'invalid', reason: `Ongeldige expand: ${reasons.join('; ')}.` }]);
  return names;
}

/**
 * Presents the rows and, when relations were asked for, adds `_expand` with each one's object: `{}` when the row
 * has no such relation (or its object is gone), as the spec's embedded schemas take an object there, not null.
 */
export async function presentExpanded<Row, Json extends object, Name extends string>(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly Row[],
  base: string,
  present: (row: Row) => Json,
  names: readonly Name[],
  references: Record<Name, (row: Row) => string | null>,
  expanders: Partial<Record<Name, Expander>>,
): Promise<(Json & { _expand?: Record<string, unknown> })[]> {
  const presented = rows.map((row) => present(row));
  if (names.length === 0) return presented;
  const found = new Map<Name, ReadonlyMap<string, unknown>>();
  for (const name of names) {
    const expander = expanders[name];
    if (!expander) continue;
    const uuids = [...new Set(rows.flatMap((row) => references[name](row) ?? []))];
    found.set(name, uuids.length > 0 ? await expander(db, tenantId, uuids, base) : new Map());
  }
  return presented.map((json, index) => {
    const row = rows[index] as Row;
    const expanded = Object.fromEntries(
      names.map((name) => {
        const uuid = references[name](row);
        return [name, uuid === null ? {} : (found.get(name)?.get(uuid) ?? {})];
      }),
    );
    return { ...json, _expand: expanded };
  });
}
