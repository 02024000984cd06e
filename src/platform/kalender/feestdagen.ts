/* The Dutch public holidays a town hall is closed on, and the working days that follow from them. */

/** `date` (YYYY-MM-DD) plus `days`. */
function dagenNa(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/** Easter Sunday (Gregorian, anonymous algorithm) as `YYYY-MM-DD`. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** King's Day: 27 April, or Saturday the 26th when the 27th is a Sunday. */
function koningsdag(year: number): string {
  return new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
}

/** The public holidays a Dutch town hall is closed on, for one year. */
export function dutchPublicHolidays(year: number): { datum: string; omschrijving: string }[] {
  const easter = easterSunday(year);
  const kingsDay = koningsdag(year);
  return [
    { datum: `${year}-01-01`, omschrijving: 'Nieuwjaarsdag' },
    { datum: dagenNa(easter, 1), omschrijving: 'Tweede paasdag' },
    { datum: kingsDay, omschrijving: 'Koningsdag' },
    { datum: dagenNa(easter, 39), omschrijving: 'Hemelvaartsdag' },
    { datum: dagenNa(easter, 50), omschrijving: 'Tweede pinksterdag' },
    { datum: `${year}-12-25`, omschrijving: 'Eerste kerstdag' },
    { datum: `${year}-12-26`, omschrijving: 'Tweede kerstdag' },
  ];
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

type HolidayList = (year: number) => { datum: string }[];

/** A weekday test for one holiday list, with each year's dates computed once. */
function workingDayTest(list: HolidayList): (date: string) => boolean {
  const byYear = new Map<number, Set<string>>();
  return (date) => {
    const year = Number(date.slice(0, 4));
    let holidays = byYear.get(year);
    if (!holidays) {
      holidays = new Set(list(year).map((holiday) => holiday.datum));
      byYear.set(year, holidays);
    }
    return !isWeekend(date) && !holidays.has(date);
  };
}

/** Whether the municipality works on `date` (YYYY-MM-DD): Monday to Friday and not a public holiday. */
export const isWerkdag: (date: string) => boolean = workingDayTest(dutchPublicHolidays);

/*
 * The Algemene termijnenwet (Atw) has its own list (art. 3), which is not the list a town hall closes on: it adds
 * Goede Vrijdag, the first Easter and Pentecost days and 5 May in every year. A legal time limit that would end on a
 * Saturday, a Sunday or one of these days runs on to the next day that is none of them (art. 1).
 */

/** The generally recognised public holidays of the Algemene termijnenwet (art. 3), for one year. */
export function atwFeestdagen(year: number): { datum: string; omschrijving: string }[] {
  const easter = easterSunday(year);
  return [
    { datum: `${year}-01-01`, omschrijving: 'Nieuwjaarsdag' },
    { datum: dagenNa(easter, -2), omschrijving: 'Goede Vrijdag' },
    { datum: easter, omschrijving: 'Eerste paasdag' },
    { datum: dagenNa(easter, 1), omschrijving: 'Tweede paasdag' },
    { datum: koningsdag(year), omschrijving: 'Koningsdag' },
    { datum: `${year}-05-05`, omschrijving: 'Bevrijdingsdag' },
    { datum: dagenNa(easter, 39), omschrijving: 'Hemelvaartsdag' },
    { datum: dagenNa(easter, 49), omschrijving: 'Eerste pinksterdag' },
    { datum: dagenNa(easter, 50), omschrijving: 'Tweede pinksterdag' },
    { datum: `${year}-12-25`, omschrijving: 'Eerste kerstdag' },
    { datum: `${year}-12-26`, omschrijving: 'Tweede kerstdag' },
  ];
}

/** Whether a legal time limit may end on `date` (YYYY-MM-DD) under the Atw: no Saturday, Sunday or Atw holiday. */
export const isAtwWerkdag: (date: string) => boolean = workingDayTest(atwFeestdagen);

/** The day a legal time limit ending on `date` ends under the Atw (art. 1): `date` itself or the next Atw working day. */
export function volgendeAtwWerkdag(date: string): string {
  let current = date;
  while (!isAtwWerkdag(current)) current = dagenNa(current, 1);
  return current;
}
