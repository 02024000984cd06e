import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { loadKeys } from '../../platform/crypto/keys.ts';
import { seedDemo } from '../../platform/seed/demo-tenant.ts';
import { amsterdamToday } from '../../kennisbank/dates.ts';
import { addDays } from '../../components/zaken/termijnen/awb-termijnen.ts';
import { testConfig } from '../../../test/fixtures.ts';
import { verversAlles } from '../aggregaten/verversen.ts';
import { contactenPerKanaal } from '../cijfers/kcc.ts';
import { zoektermen } from '../cijfers/kennisbank.ts';

describe('the demo history for the inzicht dashboards', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('gives the demo municipality contacts and searches to show on first start', async () => {
    const { tenant } = await seedDemo(database.db, loadKeys(testConfig()));
    await verversAlles(database.db);
    const vandaag = amsterdamToday();
    const filters = { van: addDays(vandaag, -83), tot: vandaag };
    const contacten = await contactenPerKanaal(database.db, tenant.id, filters);
    expect(contacten.reduce((som, rij) => som + rij.aantal, 0)).toBe(48);
    const termen = await zoektermen(database.db, tenant.id, filters);
    expect(termen.top.reduce((som, term) => som + term.aantal, 0)).toBe(160);
    expect(termen.zonderResultaat.map((term) => term.zoekterm).sort()).toEqual(['ooievaarspas', 'rolstoeltaxi']);
  });
});
