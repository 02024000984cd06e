import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { testInhoud } from './kennisbank-test-fixtures.ts';
import { archiveProduct, createProduct, publishProduct, submitForReview } from './producten/service.ts';
import { importKennisbank } from './uitwisseling/import.ts';
import { BODY_ONLY_CAP } from './zoeken/repository.ts';
import { searchKennisbank } from './zoeken/service.ts';

const TODAY = '2026-03-02';

describe('kennisbank search vocabulary, search stand and body-only matches', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  const search = (q: string) => searchKennisbank(database.db, tenant.id, { q, kanaal: 'portaal' }, { today: TODAY, log: false });

  async function publish(slug: string, titel: string, trefwoorden: string[] = []) {
    await createProduct(database.db, tenant.id, 'Ben Beheerder', slug, testInhoud({ titel, trefwoorden, samenvatting: `Alles over ${titel.toLowerCase()}.` }));
    await submitForReview(database.db, tenant.id, 'Ben Beheerder', slug);
    await publishProduct(database.db, tenant.id, 'Rita Reviewer', slug, { today: TODAY });
  }

  async function counts(words: string[]): Promise<Record<string, number>> {
    const rows = await database.db
      .selectFrom('kennisbank_zoekwoorden')
      .select(['woord', 'aantal'])
      .where('tenant_id', '=', tenant.id)
      .where('woord', 'in', words)
      .execute();
    return Object.fromEntries(rows.map((row) => [row.woord, row.aantal]));
  }

  async function stand(): Promise<number> {
    const row = await database.db.selectFrom('kennisbank_zoekstand').select('stand').where('tenant_id', '=', tenant.id).executeTakeFirst();
    return Number(row?.stand ?? 0);
  }

  it('counts the title words of published articles, up on publication and down on archiving, renewing the stand each time', async () => {
    const before = await stand();
    await publish('kapvergunning', 'Kapvergunning aanvragen', ['boom kappen']);
    await publish('omgevingsvergunning', 'Omgevingsvergunning aanvragen');
    expect(await counts(['kapvergunning', 'omgevingsvergunning', 'aanvragen', 'boom', 'kappen'])).toEqual({
      kapvergunning: 1,
      omgevingsvergunning: 1,
      aanvragen: 2,
      boom: 1,
      kappen: 1,
    });
    const afterPublishing = await stand();
    expect(afterPublishing).not.toBe(before);

    await archiveProduct(database.db, tenant.id, 'Rita Reviewer', 'kapvergunning');
    expect(await counts(['kapvergunning', 'aanvragen'])).toEqual({ kapvergunning: 0, aanvragen: 1 });
    expect(await stand()).not.toBe(afterPublishing);
  });

  it('finds a compound and a misspelling through the vocabulary, and sees a new publication at the very next search', async () => {
    expect((await search('vergunning')).results.map((result) => result.slug)).toEqual(['omgevingsvergunning']);
    expect((await search('zwemdiploma')).count).toBe(0);
    await publish('zwemdiploma', 'Zwemdiploma halen');
    // The same query again: the kept answer belongs to the old stand, so the new article is found.
    expect((await search('zwemdiploma')).results.map((result) => result.slug)).toEqual(['zwemdiploma']);
    expect((await search('zwemdiplona')).results.map((result) => result.slug)).toEqual(['zwemdiploma']);
  });

  it('a changed synonym list is used at the next search', async () => {
    expect((await search('verbouwing')).count).toBe(0);
    await database.db.insertInto('kennisbank_synoniemen').values({ tenant_id: tenant.id, termen: ['verbouwing', 'omgevingsvergunning'] }).execute();
    expect((await search('verbouwing')).results.map((result) => result.slug)).toEqual(['omgevingsvergunning']);
  });

  it(`lists the articles that match in their head first and counts at most ${BODY_ONLY_CAP} that match only in their body`, async () => {
    const bodyOnly = Array.from({ length: BODY_ONLY_CAP + 5 }, (_, index) => ({
      slug: `onderwerp-${index + 1}`,
      status: 'gepubliceerd' as const,
      inhoud: testInhoud({
        titel: `Onderwerp ${index + 1}`,
        uplNaam: `Onderwerp ${index + 1}`,
        samenvatting: 'Een onderwerp.',
        trefwoorden: [],
        vraagAntwoord: [],
        secties: { ...testInhoud().secties, inleiding: '<p>Over dit onderwerp.</p>', contact: '<p>Kom langs in het stadskantoor.</p>' },
      }),
    }));
    const head = { slug: 'stadskantoor', status: 'gepubliceerd' as const, inhoud: testInhoud({ titel: 'Openingstijden stadskantoor', uplNaam: 'Stadskantoor', trefwoorden: [] }) };
    await importKennisbank(database.db, tenant.id, { producten: [...bodyOnly, head] }, { door: 'test', today: TODAY });

    const first = await search('stadskantoor');
    expect(first.count).toBe(1 + BODY_ONLY_CAP);
    expect(first.results[0]?.slug).toBe('stadskantoor');
    expect(first.results.slice(1).every((result) => result.slug.startsWith('onderwerp-'))).toBe(true);
    // Body-only matches are listed by title, page after page, without repeats.
    const second = await searchKennisbank(database.db, tenant.id, { q: 'stadskantoor', kanaal: 'portaal', offset: 10 }, { today: TODAY, log: false });
    expect(second.count).toBe(first.count);
    const slugs = [...first.results, ...second.results].map((result) => result.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    const beyond = await searchKennisbank(database.db, tenant.id, { q: 'stadskantoor', kanaal: 'portaal', offset: 400 }, { today: TODAY, log: false });
    expect([beyond.count, beyond.results.length]).toEqual([first.count, 0]);
  });

  it('lets a tenant with indexed articles be deleted', async () => {
    const other = await createTestTenant(database.db);
    await createProduct(database.db, other.id, 'Ben Beheerder', 'hondenbelasting', testInhoud({ titel: 'Hondenbelasting' }));
    await submitForReview(database.db, other.id, 'Ben Beheerder', 'hondenbelasting');
    await publishProduct(database.db, other.id, 'Rita Reviewer', 'hondenbelasting', { today: TODAY });
    await sql`DELETE FROM tenants WHERE id = ${other.id}`.execute(database.db);
    const left = await database.db.selectFrom('kennisbank_zoekwoorden').select('woord').where('tenant_id', '=', other.id).execute();
    expect(left).toEqual([]);
  });
});
