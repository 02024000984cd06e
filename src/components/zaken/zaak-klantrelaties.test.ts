import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { loadZakenSpec, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, type Json } from './shared/relation-test-kit.ts';

/*
 * Zaakcontactmomenten and zaakverzoeken: the Zaken API's two relations between a zaak and an object in the
 * Klantinteracties (Contactmomenten/Verzoeken) API. Both follow the same rules, so one set of tests covers each.
 */
const RELATIES = [
  { resource: 'zaakcontactmoment', veld: 'contactmoment', pad: '/zaakcontactmomenten', objecten: 'contactmomenten', anderVeld: 'verzoek' },
  { resource: 'zaakverzoek', veld: 'verzoek', pad: '/zaakverzoeken', objecten: 'verzoeken', anderVeld: 'contactmoment' },
] as const;

describe.each(RELATIES)('Zaken API: $resource', ({ resource, veld, pad, objecten, anderVeld }) => {
  const LIST = pad;
  const DETAIL = `${pad}/{uuid}`;
  const object = () => `https://klantinteracties.example/${objecten}/api/v1/${objecten}/${randomUUID()}`;

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

  async function create(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes)] })).token();
  }

  it(`registers the relation between a zaak and a ${veld}, audited and announced on kanaal zaken`, async () => {
    const url = object();
    const response = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, [veld]: url } });
    expect(response.statusCode).toBe(201);
    const body = response.json() as Json;
    expect(body).toMatchObject({ zaak: zaak.url, [veld]: url });
    expect(response.headers.location).toBe(body.url);
    const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
    expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resource, resource_weergave: url });
    expect(await notificatiesAbout(database.db, tenant, String(body.url))).toMatchObject([{ kanaal: 'zaken', hoofdObject: zaak.url, resource, actie: 'create' }]);
  });

  it(`needs an existing zaak and an absolute ${veld} URL, and lists every problem`, async () => {
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { zaak: 'https://elders.example/zaken/1', [veld]: object() } }))).toEqual(['zaak:bad-url']);
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { [veld]: 'geen url' } }))).toEqual([`${veld}:pattern`, 'zaak:required']);
  });

  it('zrc-006 and zrc-007: needs zaken.bijwerken for the zaaktype, and geforceerd-bijwerken on a closed zaak', async () => {
    expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: { zaak: zaak.url, [veld]: object() } })).statusCode).toBe(403);
    const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
    expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken']), body: { zaak: closed.url, [veld]: object() } })).statusCode).toBe(403);
    await create({ zaak: closed.url, [veld]: object() }, await tokenFor(['zaken.bijwerken', 'zaken.geforceerd-bijwerken']));
  });

  it('refuses a relation with an archived zaak (zaak-archiefstatus-invalid)', async () => {
    const archived = await insertTestZaak(database.db, tenant, zaaktype);
    await database.db.updateTable('zaken').set({ archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2040-01-01' }).where('uuid', '=', archived.uuid).execute();
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { zaak: archived.url, [veld]: object() } }))).toEqual(['nonFieldErrors:zaak-archiefstatus-invalid']);
  });

  it(`lists the relations filtered on zaak and ${veld}, and reads one; zrc-006 filters what the caller may read`, async () => {
    const own = await insertTestZaak(database.db, tenant, zaaktype);
    const first = await create({ zaak: own.url, [veld]: object() });
    const second = await create({ zaak: own.url, [veld]: object() });
    expect(((await call('GET', `${LIST}?zaak=${encodeURIComponent(own.url)}`, LIST, { token: all })).json() as Json[]).map((item) => item.url)).toEqual([first.url, second.url]);
    expect((await call('GET', `${LIST}?${veld}=${encodeURIComponent(String(second[veld]))}`, LIST, { token: all })).json()).toEqual([second]);
    expect((await call('GET', `${pad}/${String(first.uuid)}`, DETAIL, { token: all })).json()).toEqual(first);
    expect((await call('GET', `${LIST}?${anderVeld}=x`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });

    const reader = await tokenFor(['zaken.lezen'], otherZaaktype);
    expect((await call('GET', LIST, LIST, { token: reader })).json()).toEqual([]);
    expect((await call('GET', `${pad}/${String(first.uuid)}`, DETAIL, { token: reader })).statusCode).toBe(403);
    const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
    expect((await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json()).toEqual([]);
    expect((await call('GET', `${pad}/${String(first.uuid)}`, DETAIL, { token: otherAll, at: otherTenant })).statusCode).toBe(404);
  });

  it('removes the relation (204) with zaken.bijwerken, audited and announced', async () => {
    const body = await create({ zaak: zaak.url, [veld]: object() });
    const path = `${pad}/${String(body.uuid)}`;
    expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.lezen']) })).statusCode).toBe(403);
    expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']) })).statusCode).toBe(204);
    expect((await call('GET', path, DETAIL, { token: all })).statusCode).toBe(404);
    expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
    const trail = (await listAuditTrail(database.db, tenant.id, zaak.url)).filter((record) => record.resource_url === body.url);
    expect(trail.map((record) => record.actie)).toEqual(['create', 'destroy']);
  });
});
