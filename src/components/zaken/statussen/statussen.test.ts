import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../../platform/database/schema.ts';
import { listAuditTrail } from '../../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../../test/openapi.ts';
import { loadZakenSpecForZaken } from '../zaken/zaken-test-kit.ts';
import { catalogiUrlOf, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, zakenUrlOf, type Json } from '../shared/relation-test-kit.ts';

const LIST = '/statussen';
const DETAIL = '/statussen/{uuid}';

interface Page {
  count: number;
  next: string | null;
  previous: string | null;
  results: Json[];
}

describe('Zaken API: statussen', () => {
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

  function statusBody(zaak: { url: string }, volgnummer: number, moment: string, extra: Json = {}): Json {
    const statustype = zaaktype.statustypen.find((type) => type.volgnummer === volgnummer);
    return { zaak: zaak.url, statustype: statustype?.url, datumStatusGezet: moment, ...extra };
  }

  async function setStatus(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function list(query: string, token = all): Promise<Page> {
    const response = await call('GET', `${LIST}${query}`, LIST, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  }

  describe('creating (status_create)', () => {
    it('stores the status, answers 201 with Location, and marks it as the last one set', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, { token: all, body: statusBody(zaak, 1, '2026-01-05T09:00:00+01:00', { statustoelichting: 'Aanvraag ontvangen' }) });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toEqual({
        url: zakenUrlOf(tenant, 'statussen', String(body.uuid)),
        uuid: body.uuid,
        zaak: zaak.url,
        statustype: zaaktype.statustypen[0]?.url,
        datumStatusGezet: '2026-01-05T08:00:00.000Z',
        statustoelichting: 'Aanvraag ontvangen',
        indicatieLaatstGezetteStatus: true,
        zaakinformatieobjecten: [],
      });
    });

    it('records the status in the zaak audit trail (bron zrc) and publishes it on kanaal zaken with the zaak kenmerken', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'));
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resultaat: 201, resource: 'status', hoofd_object: zaak.url });
      const [notificatie] = await notificatiesAbout(database.db, tenant, String(body.url));
      expect(notificatie).toMatchObject({
        kanaal: 'zaken',
        hoofdObject: zaak.url,
        resource: 'status',
        actie: 'create',
        kenmerken: { bronorganisatie: '002220647', zaaktype: zaaktype.url, vertrouwelijkheidaanduiding: 'openbaar' },
      });
    });

    it('reads a datumStatusGezet without offset as Europe/Amsterdam time, and lists every body problem at once', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00'));
      expect(body.datumStatusGezet).toBe('2026-01-05T08:00:00.000Z');
      const bad = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, datumStatusGezet: 'gisteren', statustoelichting: 'x'.repeat(1001) } });
      expect(bad.statusCode).toBe(400);
      expect(problemCodes(bad)).toEqual(['datumStatusGezet:invalid', 'statustoelichting:maxLength', 'statustype:required']);
    });

    it('refuses a datumStatusGezet in the future (date-in-future)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, { token: all, body: statusBody(zaak, 1, new Date(Date.now() + 3_600_000).toISOString()) });
      expect(problemCodes(response)).toEqual(['datumStatusGezet:date-in-future']);
    });

    it('refuses a zaak or statustype URL that points nowhere (bad-url)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const noZaak = await call('POST', LIST, LIST, { token: all, body: statusBody({ url: zakenUrlOf(tenant, 'zaken', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11') }, 1, '2026-01-05T09:00:00Z') });
      expect(problemCodes(noZaak)).toEqual(['zaak:bad-url']);
      const otherTenantsZaak = await insertTestZaak(database.db, otherTenant, await insertTestZaaktype(database.db, otherTenant));
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: statusBody(otherTenantsZaak, 1, '2026-01-05T09:00:00Z') }))).toEqual(['zaak:bad-url']);
      const noType = await call('POST', LIST, LIST, { token: all, body: { ...statusBody(zaak, 1, '2026-01-05T09:00:00Z'), statustype: catalogiUrlOf(tenant, 'statustypen', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11') } });
      expect(problemCodes(noType)).toEqual(['statustype:bad-url']);
    });

    it('zrc-016: refuses a statustype of another zaaktype (zaaktype-mismatch)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, statustype: otherZaaktype.statustypen[0]?.url, datumStatusGezet: '2026-01-05T09:00:00Z' } });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['nonFieldErrors:zaaktype-mismatch']);
    });

    it('refuses a second status at the same moment for one zaak (unique)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'));
      const again = await call('POST', LIST, LIST, { token: all, body: statusBody(zaak, 2, '2026-01-05T10:00:00+01:00') });
      expect(problemCodes(again)).toEqual(['nonFieldErrors:unique']);
    });

    it('takes gezetdoor from the rollen of the same zaak only', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const rol = await call('POST', '/rollen', '/rollen', {
        token: all,
        body: { zaak: zaak.url, betrokkeneType: 'medewerker', roltype: zaaktype.roltypen.behandelaar.url, roltoelichting: 'Behandelaar', betrokkeneIdentificatie: { identificatie: 'mdw-1' } },
      });
      const rolUrl = String((rol.json() as Json).url);
      const mismatch = await call('POST', LIST, LIST, { token: all, body: statusBody(other, 1, '2026-01-05T09:00:00Z', { gezetdoor: rolUrl }) });
      expect(problemCodes(mismatch)).toEqual(['gezetdoor:zaak-mismatch']);
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z', { gezetdoor: rolUrl }));
      expect(body.gezetdoor).toBe(rolUrl);
      const rolNow = (await call('GET', `/rollen/${String((rol.json() as Json).uuid)}`, '/rollen/{uuid}', { token: all })).json() as Json;
      expect(rolNow.statussen).toEqual([body.url]);
    });

    it('refuses a status on an archived zaak (zaak-archiefstatus-invalid)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2030-01-01' }).where('uuid', '=', zaak.uuid).execute();
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: statusBody(zaak, 1, '2026-01-05T09:00:00Z') }))).toEqual(['nonFieldErrors:zaak-archiefstatus-invalid']);
    });
  });

  describe('who may set a status', () => {
    it('zrc-006: needs one of the create scopes for the zaak’s zaaktype and vertrouwelijkheid', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.lezen']), body: statusBody(zaak, 1, '2026-01-05T09:00:00Z') })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.statussen.toevoegen'], otherZaaktype), body: statusBody(zaak, 1, '2026-01-05T09:00:00Z') })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.statussen.toevoegen'], zaaktype, 'openbaar'), body: statusBody(geheim, 1, '2026-01-05T09:00:00Z') })).statusCode).toBe(403);
      await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'), await tokenFor(['zaken.statussen.toevoegen']));
    });

    it('sets only the first status with zaken.aanmaken; zaken.statussen.toevoegen sets the next ones', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const aanmaken = await tokenFor(['zaken.aanmaken']);
      await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'), aanmaken);
      const second = await call('POST', LIST, LIST, { token: aanmaken, body: statusBody(zaak, 2, '2026-01-06T09:00:00Z') });
      expect(second.statusCode).toBe(403);
      await setStatus(statusBody(zaak, 2, '2026-01-06T09:00:00Z'), await tokenFor(['zaken.statussen.toevoegen']));
    });
  });

  describe('listing (status_list)', () => {
    it('filters on zaak, statustype and indicatieLaatstGezetteStatus', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const first = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'));
      const second = await setStatus(statusBody(zaak, 2, '2026-01-06T09:00:00Z'));
      const otherFirst = await setStatus(statusBody(other, 1, '2026-01-05T09:00:00Z'));
      const byZaak = await list(`?zaak=${encodeURIComponent(zaak.url)}`);
      expect(byZaak).toMatchObject({ count: 2, next: null, previous: null });
      expect(byZaak.results.map((status) => [status.url, status.indicatieLaatstGezetteStatus])).toEqual([
        [first.url, false],
        [second.url, true],
      ]);
      const latest = await list(`?zaak=${encodeURIComponent(zaak.url)}&indicatieLaatstGezetteStatus=true`);
      expect(latest.results.map((status) => status.url)).toEqual([second.url]);
      const earlier = await list(`?zaak=${encodeURIComponent(zaak.url)}&indicatieLaatstGezetteStatus=false`);
      expect(earlier.results.map((status) => status.url)).toEqual([first.url]);
      const byType = await list(`?statustype=${encodeURIComponent(String(zaaktype.statustypen[0]?.url))}`);
      expect(byType.results.map((status) => status.url)).toEqual(expect.arrayContaining([first.url, otherFirst.url]));
      expect(byType.results.map((status) => status.url)).not.toContain(second.url);
      expect((await list(`?zaak=${encodeURIComponent('https://elders.example/zaken/api/v1/zaken/0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11')}`)).count).toBe(0);
    });

    it('answers 400 to unknown parameters and to a bad indicatieLaatstGezetteStatus, 404 past the last page', async () => {
      expect((await call('GET', `${LIST}?status=1`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });
      expect((await call('GET', `${LIST}?indicatieLaatstGezetteStatus=ja`, LIST, { token: all })).statusCode).toBe(400);
      const response = await test.app.inject({ method: 'GET', url: `/zaken/api/v1${LIST}?page=99`, headers: { host: hostOf(tenant), authorization: `Bearer ${all}` } });
      expect(response.statusCode).toBe(404);
    });

    it('pages by 100 with absolute next and previous links', async () => {
      const zaak = await insertTestZaak(database.db, tenant, otherZaaktype);
      const rows = Array.from({ length: 101 }, (_, index) => ({
        tenant_id: tenant.id,
        zaak_uuid: zaak.uuid,
        statustype_uuid: otherZaaktype.statustypen[0]?.uuid ?? '',
        datum_status_gezet: new Date(Date.UTC(2025, 0, 1, 0, index)),
      }));
      await database.db.insertInto('statussen').values(rows).execute();
      const first = await list(`?zaak=${encodeURIComponent(zaak.url)}`);
      expect(first.count).toBe(101);
      expect(first.results).toHaveLength(100);
      expect(first.next).toBe(`http://${hostOf(tenant)}/zaken/api/v1/statussen?zaak=${encodeURIComponent(zaak.url)}&page=2`);
      const second = await list(`?zaak=${encodeURIComponent(zaak.url)}&page=2`);
      expect(second.results).toHaveLength(1);
      expect(second.previous).toBe(`http://${hostOf(tenant)}/zaken/api/v1/statussen?zaak=${encodeURIComponent(zaak.url)}&page=1`);
      // Exactly one of them, the one set last, is the zaak's latest status.
      const latest = [...first.results, ...second.results].filter((status) => status.indicatieLaatstGezetteStatus === true);
      expect(latest.map((status) => status.datumStatusGezet)).toEqual(['2025-01-01T01:40:00.000Z']);
    });

    it('zrc-006: shows only statussen of zaken the caller may read, counted in SQL, and nothing of another tenant', async () => {
      const open = await insertTestZaak(database.db, tenant, zaaktype);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      const elsewhere = await insertTestZaak(database.db, tenant, otherZaaktype);
      const visible = await setStatus(statusBody(open, 1, '2026-01-05T09:00:00Z'));
      const hidden = await setStatus(statusBody(geheim, 1, '2026-01-05T09:00:00Z'));
      const otherType = await setStatus({ zaak: elsewhere.url, statustype: otherZaaktype.statustypen[0]?.url, datumStatusGezet: '2026-01-05T09:00:00Z' });
      const page = await list('', await tokenFor(['zaken.lezen'], zaaktype, 'openbaar'));
      const urls = page.results.map((status) => status.url);
      expect(urls).toContain(visible.url);
      expect(urls).not.toContain(hidden.url);
      expect(urls).not.toContain(otherType.url);
      expect(page.count).toBe(urls.length);
      const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
      expect(((await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json() as Page).count).toBe(0);
    });
  });

  describe('reading one (status_retrieve, status_headers)', () => {
    it('answers with an ETag, the same headers on HEAD, and 304 for a matching If-None-Match', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'));
      const path = `/statussen/${String(body.uuid)}`;
      const response = await call('GET', path, DETAIL, { token: all });
      expect(response.json()).toEqual(body);
      const etag = response.headers.etag;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const head = await call('HEAD', path, DETAIL, { token: all });
      expect(head.statusCode).toBe(200);
      expect(head.headers.etag).toBe(etag);
      expect(head.body).toBe('');
      expect((await call('GET', path, DETAIL, { token: all, headers: { 'if-none-match': String(etag) } })).statusCode).toBe(304);
    });

    it('zrc-006: answers 403 for a status of a zaak the caller may not read, 404 for none', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'));
      expect((await call('GET', `/statussen/${String(body.uuid)}`, DETAIL, { token: await tokenFor(['zaken.lezen'], otherZaaktype) })).statusCode).toBe(403);
      expect((await call('GET', '/statussen/0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', '/statussen/geen-uuid', DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('lists the zaakinformatieobjecten set with the status', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z'));
      const { uuid } = await database.db
        .insertInto('zaakinformatieobjecten')
        .values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, informatieobject: 'https://documenten.example/documenten/api/v1/enkelvoudiginformatieobjecten/7d3f0b52-7b7b-4ee6-9a43-cc5c1a0b6a3c', status_uuid: String(body.uuid) })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      const read = (await call('GET', `/statussen/${String(body.uuid)}`, DETAIL, { token: all })).json() as Json;
      expect(read.zaakinformatieobjecten).toEqual([zakenUrlOf(tenant, 'zaakinformatieobjecten', uuid)]);
    });

    it('expands gezetdoor; zrc-027: an expand the status cannot serve is a 404 on retrieve and a 400 on the list', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const rol = (
        await call('POST', '/rollen', '/rollen', {
          token: all,
          body: { zaak: zaak.url, betrokkeneType: 'medewerker', roltype: zaaktype.roltypen.behandelaar.url, roltoelichting: 'Behandelaar', betrokkeneIdentificatie: { identificatie: 'mdw-2' } },
        })
      ).json() as Json;
      const body = await setStatus(statusBody(zaak, 1, '2026-01-05T09:00:00Z', { gezetdoor: rol.url }));
      const expanded = (await call('GET', `/statussen/${String(body.uuid)}?expand=gezetdoor`, DETAIL, { token: all })).json() as Json;
      expect(expanded._expand).toEqual({ gezetdoor: { ...rol, statussen: [body.url] } });
      const listed = await list(`?zaak=${encodeURIComponent(zaak.url)}&expand=gezetdoor`);
      expect(listed.results[0]?._expand).toEqual({ gezetdoor: { ...rol, statussen: [body.url] } });
      const typed = (await call('GET', `/statussen/${String(body.uuid)}?expand=statustype,zaak`, DETAIL, { token: all })).json() as { _expand: { statustype: Json; zaak: Json } };
      expect(typed._expand.statustype).toMatchObject({ url: zaaktype.statustypen[0]?.url, volgnummer: 1 });
      expect(typed._expand.zaak).toMatchObject({ url: zaak.url, status: body.url });
      expect((await call('GET', `/statussen/${String(body.uuid)}?expand=onzin`, DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', `${LIST}?expand=onzin`, LIST, { token: all })).statusCode).toBe(400);
    });
  });
});
