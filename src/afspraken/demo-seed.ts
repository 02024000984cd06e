import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import { addDays } from './amsterdam-time.ts';
import { insertClosingDay, insertLocation, insertProduct, replaceCapacity, replaceOpeningPeriods } from './repository.ts';
import type { OpeningPeriod } from './slots.ts';

const hours = (uur: number, minuut = 0) => uur * 60 + minuut;

function week(days: number[], periods: [number, number][]): OpeningPeriod[] {
  return days.flatMap((weekdag) => periods.map(([vanMinuut, totMinuut]) => ({ weekdag, vanMinuut, totMinuut })));
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

/** The public holidays a Dutch town hall is closed on, for one year. */
export function dutchPublicHolidays(year: number): { datum: string; omschrijving: string }[] {
  const easter = easterSunday(year);
  // King's Day moves to Saturday the 26th when the 27th is a Sunday.
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    { datum: `${year}-01-01`, omschrijving: 'Nieuwjaarsdag' },
    { datum: addDays(easter, 1), omschrijving: 'Tweede paasdag' },
    { datum: kingsDay, omschrijving: 'Koningsdag' },
    { datum: addDays(easter, 39), omschrijving: 'Hemelvaartsdag' },
    { datum: addDays(easter, 50), omschrijving: 'Tweede pinksterdag' },
    { datum: `${year}-12-25`, omschrijving: 'Eerste kerstdag' },
    { datum: `${year}-12-26`, omschrijving: 'Tweede kerstdag' },
  ];
}

/**
 * The demo municipality's counters: the town hall on the Marktplein (weekdays, Thursday evening too) and a smaller
 * service point in the north of town, with the counter products residents book most, and this year's and next
 * year's public holidays closed.
 */
export async function seedDemoAfspraken(db: Kysely<Database>, tenantId: string, today: string): Promise<void> {
  const gemeentehuis = await insertLocation(db, tenantId, { naam: 'Gemeentehuis', adres: 'Marktplein 1', postcode: '1234 AB', plaats: 'Voorbeeld', actief: true });
  await replaceOpeningPeriods(db, tenantId, gemeentehuis, [
    ...week([1, 2, 3, 4, 5], [[hours(9), hours(12, 30)], [hours(13, 30), hours(17)]]),
    ...week([4], [[hours(18), hours(20)]]),
  ]);
  const noord = await insertLocation(db, tenantId, { naam: 'Servicepunt Noord', adres: 'Noorderplein 12', postcode: '1235 CD', plaats: 'Voorbeeld', actief: true });
  await replaceOpeningPeriods(db, tenantId, noord, [...week([2, 4], [[hours(9), hours(12, 30)]]), ...week([3], [[hours(13), hours(16)]])]);

  const products: { slug: string; naam: string; duur: number; balies: [string, number][] }[] = [
    { slug: 'paspoort-aanvragen', naam: 'Paspoort aanvragen of ophalen', duur: 15, balies: [[gemeentehuis, 3], [noord, 1]] },
    { slug: 'identiteitskaart-aanvragen', naam: 'Identiteitskaart aanvragen of ophalen', duur: 15, balies: [[gemeentehuis, 3], [noord, 1]] },
    { slug: 'rijbewijs-verlengen', naam: 'Rijbewijs verlengen of ophalen', duur: 10, balies: [[gemeentehuis, 2], [noord, 1]] },
    { slug: 'uittreksel-brp', naam: 'Uittreksel BRP', duur: 10, balies: [[gemeentehuis, 1]] },
  ];
  for (const product of products) {
    const id = await insertProduct(db, tenantId, { productSlug: product.slug, naam: product.naam, duurMinuten: product.duur, actief: true });
    if (id) await replaceCapacity(db, tenantId, id, new Map(product.balies));
  }
  const year = Number(today.slice(0, 4));
  for (const holiday of [...dutchPublicHolidays(year), ...dutchPublicHolidays(year + 1)]) {
    await insertClosingDay(db, tenantId, { locatieId: null, ...holiday });
  }
}
