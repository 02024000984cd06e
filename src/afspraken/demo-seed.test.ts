import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import { seedDemoAfspraken } from './demo-seed.ts';
import { dutchPublicHolidays, easterSunday } from '../platform/kalender/feestdagen.ts';
import { listBookableProducts, locationsForProduct, openingPeriods } from './repository.ts';

describe('the demo municipality\'s counters', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('knows Easter and the public holidays that follow from it', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const holidays = dutchPublicHolidays(2026).map((holiday) => `${holiday.datum} ${holiday.omschrijving}`);
    expect(holidays).toEqual(['2026-01-01 Nieuwjaarsdag', '2026-04-06 Tweede paasdag', '2026-04-27 Koningsdag', '2026-05-14 Hemelvaartsdag', '2026-05-25 Tweede pinksterdag', '2026-12-25 Eerste kerstdag', '2026-12-26 Tweede kerstdag']);
    // 27 April 2025 was a Sunday: King's Day on the 26th.
    expect(dutchPublicHolidays(2025)).toContainEqual({ datum: '2025-04-26', omschrijving: 'Koningsdag' });
  });

  it('offers paspoort, identiteitskaart, rijbewijs and uittreksel BRP at the town hall and the service point', async () => {
    const tenant = await createTestTenant(database.db);
    await seedDemoAfspraken(database.db, tenant.id, '2026-11-23');
    const products = await listBookableProducts(database.db, tenant.id);
    expect(products.map((product) => product.product_slug).sort()).toEqual(['identiteitskaart-aanvragen', 'paspoort-aanvragen', 'rijbewijs-verlengen', 'uittreksel-brp']);
    const paspoort = products.find((product) => product.product_slug === 'paspoort-aanvragen');
    const locaties = await locationsForProduct(database.db, tenant.id, paspoort?.id ?? '');
    expect(locaties.map((locatie) => [locatie.naam, locatie.adres, locatie.balies])).toEqual([['Gemeentehuis', 'Marktplein 1', 3], ['Servicepunt Noord', 'Noorderplein 12', 1]]);
    const hours = await openingPeriods(database.db, tenant.id, locaties[0]?.id ?? '');
    expect(hours.filter((period) => period.weekdag === 4)).toHaveLength(3);
    expect(hours.some((period) => period.weekdag >= 6)).toBe(false);
  });
});
