import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../test/fixtures.ts';
import { csrfTokenIn, responseCookie } from '../../test/staff-session.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { amsterdamToday } from '../kennisbank/dates.ts';
import { seedDemoKennisbank } from '../kennisbank/demo/seed.ts';
import { testInhoud } from '../kennisbank/kennisbank-test-fixtures.ts';
import { createProduct, publishProduct } from '../kennisbank/producten/service.ts';
import { completeSearchLog } from '../kennisbank/zoeklog/service.ts';

const HTML = { accept: 'text/html' };
const RATING_COOKIE = 'loket_portaal_formulier';

describe('the residents portal', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let other: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Voorbeeld');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    await seedDemoKennisbank(database.db, tenant.id, amsterdamToday());
    // The other tenant has one product of its own, with a slug of its own.
    await createProduct(database.db, other.id, 'test', 'zwembadpas', testInhoud());
    await publishProduct(database.db, other.id, 'test', 'zwembadpas');
    // A concept that was never published, and a product that can be requested online.
    await createProduct(database.db, tenant.id, 'test', 'concept-product', testInhoud({ titel: 'Geheim conceptproduct', trefwoorden: ['conceptwoord'] }));
    await createProduct(database.db, tenant.id, 'test', 'online-product', testInhoud({ titel: 'Zwembadpas online', aanvraagkanalen: ['online', 'balie'], zaaktypeIdentificatie: 'ZWEMBADPAS' }));
    await publishProduct(database.db, tenant.id, 'test', 'online-product');
    await createProduct(database.db, tenant.id, 'test', 'online-zonder-zaaktype', testInhoud({ titel: 'Zwembadpas zonder formulier', aanvraagkanalen: ['online'] }));
    await publishProduct(database.db, tenant.id, 'test', 'online-zonder-zaaktype');
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function get(url: string, forTenant: Tenant = tenant, headers: Record<string, string> = {}) {
    return test.app.inject({ method: 'GET', url, headers: { host: hostOf(forTenant), ...HTML, ...headers } });
  }

  async function ratingForm(slug: string) {
    const page = await get(`/producten/${slug}`);
    const cookie = responseCookie(page, RATING_COOKIE);
    if (cookie === undefined) throw new Error('no form cookie');
    return { token: csrfTokenIn(page.body), cookie: `${RATING_COOKIE}=${cookie}` };
  }

  function rate(slug: string, payload: Record<string, string>, headers: Record<string, string> = {}, forTenant: Tenant = tenant) {
    return test.app.inject({ method: 'POST', url: `/producten/${slug}/beoordeling`, headers: { host: hostOf(forTenant), ...HTML, ...headers }, payload });
  }

  it('shows the home page: name, a labelled search box, the most-used products and the contact options', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const body = response.body;
    expect(body).toContain('<html lang="nl"');
    expect(body).toContain('<title>Home - Gemeente Voorbeeld</title>');
    expect(body).toContain('<label for="zoekvraag">');
    expect(body).toMatch(/<form class="portaal-zoeken" action="\/zoeken" method="get"/);
    // No search log yet: the fixed top tasks.
    expect(body).toContain('href="/producten/paspoort-aanvragen"');
    expect(body).toContain('href="/producten/verhuizing-doorgeven"');
    expect(body).toContain('14 0999');
    expect(body).toContain('href="#inhoud"');
    expect(body).toContain('<main id="inhoud"');
  });

  it('puts the products clicked most in search results first on the home page', async () => {
    for (let i = 0; i < 3; i++) {
      const results = await get('/zoeken?q=hond');
      const link = /href="(\/zoeken\/klik\?[^"]*product=hondenbelasting[^"]*)"/.exec(results.body)?.[1];
      expect(link).toBeDefined();
      const click = await get((link ?? '').replace(/&amp;/g, '&'));
      expect(click.statusCode).toBe(303);
    }
    const home = await get('/');
    const first = /<ul class="portaal-taken"[^>]*>\s*<li><a href="([^"]+)"/.exec(home.body)?.[1];
    expect(first).toBe('/producten/hondenbelasting');
  });

  it('shows search results with count, highlighted snippets and result links that log the click', async () => {
    const response = await get('/zoeken?q=paspoort%20kwijt');
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/\d+ resultaten? voor ‘paspoort kwijt’/);
    expect(response.body).toMatch(/<mark>kwijt<\/mark>/i);
    expect(response.body).toMatch(/href="\/zoeken\/klik\?zoekopdracht=[0-9a-f-]{36}&amp;product=vermissing-reisdocument&amp;positie=1"/);
    expect(response.body).toContain('<title>Zoekresultaten voor ‘paspoort kwijt’ - Gemeente Voorbeeld</title>');
  });

  it('pages through the results with plain links that keep the logged search', async () => {
    const first = await get('/zoeken?q=gemeente');
    expect(first.body).toMatch(/([2-9]\d|1[1-9]|\d{3,}) resultaten/);
    const next = /href="(\/zoeken\?[^"]*pagina=2[^"]*)"/.exec(first.body)?.[1]?.replace(/&amp;/g, '&');
    expect(next).toMatch(/zoekopdracht=[0-9a-f-]{36}/);
    const second = await get(next ?? '');
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('aria-current="page"');
    expect(second.body).toMatch(/<ol class="portaal-resultaten" start="11">/);
    expect(second.body).toMatch(/positie=11"/);
  });

  it('says clearly when nothing is found and suggests the most-used products', async () => {
    const response = await get('/zoeken?q=xqzwvbnm');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Wij hebben niets gevonden voor ‘xqzwvbnm’');
    expect(response.body).toContain('Misschien zoekt u een van deze onderwerpen');
    expect(response.body).toContain('href="/producten/paspoort-aanvragen"');
  });

  it('logs a click and redirects to the product page on this site', async () => {
    const results = await get('/zoeken?q=afvalpas');
    const uuid = /zoekopdracht=([0-9a-f-]{36})/.exec(results.body)?.[1] ?? '';
    const click = await get(`/zoeken/klik?zoekopdracht=${uuid}&product=afvalpas&positie=1`);
    expect(click.statusCode).toBe(303);
    expect(click.headers.location).toBe('/producten/afvalpas');
    await completeSearchLog(database.db);
    const row = await database.db.selectFrom('kennisbank_zoekopdrachten').select(['geklikt_product_uuid', 'geklikte_positie', 'kanaal']).where('uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ geklikte_positie: 1, kanaal: 'portaal' });
    expect(row.geklikt_product_uuid).not.toBeNull();
  });

  it.each([
    ['an absolute URL', 'https://kwaadwillend.example/'],
    ['a protocol-relative URL', '//kwaadwillend.example'],
    ['a path', '/medewerker'],
    ['an encoded slash', 'afvalpas%2F..%2F..%2Fmedewerker'],
  ])('refuses to redirect to %s', async (_label, product) => {
    const response = await get(`/zoeken/klik?zoekopdracht=0b0f6a8e-6f1a-4c55-9d43-2b2b6f7e9f10&product=${encodeURIComponent(product)}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers.location).toBeUndefined();
  });

  it('still takes the resident to the product when the search in the link is unknown, without logging it', async () => {
    const response = await get('/zoeken/klik?zoekopdracht=0b0f6a8e-6f1a-4c55-9d43-2b2b6f7e9f10&product=afvalpas&positie=2');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/producten/afvalpas');
  });

  it('shows a published product: sections in order, costs in euro, questions, related products and the other ways', async () => {
    const response = await get('/producten/paspoort-aanvragen');
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('<title>Paspoort aanvragen - Gemeente Voorbeeld</title>');
    const headings = [...body.matchAll(/<h2 class="utrecht-heading-2" id="sectie-[^"]+">([^<]+)<\/h2>/g)].map((match) => match[1]);
    expect(headings.slice(0, 5)).toEqual(['Inleiding', 'Hoe regel ik het?', 'Voorwaarden', 'Wat heb ik nodig?', 'Kosten']);
    expect(body).toContain('€ 84,70');
    expect(body).toContain('Kan ik mijn paspoort door iemand anders laten ophalen?');
    expect(body).toContain('href="/producten/identiteitskaart-aanvragen"');
    // Counter only: no online button, the counter named.
    expect(body).not.toContain('/aanvragen"');
    expect(body).toContain('Zo regelt u het');
    expect(body).toContain('Aan de balie');
    // Never the note for staff.
    expect(body).not.toContain('Spoedaanvragen alleen');
  });

  it('offers "Regel het online" only when the product\'s zaaktype has a published e-form', async () => {
    // A zaaktype but no e-form for it (the e-form tests cover the button with one): the other ways only.
    const online = await get('/producten/online-product');
    expect(online.body).not.toContain('Regel het online');
    expect(online.body).not.toContain('/aanvragen"');
    expect(online.body).toContain('Aan de balie');
    // Online without a zaaktype (no e-form to start): no button.
    const withoutForm = await get('/producten/online-zonder-zaaktype');
    expect(withoutForm.statusCode).toBe(200);
    expect(withoutForm.body).not.toContain('/aanvragen"');
    expect(withoutForm.body).not.toContain('Regel het online');
  });

  it('never shows a concept, on the product page or in the results', async () => {
    const page = await get('/producten/concept-product');
    expect(page.statusCode).toBe(404);
    expect(page.body).not.toContain('Geheim conceptproduct');
    const results = await get('/zoeken?q=conceptwoord');
    expect(results.body).not.toContain('Geheim conceptproduct');
  });

  it("never shows one tenant's products on another tenant's host", async () => {
    const page = await get('/producten/paspoort-aanvragen', other);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Gemeente Anders');
    expect(page.body).not.toContain('Paspoort aanvragen');
    const results = await get('/zoeken?q=paspoort', other);
    expect(results.body).not.toContain('paspoort-aanvragen');
    const home = await get('/', other);
    expect(home.body).toContain('Gemeente Anders');
    expect(home.body).not.toContain('paspoort-aanvragen');
    expect((await get('/producten/zwembadpas', other)).statusCode).toBe(200);
    expect((await get('/producten/zwembadpas')).statusCode).toBe(404);
    // A click on the own host cannot record against the other tenant's search.
    const theirs = await get('/zoeken?q=zwembadpas', other);
    const uuid = /zoekopdracht=([0-9a-f-]{36})/.exec(theirs.body)?.[1] ?? '';
    await get(`/zoeken/klik?zoekopdracht=${uuid}&product=afvalpas&positie=1`);
    await completeSearchLog(database.db);
    const row = await database.db.selectFrom('kennisbank_zoekopdrachten').select('geklikt_product_uuid').where('uuid', '=', uuid).executeTakeFirstOrThrow();
    expect(row.geklikt_product_uuid).toBeNull();
  });

  it('answers an unknown product with a readable portal 404 page', async () => {
    const response = await get('/producten/bestaat-niet');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('<title>Pagina niet gevonden - Gemeente Voorbeeld</title>');
    expect(response.body).toContain('Deze pagina bestaat niet');
    expect((await get('/producten/NIET%20GELDIG')).statusCode).toBe(404);
  });

  it('stores a rating from the portal and thanks the resident', async () => {
    const form = await ratingForm('afvalpas');
    const response = await rate('afvalpas', { _csrf: form.token, nuttig: 'nee', opmerking: 'Mijn BSN is 111222333, de tekst is onduidelijk' }, { cookie: form.cookie });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/producten/afvalpas?bedankt=ja#beoordeling');
    const rows = await database.db.selectFrom('kennisbank_beoordelingen').select(['nuttig', 'opmerking', 'kanaal']).where('tenant_id', '=', tenant.id).execute();
    expect(rows).toContainEqual(expect.objectContaining({ nuttig: false, kanaal: 'portaal' }));
    expect(rows.map((row) => row.opmerking).join(' ')).not.toContain('111222333');
    const thanks = await get('/producten/afvalpas?bedankt=ja');
    expect(thanks.body).toContain('Bedankt voor uw reactie');
  });

  it('refuses a rating without the form token, with a wrong one, or sent from another site', async () => {
    const count = async () => (await database.db.selectFrom('kennisbank_beoordelingen').select('uuid').where('tenant_id', '=', tenant.id).execute()).length;
    const before = await count();
    const form = await ratingForm('grofvuil-ophalen');
    expect((await rate('grofvuil-ophalen', { _csrf: form.token, nuttig: 'ja' })).statusCode).toBe(403);
    expect((await rate('grofvuil-ophalen', { _csrf: 'verkeerd', nuttig: 'ja' }, { cookie: form.cookie })).statusCode).toBe(403);
    expect((await rate('grofvuil-ophalen', { nuttig: 'ja' }, { cookie: form.cookie })).statusCode).toBe(403);
    expect((await rate('grofvuil-ophalen', { _csrf: form.token, nuttig: 'ja' }, { cookie: form.cookie, 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    // A token from one tenant's form does not work on another tenant's host.
    expect((await rate('zwembadpas', { _csrf: form.token, nuttig: 'ja' }, { cookie: form.cookie }, other)).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('asks again, beside the question, when neither yes nor no was chosen', async () => {
    const form = await ratingForm('kapvergunning');
    const response = await rate('kapvergunning', { _csrf: form.token, opmerking: 'iets' }, { cookie: form.cookie });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="nuttig-fout"');
    expect(response.body).toContain('Kies ja of nee.');
    expect(response.body).toContain('<title>Fout: Boom kappen (kapvergunning) - Gemeente Voorbeeld</title>');
  });

  it('limits how often one address may rate', async () => {
    const form = await ratingForm('sloopmelding');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await rate('sloopmelding', { _csrf: form.token, nuttig: 'ja' }, { cookie: form.cookie, 'x-forwarded-for': '203.0.113.9' })).statusCode);
    }
    // Earlier tests rated from the same test address; at the latest the eleventh is refused.
    expect(statuses.at(-1)).toBe(429);
  });

  it('serves the NL Design System stylesheets from Loket itself', async () => {
    for (const path of ['/static/utrecht/component-library.css', '/static/utrecht/design-tokens.css', '/static/portaal.css']) {
      const response = await get(path);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/css');
    }
    const page = await get('/');
    expect(page.body).toContain('href="/static/utrecht/component-library.css"');
  });
});
