import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { isUuid } from './urls.ts';

/*
 * `expand` (the 1.3 specs' "Haal details van gelinkte resources direct op"): a comma-separated list of relation
 * names, with dots for deeper levels (`besluittypen.informatieobjecttypen`). Each kind of Catalogi resource
 * registers which of its attributes relate to which kind, and how to load objects of its own kind by uuid; the
 * expansion then follows the URLs the presented objects already carry, level by level, one batch per relation.
 */

/** The kinds of Catalogi resources an expansion can reach. */
export type ExpandKind =
  | 'catalogus'
  | 'zaaktype'
  | 'besluittype'
  | 'informatieobjecttype'
  | 'statustype'
  | 'resultaattype'
  | 'roltype'
  | 'eigenschap'
  | 'zaakobjecttype'
  | 'zaaktypeinformatieobjecttype';

type Json = Record<string, unknown>;

/** What loading needs: the tenant, the base URL responses use, and the date on which relations resolve. */
export interface ExpandContext {
  db: Kysely<Database>;
  tenantId: string;
  base: string;
  /** `YYYY-MM-DD`: relations by name resolve to the versions valid on this date. */
  date: string;
}

/** One attribute of a resource that names other resources by URL. */
export interface ExpandRelation {
  target: ExpandKind;
  /** A list in the JSON (expanded as a list) or a single URL (expanded as an object, `{}` when empty). */
  many: boolean;
  /** The URLs the attribute holds in a presented object. */
  urls(json: Json): string[];
}

/** How one kind takes part in expansion. */
export interface ExpandableKind {
  relations: Readonly<Record<string, ExpandRelation>>;
  /** The presented objects of this kind, by uuid (unknown uuids are left out). */
  load(context: ExpandContext, uuids: readonly string[]): Promise<Map<string, Json>>;
}

const registry = new Map<ExpandKind, ExpandableKind>();

/** Makes a kind expandable; each resource module registers itself once, when it is loaded. */
export function registerExpandable(kind: ExpandKind, definition: ExpandableKind): void {
  registry.set(kind, definition);
}

/** The relation names asked for, each with what to expand below it. */
export type ExpandTree = Map<string, ExpandTree>;

/** A list attribute of URLs. */
export function urlList(field: string): (json: Json) => string[] {
  return (json) => {
    const value = json[field];
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  };
}

/** A single URL attribute (empty when null or absent). */
export function singleUrl(field: string): (json: Json) => string[] {
  return (json) => {
    const value = json[field];
    return typeof value === 'string' && value !== '' ? [value] : [];
  };
}

/**
 * Reads `expand` for a resource of kind `root`. A name the resource does not relate by, or a kind that cannot be
 * loaded, is a 400 listing every such name.
 */
export function parseExpand(value: string | undefined, root: ExpandKind): ExpandTree {
  const tree: ExpandTree = new Map();
  if (value === undefined || value.trim() === '') return tree;
  const unknown: string[] = [];
  for (const path of value.split(',').map((item) => item.trim()).filter((item) => item !== '')) {
    let kind: ExpandKind = root;
    let node = tree;
    for (const name of path.split('.')) {
      const relation = registry.get(kind)?.relations[name];
      if (!relation || !registry.has(relation.target)) {
        unknown.push(path);
        break;
      }
      let child = node.get(name);
      if (!child) {
        child = new Map();
        node.set(name, child);
      }
      node = child;
      kind = relation.target;
    }
  }
  if (unknown.length > 0) {
    throw invalid([{ name: 'expand', code: 'invalid', reason: `Deze relatie(s) kunnen niet worden geëxpandeerd: ${unknown.join(', ')}.` }]);
  }
  return tree;
}

function uuidOf(url: string): string | undefined {
  const last = url.replace(/\/$/, '').split('/').pop() ?? '';
  return isUuid(last) ? last.toLowerCase() : undefined;
}

/**
 * Adds `_expand` to each object of kind `kind` for the relations in `tree`, recursively. Objects are changed in
 * place; an object reached twice is loaded once per level and shared.
 */
export async function expandObjects(context: ExpandContext, kind: ExpandKind, objects: readonly Json[], tree: ExpandTree): Promise<void> {
  if (tree.size === 0 || objects.length === 0) return;
  const definition = registry.get(kind);
  if (!definition) return;
  for (const object of objects) object._expand = {};
  for (const [name, subtree] of tree) {
    const relation = definition.relations[name];
    const target = relation ? registry.get(relation.target) : undefined;
    if (!relation || !target) continue;
    const wanted = [...new Set(objects.flatMap((object) => relation.urls(object).map(uuidOf).filter((uuid): uuid is string => uuid !== undefined)))];
    const loaded = wanted.length > 0 ? await target.load(context, wanted) : new Map<string, Json>();
    await expandObjects(context, relation.target, [...loaded.values()], subtree);
    for (const object of objects) {
      const found = relation
        .urls(object)
        .map(uuidOf)
        .flatMap((uuid) => (uuid === undefined ? [] : [loaded.get(uuid)].filter((item): item is Json => item !== undefined)));
      (object._expand as Json)[name] = relation.many ? found : (found[0] ?? {});
    }
  }
}
