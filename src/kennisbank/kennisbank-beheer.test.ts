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
  vraagAntwoord: 'Kan ik de pas delen?\nNee, de pas is persoonlijk.\n\nIs er een kinderpas?\nJa, tot 12 jaar.',
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

  it('reads questions separated by an empty line', () => {
    const read = readProductForm({ ...VALID_FORM });
    expect(read.inhoud?.vraagAntwoord).toEqual([
      { vraag: 'Kan ik de pas delen?', antwoord: 'Nee, de pas is persoonlijk.' },
      { vraag: 'Is er een kinderpas?', antwoord: 'Ja, tot 12 jaar.' },
    ]);
  });
});
