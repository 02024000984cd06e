/*
 * Wall-clock time in the Netherlands. Opening hours are Dutch wall-clock times ("09:00 to 12:30") and stay so across
 * the change to and from summer time; appointments are stored as UTC instants. These functions convert between them.
 */

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A calendar day and minutes after midnight in Europe/Amsterdam. */
export interface AmsterdamWallClock {
  /** `YYYY-MM-DD` */
  datum: string;
  minuut: number;
}

function parts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of PARTS.formatToParts(instant)) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** Offset of Amsterdam from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function offsetMinutes(instant: Date): number {
  const p = parts(instant);
  const asUtc = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The Amsterdam calendar day and minute of an instant. */
export function toAmsterdam(instant: Date): AmsterdamWallClock {
  const p = parts(instant);
  const datum = `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  return { datum, minuut: (p.hour ?? 0) * 60 + (p.minute ?? 0) };
}

/**
 * The instant of an Amsterdam wall-clock time, or undefined when that time does not exist (the hour skipped when
 * summer time starts). In the hour that occurs twice when summer time ends, the first (summer time) is taken.
 */
export function fromAmsterdam(datum: string, minuut: number): Date | undefined {
  const [year = 0, month = 1, day = 1] = datum.split('-').map(Number);
  const naive = Date.UTC(year, month - 1, day, 0, minuut);
  // Try the summer offset first, then the winter one: the first that maps back to the same wall clock is the answer.
  for (const offset of [120, 60]) {
    const candidate = new Date(naive - offset * 60_000);
    if (offsetMinutes(candidate) === offset) return candidate;
  }
  return undefined;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` calendar day. */
export function isoWeekday(datum: string): number {
  const [year = 0, month = 1, day = 1] = datum.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The calendar day `days` after a `YYYY-MM-DD` day. */
export function addDays(datum: string, days: number): string {
  const [year = 0, month = 1, day = 1] = datum.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** `HH:MM` of minutes after midnight. */
export function formatMinuut(minuut: number): string {
  return `${String(Math.floor(minuut / 60)).padStart(2, '0')}:${String(minuut % 60).padStart(2, '0')}`;
}

/** Minutes after midnight of `HH:MM` (or `H:MM`, `HH.MM`), or undefined when it is no time of day; `24:00` is the end of the day. */
export function parseMinuut(text: string): number | undefined {
  const match = /^([01]?\d|2[0-4])[:.]([0-5]\d)$/.exec(text.trim());
  if (!match) return undefined;
  const minuut = Number(match[1]) * 60 + Number(match[2]);
  return minuut > 1440 ? undefined : minuut;
}

const DAY_NAME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "maandag 30 maart 2026" for a `YYYY-MM-DD` day. */
export function formatDatumLang(datum: string): string {
  const [year = 0, month = 1, day = 1] = datum.split('-').map(Number);
  return DAY_NAME.format(new Date(Date.UTC(year, month - 1, day)));
}
