import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { authenticateApiToken } from '../../platform/auth/api-token.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestClient, createTestTenant, hostOf, signZgwToken } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec } from '../../../test/openapi.ts';
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
  let autorisatiesSpec: OpenApiSpec;

  beforeAll(async () => {
    autorisatiesSpec = await loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'autorisaties-1.1.0.yaml'));
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

  /** Calls the Autorisaties API with a ZGW token and checks the answer against the official spec. */
  async function autorisatiesApi(url: string, template: string, clientId: string, secret: string) {
    const response = await test.app.inject({ method: 'GET', url: `/autorisaties/api/v1${url}`, headers: { host: hostOf(tenant), authorization: `Bearer ${await signZgwToken(clientId, secret)}` } });
    if (response.statusCode !== 401) {
      expectConformsTo(autorisatiesSpec, { method: 'GET', path: template, status: response.statusCode, contentType: response.headers['content-type'], body: response.json() as unknown });
    }
    return response;
  }

  async function maakClient(clientId: string, label: string, token = false): Promise<{ path: string; uuid: string; secret: string; token: string }> {
    const created = await post('/medewerker/beheer/api-clients', { clientId, label, alle: 'ja', ...(token ? { token: 'ja' } : {}) });
    expect(created.statusCode).toBe(200);
    const uuid = /href="\/medewerker\/beheer\/api-clients\/([0-9a-f-]{36})"/.exec(created.body)?.[1] ?? '';
    return {
      uuid,
      path: `/medewerker/beheer/api-clients/${uuid}`,
      secret: /<dt>Geheim<\/dt><dd><code>([^<]+)<\/code>/.exec(created.body)?.[1] ?? '',
      token: /Token …\)<\/dt><dd><code>([^<]+)<\/code>/.exec(created.body)?.[1] ?? '',
    };
  }

  it('revokes a client at once while its applicatie and history stay, and reactivates it deliberately with a new secret', async () => {
    const client = await maakClient('zaak-koppeling', 'Zaakkoppeling', true);
    const reader = await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true });
    const status = async (secret: string) => (await autorisatiesApi('/applicaties', '/applicaties', 'zaak-koppeling', secret)).statusCode;
    expect(await status(client.secret)).toBe(200);

    // Only a beheerder, only with the form's CSRF token.
    const kcc = await signInStaff(test, tenant, { roles: ['kcc', 'behandelaar'] });
    expect((await post(`${client.path}/intrekken`, {}, kcc)).statusCode).toBe(403);
    const zonderCsrf = await test.app.inject({ method: 'POST', url: `${client.path}/intrekken`, headers: { ...beheerder.headers, accept: 'text/html' }, payload: {} });
    expect(zonderCsrf.statusCode).toBe(403);
    expect(await status(client.secret)).toBe(200);

    // The secret (just used, so in the credentials cache) stops working within the cache's second.
    const revokedAt = Date.now();
    expect((await post(`${client.path}/intrekken`)).statusCode).toBe(303);
    await waitUntil('the revoked secret is refused', async () => (await status(client.secret)) === 401, 5_000);
    expect(Date.now() - revokedAt).toBeLessThan(2_000);
    await expect(authenticateApiToken(database.db, tenant.id, 'klantinteracties', `Token ${client.token}`)).rejects.toThrow();
    // A second submit changes nothing.
    expect((await post(`${client.path}/intrekken`)).statusCode).toBe(303);
    expect(await database.db.selectFrom('applicatie_intrekkingen').select('id').where('applicatie_uuid', '=', client.uuid).execute()).toHaveLength(1);

    // The applicatie stays: in beheer as ingetrokken, and unchanged in the Autorisaties API, whose consumer look-up no
    // longer answers for its client id.
    const page = await get(client.path);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ingetrokken</span> sinds');
    expect(page.body).toContain('door Test Medewerker');
    expect(page.body).toContain('Opnieuw activeren met een nieuw geheim');
    const list = (await get('/medewerker/beheer/api-clients')).body;
    expect(list.slice(list.indexOf('Zaakkoppeling'))).toMatch(/^[\s\S]*?Ingetrokken[\s\S]*?<\/section>/);
    const read = await autorisatiesApi(`/applicaties/${client.uuid}`, '/applicaties/{uuid}', reader.clientId, reader.secret);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ label: 'Zaakkoppeling', clientIds: ['zaak-koppeling'], heeftAlleAutorisaties: true });
    expect((await autorisatiesApi('/applicaties/consumer?clientId=zaak-koppeling', '/applicaties/consumer', reader.clientId, reader.secret)).statusCode).toBe(404);

    // A revoked client gets no token and no secret on the side, said beside the list.
    const token = await post(`${client.path}/klantinteracties-token`, { clientId: 'zaak-koppeling' });
    expect(token.statusCode).toBe(400);
    expect(token.body).toContain('Deze API-client is ingetrokken');
    expect((await post(`${client.path}/nieuw-geheim`, { clientId: 'zaak-koppeling' })).statusCode).toBe(400);
    expect(await status(client.secret)).toBe(401);

    // Reactivating gives a new secret, shown once; the old one never works again.
    const again = await post(`${client.path}/heractiveren`);
    expect(again.statusCode).toBe(200);
    expect(again.headers['cache-control']).toBe('no-store');
    const newSecret = /<dt>Geheim voor zaak-koppeling<\/dt><dd><code>([^<]+)<\/code>/.exec(again.body)?.[1] ?? '';
    expect(newSecret.length).toBeGreaterThan(20);
    expect(newSecret).not.toBe(client.secret);
    expect(await status(newSecret)).toBe(200);
    expect(await status(client.secret)).toBe(401);
    const twice = await post(`${client.path}/heractiveren`);
    expect(twice.statusCode).toBe(303);
    expect(twice.body).not.toContain('Geheim');
    expect((await autorisatiesApi('/applicaties/consumer?clientId=zaak-koppeling', '/applicaties/consumer', reader.clientId, reader.secret)).statusCode).toBe(200);

    const history = (await get(client.path)).body;
    expect(history).toContain('Geschiedenis van intrekken');
    expect(history).toContain('API-client intrekken');
    expect(loggedEvents(test.lines)).toContainEqual(expect.objectContaining({ event: 'api_client.revoked', clientIds: ['zaak-koppeling'], by: beheerder.user.id }));
    expect(loggedEvents(test.lines)).toContainEqual(expect.objectContaining({ event: 'api_client.reactivated', clientIds: ['zaak-koppeling'], by: beheerder.user.id }));
    expect(test.lines.join('\n')).not.toContain(newSecret);

    // An active client can get a new secret, which replaces the old one.
    const rotated = await post(`${client.path}/nieuw-geheim`, { clientId: 'zaak-koppeling' });
    expect(rotated.statusCode).toBe(200);
    const rotatedSecret = /<dt>Geheim<\/dt><dd><code>([^<]+)<\/code>/.exec(rotated.body)?.[1] ?? '';
    // Processes that still hold the old secret in their one-second cache switch over within that second.
    await waitUntil('the new secret works', async () => (await status(rotatedSecret)) === 200, 5_000);
    expect(await status(newSecret)).toBe(401);
  });

  it('deletes a client only as a separate act, after a confirmation step', async () => {
    const client = await maakClient('weg-ermee', 'Weg ermee');
    const confirm = await get(`${client.path}/verwijderen`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Definitief verwijderen');
    expect(confirm.body).toContain('name="_csrf"');

    const unconfirmed = await post(`${client.path}/verwijderen`);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toMatch(/id="bevestigen-fout"[^>]*>.*Vink aan/);
    expect(unconfirmed.body).toContain('aria-invalid="true"');
    expect((await get(client.path)).statusCode).toBe(200);

    const outsider = await signInStaff(test, other, { roles: ['beheerder'] });
    expect((await post(`${client.path}/verwijderen`, { bevestigen: 'ja' }, outsider)).statusCode).toBe(404);
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    expect((await post(`${client.path}/verwijderen`, { bevestigen: 'ja' }, kcc)).statusCode).toBe(403);

    const deleted = await post(`${client.path}/verwijderen`, { bevestigen: 'ja' });
    expect(deleted.statusCode).toBe(303);
    expect(deleted.headers.location).toBe('/medewerker/beheer/api-clients?gedaan=verwijderd');
    expect((await get(client.path)).statusCode).toBe(404);
    expect(await database.db.selectFrom('applicaties').select('uuid').where('uuid', '=', client.uuid).execute()).toHaveLength(0);
    expect(loggedEvents(test.lines)).toContainEqual(expect.objectContaining({ event: 'api_client.deleted', clientIds: ['weg-ermee'] }));
  });
});
