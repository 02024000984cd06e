import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { ProblemError } from '../platform/errors/problem.ts';
import { testInhoud } from './kennisbank-test-fixtures.ts';
import { versionsOf, wijzigingenOf } from './producten/repository.ts';
import { archiveProduct, createProduct, findPublishedProduct, publishProduct, saveConcept, submitForReview } from './producten/service.ts';
import { searchKennisbank } from './zoeken/service.ts';

const TODAY = '2026-03-02';

describe('kennisbank publication rules', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  async function publicSearch(q: string, kanaal: 'portaal' | 'kcc' = 'portaal') {
    return searchKennisbank(database.db, tenant.id, { q, kanaal }, { today: TODAY, log: false });
  }

  it('never shows a concept or a version in review to the public, and shows it once published', async () => {
    await createProduct(database.db, tenant.id, 'Ben Beheerder', 'zwembadpas', testInhoud());
    expect((await publicSearch('zwembadpas')).count).toBe(0);
    expect(await findPublishedProduct(database.db, tenant.id, 'zwembadpas', { intern: false, today: TODAY })).toBeUndefined();

    await submitForReview(database.db, tenant.id, 'Ben Beheerder', 'zwembadpas');
    expect((await publicSearch('zwembadpas')).count).toBe(0);

    await publishProduct(database.db, tenant.id, 'Rita Reviewer', 'zwembadpas', { today: TODAY });
    const found = await publicSearch('zwembadpas');
    expect(found.results.map((result) => result.slug)).toEqual(['zwembadpas']);
    expect(found.results[0]?.snippet).toContain('<mark>');
  });

  it('keeps showing the published text while a new concept is edited, then replaces and archives it on publication', async () => {
    await saveConcept(database.db, tenant.id, 'Ben Beheerder', 'zwembadpas', testInhoud({ titel: 'Zwemkaart aanvragen', samenvatting: 'Nieuwe tekst over de zwemkaart.' }));
    const whilePending = await findPublishedProduct(database.db, tenant.id, 'zwembadpas', { intern: false, today: TODAY });
    expect(whilePending?.inhoud.titel).toBe('Zwembadpas aanvragen');
    expect((await publicSearch('zwemkaart')).results.map((result) => result.slug)).not.toContain('zwembadpas');

    await publishProduct(database.db, tenant.id, 'Rita Reviewer', 'zwembadpas', { today: TODAY });
    const after = await findPublishedProduct(database.db, tenant.id, 'zwembadpas', { intern: false, today: TODAY });
    expect(after?.inhoud.titel).toBe('Zwemkaart aanvragen');
    const versions = await versionsOf(database.db, tenant.id, after?.uuid ?? '');
    expect(versions.map((versie) => [versie.versienummer, versie.status])).toEqual([
      [2, 'gepubliceerd'],
      [1, 'gearchiveerd'],
    ]);
  });

  it('records who changed what', async () => {
    const product = await findPublishedProduct(database.db, tenant.id, 'zwembadpas', { intern: true, today: TODAY });
    const history = await wijzigingenOf(database.db, tenant.id, product?.uuid ?? '');
    expect(history.map((entry) => [entry.actie, entry.door])).toEqual([
      ['gepubliceerd', 'Rita Reviewer'],
      ['gewijzigd', 'Ben Beheerder'],
      ['gepubliceerd', 'Rita Reviewer'],
      ['ter-review', 'Ben Beheerder'],
      ['aangemaakt', 'Ben Beheerder'],
    ]);
    // The published version got its publicatiedatum at publication; the new concept has none yet.
    expect(history[1]?.velden).toEqual(['titel', 'samenvatting', 'publicatiedatum']);
  });

  it('shows a product with a future publicatiedatum only from that day', async () => {
    await createProduct(database.db, tenant.id, 'Ben Beheerder', 'sportpas', testInhoud({ titel: 'Sportpas aanvragen', publicatiedatum: '2026-04-01' }));
    await publishProduct(database.db, tenant.id, 'Ben Beheerder', 'sportpas', { today: TODAY });
    expect(await findPublishedProduct(database.db, tenant.id, 'sportpas', { intern: false, today: TODAY })).toBeUndefined();
    expect((await publicSearch('sportpas')).count).toBe(0);
    const onTheDay = await searchKennisbank(database.db, tenant.id, { q: 'sportpas', kanaal: 'portaal' }, { today: '2026-04-01', log: false });
    expect(onTheDay.results.map((result) => result.slug)).toEqual(['sportpas']);
  });

  it('shows the internal note to the KCC only, and finds answers through it there', async () => {
    const publicProduct = await findPublishedProduct(database.db, tenant.id, 'zwembadpas', { intern: false, today: TODAY });
    expect(publicProduct?.inhoud.interneNotitie).toBe('');
    expect((await publicSearch('kassasysteem')).count).toBe(0);
    const kcc = await publicSearch('kassasysteem', 'kcc');
    expect(kcc.results.map((result) => result.slug)).toEqual(['zwembadpas']);
    expect(kcc.results[0]?.interneNotitie).toContain('Kassasysteem');
  });

  it('takes an archived product off every channel', async () => {
    await archiveProduct(database.db, tenant.id, 'Ben Beheerder', 'zwembadpas', 'Zwembad gesloten');
    expect((await publicSearch('zwembadpas', 'kcc')).count).toBe(0);
    expect(await findPublishedProduct(database.db, tenant.id, 'zwembadpas', { intern: true, today: TODAY })).toBeUndefined();
  });

  it('refuses to publish when there is no concept, and refuses related products that do not exist', async () => {
    await expect(publishProduct(database.db, tenant.id, 'Ben Beheerder', 'sportpas', { today: TODAY })).rejects.toMatchObject({ code: 'conflict' });
    const refused = await createProduct(database.db, tenant.id, 'Ben Beheerder', 'fietspas', testInhoud({ gerelateerd: ['bestaat-niet', 'fietspas'] })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ProblemError);
    expect((refused as ProblemError).invalidParams.map((problem) => problem.reason)).toEqual(['Er is geen product "bestaat-niet".', 'Een product kan niet aan zichzelf gerelateerd zijn.']);
  });

  it('never shows one tenant the products of another', async () => {
    const other = await createTestTenant(database.db, 'Gemeente Anders');
    expect((await searchKennisbank(database.db, other.id, { q: 'sportpas', kanaal: 'kcc' }, { today: '2026-05-01', log: false })).count).toBe(0);
    expect(await findPublishedProduct(database.db, other.id, 'sportpas', { intern: true, today: '2026-05-01' })).toBeUndefined();
  });
});
