/*
 * Geldigheid: a version of a type is valid from beginGeldigheid up to and including eindeGeldigheid; an empty
 * eindeGeldigheid means "until further notice". Relations by name (omschrijving, identificatie) resolve to the
 * published versions valid on a reference date: today (in the Netherlands) unless the client asks for
 * `datumGeldigheid`.
 */

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Amsterdam calendar date of an instant, as `YYYY-MM-DD`. */
export function amsterdamDate(at: Date = new Date()): string {
  return AMSTERDAM_DATE.format(at);
}

/** A period of validity; dates as `YYYY-MM-DD` (which compare correctly as strings). */
export interface Geldigheid {
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
}

/** Whether a `YYYY-MM-DD` string is a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}
