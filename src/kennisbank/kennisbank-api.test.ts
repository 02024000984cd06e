import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../test/fixtures.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { amsterdamToday } from './dates.ts';
import { seedDemoKennisbank } from './demo/seed.ts';
import { testInhoud } from './kennisbank-test-fixtures.ts';
import { createProduct, publishProduct } from './producten/service.ts';
import { kennisbankRapportage } from './zoeklog/reports.ts';
import { logSearch, rateProduct } from './zoeklog/service.ts';

const API = '/kennisbank/api/v1';

interface SearchBody {
  count: number;
  next: string | null;
  previous: string | null;
  zoekopdracht: string | null;
  results: { titel: string; samenvatting: string; snippet: string; url: string; slug: string; doelgroepen: string[] }[];
}

describe('the public kennisbank API', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    await seedDemoKennisbank(database.db, tenant.id, amsterdamToday());
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function get(url: string, forTenant: Tenant = tenant) {
    return test.app.inject({ method: 'GET', url, headers: { host: hostOf(forTenant) } });
  }

  function post(url: string, payload: object) {
    return test.app.inject({ method: 'POST', url, headers: { host: hostOf(tenant) }, payload });
  }

  it('searches published products, best first, with highlighted snippets and product page URLs', async () => {
    const response = await get(`${API}/zoeken?q=paspoort%20kwijt`);
    expect(response.statusCode).toBe(200);
    const body = response.json<SearchBody>();
    expect(body.results[0]).toMatchObject({ slug: 'vermissing-reisdocument', url: `http://${hostOf(tenant)}/producten/vermissing-reisdocument` });
    expect(body.results[0]?.snippet).toMatch(/<mark>kwijt<\/mark>/i);
    expect(body.count).toBeGreaterThanOrEqual(body.results.length);
    expect(body.zoekopdracht).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('pages through the results with next and previous links', async () => {
    const first = (await get(`${API}/zoeken?q=vergunning&pageSize=2`)).json<SearchBody>();
    expect(first.results).toHaveLength(2);
    expect(first.next).toContain('page=2');
    const second = (await get(`${API}/zoeken?q=vergunning&pageSize=2&page=2`)).json<SearchBody>();
    expect(second.previous).toContain('page=1');
    expect(second.results.map((result) => result.slug)).not.toContain(first.results[0]?.slug);
  });

  it('filters on audience and request channel', async () => {
    const ondernemers = (await get(`${API}/zoeken?q=vergunning&doelgroep=ondernemer&pageSize=50`)).json<SearchBody>();
    expect(ondernemers.results.length).toBeGreaterThan(0);
    for (const result of ondernemers.results) expect(result.doelgroepen).toContain('ondernemer');
    const balie = (await get(`${API}/zoeken?q=paspoort&aanvraagkanaal=online`)).json<SearchBody>();
    expect(balie.results.map((result) => result.slug)).not.toContain('paspoort-aanvragen');
  });

  it('answers an unknown query parameter with a 400 problem', async () => {
    const response = await get(`${API}/zoeken?q=paspoort&zoek=x`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'unknown-parameters', invalidParams: [{ name: 'zoek', code: 'unknown-parameters' }] });
  });

  it('lists every problem with the query parameters', async () => {
    const response = await get(`${API}/zoeken?doelgroep=kinderen&pageSize=500`);
    expect(response.statusCode).toBe(400);
    const names = response.json<{ invalidParams: { name: string }[] }>().invalidParams.map((problem) => problem.name).sort();
    expect(names).toEqual(['doelgroep', 'pageSize', 'q']);
  });

  it('logs the search with personal data masked, and records the click', async () => {
    const body = (await get(`${API}/zoeken?q=${encodeURIComponent('Uittreksel BRP 123456782 jan@example.nl')}`)).json<SearchBody>();
    // The log is written in batches, within moments and without anything else happening.
    const findLogged = () => database.db.selectFrom('kennisbank_zoekopdrachten').selectAll().where('uuid', '=', body.zoekopdracht ?? '').executeTakeFirst();
    let logged = await findLogged();
    for (let attempt = 0; logged === undefined && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      logged = await findLogged();
    }
    expect(logged).toMatchObject({ zoekterm: 'uittreksel brp [bsn] [e-mail]', kanaal: 'api', aantal_resultaten: body.count, tenant_id: tenant.id });

    const click = await post(`${API}/zoekopdrachten/${body.zoekopdracht}/klik`, { product: 'uittreksel-brp', positie: 1 });
    expect(click.statusCode).toBe(204);
    const clicked = await database.db.selectFrom('kennisbank_zoekopdrachten').selectAll().where('uuid', '=', body.zoekopdracht ?? '').executeTakeFirstOrThrow();
    expect(clicked.geklikte_positie).toBe(1);
    expect(clicked.geklikt_product_uuid).not.toBeNull();

    const unknown = await post(`${API}/zoekopdrachten/00000000-0000-4000-8000-000000000000/klik`, { product: 'uittreksel-brp' });
    expect(unknown.statusCode).toBe(404);
  });

  it('stores a rating with its remark masked', async () => {
    const response = await post(`${API}/producten/afvalpas/beoordelingen`, { nuttig: false, opmerking: 'Bel me terug op 06-12345678' });
    expect(response.statusCode).toBe(201);
    const rows = await database.db.selectFrom('kennisbank_beoordelingen').select(['nuttig', 'opmerking', 'kanaal']).where('tenant_id', '=', tenant.id).execute();
    expect(rows).toEqual([{ nuttig: false, opmerking: 'Bel me terug op [telefoonnummer]', kanaal: 'api' }]);
    expect((await post(`${API}/producten/afvalpas/beoordelingen`, { nuttig: 'ja' })).statusCode).toBe(400);
  });

  it('refuses a flood of ratings from one address with 429 and Retry-After, and stores no more of them', async () => {
    const count = async () =>
      Number((await database.db.selectFrom('kennisbank_beoordelingen').select((eb) => eb.fn.countAll().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow()).n);
    const before = await count();
    const statuses: number[] = [];
    let refused;
    for (let index = 0; index < 12; index++) {
      const response = await post(`${API}/producten/afvalpas/beoordelingen`, { nuttig: true });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) refused = response;
    }
    // 10 a minute per address (earlier tests in this file may have used some): accepted ones first, then only refusals.
    const accepted = statuses.filter((status) => status === 201).length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThanOrEqual(10);
    expect(statuses).toEqual([...Array(accepted).fill(201), ...Array(12 - accepted).fill(429)]);
    expect(refused?.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(await count()).toBe(before + accepted);
  });

  it('serves a published product without the internal note, and no draft', async () => {
    const response = await get(`${API}/producten/paspoort-aanvragen`);
    expect(response.statusCode).toBe(200);
    const product = response.json<Record<string, unknown>>();
    expect(product).toMatchObject({ titel: 'Paspoort aanvragen', uplNaam: 'Paspoort', doelgroepen: ['inwoner'] });
    expect(JSON.stringify(product)).not.toContain('Spoedaanvragen alleen');
    expect(product).not.toHaveProperty('interneNotitie');

    await createProduct(database.db, tenant.id, 'Ben Beheerder', 'concept-product', testInhoud({ titel: 'Geheim concept' }));
    expect((await get(`${API}/producten/concept-product`)).statusCode).toBe(404);
    expect((await get(`${API}/zoeken?q=${encodeURIComponent('geheim concept')}`)).json<SearchBody>().results.map((result) => result.slug)).not.toContain('concept-product');
  });

  it('never shows one tenant the products of another', async () => {
    const other = await createTestTenant(database.db, 'Gemeente Anders');
    const body = (await get(`${API}/zoeken?q=paspoort`, other)).json<SearchBody>();
    expect(body.count).toBe(0);
    expect((await get(`${API}/producten/paspoort-aanvragen`, other)).statusCode).toBe(404);
  });
});

describe('the beheerder reports', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  it('reports top queries per channel, zero-result and no-click queries, lowest-rated and overdue products', async () => {
    const db = database.db;
    await createProduct(db, tenant.id, 'Ben', 'zwembadpas', testInhoud({ reviewVoor: '2026-01-01' }));
    await publishProduct(db, tenant.id, 'Ben', 'zwembadpas', { today: '2025-06-01' });
    await createProduct(db, tenant.id, 'Ben', 'sportpas', testInhoud({ titel: 'Sportpas', reviewVoor: '2027-01-01' }));
    await publishProduct(db, tenant.id, 'Ben', 'sportpas', { today: '2025-06-01' });

    for (const [q, kanaal, aantal] of [
      ['zwembad', 'portaal', 3],
      ['zwembad', 'portaal', 3],
      ['sportpas', 'portaal', 1],
      ['zwembad', 'kcc', 3],
      ['hondenpoep', 'portaal', 0],
      ['hondenpoep', 'kcc', 0],
    ] as const) {
      await logSearch(db, tenant.id, { q, kanaal, aantalResultaten: aantal });
    }
    await rateProduct(db, tenant.id, 'zwembadpas', { nuttig: false, opmerking: 'Onduidelijk', kanaal: 'portaal' });
    await rateProduct(db, tenant.id, 'zwembadpas', { nuttig: true, kanaal: 'portaal' });
    await rateProduct(db, tenant.id, 'sportpas', { nuttig: true, kanaal: 'portaal' });

    // A period that surely holds what was just logged: PostgreSQL's now() has microseconds, a JavaScript Date only
    // milliseconds, so a default period ending "now" can end just before the last rating of the same millisecond.
    const periode = { van: new Date(Date.now() - 60 * 60 * 1000), tot: new Date(Date.now() + 60 * 1000) };
    const report = await kennisbankRapportage(db, tenant.id, { today: '2026-03-02', periode });
    expect(report.topZoektermenPerKanaal).toEqual([
      { kanaal: 'kcc', zoekterm: 'hondenpoep', aantal: 1 },
      { kanaal: 'kcc', zoekterm: 'zwembad', aantal: 1 },
      { kanaal: 'portaal', zoekterm: 'zwembad', aantal: 2 },
      { kanaal: 'portaal', zoekterm: 'hondenpoep', aantal: 1 },
      { kanaal: 'portaal', zoekterm: 'sportpas', aantal: 1 },
    ]);
    expect(report.zonderResultaat.map((row) => [row.zoekterm, row.aantal])).toEqual([['hondenpoep', 2]]);
    expect(report.zonderKlik.map((row) => [row.zoekterm, row.aantal])).toEqual([
      ['zwembad', 3],
      ['sportpas', 1],
    ]);
    expect(report.laagstBeoordeeld.map((row) => [row.slug, row.beoordelingen, row.score, row.opmerkingen])).toEqual([
      ['zwembadpas', 2, 0.5, ['Onduidelijk']],
      ['sportpas', 1, 1, []],
    ]);
    expect(report.reviewVerlopen.map((row) => [row.slug, row.review_voor])).toEqual([['zwembadpas', '2026-01-01']]);
  });

  it('reports nothing for an empty period', async () => {
    const report = await kennisbankRapportage(database.db, tenant.id, { periode: { van: new Date('2020-01-01T00:00:00Z'), tot: new Date('2020-02-01T00:00:00Z') }, today: '2026-03-02' });
    expect(report.topZoektermenPerKanaal).toEqual([]);
    expect(report.zonderResultaat).toEqual([]);
    expect(report.laagstBeoordeeld).toEqual([]);
  });
});
