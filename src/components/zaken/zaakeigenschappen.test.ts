import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { catalogiUrlOf, insertTestEigenschap, loadZakenSpec, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, type Json } from './shared/relation-test-kit.ts';

const LIST = '/zaken/{zaak_uuid}/zaakeigenschappen';
const DETAIL = '/zaken/{zaak_uuid}/zaakeigenschappen/{uuid}';

describe('Zaken API: zaakeigenschappen', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let zaak: { uuid: string; url: string };
  let kenteken: string;
  let aantal: string;
  let keuze: string;
  let vreemd: string;
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
    kenteken = catalogiUrlOf(tenant, 'eigenschappen', await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'kenteken', { formaat: 'tekst', lengte: '8', kardinaliteit: '1' }));
    aantal = catalogiUrlOf(tenant, 'eigenschappen', await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'aantal', { formaat: 'getal', lengte: '3', kardinaliteit: '1' }));
    keuze = catalogiUrlOf(tenant, 'eigenschappen', await insertTestEigenschap(database.db, tenant, zaaktype.uuid, 'vergunningsoort', { formaat: 'tekst', lengte: '20', kardinaliteit: '1', waardenverzameling: ['bewoner', 'bedrijf'] }));
    vreemd = catalogiUrlOf(tenant, 'eigenschappen', await insertTestEigenschap(database.db, tenant, otherZaaktype.uuid, 'elders', { formaat: 'tekst', lengte: '20', kardinaliteit: '1' }));
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenApi(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function list(target = zaak): string {
    return `/zaken/${target.uuid}/zaakeigenschappen`;
  }

  async function create(body: Json, target = zaak, token = all): Promise<Json> {
    const response = await call('POST', list(target), LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes)] })).token();
  }

  describe('creating (zaakeigenschap_create)', () => {
    it('stores a waarde for an eigenschap of the zaaktype, with the naam of the eigenschap, audited and notified', async () => {
      const response = await call('POST', list(), LIST, { token: all, body: { zaak: zaak.url, eigenschap: kenteken, waarde: 'AB-123-C', naam: 'genegeerd' } });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(body).toMatchObject({ zaak: zaak.url, eigenschap: kenteken, naam: 'kenteken', waarde: 'AB-123-C' });
      expect(body.url).toBe(`${zaak.url}/zaakeigenschappen/${String(body.uuid)}`);
      expect(response.headers.location).toBe(body.url);
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resource: 'zaakeigenschap', resource_weergave: 'kenteken: AB-123-C' });
      expect(await notificatiesAbout(database.db, tenant, String(body.url))).toMatchObject([{ kanaal: 'zaken', hoofdObject: zaak.url, resource: 'zaakeigenschap', actie: 'create' }]);
    });

    it('zrc-018: takes only an eigenschap of the zaak zaaktype', async () => {
      const response = await call('POST', list(), LIST, { token: all, body: { zaak: zaak.url, eigenschap: vreemd, waarde: 'x' } });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['nonFieldErrors:zaaktype-mismatch']);
      const unknown = await call('POST', list(), LIST, { token: all, body: { zaak: zaak.url, eigenschap: catalogiUrlOf(tenant, 'eigenschappen', randomUUID()), waarde: 'x' } });
      expect(problemCodes(unknown)).toEqual(['eigenschap:bad-url']);
    });

    it('checks the waarde against the specificatie of the eigenschap (waarde-incorrect-format)', async () => {
      for (const [eigenschap, waarde] of [
        [kenteken, 'TE-LANG-KENTEKEN'],
        [aantal, '12,5'],
        [keuze, 'iedereen'],
      ] as const) {
        const response = await call('POST', list(), LIST, { token: all, body: { zaak: zaak.url, eigenschap, waarde } });
        expect(problemCodes(response), `${eigenschap} ${waarde}`).toEqual(['nonFieldErrors:waarde-incorrect-format']);
      }
      await create({ zaak: zaak.url, eigenschap: aantal, waarde: '120' });
      await create({ zaak: zaak.url, eigenschap: keuze, waarde: 'bewoner' });
    });

    it('needs the body zaak to be the zaak of the path, and lists missing fields together', async () => {
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', list(), LIST, { token: all, body: { zaak: other.url, eigenschap: kenteken, waarde: 'AB-123-C' } });
      expect(problemCodes(response)).toEqual(['zaak:invalid']);
      expect(problemCodes(await call('POST', list(), LIST, { token: all, body: {} }))).toEqual(['eigenschap:required', 'waarde:required', 'zaak:required']);
    });

    it('zrc-006 and zrc-007: needs bijwerken for the zaaktype, and geforceerd-bijwerken on a closed zaak', async () => {
      expect((await call('POST', list(), LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: { zaak: zaak.url, eigenschap: kenteken, waarde: 'A' } })).statusCode).toBe(403);
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      expect((await call('POST', list(closed), LIST, { token: await tokenFor(['zaken.bijwerken']), body: { zaak: closed.url, eigenschap: kenteken, waarde: 'A' } })).statusCode).toBe(403);
      await create({ zaak: closed.url, eigenschap: kenteken, waarde: 'A' }, closed, await tokenFor(['zaken.geforceerd-bijwerken']));
    });

    it('refuses a path without a zaak (its zaak is never the body zaak) and an archived zaak (zaak-archiefstatus-invalid)', async () => {
      const missing = { uuid: randomUUID(), url: '' };
      expect(problemCodes(await call('POST', list(missing), LIST, { token: all, body: { zaak: zaak.url, eigenschap: kenteken, waarde: 'A' } }))).toEqual(['zaak:invalid']);
      const archived = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2040-01-01' }).where('uuid', '=', archived.uuid).execute();
      const response = await call('POST', list(archived), LIST, { token: all, body: { zaak: archived.url, eigenschap: kenteken, waarde: 'A' } });
      expect(problemCodes(response)).toEqual(['nonFieldErrors:zaak-archiefstatus-invalid']);
    });
  });

  describe('reading (zaakeigenschap_list, _retrieve, _headers)', () => {
    it('lists the eigenschappen of the zaak of the path only, oldest first', async () => {
      const own = await insertTestZaak(database.db, tenant, zaaktype);
      const first = await create({ zaak: own.url, eigenschap: kenteken, waarde: 'EEN' }, own);
      const second = await create({ zaak: own.url, eigenschap: aantal, waarde: '2' }, own);
      const response = await call('GET', list(own), LIST, { token: all });
      expect((response.json() as Json[]).map((item) => item.url)).toEqual([first.url, second.url]);
    });

    it('answers a retrieve with an ETag, HEAD alike, 304 on If-None-Match; 404 under another zaak', async () => {
      const body = await create({ zaak: zaak.url, eigenschap: kenteken, waarde: 'ETAG' });
      const path = `${list()}/${String(body.uuid)}`;
      const response = await call('GET', path, DETAIL, { token: all });
      expect(response.json()).toEqual(body);
      expect((await call('HEAD', path, DETAIL, { token: all })).headers.etag).toBe(response.headers.etag);
      expect((await call('GET', path, DETAIL, { token: all, headers: { 'if-none-match': String(response.headers.etag) } })).statusCode).toBe(304);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      expect((await call('GET', `${list(other)}/${String(body.uuid)}`, DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('zrc-006: refuses to read the eigenschappen of a zaak the caller may not read (403); another tenant sees none', async () => {
      await create({ zaak: zaak.url, eigenschap: kenteken, waarde: 'ZIEN' });
      expect((await call('GET', list(), LIST, { token: await tokenFor(['zaken.lezen'], otherZaaktype) })).statusCode).toBe(403);
      expect((await call('GET', list(), LIST, { token: await tokenFor(['zaken.lezen']) })).json()).not.toEqual([]);
      const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
      expect((await call('GET', list(), LIST, { token: otherAll, at: otherTenant })).json()).toEqual([]);
    });
  });

  describe('changing and deleting (zaakeigenschap_update, _partial_update, _destroy)', () => {
    it('changes only the waarde, checked against the specificatie, audited and notified', async () => {
      const body = await create({ zaak: zaak.url, eigenschap: aantal, waarde: '1' });
      const path = `${list()}/${String(body.uuid)}`;
      expect((await call('PATCH', path, DETAIL, { token: all, body: { waarde: '42' } })).json()).toMatchObject({ waarde: '42', naam: 'aantal' });
      expect(problemCodes(await call('PATCH', path, DETAIL, { token: all, body: { waarde: 'veel' } }))).toEqual(['nonFieldErrors:waarde-incorrect-format']);
      expect(problemCodes(await call('PUT', path, DETAIL, { token: all, body: { zaak: zaak.url, eigenschap: kenteken, waarde: '7' } }))).toEqual(['eigenschap:wijzigen-niet-toegelaten']);
      expect((await call('PUT', path, DETAIL, { token: all, body: { zaak: zaak.url, eigenschap: aantal, waarde: '7' } })).json()).toMatchObject({ waarde: '7' });
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'partial_update', 'update']);
    });

    it('deletes a zaakeigenschap (204), audited and notified', async () => {
      const body = await create({ zaak: zaak.url, eigenschap: kenteken, waarde: 'WEG' });
      const path = `${list()}/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.lezen']) })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']) })).statusCode).toBe(204);
      expect((await call('GET', path, DETAIL, { token: all })).statusCode).toBe(404);
      const trail = (await listAuditTrail(database.db, tenant.id, zaak.url)).filter((record) => record.resource_url === body.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'destroy']);
    });
  });
});
