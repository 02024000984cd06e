import { sql, type RawBuilder } from 'kysely';
import { isUuid, uuidFromUrl, type KlantResource } from './urls.ts';

/*
 * The list filters of the API, declared per resource as data: each query parameter has its schema (for the strict
 * querystring) and the SQL condition it adds on the listed table, aliased `r`. Parameters not declared are a 400.
 */

export type Condition = RawBuilder<boolean>;

/** One filter: how the parameter is validated, and what it selects. `value` has the schema's type. */
export interface Filter {
  schema: Record<string, unknown>;
  where(value: unknown): Condition;
}

export type FilterSet = Record<string, Filter>;

/** Selects nothing: a reference to something that cannot exist. */
export const NOTHING: Condition = sql<boolean>`false`;

/** A column of the listed row. */
export function column(name: string): RawBuilder<unknown> {
  return sql.ref(`r.${name}`);
}

/** A LIKE pattern that matches `value` literally anywhere. */
export function containing(value: string): string {
  return `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;
const UUID = { type: 'string', format: 'uuid' } as const;
const URI = { type: 'string', format: 'uri' } as const;

/** Exact match on a text column. */
export function text(name: string, schema: Record<string, unknown> = STRING): Filter {
  return { schema, where: (value) => sql<boolean>`${column(name)} = ${String(value)}` };
}

/** Case-insensitive substring match on a text column. */
export function contains(name: string): Filter {
  return { schema: STRING, where: (value) => sql<boolean>`${column(name)} ILIKE ${containing(String(value))}` };
}

/** Exact match on a boolean column. */
export function flag(name: string): Filter {
  return { schema: BOOLEAN, where: (value) => sql<boolean>`${column(name)} = ${value === true}` };
}

const COMPARISONS = { '': '=', __gt: '>', __gte: '>=', __lt: '<', __lte: '<=' } as const;

/** `name`, `name__gt` … `name__lte` on a date or date-time column. */
export function compared(parameter: string, name: string, format: 'date' | 'date-time'): FilterSet {
  return Object.fromEntries(
    Object.entries(COMPARISONS).map(([suffix, operator]) => [
      `${parameter}${suffix}`,
      { schema: { type: 'string', format }, where: (value: unknown) => sql<boolean>`${column(name)} ${sql.raw(operator)} ${String(value)}` },
    ]),
  );
}

/** A uuid column matched by uuid (`…__uuid`). */
export function byUuid(name: string): Filter {
  return { schema: UUID, where: (value) => sql<boolean>`${column(name)} = ${String(value)}` };
}

/** A uuid column matched by the URL of the resource it refers to (`…__url`). */
export function byUrl(name: string, resource: KlantResource): Filter {
  return {
    schema: URI,
    where: (value) => {
      const uuid = uuidFromUrl(String(value), resource);
      return uuid === undefined ? NOTHING : sql<boolean>`${column(name)} = ${uuid}`;
    },
  };
}

/** A filter whose condition is written by hand (a subquery through a relation). */
export function custom(schema: Record<string, unknown>, where: (value: string) => Condition): Filter {
  return { schema, where: (value) => where(String(value)) };
}

/** A filter on a boolean through a relation. */
export function customFlag(where: (value: boolean) => Condition): Filter {
  return { schema: BOOLEAN, where: (value) => where(value === true) };
}

/** A filter by the uuid of a related row, also given as a URL of its resource. */
export function relatedUuid(resource: KlantResource, where: (uuid: string) => Condition): { uuid: Filter; url: Filter } {
  return {
    uuid: { schema: UUID, where: (value) => (isUuid(String(value)) ? where(String(value)) : NOTHING) },
    url: {
      schema: URI,
      where: (value) => {
        const uuid = uuidFromUrl(String(value), resource);
        return uuid === undefined ? NOTHING : where(uuid);
      },
    },
  };
}

/** The conditions for the filters present in a validated querystring. */
export function conditionsOf(filters: FilterSet, query: Record<string, unknown>): Condition[] {
  const conditions: Condition[] = [];
  for (const [name, filter] of Object.entries(filters)) {
    const value = query[name];
    if (value !== undefined) conditions.push(filter.where(value));
  }
  return conditions;
}
