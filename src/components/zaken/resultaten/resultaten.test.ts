import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../../platform/database/schema.ts';
import { listAuditTrail } from '../../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../../test/openapi.ts';
import { loadZakenSpecForZaken } from '../zaken/zaken-test-kit.ts';
import { catalogiUrlOf, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, zakenUrlOf, type Json } from '../shared/relation-test-kit.ts';

const LIST = '/resultaten';
const DETAIL = '/resultaten/{uuid}';

interface Page {
  count: number;
  results: Json[];
}

describe('Zaken API: resultaten', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let all: string;
  let call: ReturnType<typeof zakenApi>;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    // The spec with the errata of its `_expand` schemas, which `expand` answers are checked against.
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenApi(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype, max: 'openbaar' | 'zeer_geheim' = 'zeer_geheim'): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes, max)] })).token();
  }

  function resultaatOf(zaak: { url: string }, extra: Json = {}): Json {
    return { zaak: zaak.url, resultaattype: zaaktype.resultaattype.url, toelichting: 'Aanvraag afgewezen', ...extra };
  }

  async function create(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  describe('creating (resultaat_create)', () => {
    it('stores the resultaat, answers 201 with Location, audits it and publishes it on kanaal zaken', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, { token: all, body: resultaatOf(zaak) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({ url: zakenUrlOf(tenant, 'resultaten', String(body.uuid)), uuid: body.uuid, zaak: zaak.url, resultaattype: zaaktype.resultaattype.url, toelichting: 'Aanvraag afgewezen' });
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resultaat: 201, resource: 'resultaat' });
      const [notificatie] = await notificatiesAbout(database.db, tenant, String(body.url));
      expect(notificatie).toMatchObject({ kanaal: 'zaken', hoofdObject: zaak.url, resource: 'resultaat', actie: 'create', kenmerken: { zaaktype: zaaktype.url, bronorganisatie: '002220647' } });
    });

    it('zrc-020: refuses a resultaattype of another zaaktype (zaaktype-mismatch) and one that does not exist (bad-url)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: resultaatOf(zaak, { resultaattype: otherZaaktype.resultaattype.url }) }))).toEqual(['nonFieldErrors:zaaktype-mismatch']);
      const unknown = catalogiUrlOf(tenant, 'resultaattypen', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11');
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: resultaatOf(zaak, { resultaattype: unknown }) }))).toEqual(['resultaattype:bad-url']);
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { toelichting: 'x'.repeat(1001) } }))).toEqual(['resultaattype:required', 'toelichting:maxLength', 'zaak:required']);
    });

    it('gives a zaak at most one resultaat (unique)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await create(resultaatOf(zaak));
      const second = await call('POST', LIST, LIST, { token: all, body: resultaatOf(zaak) });
      expect(second.statusCode).toBe(400);
      expect(problemCodes(second)).toEqual(['zaak:unique']);
    });

    it('zrc-006: needs zaken.bijwerken for the zaak’s zaaktype and vertrouwelijkheid', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.lezen', 'zaken.aanmaken']), body: resultaatOf(zaak) })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: resultaatOf(zaak) })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], zaaktype, 'openbaar'), body: resultaatOf(geheim) })).statusCode).toBe(403);
      await create(resultaatOf(zaak), await tokenFor(['zaken.bijwerken']));
    });

    it('zrc-007: a closed zaak gets a resultaat only with zaken.geforceerd-bijwerken', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken']), body: resultaatOf(closed) })).statusCode).toBe(403);
      await create(resultaatOf(closed), await tokenFor(['zaken.geforceerd-bijwerken']));
    });
  });

  describe('listing (resultaat_list)', () => {
    it('filters on zaak and resultaattype, and shows only resultaten of zaken the caller may read', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      const other = await insertTestZaak(database.db, tenant, otherZaaktype);
      const mine = await create(resultaatOf(zaak));
      const hidden = await create(resultaatOf(geheim));
      const elsewhere = await create({ zaak: other.url, resultaattype: otherZaaktype.resultaattype.url });
      const byZaak = (await call('GET', `${LIST}?zaak=${encodeURIComponent(zaak.url)}`, LIST, { token: all })).json() as Page;
      expect(byZaak.results.map((resultaat) => resultaat.url)).toEqual([mine.url]);
      const byType = (await call('GET', `${LIST}?resultaattype=${encodeURIComponent(otherZaaktype.resultaattype.url)}`, LIST, { token: all })).json() as Page;
      expect(byType.results.map((resultaat) => resultaat.url)).toEqual([elsewhere.url]);
      const reader = (await call('GET', LIST, LIST, { token: await tokenFor(['zaken.lezen'], zaaktype, 'openbaar') })).json() as Page;
      const urls = reader.results.map((resultaat) => resultaat.url);
      expect(urls).toContain(mine.url);
      expect(urls).not.toContain(hidden.url);
      expect(urls).not.toContain(elsewhere.url);
      expect(reader.count).toBe(urls.length);
      const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
      expect(((await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json() as Page).count).toBe(0);
    });

    it('answers 400 to unknown parameters', async () => {
      expect((await call('GET', `${LIST}?resultaat=1`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });
    });
  });

  describe('reading one (resultaat_retrieve, resultaat_headers)', () => {
    it('answers with an ETag, the same headers on HEAD, and 304 for a matching If-None-Match; 403 and 404 as due', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(resultaatOf(zaak));
      const path = `/resultaten/${String(body.uuid)}`;
      const response = await call('GET', path, DETAIL, { token: all });
      expect(response.json()).toEqual(body);
      const etag = String(response.headers.etag);
      const head = await call('HEAD', path, DETAIL, { token: all });
      expect(head.headers.etag).toBe(etag);
      expect(head.body).toBe('');
      expect((await call('GET', path, DETAIL, { token: all, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
      expect((await call('GET', path, DETAIL, { token: await tokenFor(['zaken.lezen'], otherZaaktype) })).statusCode).toBe(403);
      expect((await call('GET', '/resultaten/0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', `${path}?expand=onzin`, DETAIL, { token: all })).statusCode).toBe(404);
    });
  });

  describe('expand', () => {
    it('expands the resultaattype and the zaak on retrieve and list', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(resultaatOf(zaak));
      const one = (await call('GET', `/resultaten/${String(body.uuid)}?expand=resultaattype,zaak`, DETAIL, { token: all })).json() as { _expand: { resultaattype: Json; zaak: Json } };
      expect(one._expand.resultaattype).toMatchObject({ url: zaaktype.resultaattype.url, omschrijving: 'Afgewezen' });
      expect(one._expand.zaak).toMatchObject({ url: zaak.url });
      const page = (await call('GET', `${LIST}?zaak=${encodeURIComponent(zaak.url)}&expand=resultaattype`, LIST, { token: all })).json() as Page;
      expect(page.results[0]?._expand).toMatchObject({ resultaattype: { url: zaaktype.resultaattype.url } });
    });
  });

  describe('changing (resultaat_update, resultaat_partial_update)', () => {
    it('changes the toelichting with PUT and PATCH and audits the old and new state', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(resultaatOf(zaak));
      const path = `/resultaten/${String(body.uuid)}`;
      const put = await call('PUT', path, DETAIL, { token: all, body: resultaatOf(zaak, { toelichting: 'Toch toegekend' }) });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ toelichting: 'Toch toegekend' });
      const patch = await call('PATCH', path, DETAIL, { token: all, body: { toelichting: 'Definitief' } });
      expect(patch.json()).toMatchObject({ toelichting: 'Definitief', resultaattype: zaaktype.resultaattype.url });
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      const patched = trail.find((record) => record.actie === 'partial_update' && record.resource_url === body.url);
      expect(patched).toMatchObject({ resultaat: 200, oud: { toelichting: 'Toch toegekend' }, nieuw: { toelichting: 'Definitief' } });
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'update', 'partial_update']);
    });

    it('never changes the resultaattype (wijzigen-niet-toegelaten)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(resultaatOf(zaak));
      const response = await call('PATCH', `/resultaten/${String(body.uuid)}`, DETAIL, { token: all, body: { resultaattype: otherZaaktype.resultaattype.url } });
      expect(problemCodes(response)).toEqual(['resultaattype:wijzigen-niet-toegelaten']);
    });

    it('moves to another zaak of the zaaktype that has no resultaat yet', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const target = await insertTestZaak(database.db, tenant, zaaktype);
      const taken = await insertTestZaak(database.db, tenant, zaaktype);
      const otherType = await insertTestZaak(database.db, tenant, otherZaaktype);
      await create(resultaatOf(taken));
      const body = await create(resultaatOf(zaak));
      const path = `/resultaten/${String(body.uuid)}`;
      expect(problemCodes(await call('PATCH', path, DETAIL, { token: all, body: { zaak: taken.url } }))).toEqual(['zaak:unique']);
      expect(problemCodes(await call('PATCH', path, DETAIL, { token: all, body: { zaak: otherType.url } }))).toEqual(['nonFieldErrors:zaaktype-mismatch']);
      const moved = await call('PATCH', path, DETAIL, { token: all, body: { zaak: target.url } });
      expect(moved.json()).toMatchObject({ zaak: target.url });
    });

    it('zrc-007: changes the resultaat of a closed zaak only with zaken.geforceerd-bijwerken', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      const body = await create(resultaatOf(zaak));
      const path = `/resultaten/${String(body.uuid)}`;
      expect((await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']), body: { toelichting: 'Te laat' } })).statusCode).toBe(403);
      expect((await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.geforceerd-bijwerken']), body: { toelichting: 'Correctie' } })).statusCode).toBe(200);
    });
  });

  describe('deleting (resultaat_destroy)', () => {
    it('removes the resultaat with an audit record and notification; then it is gone and the zaak may get another', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(resultaatOf(zaak));
      const path = `/resultaten/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.lezen']) })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: all })).statusCode).toBe(204);
      expect((await call('GET', path, DETAIL, { token: all })).statusCode).toBe(404);
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.actie === 'destroy' && record.resource_url === body.url)).toMatchObject({ resultaat: 204, resource: 'resultaat' });
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
      await create(resultaatOf(zaak));
    });

    it('zrc-007: deletes the resultaat of a closed zaak only with zaken.geforceerd-bijwerken', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      const body = await create(resultaatOf(zaak));
      const path = `/resultaten/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']) })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.geforceerd-bijwerken']) })).statusCode).toBe(204);
    });
  });
});
