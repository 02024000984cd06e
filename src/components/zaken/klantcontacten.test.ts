import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { klantcontactPrefix } from './klantcontacten/identificatie.ts';
import { loadZakenSpec, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, type Json } from './shared/relation-test-kit.ts';

const LIST = '/klantcontacten';
const DETAIL = '/klantcontacten/{uuid}';

describe('Zaken API: klantcontacten', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let zaak: { uuid: string; url: string };
  let all: string;
  let call: ReturnType<typeof zakenApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    spec = await loadZakenSpec();
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    zaak = await insertTestZaak(database.db, tenant, zaaktype);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenApi(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function contact(overrides: Json = {}): Json {
    return { zaak: zaak.url, datumtijd: '2026-01-05T09:30:00+01:00', kanaal: 'telefoon', onderwerp: 'Vraag over de aanvraag', toelichting: 'Terugbelverzoek', ...overrides };
  }

  async function create(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes)] })).token();
  }

  it('registers a contact with a generated identificatie KC-<year>-<number>, numbered on per tenant and year', async () => {
    const first = await create(contact());
    const second = await create(contact({ datumtijd: '2026-03-01T12:00:00Z' }));
    expect(first).toMatchObject({ zaak: zaak.url, datumtijd: '2026-01-05T08:30:00.000Z', kanaal: 'telefoon', onderwerp: 'Vraag over de aanvraag', toelichting: 'Terugbelverzoek' });
    expect(first.identificatie).toMatch(/^KC-2026-\d{6}$/);
    expect(Number(String(second.identificatie).slice(8))).toBe(Number(String(first.identificatie).slice(8)) + 1);
    const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
    const otherZaak = await insertTestZaak(database.db, otherTenant, await insertTestZaaktype(database.db, otherTenant));
    const elsewhere = await call('POST', LIST, LIST, { token: otherAll, at: otherTenant, body: contact({ zaak: otherZaak.url }) });
    expect((elsewhere.json() as Json).identificatie).toBe('KC-2026-000001');
  });

  it('numbers a contact by its year in Amsterdam, and keeps a client-chosen identificatie unique in the tenant', async () => {
    expect(klantcontactPrefix(new Date('2025-12-31T23:30:00Z'))).toBe('KC-2026-');
    await create(contact({ identificatie: 'EIGEN-1' }));
    const again = await call('POST', LIST, LIST, { token: all, body: contact({ identificatie: 'EIGEN-1' }) });
    expect(problemCodes(again)).toEqual(['identificatie:unique']);
  });

  it('numbers concurrent contacts one after another', async () => {
    const made = await Promise.all(Array.from({ length: 5 }, () => create(contact({ datumtijd: '2024-06-01T10:00:00Z' }))));
    expect(made.map((body) => body.identificatie).sort()).toEqual(['KC-2024-000001', 'KC-2024-000002', 'KC-2024-000003', 'KC-2024-000004', 'KC-2024-000005']);
  });

  it('refuses a contact that begins in the future (date-in-future) and lists every problem', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: contact({ datumtijd: future }) }))).toEqual(['datumtijd:date-in-future']);
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { kanaal: 'x'.repeat(21), identificatie: 'x'.repeat(15) } }))).toEqual([
      'datumtijd:required',
      'identificatie:maxLength',
      'kanaal:maxLength',
      'zaak:required',
    ]);
  });

  it('records the creation in the zaak audit trail and publishes it on kanaal zaken', async () => {
    const body = await create(contact());
    const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
    expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resource: 'klantcontact' });
    expect(await notificatiesAbout(database.db, tenant, String(body.url))).toMatchObject([{ kanaal: 'zaken', resource: 'klantcontact', actie: 'create', hoofdObject: zaak.url }]);
  });

  it('zrc-006 and zrc-007: needs bijwerken for the zaaktype, and geforceerd-bijwerken on a closed zaak', async () => {
    expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: contact() })).statusCode).toBe(403);
    const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
    expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken']), body: contact({ zaak: closed.url }) })).statusCode).toBe(403);
    await create(contact({ zaak: closed.url }), await tokenFor(['zaken.geforceerd-bijwerken']));
  });

  it('lists the contacts of a zaak in pages and reads one; zrc-006 filters what the caller may read', async () => {
    const own = await insertTestZaak(database.db, tenant, zaaktype);
    const visible = await create(contact({ zaak: own.url }));
    const page = await call('GET', `${LIST}?zaak=${encodeURIComponent(own.url)}`, LIST, { token: all });
    expect(page.json()).toMatchObject({ count: 1, next: null, previous: null, results: [visible] });
    expect((await call('GET', `/klantcontacten/${String(visible.uuid)}`, DETAIL, { token: all })).json()).toEqual(visible);
    expect((await call('GET', `${LIST}?onderwerp=x`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });

    const reader = await tokenFor(['zaken.lezen'], otherZaaktype);
    expect(((await call('GET', LIST, LIST, { token: reader })).json() as { count: number }).count).toBe(0);
    expect((await call('GET', `/klantcontacten/${String(visible.uuid)}`, DETAIL, { token: reader })).statusCode).toBe(403);
    const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
    expect((await call('GET', `/klantcontacten/${String(visible.uuid)}`, DETAIL, { token: otherAll, at: otherTenant })).statusCode).toBe(404);
  });
});
