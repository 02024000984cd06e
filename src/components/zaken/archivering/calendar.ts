import { addIsoDuration as addDuration } from '../shared/duration.ts';

/*
 * Calendar arithmetic for the archiving dates: adding an ISO 8601 duration (the Catalogi API's archiefactietermijn
 * and procestermijn, e.g. P10Y, P1Y6M, P6W) to a date, reading a date out of a stored value, and the
 * Europe/Amsterdam date of an instant. Dates are `YYYY-MM-DD` text throughout, as the API and the tables hold them.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Whether `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * `date` plus an ISO 8601 duration (archiefactietermijn, procestermijn), or undefined when either is unusable:
 * the Zaken API's one date arithmetic (years and months first, clamped to the end of a shorter month, as the
 * reference implementation's relativedelta), on a date that must exist.
 */
export function addIsoDuration(date: string, duration: string): string | undefined {
  return isCalendarDate(date) ? addDuration(date, duration) : undefined;
}

// Dates as they occur in stored values: ISO (2024-03-01, optionally with a time), and the ZGW eigenschap formats
// `datum` (jjjjmmdd) and `datum_tijd` (jjjjmmdduummss).
const DATE_FORMS = [/^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/, /^(\d{4})(\d{2})(\d{2})(?:\d{6})?$/];

/**
 * The calendar date a stored value holds (an eigenschap's waarde, an attribute of a zaakobject), or undefined
 * when it is not a date. A date-time counts by the date it was written with.
 */
export function dateFromValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  for (const form of DATE_FORMS) {
    const match = form.exec(value.trim());
    if (!match) continue;
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    return isCalendarDate(date) ? date : undefined;
  }
  return undefined;
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Europe/Amsterdam calendar date of an instant, as `YYYY-MM-DD`. */
export function amsterdamDate(instant: Date): string {
  return AMSTERDAM_DATE.format(instant);
}

/** The latest of the dates (`YYYY-MM-DD` compares as text), or undefined for none. */
export function latestDate(dates: readonly string[]): string | undefined {
  return dates.reduce<string | undefined>((latest, date) => (latest === undefined || date > latest ? date : latest), undefined);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}:?\d{2})?$/;
const AMSTERDAM_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** How far Europe/Amsterdam's wall clock is ahead of UTC at an instant, in milliseconds. */
function amsterdamOffset(instant: number): number {
  const parts = Object.fromEntries(AMSTERDAM_PARTS.formatToParts(new Date(instant)).map((part) => [part.type, Number(part.value)]));
  const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant an ISO 8601 date-time names, or undefined when it is none. A value without a UTC offset is
 * Europe/Amsterdam wall-clock time, as the reference implementation reads it (its TIME_ZONE).
 */
export function parseInstant(value: string): Date | undefined {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  if (!isCalendarDate(`${year}-${month}-${day}`) || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const wall = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), Number(fraction.padEnd(3, '0').slice(0, 3)));
  if (zone !== undefined && zone.toUpperCase() === 'Z') return new Date(wall);
  if (zone !== undefined) {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    return new Date(wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000);
  }
  // Wall-clock time: take the offset at the guessed instant, then correct once for a DST change in between.
  const guess = wall - amsterdamOffset(wall);
  return new Date(wall - amsterdamOffset(guess));
}
