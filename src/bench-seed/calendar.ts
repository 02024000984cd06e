/*
 * Date arithmetic on the 'YYYY-MM-DD' strings the Zaken API exchanges, in UTC so no time zone can shift a day.
 */

const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Read by hand: a million zaken take several dates each, and Date's own parser is the slow part of that.
function parse(date: string): Date {
  const match = DATE.exec(date);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime()) || utcDate(parsed) !== date) throw new RangeError(`not a date: ${date}`);
  return parsed;
}

/** The date part of an instant, in UTC. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return utcDate(new Date(parse(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to).getTime() - parse(from).getTime()) / DAY_MS);
}

const PERIOD = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

/**
 * Adds an ISO 8601 period of years, months, weeks and days (P1Y6M, P8W, P42D), calendar-wise: a month added to
 * 31 January ends on the last day of February, as PostgreSQL's date + interval does.
 */
export function addPeriod(date: string, period: string): string {
  const match = PERIOD.exec(period);
  if (!match || period === 'P') throw new RangeError(`not a period of years, months, weeks and days: ${period}`);
  const [years, months, weeks, days] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number];
  const start = parse(date);
  const totalMonths = start.getUTCMonth() + years * 12 + months;
  const year = start.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
  return addDays(utcDate(shifted), weeks * 7 + days);
}

/** The length of a period in days, counted from `from`. */
export function periodDays(period: string, from: string): number {
  return daysBetween(from, addPeriod(from, period));
}

/** The working days (Monday to Friday) from `from` to `to`, both included, in order. */
export function workingDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const weekday = parse(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}
