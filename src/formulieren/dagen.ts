/* Calendar days as the forms use them: Dutch calendar dates (YYYY-MM-DD), shown as dd-mm-jjjj. */

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in the Netherlands, as YYYY-MM-DD. */
export function vandaag(now: Date = new Date()): string {
  return AMSTERDAM_DATE.format(now);
}

/** `date` plus `days` (negative: earlier), as YYYY-MM-DD. */
export function plusDagen(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** YYYY-MM-DD from `2026-11-23` (a date input) or `23-11-2026` / `23/11/2026` (typed), when it is a real date. */
export function leesDatum(input: string): string | undefined {
  const value = input.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dutch ? [dutch[3], dutch[2], dutch[1]] : [];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd-mm-jjjj, as Dutch readers expect. */
export function toonDatum(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day ?? ''}-${month ?? ''}-${year ?? ''}`;
}
