import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { seedDemoCatalogus } from '../../components/catalogi/demo/seed.ts';
import { seedDemoKennisbank } from '../../kennisbank/demo/seed.ts';
import { amsterdamToday } from '../../kennisbank/dates.ts';
import { unescapeHtml } from './test-html.ts';

const HTML = { accept: 'text/html' };

/** What a browser would post for the editor page as shown: every input, selected option, textarea and ticked box. */
function formValues(page: string, formId = 'editor'): URLSearchParams {
  const start = page.indexOf(`id="${formId}"`);
  const form = page.slice(start, page.indexOf('</form>', start));
  const values = new URLSearchParams();
  for (const match of form.matchAll(/<input type="(text|hidden|checkbox)" (?:id="[^"]*" )?name="([^"]+)" value="([^"]*)"([^>]*)>/g)) {
    if (match[1] === 'checkbox' && !(match[4] ?? '').includes('checked')) continue;
    values.append(match[2] ?? '', unescapeHtml(match[3] ?? ''));
  }
  for (const match of form.matchAll(/<select id="[^"]*" name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)" selected>/.exec(match[2] ?? '')?.[1] ?? /<option value="([^"]*)"/.exec(match[2] ?? '')?.[1] ?? '';
    values.append(match[1] ?? '', unescapeHtml(selected));
  }
  for (const match of form.matchAll(/<textarea id="[^"]*" name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) values.append(match[1] ?? '', unescapeHtml(match[2] ?? ''));
  return values;
}

describe('e-form beheer', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let beheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, { LOKET_STAFF_MFA_REQUIRED: 'false' });
    tenant = await createTestTenant(database.db, 'Gemeente Beheer');
    await seedDemoCatalogus(database.db, tenant);
    await seedDemoKennisbank(database.db, tenant.id, amsterdamToday());
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'], displayName: 'Ben Beheerder' });
  });

  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (url: string, staff: SignedInStaff = beheerder) => test.app.inject({ method: 'GET', url, headers: { ...staff.headers, ...HTML } });
  const post = (url: string, values: URLSearchParams, staff: SignedInStaff = beheerder) =>
    test.app.inject({ method: 'POST', url, headers: { ...staff.headers, ...HTML, 'content-type': 'application/x-www-form-urlencoded' }, payload: values.toString() });

  it('is for beheerders only', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    expect((await get('/medewerker/formulieren', kcc)).statusCode).toBe(403);
  });

  it('creates a form for a zaaktype, edits it in the structured editor, refuses an unknown eigenschap, publishes it for residents', async () => {
    const list = await get('/medewerker/formulieren');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<option value="KAPVERGUNNING">');
    const created = await post('/medewerker/formulieren', new URLSearchParams({ _csrf: beheerder.csrfToken, zaaktype: 'KAPVERGUNNING' }));
    expect(created.statusCode).toBe(303);
    const editorUrl = String(created.headers.location);

    // Add a field to the first step (the button), then make it a number and save.
    let editor = await get(editorUrl);
    expect(editor.body).toContain('Stap 1: Uw gegevens');
    const add = formValues(editor.body);
    add.set('actie', 'veld-toevoegen:0');
    expect((await post(editorUrl, add)).statusCode).toBe(303);
    editor = await get(editorUrl);
    expect(editor.body).toContain('Vraag 2: Nieuwe vraag');
    const edit = formValues(editor.body);
    edit.set('s0.v1.label', 'Hoeveel bomen?');
    edit.set('s0.v1.type', 'getal');
    edit.set('s0.v1.verplicht', 'ja');
    edit.set('actie', 'bewaren');
    expect(String((await post(editorUrl, edit)).headers.location)).toBe(`${editorUrl}?bewaard=ja`);
    editor = await get(editorUrl);
    expect(editor.body).toContain('Vraag 2: Hoeveel bomen?');
    expect(editor.body).toContain('name="s0.v1.min"');

    // An eigenschap the zaaktype does not have: nothing saved, the error beside the field and in the summary.
    const wrong = formValues(editor.body);
    wrong.set('s0.v1.eigenschap', 'kleur van de boom');
    wrong.set('actie', 'bewaren');
    const refused = await post(editorUrl, wrong);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('<title>Fout: Formulier KAPVERGUNNING bewerken');
    expect(refused.body).toContain("Zaaktype KAPVERGUNNING heeft geen eigenschap &#39;kleur van de boom&#39;.");
    expect(refused.body).toContain('href="#e-s0-v1-eigenschap"');

    // Not yet published: the product offers no online form.
    expect((await test.app.inject({ method: 'GET', url: '/producten/kapvergunning', headers: { host: hostOf(tenant), ...HTML } })).body).not.toContain('Regel het online');
    const published = await post(`${editorUrl}/publiceren`, new URLSearchParams({ _csrf: beheerder.csrfToken }));
    expect(String(published.headers.location)).toBe(`${editorUrl}?bewaard=gepubliceerd`);
    const product = await test.app.inject({ method: 'GET', url: '/producten/kapvergunning', headers: { host: hostOf(tenant), ...HTML } });
    expect(product.body).toContain('href="/producten/kapvergunning/aanvragen"');

    const preview = await get(`${editorUrl}/voorbeeld`);
    expect(preview.body).toContain('Hoeveel bomen?');
  });

  it('exports one form as JSON and imports it again, refusing a file with problems', async () => {
    const created = await post('/medewerker/formulieren', new URLSearchParams({ _csrf: beheerder.csrfToken, zaaktype: 'WMO-MELDING' }));
    const editorUrl = String(created.headers.location);
    const exported = await get(`${editorUrl}/export`);
    expect(exported.headers['content-disposition']).toContain('formulier-wmo-melding.json');
    const file = JSON.parse(exported.body) as { formaat: string; formulier: { titel: string; stappen: { velden: { type: string }[] }[] } };
    expect(file.formaat).toBe('loket-eformulier');

    file.formulier.titel = 'Hulp bij het huishouden';
    const imported = await post(`${editorUrl}/import`, new URLSearchParams({ _csrf: beheerder.csrfToken, json: JSON.stringify(file) }));
    expect(imported.statusCode).toBe(303);
    expect((await get(editorUrl)).body).toContain('value="Hulp bij het huishouden"');

    const broken = structuredClone(file);
    const first = broken.formulier.stappen[0]?.velden[0];
    if (first) first.type = 'handtekening';
    const refused = await post(`${editorUrl}/import`, new URLSearchParams({ _csrf: beheerder.csrfToken, json: JSON.stringify(broken) }));
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Onbekend veldtype &#39;handtekening&#39;');
    expect((await post(`${editorUrl}/import`, new URLSearchParams({ _csrf: beheerder.csrfToken, json: '{niet' }))).body).toContain('Dit is geen geldige JSON.');
    expect((await get(editorUrl)).body).toContain('value="Hulp bij het huishouden"');
  });

  it('keeps municipalities apart: another municipality\'s beheerder finds no such form', async () => {
    const created = await post('/medewerker/formulieren', new URLSearchParams({ _csrf: beheerder.csrfToken, zaaktype: 'EVENEMENTENVERGUNNING' }));
    const editorUrl = String(created.headers.location);
    const other = await createTestTenant(database.db, 'Gemeente Anders');
    await seedDemoCatalogus(database.db, other);
    const elsewhere = await signInStaff(test, other, { roles: ['beheerder'] });
    expect((await get(editorUrl, elsewhere)).statusCode).toBe(404);
    expect((await get(`${editorUrl}/export`, elsewhere)).statusCode).toBe(404);
    expect((await post(`${editorUrl}/publiceren`, new URLSearchParams({ _csrf: elsewhere.csrfToken }), elsewhere)).statusCode).toBe(404);
    expect((await get('/medewerker/formulieren', elsewhere)).body).not.toContain(editorUrl);
  });

  it('refuses a change without the CSRF token', async () => {
    const response = await post('/medewerker/formulieren', new URLSearchParams({ zaaktype: 'BEZWAARSCHRIFT' }));
    expect(response.statusCode).toBe(403);
  });
});
