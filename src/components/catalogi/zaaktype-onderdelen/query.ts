import { sql, type Expression, type SqlBool } from 'kysely';
import { invalid } from '../../../platform/errors/problem.ts';
import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { isCalendarDate } from '../shared/geldigheid.ts';
import { conceptFilter, DATUM_GELDIGHEID_PARAMETER, STATUS_PARAMETER, urlFilter, type StatusFilter } from '../shared/query.ts';

/*
 * List filters that select parts by their zaaktype: `zaaktype`, `zaaktypeIdentificatie`, `status` (the zaaktype's
 * concept state; published only unless asked otherwise, as for the versioned types) and `datumGeldigheid` (the
 * zaaktype's geldigheid, which a part shares). Repositories join `zaaktypen as z` and add these conditions.
 */

/** `expand`, as `components/parameters/expand` declares it (checked by shared/expand.ts). */
export const EXPAND_PARAMETER = { type: 'string' } as const;

/** The querystring properties most part lists declare, in the spec's order. */
export const ZAAKTYPE_LIST_PARAMETERS = {
  zaaktype: { type: 'string' },
  zaaktypeIdentificatie: { type: 'string' },
  status: STATUS_PARAMETER,
  datumGeldigheid: DATUM_GELDIGHEID_PARAMETER,
  page: PAGE_PARAMETER,
  expand: EXPAND_PARAMETER,
} as const;

/** The querystring of every part's retrieve operation: only `expand`. */
export const RETRIEVE_QUERY = { type: 'object', additionalProperties: false, properties: { expand: EXPAND_PARAMETER } } as const;

/** Operations without query parameters. */
export const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

/** The parameters of `ZAAKTYPE_LIST_PARAMETERS`, as read. */
export interface ZaaktypeListQuery {
  zaaktype?: string;
  zaaktypeIdentificatie?: string;
  status?: StatusFilter;
  datumGeldigheid?: string;
  page?: number;
  expand?: string;
}

export interface RetrieveQuery {
  expand?: string;
}

/** Conditions on the zaaktype of a part, already resolved. Every field set narrows the list. */
export interface ZaaktypeFilter {
  /** A zaaktype uuid, or null for a URL of another endpoint (which selects nothing). */
  zaaktypeUuid?: string | null;
  /** Each must equal the identificatie (the spec has two spellings of this parameter on resultaattypen). */
  identificaties?: string[];
  concept?: boolean;
  /** Each date must fall within the zaaktype's geldigheid. */
  datumsGeldigheid?: string[];
  catalogusUuid?: string | null;
  beginGeldigheid?: string;
  eindeGeldigheid?: string;
}

/** A date parameter, a 400 when it is no calendar date. */
export function dateParameter(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw invalid([{ name, code: 'invalid', reason: 'Geef een geldige datum op (JJJJ-MM-DD).' }]);
  return value;
}

/** The filter of the common parameters. */
export function zaaktypeFilter(base: string, query: ZaaktypeListQuery): ZaaktypeFilter {
  return {
    zaaktypeUuid: urlFilter(base, 'zaaktypen', 'zaaktype', query.zaaktype),
    identificaties: query.zaaktypeIdentificatie === undefined ? undefined : [query.zaaktypeIdentificatie],
    concept: conceptFilter(query.status),
    datumsGeldigheid: optionalList(dateParameter('datumGeldigheid', query.datumGeldigheid)),
  };
}

/** A single value as a list, or undefined. */
export function optionalList<T>(...values: (T | undefined)[]): T[] | undefined {
  const present = values.filter((value): value is T => value !== undefined);
  return present.length > 0 ? present : undefined;
}

const never = sql<SqlBool>`false`;

/** The SQL conditions of the filter on the joined `zaaktypen as z`. */
export function zaaktypeConditions(filter: ZaaktypeFilter): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (filter.zaaktypeUuid === null || filter.catalogusUuid === null) return [never];
  if (filter.zaaktypeUuid !== undefined) conditions.push(sql<SqlBool>`z.uuid = ${filter.zaaktypeUuid}`);
  for (const identificatie of filter.identificaties ?? []) conditions.push(sql<SqlBool>`z.identificatie = ${identificatie}`);
  if (filter.concept !== undefined) conditions.push(sql<SqlBool>`z.concept = ${filter.concept}`);
  for (const date of filter.datumsGeldigheid ?? []) {
    conditions.push(sql<SqlBool>`z.begin_geldigheid <= ${date}::date AND (z.einde_geldigheid IS NULL OR z.einde_geldigheid >= ${date}::date)`);
  }
  if (filter.catalogusUuid !== undefined) conditions.push(sql<SqlBool>`z.catalogus_uuid = ${filter.catalogusUuid}`);
  if (filter.beginGeldigheid !== undefined) conditions.push(sql<SqlBool>`z.begin_geldigheid = ${filter.beginGeldigheid}::date`);
  if (filter.eindeGeldigheid !== undefined) conditions.push(sql<SqlBool>`z.einde_geldigheid = ${filter.eindeGeldigheid}::date`);
  return conditions;
}
