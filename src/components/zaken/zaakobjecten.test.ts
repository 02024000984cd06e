import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import {
  catalogiUrlOf,
  insertTestZaakobjecttype,
  loadZakenSpec,
  notificatiesAbout,
  problemCodes,
  zaakAutorisatie,
  zakenApi,
  type Json,
} from './shared/relation-test-kit.ts';

const LIST = '/zaakobjecten';
const DETAIL = '/zaakobjecten/{uuid}';

// Fictional BSNs that pass the 11-proef.
const BSN = '111222333';
const OTHER_BSN = '123456782';

const ADRES = { identificatie: '0363200000123456', wplWoonplaatsNaam: 'Utrecht', gorOpenbareRuimteNaam: 'Domplein', huisnummer: 1, postcode: '3512JC' };

describe('Zaken API: zaakobjecten', () => {
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

  function adresObject(zaakUrl = zaak.url, overrides: Json = {}): Json {
    return { zaak: zaakUrl, objectType: 'adres', relatieomschrijving: 'Locatie van de melding', objectIdentificatie: ADRES, ...overrides };
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype, max: 'openbaar' | 'zeer_geheim' = 'zeer_geheim'): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes, max)] })).token();
  }

  describe('creating (zaakobject_create)', () => {
    it('stores an adres with its objectIdentificatie and answers 201 with Location', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: adresObject() });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toMatchObject({ zaak: zaak.url, objectType: 'adres', relatieomschrijving: 'Locatie van de melding', objectIdentificatie: ADRES, objectTypeOverigeDefinitie: null });
      expect(body.url).toBe(`http://${tenant.hostnames[0]}/zaken/api/v1/zaakobjecten/${String(body.uuid)}`);
    });

    it('records the creation in the zaak audit trail (bron zrc) and publishes it on kanaal zaken with the zaak kenmerken', async () => {
      const body = await create(adresObject());
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resultaat: 201, resource: 'zaakobject', hoofd_object: zaak.url });
      const [notificatie] = await notificatiesAbout(database.db, tenant, String(body.url));
      expect(notificatie).toMatchObject({
        kanaal: 'zaken',
        hoofdObject: zaak.url,
        resource: 'zaakobject',
        actie: 'create',
        kenmerken: { bronorganisatie: '002220647', zaaktype: zaaktype.url, vertrouwelijkheidaanduiding: 'openbaar' },
      });
    });

    it('keeps only the fields the objectType defines in objectIdentificatie', async () => {
      const body = await create(adresObject(zaak.url, { objectIdentificatie: { ...ADRES, verzonnen: 'weg ermee' } }));
      expect(body.objectIdentificatie).toEqual(ADRES);
    });

    it('checks objectIdentificatie against the shape of its objectType and lists every problem', async () => {
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: adresObject(zaak.url, { relatieomschrijving: 'x'.repeat(81), objectIdentificatie: { identificatie: '1', huisnummer: 100000, postcode: 'veel te lang' } }),
      });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual([
        'objectIdentificatie.gorOpenbareRuimteNaam:required',
        'objectIdentificatie.huisnummer:range',
        'objectIdentificatie.postcode:maxLength',
        'objectIdentificatie.wplWoonplaatsNaam:required',
        'relatieomschrijving:maxLength',
      ]);
    });

    it('refuses a natuurlijk persoon whose BSN fails the 11-proef', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, objectType: 'natuurlijk_persoon', objectIdentificatie: { inpBsn: '123456789' } } });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['objectIdentificatie.inpBsn:invalid']);
    });

    it('needs an object URL or an objectIdentificatie (invalid-zaakobject)', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, objectType: 'pand' } });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['nonFieldErrors:invalid-zaakobject']);
      const byUrl = await create({ zaak: zaak.url, objectType: 'besluit', object: 'https://besluiten.example/api/v1/besluiten/7d3f0b52-7b7b-4ee6-9a43-cc5c1a0b6a3c' });
      expect(byUrl).toMatchObject({ objectType: 'besluit', object: 'https://besluiten.example/api/v1/besluiten/7d3f0b52-7b7b-4ee6-9a43-cc5c1a0b6a3c' });
      expect(byUrl).not.toHaveProperty('objectIdentificatie');
    });

    it('asks objectTypeOverige or objectTypeOverigeDefinitie for objectType overige, and objectTypeOverige only for overige', async () => {
      const missing = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, objectType: 'overige', objectIdentificatie: { overigeData: { boom: 'eik' } } } });
      expect(problemCodes(missing)).toEqual(['nonFieldErrors:missing-object-type-overige']);
      const misused = await call('POST', LIST, LIST, { token: all, body: adresObject(zaak.url, { objectTypeOverige: 'boom' }) });
      expect(problemCodes(misused)).toEqual(['nonFieldErrors:invalid-object-type-overige-usage']);
      const overige = await create({ zaak: zaak.url, objectType: 'overige', objectTypeOverige: 'boom', objectIdentificatie: { overigeData: { soort: 'eik', hoogte: 12 } } });
      expect(overige).toMatchObject({ objectTypeOverige: 'boom', objectIdentificatie: { overigeData: { soort: 'eik', hoogte: 12 } } });
    });

    it('needs an object URL with objectTypeOverigeDefinitie, and then stores no objectIdentificatie', async () => {
      const definitie = { url: 'https://objecttypen.example/api/v2/objecttypes/boom', schema: '.jsonSchema', objectData: '.record.data' };
      const withoutObject = await call('POST', LIST, LIST, { token: all, body: { zaak: zaak.url, objectType: 'overige', objectTypeOverigeDefinitie: definitie, objectIdentificatie: { overigeData: {} } } });
      expect(problemCodes(withoutObject)).toEqual(['object:required']);
      const body = await create({ zaak: zaak.url, objectType: 'overige', object: 'https://objecten.example/api/v2/objects/1b3c', objectTypeOverigeDefinitie: definitie, objectIdentificatie: { overigeData: {} } });
      expect(body.objectTypeOverigeDefinitie).toEqual(definitie);
      expect(body).not.toHaveProperty('objectIdentificatie');
    });

    it('refuses a zaak URL that is no zaak (bad-url) and an unknown objectType', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: adresObject('https://elders.example/zaken/api/v1/zaken/5f0e2bc6-3b8e-4e27-9c1c-35fa6a0de1a5', { objectType: 'boom' }) });
      expect(problemCodes(response)).toEqual(['objectType:enum']);
      const badZaak = await call('POST', LIST, LIST, { token: all, body: adresObject('https://elders.example/zaken/api/v1/zaken/5f0e2bc6-3b8e-4e27-9c1c-35fa6a0de1a5') });
      expect(problemCodes(badZaak)).toEqual(['zaak:bad-url']);
    });

    it('takes a zaakobjecttype of the zaak zaaktype only (zaaktype-mismatch), and refuses an unknown one', async () => {
      const own = await insertTestZaakobjecttype(database.db, tenant, zaaktype.uuid);
      const foreign = await insertTestZaakobjecttype(database.db, tenant, otherZaaktype.uuid);
      const body = await create(adresObject(zaak.url, { zaakobjecttype: catalogiUrlOf(tenant, 'zaakobjecttypen', own) }));
      expect(body.zaakobjecttype).toBe(catalogiUrlOf(tenant, 'zaakobjecttypen', own));
      const mismatch = await call('POST', LIST, LIST, { token: all, body: adresObject(zaak.url, { zaakobjecttype: catalogiUrlOf(tenant, 'zaakobjecttypen', foreign) }) });
      expect(problemCodes(mismatch)).toEqual(['nonFieldErrors:zaaktype-mismatch']);
      const unknown = await call('POST', LIST, LIST, { token: all, body: adresObject(zaak.url, { zaakobjecttype: catalogiUrlOf(tenant, 'zaakobjecttypen', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11') }) });
      expect(problemCodes(unknown)).toEqual(['zaakobjecttype:bad-url']);
    });

    it('refuses new zaakobjecten on an archived zaak (zaak-archiefstatus-invalid)', async () => {
      const archived = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2040-01-01' }).where('uuid', '=', archived.uuid).execute();
      const response = await call('POST', LIST, LIST, { token: all, body: adresObject(archived.url) });
      expect(problemCodes(response)).toEqual(['nonFieldErrors:zaak-archiefstatus-invalid']);
    });

    it('zrc-006: needs one of the create scopes for the zaak zaaktype and vertrouwelijkheid', async () => {
      const aanmaken = await tokenFor(['zaken.aanmaken']);
      await create(adresObject(), aanmaken);
      const otherType = await tokenFor(['zaken.aanmaken', 'zaken.bijwerken'], otherZaaktype);
      expect((await call('POST', LIST, LIST, { token: otherType, body: adresObject() })).statusCode).toBe(403);
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      const openbaarOnly = await tokenFor(['zaken.bijwerken'], zaaktype, 'openbaar');
      expect((await call('POST', LIST, LIST, { token: openbaarOnly, body: adresObject(geheim.url) })).statusCode).toBe(403);
      const lezen = await tokenFor(['zaken.lezen']);
      expect((await call('POST', LIST, LIST, { token: lezen, body: adresObject() })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { body: adresObject() })).statusCode).toBe(401);
    });

    it('zrc-007: a closed zaak gets new zaakobjecten only with zaken.geforceerd-bijwerken', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      const bijwerken = await tokenFor(['zaken.bijwerken']);
      expect((await call('POST', LIST, LIST, { token: bijwerken, body: adresObject(closed.url) })).statusCode).toBe(403);
      const geforceerd = await tokenFor(['zaken.geforceerd-bijwerken']);
      await create(adresObject(closed.url), geforceerd);
    });
  });

  describe('listing (zaakobject_list)', () => {
    let listZaak: { uuid: string; url: string };
    let pand: Json;
    let persoon: Json;

    beforeAll(async () => {
      listZaak = await insertTestZaak(database.db, tenant, zaaktype);
      pand = await create({ zaak: listZaak.url, objectType: 'pand', object: 'https://bag.example/panden/0363100012345678', objectIdentificatie: { identificatie: '0363100012345678' } });
      persoon = await create({ zaak: listZaak.url, objectType: 'natuurlijk_persoon', objectIdentificatie: { inpBsn: OTHER_BSN, geslachtsnaam: 'Jansen' } });
    });

    it('filters on zaak, object and objectType, oldest first, in the pagination envelope', async () => {
      const byZaak = await call('GET', `${LIST}?zaak=${encodeURIComponent(listZaak.url)}`, LIST, { token: all });
      expect(byZaak.statusCode).toBe(200);
      const page = byZaak.json() as { count: number; next: string | null; previous: string | null; results: Json[] };
      expect(page).toMatchObject({ count: 2, next: null, previous: null });
      expect(page.results.map((result) => result.url)).toEqual([pand.url, persoon.url]);
      const byObject = (await call('GET', `${LIST}?object=${encodeURIComponent('https://bag.example/panden/0363100012345678')}`, LIST, { token: all })).json() as { results: Json[] };
      expect(byObject.results.map((result) => result.url)).toEqual([pand.url]);
      const byType = (await call('GET', `${LIST}?zaak=${encodeURIComponent(listZaak.url)}&objectType=natuurlijk_persoon`, LIST, { token: all })).json() as { results: Json[] };
      expect(byType.results.map((result) => result.url)).toEqual([persoon.url]);
      const noZaak = (await call('GET', `${LIST}?zaak=${encodeURIComponent('https://elders.example/iets')}`, LIST, { token: all })).json() as { count: number };
      expect(noZaak.count).toBe(0);
    });

    it('answers 400 to unknown parameters and to an objectType outside the enumeration, 404 past the last page', async () => {
      expect((await call('GET', `${LIST}?zaakje=1`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });
      expect((await call('GET', `${LIST}?objectType=boom`, LIST, { token: all })).statusCode).toBe(400);
      expect((await test.app.inject({ method: 'GET', url: `/zaken/api/v1${LIST}?page=5`, headers: { host: tenant.hostnames[0] ?? '', authorization: `Bearer ${all}` } })).statusCode).toBe(404);
    });

    it('zrc-006: lists only zaakobjecten of zaken whose zaaktype and vertrouwelijkheid the caller may read, filtered in SQL', async () => {
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      const hidden = await create(adresObject(geheim.url));
      const elsewhere = await insertTestZaak(database.db, tenant, otherZaaktype);
      const otherTypes = await create(adresObject(elsewhere.url));
      const reader = await tokenFor(['zaken.lezen'], zaaktype, 'openbaar');
      const page = (await call('GET', LIST, LIST, { token: reader })).json() as { count: number; results: Json[] };
      const urls = page.results.map((result) => result.url);
      expect(urls).toContain(pand.url);
      expect(urls).not.toContain(hidden.url);
      expect(urls).not.toContain(otherTypes.url);
      expect(page.count).toBe(urls.length);
      const nobody = await (await createTestClient(database.db, test.keys, tenant, { scopes: ['zaken.lezen'] })).token();
      expect(((await call('GET', LIST, LIST, { token: nobody })).json() as { count: number }).count).toBe(0);
    });

    it('logs reading a natuurlijk persoon in the processing log, with the BSN pseudonymised', async () => {
      await call('GET', `${LIST}?zaak=${encodeURIComponent(listZaak.url)}`, LIST, { token: all });
      const records = await database.db
        .selectFrom('processing_log')
        .select(['name', 'processing_activity_id', 'data_subject_id', 'data_subject_id_type'])
        .where('tenant_id', '=', tenant.id)
        .where('name', '=', 'zaakobjecten-raadplegen')
        .execute();
      expect(records).toContainEqual({ name: 'zaakobjecten-raadplegen', processing_activity_id: 'zaak-behandelen', data_subject_id: test.keys.pseudonymise(tenant.id, OTHER_BSN), data_subject_id_type: 'BSN' });
    });

    it('shows nothing of another tenant', async () => {
      const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
      const page = (await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json() as { count: number };
      expect(page.count).toBe(0);
      expect((await call('GET', `/zaakobjecten/${String(pand.uuid)}`, DETAIL, { token: otherAll, at: otherTenant })).statusCode).toBe(404);
    });

    it('zrc-025: refuses to expand object (another API) and names that are no relation', async () => {
      const external = await call('GET', `${LIST}?expand=object`, LIST, { token: all });
      expect(external.statusCode).toBe(400);
      expect(problemCodes(external)).toEqual(['expand:invalid']);
      expect((await call('GET', `${LIST}?expand=boom`, LIST, { token: all })).statusCode).toBe(400);
    });

    it('zrc-027: expands the zaak of every zaakobject on the page, and gives {} for a relation a zaakobject lacks', async () => {
      const response = await call('GET', `${LIST}?zaak=${encodeURIComponent(listZaak.url)}&expand=zaak,zaakobjecttype`, LIST, { token: all });
      const results = (response.json() as { results: (Json & { _expand: Json })[] }).results;
      expect(results).toHaveLength(2);
      for (const result of results) {
        expect(result._expand.zaak).toMatchObject({ url: listZaak.url, zaaktype: zaaktype.url });
        expect(result._expand.zaakobjecttype).toEqual({});
      }
      const one = await call('GET', `/zaakobjecten/${String(pand.uuid)}?expand=zaak`, DETAIL, { token: all });
      expect((one.json() as { _expand: Json })._expand).toEqual({ zaak: expect.objectContaining({ url: listZaak.url }) });
    });

    it('zrc-028: refuses a nested expand it cannot serve rather than leave part of it out', async () => {
      expect(problemCodes(await call('GET', `${LIST}?expand=zaak.status`, LIST, { token: all }))).toEqual(['expand:invalid']);
    });
  });

  describe('reading one (zaakobject_retrieve, zaakobject_headers)', () => {
    it('answers with an ETag, the same headers on HEAD, and 304 for a matching If-None-Match', async () => {
      const body = await create(adresObject());
      const path = `/zaakobjecten/${String(body.uuid)}`;
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

    it('zrc-006: answers 403 for a zaakobject of a zaak the caller may not read, 404 for none', async () => {
      const body = await create(adresObject());
      expect((await call('GET', `/zaakobjecten/${String(body.uuid)}`, DETAIL, { token: await tokenFor(['zaken.lezen'], otherZaaktype) })).statusCode).toBe(403);
      expect((await call('GET', '/zaakobjecten/0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', '/zaakobjecten/geen-uuid', DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('logs reading a natuurlijk persoon', async () => {
      const body = await create({ zaak: zaak.url, objectType: 'natuurlijk_persoon', objectIdentificatie: { inpBsn: BSN } });
      await call('GET', `/zaakobjecten/${String(body.uuid)}`, DETAIL, { token: all });
      const names = await database.db
        .selectFrom('processing_log')
        .select('name')
        .where('tenant_id', '=', tenant.id)
        .where('data_subject_id', '=', test.keys.pseudonymise(tenant.id, BSN))
        .orderBy('seq')
        .execute();
      expect(names.map((row) => row.name)).toEqual(['zaakobject-aanmaken', 'zaakobject-raadplegen']);
    });
  });

  describe('changing (zaakobject_update, zaakobject_partial_update)', () => {
    it('changes relatieomschrijving and objectIdentificatie, checked against the stored objectType, audited and notified', async () => {
      const body = await create(adresObject());
      const path = `/zaakobjecten/${String(body.uuid)}`;
      const patched = await call('PATCH', path, DETAIL, { token: all, body: { relatieomschrijving: 'Andere plek', objectIdentificatie: { ...ADRES, huisnummer: 2 } } });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({ relatieomschrijving: 'Andere plek', objectIdentificatie: { huisnummer: 2 } });
      const wrong = await call('PATCH', path, DETAIL, { token: all, body: { objectIdentificatie: { identificatie: 'x' } } });
      expect(problemCodes(wrong)).toEqual(['objectIdentificatie.gorOpenbareRuimteNaam:required', 'objectIdentificatie.huisnummer:required', 'objectIdentificatie.wplWoonplaatsNaam:required']);
      const put = await call('PUT', path, DETAIL, { token: all, body: adresObject(zaak.url, { relatieomschrijving: 'Via PUT' }) });
      expect(put.json()).toMatchObject({ relatieomschrijving: 'Via PUT' });
      const trail = (await listAuditTrail(database.db, tenant.id, zaak.url)).filter((record) => record.resource_url === body.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'partial_update', 'update']);
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'partial_update', 'update']);
    });

    it('keeps the relation itself: zaak, object, objectType and zaakobjecttype cannot change (wijzigen-niet-toegelaten)', async () => {
      const body = await create(adresObject());
      const path = `/zaakobjecten/${String(body.uuid)}`;
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('PATCH', path, DETAIL, {
        token: all,
        body: { zaak: other.url, objectType: 'pand', object: 'https://bag.example/panden/1', zaakobjecttype: catalogiUrlOf(tenant, 'zaakobjecttypen', '0b9f7a39-7d37-4a6e-8f21-1f8d6b2a0c11') },
      });
      expect(problemCodes(response)).toEqual(['object:wijzigen-niet-toegelaten', 'objectType:wijzigen-niet-toegelaten', 'zaak:wijzigen-niet-toegelaten', 'zaakobjecttype:wijzigen-niet-toegelaten']);
      const same = await call('PATCH', path, DETAIL, { token: all, body: { zaak: zaak.url, objectType: 'adres' } });
      expect(same.statusCode).toBe(200);
    });

    it('zrc-007: changes a zaakobject of a closed zaak only with zaken.geforceerd-bijwerken', async () => {
      const closing = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create(adresObject(closing.url));
      await database.db.updateTable('zaken').set({ einddatum: '2026-03-01' }).where('uuid', '=', closing.uuid).execute();
      const path = `/zaakobjecten/${String(body.uuid)}`;
      expect((await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']), body: { relatieomschrijving: 'Te laat' } })).statusCode).toBe(403);
      expect((await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.geforceerd-bijwerken']), body: { relatieomschrijving: 'Correctie' } })).statusCode).toBe(200);
    });
  });

  describe('deleting (zaakobject_destroy)', () => {
    it('removes the zaakobject (204), audited and notified; then it is gone', async () => {
      const body = await create(adresObject());
      const path = `/zaakobjecten/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.verwijderen']) })).statusCode).toBe(204);
      expect((await call('GET', path, DETAIL, { token: all })).statusCode).toBe(404);
      const trail = (await listAuditTrail(database.db, tenant.id, zaak.url)).filter((record) => record.resource_url === body.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'destroy']);
      expect(trail[1]?.oud).toMatchObject({ url: body.url });
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
      expect((await call('DELETE', path, DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('zrc-006: needs a delete scope for the zaak', async () => {
      const body = await create(adresObject());
      expect((await call('DELETE', `/zaakobjecten/${String(body.uuid)}`, DETAIL, { token: await tokenFor(['zaken.lezen', 'zaken.aanmaken']) })).statusCode).toBe(403);
    });
  });
});
