/*
 * Calendar arithmetic with the ISO 8601 durations the catalogue stores (doorlooptijd `P8W`, servicenorm `P30D`,
 * archiefactietermijn `P10Y`): a date plus a duration, as the reference implementation computes it (years and months
 * first, clamped to the end of a shorter month, then weeks and days; a time part counts in whole days reached).
 */

const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of an ISO 8601 duration, or undefined when the text is not one (negative durations are not). */
export function parseIsoDuration(text: string): { years: number; months: number; days: number; seconds: number } | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const [, y, m, w, d, h, min, s] = match;
  const number = (value: string | undefined) => (value === undefined ? 0 : Number(value.replace(',', '.')));
  return {
    years: number(y),
    months: number(m),
    days: number(w) * 7 + number(d),
    seconds: number(h) * 3600 + number(min) * 60 + number(s),
  };
}

/** A `YYYY-MM-DD` date plus an ISO 8601 duration, as `YYYY-MM-DD`; undefined when either is malformed. */
export function addIsoDuration(date: string, duration: string): string | undefined {
  const parts = parseIsoDuration(duration);
  const match = DATE.exec(date);
  if (!parts || !match) return undefined;
  const year = Number(match[1]) + parts.years;
  const monthIndex = Number(match[2]) - 1 + parts.months;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  const result = new Date(Date.UTC(targetYear, targetMonth, day) + parts.days * 86_400_000 + Math.floor(parts.seconds) * 1000);
  return result.toISOString().slice(0, 10);
}
