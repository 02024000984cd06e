/** Dates as residents read them: "5 januari 2026", in Europe/Amsterdam for moments. */

const DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const MOMENT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
const MOMENT_DAY = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });

/** A 'YYYY-MM-DD' date (a calendar day, no time zone). */
export function formatDay(date: string): string {
  const parsed = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : DAY.format(parsed);
}

/** A moment with its time, in Amsterdam. */
export function formatMoment(moment: Date): string {
  return MOMENT.format(moment);
}

/** The day of a moment, in Amsterdam. */
export function formatMomentDay(moment: Date): string {
  return MOMENT_DAY.format(moment);
}

/** 'YYYY-MM-DD' of a moment, for the `datetime` attribute. */
export function isoDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}
