import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { authenticateApiToken } from '../../platform/auth/api-token.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant, hostOf, signZgwToken } from '../../../test/fixtures.ts';
import { signInStaff, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestZaaktype } from '../../../test/zgw-fixtures.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { createLoggedTestApp, loggedEvents } from './beheer-test-app.ts';

/* API clients as the beheerder keeps them, through the Autorisaties service: what the Autorisaties API shows too. */

describe('API clients beheer', () => {
  let database: TestDatabase;
  let test: Awaited<ReturnType<typeof createLoggedTestApp>>;
  let tenant: Tenant;
  let other: Tenant;
  let beheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createLoggedTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Clients');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (url: string, who: SignedInStaff = beheerder) => test.app.inject({ method: 'GET', url, headers: { ...who.headers, accept: 'text/html' } });
  const post = (url: string, payload: Record<string, string> = {}, who: SignedInStaff = beheerder) =>
    test.app.inject({ method: 'POST', url, headers: { ...who.headers, accept: 'text/html' }, payload: { _csrf: who.csrfToken, ...payload } });

  it('is for beheerders only', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc', 'behandelaar', 'teamleider', 'privacy'] });
    expect((await get('/medewerker/beheer/api-clients', kcc)).statusCode).toBe(403);
    expect((await post('/medewerker/beheer/api-clients', { clientId: 'stiekem', label: 'Stiekem', alle: 'ja' }, kcc)).statusCode).toBe(403);
  });

  it('adds a client whose secret and token are shown once and work, with autorisaties the Autorisaties API shows', async () => {
    const refused = await post('/medewerker/beheer/api-clients', { clientId: 'met spatie', label: '', component: 'zrc', scopes: '' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="clientId-fout"/);
    expect(refused.body).toMatch(/id="label-fout"/);
    expect(refused.body).toMatch(/id="autorisatie-scopes-fout"/);

    // ac-003 from the service, beside the field: the Zaken API needs a zaaktype and a maximum vertrouwelijkheid.
    const missing = await post('/medewerker/beheer/api-clients', { clientId: 'zaak-app', label: 'Zaak-app', component: 'zrc', scopes: 'zaken.lezen', zaaktype: '', maxVertrouwelijkheidaanduiding: 'openbaar' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toMatch(/id="autorisatie-zaaktype-fout"[^>]*>.*ac-003/);

    const created = await post('/medewerker/beheer/api-clients', { clientId: 'ac-lezer', label: 'Autorisaties-lezer', component: 'ac', scopes: 'autorisaties.lezen', maxVertrouwelijkheidaanduiding: '', token: 'ja' });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const secret = /<dt>Geheim<\/dt><dd><code>([^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    const token = /Token …\)<\/dt><dd><code>([^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    expect(secret.length).toBeGreaterThan(20);
    expect(token.length).toBeGreaterThan(20);
    expect((await post('/medewerker/beheer/api-clients', { clientId: 'ac-lezer', label: 'Nog eens', alle: 'ja' })).body).toMatch(/id="clientId-fout"[^>]*>.*ac-001/);

    // The secret signs tokens the Autorisaties API accepts, and that API shows the applicatie as the page made it.
    const jwt = await signZgwToken('ac-lezer', secret);
    const api = await test.app.inject({ method: 'GET', url: '/autorisaties/api/v1/applicaties?clientIds=ac-lezer', headers: { host: hostOf(tenant), authorization: `Bearer ${jwt}` } });
    expect(api.statusCode).toBe(200);
    const [applicatie] = (api.json() as { results: { label: string; url: string; autorisaties: { component: string; scopes: string[] }[] }[] }).results;
    expect(applicatie).toMatchObject({ label: 'Autorisaties-lezer', autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] });
    expect((await authenticateApiToken(database.db, tenant.id, 'klantinteracties', `Token ${token}`)).clientId).toBe('ac-lezer');

    const list = await get('/medewerker/beheer/api-clients');
    expect(list.body).toContain('Autorisaties-lezer');
    expect(list.body).not.toContain(secret);
    expect(test.lines.join('\n')).not.toContain(secret);
    expect(test.lines.join('\n')).not.toContain(token);
    expect(loggedEvents(test.lines)).toContainEqual(expect.objectContaining({ event: 'api_client.created', clientId: 'ac-lezer', by: beheerder.user.id }));

    // Autorisaties: add one for a zaaktype, remove the first; a new token replaces the old one.
    const uuid = applicatie?.url.split('/').at(-1) ?? '';
    const path = `/medewerker/beheer/api-clients/${uuid}`;
    const zaaktype = await insertTestZaaktype(database.db, tenant);
    expect((await post(`${path}/autorisaties`, { component: 'zrc', scopes: 'zaken.lezen, zaken.aanmaken', zaaktype: zaaktype.url, maxVertrouwelijkheidaanduiding: 'zaakvertrouwelijk' })).statusCode).toBe(303);
    const page = await get(path);
    expect(page.body).toContain('Zaken API: zaken.lezen, zaken.aanmaken');
    // The remove form of the Autorisaties API autorisatie: its index and the key naming it.
    const forms = [...page.body.matchAll(/autorisaties\/(\d+)\/verwijderen"[^>]*><input type="hidden" name="_csrf" value="[^"]+"><input type="hidden" name="sleutel" value="([^"]+)"/g)];
    const acForm = forms.find((match) => (match[2] ?? '').includes('&quot;ac&quot;'));
    const index = acForm?.[1] ?? '';
    const sleutel = acForm?.[2]?.replace(/&quot;/g, '"') ?? '';
    expect((await post(`${path}/autorisaties/${index}/verwijderen`, { sleutel })).statusCode).toBe(303);
    // The same removal again (a double submit) leaves the remaining autorisatie alone.
    expect((await post(`${path}/autorisaties/${index}/verwijderen`, { sleutel })).statusCode).toBe(303);
    const after = await get(path);
    expect(after.body).not.toContain('Autorisaties API: autorisaties.lezen');
    expect(after.body).toContain('Zaken API: zaken.lezen');
    // The last autorisatie cannot go (ac-002), said beside the list.
    const lastKey = /name="sleutel" value="([^"]+)"/.exec(after.body)?.[1]?.replace(/&quot;/g, '"') ?? '';
    const last = await post(`${path}/autorisaties/0/verwijderen`, { sleutel: lastKey });
    expect(last.statusCode).toBe(400);
    expect(last.body).toContain('ten minste één autorisatie');

    const newToken = await post(`${path}/klantinteracties-token`, { clientId: 'ac-lezer' });
    expect(newToken.statusCode).toBe(200);
    await expect(authenticateApiToken(database.db, tenant.id, 'klantinteracties', `Token ${token}`)).rejects.toThrow();

    expect((await post(`${path}/alle-autorisaties`, { alle: 'ja' })).statusCode).toBe(303);
    expect((await get(path)).body).toContain('Alle autorisaties.');

    // Another municipality's beheerder cannot reach this client.
    const outsider = await signInStaff(test, other, { roles: ['beheerder'] });
    expect((await get(path, outsider)).statusCode).toBe(404);
    expect((await post(`${path}/intrekken`, {}, outsider)).statusCode).toBe(404);
    expect((await get('/medewerker/beheer/api-clients', outsider)).body).not.toContain('Autorisaties-lezer');

    // Revoked: the secret no longer works, at the latest once the one-second credentials cache has moved on.
    expect((await post(`${path}/intrekken`)).statusCode).toBe(303);
    const statusWithSecret = async () =>
      (await test.app.inject({ method: 'GET', url: '/autorisaties/api/v1/applicaties', headers: { host: hostOf(tenant), authorization: `Bearer ${await signZgwToken('ac-lezer', secret)}` } })).statusCode;
    await waitUntil('the revoked secret is refused', async () => (await statusWithSecret()) === 401, 5_000);
  });
});
