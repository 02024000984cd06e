import { invalid } from '../../../platform/errors/problem.ts';
import { isCalendarDate } from './geldigheid.ts';
import { uuidInCollection, type CatalogiCollection } from './urls.ts';

/*
 * List filters shared by zaaktypen, informatieobjecttypen and besluittypen: `status` (concept state; published
 * only unless asked otherwise), `datumGeldigheid` (the versions valid on a date) and URL filters such as
 * `catalogus`.
 */

/** `status` as the specs define it; absent means `definitief`. */
export type StatusFilter = 'alles' | 'concept' | 'definitief';

/** Querystring schema of `status`. */
export const STATUS_PARAMETER = { type: 'string', enum: ['alles', 'concept', 'definitief'] } as const;

/** Querystring schema of `datumGeldigheid` (checked as a calendar date in `parseDatumGeldigheid`). */
export const DATUM_GELDIGHEID_PARAMETER = { type: 'string' } as const;

/** The concept value a status filter selects, or undefined for both. */
export function conceptFilter(status: StatusFilter | undefined): boolean | undefined {
  if (status === 'alles') return undefined;
  return status === 'concept';
}

/** `datumGeldigheid` as a date, a 400 when it is not one. */
export function parseDatumGeldigheid(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isCalendarDate(value)) throw invalid([{ name: 'datumGeldigheid', code: 'invalid', reason: 'Geef een geldige datum op (JJJJ-MM-DD).' }]);
  return value;
}

/**
 * The uuid a URL filter names. A value that is no URL is a 400; a URL of another collection or endpoint selects
 * nothing, which `null` stands for.
 */
export function urlFilter(base: string, collection: CatalogiCollection, name: string, value: string | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  try {
    new URL(value);
  } catch {
    throw invalid([{ name, code: 'invalid', reason: 'Voer een geldige URL in.' }]);
  }
  return uuidInCollection(base, collection, value) ?? null;
}

/** Splits comma-separated values (a list parameter may also be repeated), blanks left out. */
export function splitValues(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
}
