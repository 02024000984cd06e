import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { seedDemoKennisbank } from './demo/seed.ts';
import { RELEVANTIE_SET } from './zoeken/relevantie-set.ts';
import { searchKennisbank } from './zoeken/service.ts';

const TODAY = '2026-03-02';
const REQUIRED_SHARE = 0.9;

describe('kennisbank relevance', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    await seedDemoKennisbank(database.db, tenant.id, TODAY);
  });

  afterAll(async () => {
    await database.close();
  });

  it('has at least 60 realistic queries', () => {
    expect(RELEVANTIE_SET.length).toBeGreaterThanOrEqual(60);
  });

  it(`finds the expected product in the top 3 for at least ${REQUIRED_SHARE * 100} % of the relevance set`, async () => {
    const misses: string[] = [];
    for (const { q, verwacht } of RELEVANTIE_SET) {
      const answer = await searchKennisbank(database.db, tenant.id, { q, kanaal: 'portaal', limit: 3 }, { today: TODAY, log: false });
      const top = answer.results.map((result) => result.slug);
      if (!top.includes(verwacht)) misses.push(`  "${q}": expected ${verwacht}, got ${top.join(', ') || '(nothing)'}`);
    }
    const passed = RELEVANTIE_SET.length - misses.length;
    const share = passed / RELEVANTIE_SET.length;
    process.stdout.write(`Kennisbank relevance: ${passed}/${RELEVANTIE_SET.length} queries (${(share * 100).toFixed(1)} %) have the expected product in the top 3.\n`);
    if (misses.length > 0) process.stdout.write(`Misses:\n${misses.join('\n')}\n`);
    expect(share).toBeGreaterThanOrEqual(REQUIRED_SHARE);
  });
});
