import { addDays, utcDate, workingDays } from './calendar.ts';

/*
 * When the seeded zaken were registered: evenly over the working days of the last few years, in number order, so
 * zaak n+1 is never older than zaak n (as in a real registration) and a year's zaken have consecutive numbers.
 * Registration times lie between 06:00 and 16:00 UTC, so the UTC date is also the Europe/Amsterdam date (UTC+1
 * or +2): registratiedatum, identificatie year and created_at never disagree.
 */

export interface ZaakTimeline {
  count: number;
  /** The first and last working day zaken are registered on. */
  firstDay: string;
  lastDay: string;
  /** The moment of seeding: nothing happens after it. */
  now: Date;
  /** When zaak `index` (0 … count − 1) was registered. */
  createdAt(index: number): Date;
  /** Each calendar year with the zaken registered in it: numbers firstIndex … firstIndex + count − 1. */
  years: readonly { year: number; firstIndex: number; count: number }[];
}

const HOUR_MS = 3_600_000;
const FIRST_HOUR_UTC = 6;
const WORKING_HOURS = 10;

/** A timeline for `count` zaken over the `years` years before `now` (up to the day before it). */
export function createZaakTimeline(count: number, years: number, now: Date): ZaakTimeline {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count must be a positive whole number, got ${count}`);
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`years must be a positive whole number, got ${years}`);
  const lastDay = addDays(utcDate(now), -1);
  const firstDay = addDays(lastDay, -Math.round(years * 365.25) + 1);
  const days = workingDays(firstDay, lastDay);
  const dayStarts = days.map((day) => new Date(`${day}T00:00:00Z`).getTime());
  const dayCount = days.length;
  const dayOf = (index: number) => Math.floor((index * dayCount) / count);

  const firstIndexOfDay = (day: number) => {
    let index = Math.ceil((day * count) / dayCount);
    while (index > 0 && dayOf(index - 1) >= day) index--;
    while (index < count && dayOf(index) < day) index++;
    return index;
  };
  const yearRanges: { year: number; firstIndex: number; count: number }[] = [];
  days.forEach((day, position) => {
    const year = Number(day.slice(0, 4));
    if (position > 0 && Number(days[position - 1]?.slice(0, 4)) === year) return;
    yearRanges.push({ year, firstIndex: firstIndexOfDay(position), count: 0 });
  });
  yearRanges.forEach((range, position) => {
    range.count = (yearRanges[position + 1]?.firstIndex ?? count) - range.firstIndex;
  });

  return {
    count,
    firstDay: days[0] ?? firstDay,
    lastDay: days[dayCount - 1] ?? lastDay,
    now,
    createdAt(index) {
      if (index < 0 || index >= count) throw new RangeError(`zaak ${index} is outside 0 … ${count - 1}`);
      const position = (index * dayCount) / count;
      const day = Math.floor(position);
      const start = dayStarts[day];
      if (start === undefined) throw new RangeError(`no working day ${day}`);
      return new Date(start + FIRST_HOUR_UTC * HOUR_MS + Math.floor((position - day) * WORKING_HOURS * HOUR_MS));
    },
    years: yearRanges.filter((range) => range.count > 0),
  };
}
