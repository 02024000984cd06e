import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestApp, createTestTenant, type TestApp } from '../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../test/staff-session.ts';
import type { Tenant } from '../platform/database/schema.ts';
import { parseEuro, readProductForm } from './beheer/form.ts';

const BEHEER = '/medewerker/kennisbank';

const VALID_FORM = {
  slug: 'zwembadpas',
  titel: 'Zwembadpas aanvragen',
  uplNaam: 'Zwembadpas',
  samenvatting: 'Met een zwembadpas zwemt u met korting.',
  doelgroepen: 'inwoner',
  aanvraagkanalen: ['online', 'balie'],
  'sectie-inleiding': '<p onclick="x()">Korting op <strong>elk</strong> bezoek.<script>alert(1)</script></p>',
  kostenbedragen: 'Zwembadpas; 12,50\nVervangende pas; 5',
  'vraag-1': 'Kan ik de pas delen?',
  'antwoord-1': '<p>Nee, de pas is <strong>persoonlijk</strong>.</p>',
  'vraag-2': '',
  'antwoord-2': '',
  'vraag-3': 'Is er een kinderpas?',
  'antwoord-3': 'Ja, tot 12 jaar.<img src=x onerror=alert(1)>',
  trefwoorden: 'zwemmen, zwembad',
  reviewVoor: '2027-01-01',
};

describe('kennisbank beheer pages', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let beheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'], displayName: 'Ben Beheerder' });
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function get(url: string, staff: SignedInStaff = beheerder) {
    return test.app.inject({ method: 'GET', url, headers: { ...staff.headers, accept: 'text/html' } });
  }

  function post(url: string, payload: Record<string, string | string[]>, staff: SignedInStaff = beheerder) {
    return test.app.inject({ method: 'POST', url, headers: { ...staff.headers, accept: 'text/html' }, payload: { _csrf: staff.csrfToken, ...payload } });
  }

  it('is for the beheerder only', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    expect((await get(BEHEER, kcc)).statusCode).toBe(403);
    expect((await get(BEHEER)).statusCode).toBe(200);
  });

  it('shows every problem beside its field and keeps what was typed', async () => {
    const response = await post(`${BEHEER}/nieuw`, { ...VALID_FORM, slug: 'Zwembad Pas', titel: '', doelgroepen: [], kostenbedragen: 'Zwembadpas 12,50', reviewVoor: '2027-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Fout: Nieuw product');
    for (const id of ['slug', 'titel', 'doelgroepen', 'kostenbedragen', 'reviewVoor']) {
      expect(response.body).toContain(`href="#${id}"`);
      expect(response.body).toContain(`id="${id}-fout"`);
    }
    expect(response.body).toContain('value="Met een zwembadpas zwemt u met korting."');
  });

  it('links a half-filled question to its answer field', async () => {
    const response = await post(`${BEHEER}/nieuw`, { ...VALID_FORM, slug: 'zwembadpas-vragen', 'vraag-2': 'Waar haal ik de pas?' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<a href="#antwoord-2">Vraag 2: vul het antwoord in.</a>');
    expect(response.body).toContain('id="antwoord-2-fout"');
    expect(response.body).toContain('value="Waar haal ik de pas?"');
  });

  it('refuses a form without the session CSRF token', async () => {
    const response = await test.app.inject({ method: 'POST', url: `${BEHEER}/nieuw`, headers: { ...beheerder.headers, accept: 'text/html' }, payload: VALID_FORM });
    expect(response.statusCode).toBe(403);
  });

  it('creates a concept, sanitises the text, previews, publishes and archives it, recording who did what', async () => {
    const created = await post(`${BEHEER}/nieuw`, VALID_FORM);
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe(`${BEHEER}/producten/zwembadpas?melding=aangemaakt`);

    const host = { host: beheerder.headers.host };
    expect((await test.app.inject({ url: '/kennisbank/api/v1/producten/zwembadpas', headers: host })).statusCode).toBe(404);

    const preview = await get(`${BEHEER}/producten/zwembadpas/voorbeeld`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<p>Korting op <strong>elk</strong> bezoek.</p>');
    expect(preview.body).not.toContain('alert(1)');
    expect(preview.body).toContain('Zwembadpas: € 12,50');

    expect((await post(`${BEHEER}/producten/zwembadpas/review`, {})).statusCode).toBe(303);
    expect((await post(`${BEHEER}/producten/zwembadpas/publiceren`, {})).statusCode).toBe(303);
    const published = await test.app.inject({ url: '/kennisbank/api/v1/producten/zwembadpas', headers: host });
    expect(published.json()).toMatchObject({ titel: 'Zwembadpas aanvragen', kostenbedragen: [{ omschrijving: 'Zwembadpas', bedragInCenten: 1250 }, { omschrijving: 'Vervangende pas', bedragInCenten: 500 }] });

    const edited = await post(`${BEHEER}/producten/zwembadpas`, { ...VALID_FORM, titel: 'Zwemkaart aanvragen' });
    expect(edited.statusCode).toBe(303);
    const page = await get(`${BEHEER}/producten/zwembadpas?melding=opgeslagen`);
    expect(page.body).toContain('Het concept is opgeslagen.');
    // The two questions come back as pairs 1 and 2 (answers for the editor), with two empty pairs to add more.
    expect(page.body).toContain('<input type="text" id="vraag-2" name="vraag-2" value="Is er een kinderpas?">');
    expect(page.body).toContain('<textarea id="antwoord-1" name="antwoord-1" rows="3" cols="80" data-rich-text');
    expect(page.body).toContain('name="vraag-4"');
    expect(page.body).not.toContain('name="vraag-5"');
    expect(page.body).toContain('Versie 2: <strong>Concept</strong> · er is een gepubliceerde versie online');
    expect(page.body).toContain('Ben Beheerder (');
    expect(page.body).toMatch(/Gewijzigd<\/td><td>Ben Beheerder \([^)]*\)<\/td><td>titel/);

    expect((await post(`${BEHEER}/producten/zwembadpas/archiveren`, {})).statusCode).toBe(303);
    expect((await test.app.inject({ url: '/kennisbank/api/v1/producten/zwembadpas', headers: host })).statusCode).toBe(404);
  });

  it('lists the products and the reports', async () => {
    const list = await get(BEHEER);
    expect(list.body).toContain('href="/medewerker/kennisbank/producten/zwembadpas"');
    const reports = await get(`${BEHEER}/rapportage`);
    expect(reports.statusCode).toBe(200);
    expect(reports.body).toContain('Zoektermen zonder resultaat');
  });

  it('answers a product of another tenant with 404', async () => {
    const other = await createTestTenant(database.db, 'Gemeente Anders');
    const otherBeheerder = await signInStaff(test, other, { roles: ['beheerder'] });
    expect((await get(`${BEHEER}/producten/zwembadpas`, otherBeheerder)).statusCode).toBe(404);
    expect((await post(`${BEHEER}/producten/zwembadpas/publiceren`, {}, otherBeheerder)).statusCode).toBe(404);
  });
});

describe('the beheer form', () => {
  it('reads euro amounts', () => {
    expect([parseEuro('84,70'), parseEuro('€ 5'), parseEuro('12.5'), parseEuro('twaalf')]).toEqual([8470, 500, 1250, undefined]);
  });

  it('reads numbered question and answer pairs, skipping empty ones and sanitising the answers', () => {
    const read = readProductForm({ ...VALID_FORM });
    expect(read.inhoud?.vraagAntwoord).toEqual([
      { vraag: 'Kan ik de pas delen?', antwoord: '<p>Nee, de pas is <strong>persoonlijk</strong>.</p>' },
      { vraag: 'Is er een kinderpas?', antwoord: 'Ja, tot 12 jaar.' },
    ]);
  });

  it('names a half-filled question pair by its number, and an answer that sanitises to nothing', () => {
    const read = readProductForm({ ...VALID_FORM, 'vraag-2': 'Waar haal ik de pas?', 'antwoord-4': 'Bij de kassa.', 'vraag-5': 'Leeg?', 'antwoord-5': '<script>alert(1)</script>' });
    expect(read.problems.map((problem) => [problem.name, problem.reason])).toEqual([
      ['antwoord-2', 'Vraag 2: vul het antwoord in.'],
      ['vraag-4', 'Vraag 4: vul de vraag in die bij dit antwoord hoort.'],
      ['antwoord-5', 'Vraag 5: Vul het antwoord in.'],
    ]);
  });
});
