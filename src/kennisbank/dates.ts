const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in the Netherlands (YYYY-MM-DD): publication and review dates are Dutch calendar days. */
export function amsterdamToday(now: Date = new Date()): string {
  return AMSTERDAM_DATE.format(now);
}
