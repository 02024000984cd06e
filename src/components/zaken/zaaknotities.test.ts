import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { loadZakenSpec, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, type Json } from './shared/relation-test-kit.ts';

const LIST = '/zaaknotities';
const DETAIL = '/zaaknotities/{uuid}';

interface Page {
  count: number;
  next: string | null;
  previous: string | null;
  results: Json[];
}

describe('Zaken API: zaaknotities', () => {
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

  async function page(query: string, token = all): Promise<Page> {
    const response = await call('GET', `${LIST}?${query}`, LIST, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes)] })).token();
  }

  function pathOf(body: Json): string {
    return new URL(String(body.url)).pathname.replace('/zaken/api/v1', '');
  }

  it('stores a note on a zaak, intern and concept by default, audited and notified', async () => {
    const response = await call('POST', LIST, LIST, { token: all, body: { gerelateerdAan: zaak.url, onderwerp: 'Telefoongesprek', tekst: 'Aanvrager belde over de termijn.' } });
    expect(response.statusCode).toBe(201);
    const body = response.json() as Json;
    expect(body).toMatchObject({ gerelateerdAan: zaak.url, onderwerp: 'Telefoongesprek', tekst: 'Aanvrager belde over de termijn.', aangemaaktDoor: '', notitieType: 'intern', status: 'concept' });
    expect(body.aanmaakdatum).toBe(body.wijzigingsdatum);
    expect(response.headers.location).toBe(body.url);
    const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
    expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resource: 'zaaknotitie', resource_weergave: 'Telefoongesprek' });
    expect(await notificatiesAbout(database.db, tenant, String(body.url))).toMatchObject([{ kanaal: 'zaken', hoofdObject: zaak.url, resource: 'zaaknotitie', actie: 'create' }]);
  });

  it('lists every problem of a note at once, and refuses a gerelateerdAan that is no zaak', async () => {
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { onderwerp: '', notitieType: 'geheim', aangemaaktDoor: 'x'.repeat(256) } }))).toEqual([
      'aangemaaktDoor:maxLength',
      'gerelateerdAan:required',
      'notitieType:enum',
      'onderwerp:minLength',
      'tekst:required',
    ]);
    expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { gerelateerdAan: 'https://elders.example/zaken/1', onderwerp: 'x', tekst: 'y' } }))).toEqual(['gerelateerdAan:bad-url']);
  });

  it('changes a concept note (wijzigingsdatum moves on), and refuses any change once it is definitief', async () => {
    const body = await create({ gerelateerdAan: zaak.url, onderwerp: 'Concept', tekst: 'Eerste versie', aangemaaktDoor: 'behandelaar-1' });
    const path = pathOf(body);
    const put = await call('PUT', path, DETAIL, { token: all, body: { gerelateerdAan: zaak.url, onderwerp: 'Concept', tekst: 'Herschreven', notitieType: 'extern' } });
    expect(put.json()).toMatchObject({ tekst: 'Herschreven', notitieType: 'extern', aangemaaktDoor: 'behandelaar-1', status: 'concept' });
    const patched = (await call('PATCH', path, DETAIL, { token: all, body: { tekst: 'Tweede versie', status: 'definitief' } })).json() as Json;
    expect(patched).toMatchObject({ onderwerp: 'Concept', tekst: 'Tweede versie', status: 'definitief', aangemaaktDoor: 'behandelaar-1', aanmaakdatum: body.aanmaakdatum });
    expect(Date.parse(String(patched.wijzigingsdatum))).toBeGreaterThan(Date.parse(String(body.wijzigingsdatum)));
    const refused = await call('PUT', path, DETAIL, { token: all, body: { gerelateerdAan: zaak.url, onderwerp: 'Te laat', tekst: 'Nee' } });
    expect(problemCodes(refused)).toEqual(['status:invalid']);
    expect((await call('GET', path, DETAIL, { token: all })).json()).toEqual(patched);
    expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'update', 'partial_update']);
  });

  it('moves a concept note to another zaak only for a caller who may write to both', async () => {
    const body = await create({ gerelateerdAan: zaak.url, onderwerp: 'Verhuist', tekst: 'Hoort bij een andere zaak' });
    const elsewhere = await insertTestZaak(database.db, tenant, otherZaaktype);
    expect((await call('PATCH', pathOf(body), DETAIL, { token: await tokenFor(['zaken.bijwerken']), body: { gerelateerdAan: elsewhere.url } })).statusCode).toBe(403);
    const moved = await call('PATCH', pathOf(body), DETAIL, { token: all, body: { gerelateerdAan: elsewhere.url } });
    expect(moved.json()).toMatchObject({ gerelateerdAan: elsewhere.url });
  });

  it('filters on every field the spec names, with pageSize', async () => {
    const own = await insertTestZaak(database.db, tenant, zaaktype);
    const first = await create({ gerelateerdAan: own.url, onderwerp: 'Bezwaar ontvangen', tekst: 'Per post, 100% compleet', aangemaaktDoor: 'Ada', notitieType: 'extern' });
    const second = await create({ gerelateerdAan: own.url, onderwerp: 'Intern overleg', tekst: 'Met juridische zaken', aangemaaktDoor: 'Bob', status: 'definitief' });
    const zaakFilter = `gerelateerdAan=${encodeURIComponent(own.url)}`;
    expect((await page(zaakFilter)).results.map((note) => note.url)).toEqual([first.url, second.url]);
    expect((await page(`${zaakFilter}&notitieType=extern`)).results.map((note) => note.url)).toEqual([first.url]);
    expect((await page(`${zaakFilter}&status=definitief`)).results.map((note) => note.url)).toEqual([second.url]);
    expect((await page(`${zaakFilter}&aangemaaktDoor=Ada`)).results.map((note) => note.url)).toEqual([first.url]);
    expect((await page(`${zaakFilter}&aangemaaktDoor__icontains=bo`)).results.map((note) => note.url)).toEqual([second.url]);
    expect((await page(`${zaakFilter}&onderwerp=Intern%20overleg`)).results.map((note) => note.url)).toEqual([second.url]);
    expect((await page(`${zaakFilter}&onderwerp__icontains=BEZWAAR`)).results.map((note) => note.url)).toEqual([first.url]);
    expect((await page(`${zaakFilter}&tekst__icontains=${encodeURIComponent('100%')}`)).results.map((note) => note.url)).toEqual([first.url]);
    expect((await page(`${zaakFilter}&tekst__icontains=${encodeURIComponent('0_%')}`)).count).toBe(0);
    expect((await page(`${zaakFilter}&tekst=Met%20juridische%20zaken`)).results.map((note) => note.url)).toEqual([second.url]);
    const since = encodeURIComponent(String(second.aanmaakdatum));
    expect((await page(`${zaakFilter}&aanmaakdatum__gte=${since}`)).results.map((note) => note.url)).toEqual([second.url]);
    expect((await page(`${zaakFilter}&aanmaakdatum__lt=${since}`)).results.map((note) => note.url)).toEqual([first.url]);
    expect((await page(`${zaakFilter}&aanmaakdatum=${since}`)).results.map((note) => note.url)).toEqual([second.url]);
    expect((await page(`${zaakFilter}&wijzigingsdatum__gt=${encodeURIComponent('2000-01-01T00:00:00Z')}&wijzigingsdatum__lte=${encodeURIComponent(new Date().toISOString())}`)).count).toBe(2);
    const paged = await page(`${zaakFilter}&pageSize=1`);
    expect(paged).toMatchObject({ count: 2, previous: null });
    expect(paged.next).toContain('page=2');
    expect((await page(`${zaakFilter}&pageSize=1&page=2`)).results.map((note) => note.url)).toEqual([second.url]);
    expect((await call('GET', `${LIST}?aanmaakdatum__gt=gisteren`, LIST, { token: all })).statusCode).toBe(400);
    expect((await call('GET', `${LIST}?zaak=${encodeURIComponent(own.url)}`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });
  });

  it('zrc-006: lists and reads only notes of zaken the caller may read', async () => {
    const body = await create({ gerelateerdAan: zaak.url, onderwerp: 'Zichtbaar?', tekst: 'Alleen voor wie de zaak mag zien' });
    const reader = await tokenFor(['zaken.lezen'], otherZaaktype);
    expect((await page(`gerelateerdAan=${encodeURIComponent(zaak.url)}`, reader)).count).toBe(0);
    expect((await call('GET', pathOf(body), DETAIL, { token: reader })).statusCode).toBe(403);
    expect((await call('GET', pathOf(body), DETAIL, { token: await tokenFor(['zaken.lezen']) })).statusCode).toBe(200);
    const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
    expect(((await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json() as Page).count).toBe(0);
    expect((await call('GET', pathOf(body), DETAIL, { token: otherAll, at: otherTenant })).statusCode).toBe(404);
  });

  it('zrc-006 and zrc-007: writes need zaken.bijwerken for the zaak, and geforceerd-bijwerken once it is closed', async () => {
    const note = { onderwerp: 'Na afloop', tekst: 'Nagekomen informatie' };
    expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: { ...note, gerelateerdAan: zaak.url } })).statusCode).toBe(403);
    const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
    expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken']), body: { ...note, gerelateerdAan: closed.url } })).statusCode).toBe(403);
    await create({ ...note, gerelateerdAan: closed.url }, await tokenFor(['zaken.bijwerken', 'zaken.geforceerd-bijwerken']));
  });

  it('deletes a note (204), audited and notified', async () => {
    const body = await create({ gerelateerdAan: zaak.url, onderwerp: 'Weg', tekst: 'Mag weg' });
    expect((await call('DELETE', pathOf(body), DETAIL, { token: await tokenFor(['zaken.lezen']) })).statusCode).toBe(403);
    expect((await call('DELETE', pathOf(body), DETAIL, { token: await tokenFor(['zaken.bijwerken']) })).statusCode).toBe(204);
    expect((await call('GET', pathOf(body), DETAIL, { token: all })).statusCode).toBe(404);
    const trail = (await listAuditTrail(database.db, tenant.id, zaak.url)).filter((record) => record.resource_url === body.url);
    expect(trail.map((record) => record.actie)).toEqual(['create', 'destroy']);
  });
});
