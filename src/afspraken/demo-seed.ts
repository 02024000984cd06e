import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';
import { dutchPublicHolidays } from '../platform/kalender/feestdagen.ts';
import { insertClosingDay, insertLocation, insertProduct, replaceCapacity, replaceOpeningPeriods } from './repository.ts';
import type { OpeningPeriod } from './slots.ts';

const hours = (uur: number, minuut = 0) => uur * 60 + minuut;

function week(days: number[], periods: [number, number][]): OpeningPeriod[] {
  return days.flatMap((weekdag) => periods.map(([vanMinuut, totMinuut]) => ({ weekdag, vanMinuut, totMinuut })));
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
