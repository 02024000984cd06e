import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { buildApp } from '../../platform/http/app.ts';
import { registerBesluiten } from './routes.ts';
import { DOCUMENTEN_API_PENDING } from './shared/documenten.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, type OpenApiSpec } from '../../../test/openapi.ts';
import { insertTestCatalogus, insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { allowBesluittypen, besluitBody, brcAutorisatie, insertTestBesluittype, loadBesluitenSpec, zrcAutorisatie } from './besluiten-test-fixtures.ts';
import { amsterdamToday } from './besluiten/rules.ts';

const ROOT = '/besluiten/api/v1';
const LIST = '/besluiten';
const DETAIL = '/besluiten/{uuid}';
const TRAIL = '/besluiten/{besluit_uuid}/audittrail';
const TRAIL_DETAIL = '/besluiten/{besluit_uuid}/audittrail/{uuid}';
const RSIN = '002220647';
const OTHER_RSIN = '001000007';

type Json = Record<string, unknown>;
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

describe('Besluiten API: besluiten', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let zaaktype: TestZaaktype;
  let besluittype: { uuid: string; url: string };
  let otherBesluittype: { uuid: string; url: string };
  let conceptBesluittype: { uuid: string; url: string };
  let strangerBesluittype: { uuid: string; url: string };
  let all: string;
  let otherTenantAll: string;
  let typeReader: string;
  let typeWriter: string;
  let noTypes: string;
  let auditReader: string;
  let zaakForcer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    spec = await loadBesluitenSpec();
    const catalogus = await insertTestCatalogus(database.db, tenant);
    zaaktype = await insertTestZaaktype(database.db, tenant, { catalogusUuid: catalogus });
    besluittype = await insertTestBesluittype(database.db, tenant, catalogus);
    otherBesluittype = await insertTestBesluittype(database.db, tenant, catalogus, { omschrijving: 'Ander besluit' });
    conceptBesluittype = await insertTestBesluittype(database.db, tenant, catalogus, { concept: true });
    // Published, but not among the zaaktype's besluittypen.
    strangerBesluittype = await insertTestBesluittype(database.db, tenant, catalogus, { omschrijving: 'Vreemd besluit' });
    await allowBesluittypen(database.db, zaaktype.uuid, [besluittype.uuid, otherBesluittype.uuid]);

    const client = (options: Parameters<typeof createTestClient>[3]) => createTestClient(database.db, test.keys, tenant, options).then((made) => made.token());
    all = await client({ heeftAlleAutorisaties: true });
    otherTenantAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
    const besluitScopes = ['besluiten.lezen', 'besluiten.aanmaken', 'besluiten.bijwerken', 'besluiten.verwijderen'];
    typeReader = await client({ scopes: ['besluiten.lezen'], autorisaties: [brcAutorisatie(besluittype.url, ['besluiten.lezen'])] });
    typeWriter = await client({ scopes: besluitScopes, autorisaties: [brcAutorisatie(besluittype.url, besluitScopes)] });
    noTypes = await client({ scopes: besluitScopes });
    auditReader = await client({ scopes: ['audittrails.lezen'] });
    zaakForcer = await client({
      scopes: [...besluitScopes, 'zaken.geforceerd-bijwerken'],
      autorisaties: [brcAutorisatie(besluittype.url, besluitScopes), zrcAutorisatie(zaaktype.url, ['zaken.geforceerd-bijwerken'])],
    });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function base(at: Tenant = tenant): string {
    return `http://${hostOf(at)}${ROOT}`;
  }

  /** Calls the API and checks the response against the operation in the official spec. */
  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD',
    url: string,
    template: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; at?: Tenant } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    // The spec documents no HEAD operations and no 304; those responses are checked by hand.
    if (response.statusCode !== 304 && method !== 'HEAD') {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.1.0');
    return response;
  }

  async function create(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  function uuidOf(json: Json): string {
    return String(json.url).split('/').pop() ?? '';
  }

  function problemOf(response: LightMyRequestResponse): Problem {
    return response.json() as Problem;
  }

  async function notificaties(resourceUrl: string): Promise<Json[]> {
    const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'zgw-notificatie').orderBy('id').execute();
    return rows.map((row) => row.payload as Json).filter((payload) => payload.resourceUrl === resourceUrl);
  }

  describe('creating (besluit_create)', () => {
    it('stores a besluit, answers 201 with Location, and leaves out what is not set', async () => {
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: besluitBody(besluittype.url, { toelichting: 'Vergunning verleend', bestuursorgaan: 'College van B&W', publicatiedatum: '2026-01-20', uiterlijkeReactiedatum: '2026-02-21' }),
      });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body.url).toMatch(new RegExp(`^${base().replace(/\./g, '\\.')}/besluiten/[0-9a-f-]{36}$`));
      expect(body).toMatchObject({
        verantwoordelijkeOrganisatie: RSIN,
        besluittype: besluittype.url,
        datum: '2026-01-10',
        ingangsdatum: '2026-01-15',
        toelichting: 'Vergunning verleend',
        bestuursorgaan: 'College van B&W',
        vervaldatum: null,
        publicatiedatum: '2026-01-20',
        verzenddatum: null,
        uiterlijkeReactiedatum: '2026-02-21',
      });
      expect(body).not.toHaveProperty('zaak');
      expect(body).not.toHaveProperty('vervalreden');
    });

    it('records the creation in the besluit audit trail (bron brc) and publishes it on kanaal besluiten', async () => {
      const body = await create(besluitBody(besluittype.url));
      const [record] = await listAuditTrail(database.db, tenant.id, String(body.url));
      expect(record).toMatchObject({ bron: 'brc', actie: 'create', resultaat: 201, resource: 'besluit', resource_url: body.url, resource_weergave: body.identificatie });
      expect(record?.nieuw).toMatchObject({ url: body.url });
      expect(await notificaties(String(body.url))).toEqual([
        expect.objectContaining({ kanaal: 'besluiten', hoofdObject: body.url, resource: 'besluit', actie: 'create', kenmerken: { verantwoordelijkeOrganisatie: RSIN, besluittype: besluittype.url } }),
      ]);
    });

    it('shows vervalreden with its weergave once the besluit has lapsed', async () => {
      const body = await create(besluitBody(besluittype.url, { vervaldatum: '2027-01-15', vervalreden: 'tijdelijk' }));
      expect(body).toMatchObject({ vervaldatum: '2027-01-15', vervalreden: 'tijdelijk', vervalredenWeergave: 'Besluit met tijdelijke werking' });
    });

    it('lists every problem of the body at once: schema, RSIN 11-proef, a future datum and the werkingsperiode', async () => {
      const tomorrow = new Date(Date.now() + 2 * 24 * 3600 * 1000);
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: { verantwoordelijkeOrganisatie: '123456789', besluittype: besluittype.url, datum: amsterdamToday(tomorrow), ingangsdatum: '2026-03-01', vervaldatum: '2026-02-01', vervalreden: 'onbekend' },
      });
      expect(response.statusCode).toBe(400);
      const problem = problemOf(response);
      expect(problem.code).toBe('invalid');
      expect(problem.invalidParams).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'verantwoordelijkeOrganisatie', code: 'invalid' }),
          expect.objectContaining({ name: 'datum', code: 'future_not_allowed' }),
          expect.objectContaining({ name: 'vervaldatum', code: 'invalid' }),
          expect.objectContaining({ name: 'vervalreden' }),
        ]),
      );
    });

    it('accepts a beslisdatum of today (Europe/Amsterdam)', async () => {
      await create(besluitBody(besluittype.url, { datum: amsterdamToday(), ingangsdatum: amsterdamToday() }));
    });

    it('needs a token (401) with besluiten.aanmaken (403)', async () => {
      expect((await call('POST', LIST, LIST, { body: besluitBody(besluittype.url) })).statusCode).toBe(401);
      expect((await call('POST', LIST, LIST, { token: typeReader, body: besluitBody(besluittype.url) })).statusCode).toBe(403);
    });

    it('needs besluiten.aanmaken for the besluittype itself: an autorisatie for another type is a 403', async () => {
      expect((await call('POST', LIST, LIST, { token: typeWriter, body: besluitBody(otherBesluittype.url) })).statusCode).toBe(403);
      expect((await call('POST', LIST, LIST, { token: noTypes, body: besluitBody(besluittype.url) })).statusCode).toBe(403);
      await create(besluitBody(besluittype.url), typeWriter);
    });
  });

  describe('brc-001: the besluittype', () => {
    it('brc-001: refuses a besluittype URL that is no besluittype of the catalogue (bad-url)', async () => {
      for (const url of ['https://example.com/catalogi/api/v1/besluittypen/0e3b5d2c-5c43-4ce6-a0b6-7b0b4bc3a2a1', `http://${hostOf(tenant)}/catalogi/api/v1/zaaktypen/${zaaktype.uuid}`]) {
        const response = await call('POST', LIST, LIST, { token: all, body: besluitBody(url) });
        expect(response.statusCode).toBe(400);
        expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'besluittype', code: 'bad-url' })]);
      }
    });

    it("brc-001: refuses another tenant's besluittype", async () => {
      const response = await call('POST', LIST, LIST, { token: otherTenantAll, at: otherTenant, body: besluitBody(besluittype.url) });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'besluittype', code: 'bad-url' })]);
    });

    it('brc-001: refuses a besluittype that is still concept (not-published)', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: besluitBody(conceptBesluittype.url) });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'besluittype', code: 'not-published' })]);
    });

    it('brc-001: the besluittype of an existing besluit cannot change (PUT and PATCH)', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      const url = `/besluiten/${uuidOf(besluit)}`;
      const put = await call('PUT', url, DETAIL, { token: all, body: besluitBody(otherBesluittype.url, { identificatie: besluit.identificatie }) });
      expect(put.statusCode).toBe(400);
      expect(problemOf(put).invalidParams).toEqual([expect.objectContaining({ name: 'besluittype', code: 'wijzigen-niet-toegelaten' })]);
      const patch = await call('PATCH', url, DETAIL, { token: all, body: { besluittype: otherBesluittype.url } });
      expect(problemOf(patch).invalidParams).toEqual([expect.objectContaining({ name: 'besluittype', code: 'wijzigen-niet-toegelaten' })]);
      // The same besluittype, on another host name, is no change.
      const same = await call('PATCH', url, DETAIL, { token: all, body: { besluittype: besluittype.url.replace(hostOf(tenant), 'loket.example.org') } });
      expect(same.statusCode).toBe(200);
    });
  });

  describe('brc-002: identificatie', () => {
    it('brc-002: generates BESLUIT-<year of the datum>-<number> when the client sends none (or an empty one)', async () => {
      const first = await create(besluitBody(besluittype.url, { datum: '2025-12-31', ingangsdatum: '2026-01-01' }));
      const second = await create(besluitBody(besluittype.url, { datum: '2025-06-01', identificatie: '' }));
      expect(first.identificatie).toMatch(/^BESLUIT-2025-\d{10}$/);
      expect(second.identificatie).toMatch(/^BESLUIT-2025-\d{10}$/);
      expect(Number(String(second.identificatie).slice(-10))).toBe(Number(String(first.identificatie).slice(-10)) + 1);
    });

    it('brc-002: refuses an identificatie already used within the verantwoordelijke organisatie, allows it in another', async () => {
      await create(besluitBody(besluittype.url, { identificatie: 'BSL-UNIEK-1' }));
      const duplicate = await call('POST', LIST, LIST, { token: all, body: besluitBody(besluittype.url, { identificatie: 'BSL-UNIEK-1' }) });
      expect(duplicate.statusCode).toBe(400);
      expect(problemOf(duplicate).invalidParams).toEqual([expect.objectContaining({ name: 'identificatie', code: 'identificatie-niet-uniek' })]);
      await create(besluitBody(besluittype.url, { identificatie: 'BSL-UNIEK-1', verantwoordelijkeOrganisatie: OTHER_RSIN }));
      const elsewhere = await call('POST', LIST, LIST, { token: otherTenantAll, at: otherTenant, body: besluitBody(besluittype.url, { identificatie: 'BSL-UNIEK-1' }) });
      // Another tenant has no such besluittype; the identificatie itself is no problem there.
      expect(problemOf(elsewhere).invalidParams?.map((param) => param.name)).toEqual(['besluittype']);
    });

    it('brc-002: a generated identificatie skips one a client already chose', async () => {
      const probe = await create(besluitBody(besluittype.url, { datum: '2024-03-01', ingangsdatum: '2024-03-01' }));
      const next = Number(String(probe.identificatie).slice(-10)) + 1;
      const taken = `BESLUIT-2024-${String(next).padStart(10, '0')}`;
      await create(besluitBody(besluittype.url, { datum: '2024-03-01', ingangsdatum: '2024-03-01', identificatie: taken }));
      const generated = await create(besluitBody(besluittype.url, { datum: '2024-03-01', ingangsdatum: '2024-03-01' }));
      expect(generated.identificatie).toBe(`BESLUIT-2024-${String(next + 1).padStart(10, '0')}`);
    });

    it('brc-002: identificatie and verantwoordelijkeOrganisatie cannot change', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      const response = await call('PATCH', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: all, body: { identificatie: 'ANDERS', verantwoordelijkeOrganisatie: OTHER_RSIN } });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams?.map((param) => [param.name, param.code]).sort()).toEqual([
        ['identificatie', 'wijzigen-niet-toegelaten'],
        ['verantwoordelijkeOrganisatie', 'wijzigen-niet-toegelaten'],
      ]);
    });

    it('brc-002: concurrent creates without identificatie all get distinct ones', async () => {
      const responses = await Promise.all(
        Array.from({ length: 12 }, () => test.app.inject({ method: 'POST', url: `${ROOT}${LIST}`, headers: { host: hostOf(tenant), authorization: `Bearer ${all}` }, payload: besluitBody(besluittype.url, { datum: '2023-05-05' }) })),
      );
      expect(responses.map((response) => response.statusCode)).toEqual(Array(12).fill(201));
      const identificaties = responses.map((response) => (response.json() as Json).identificatie);
      expect(new Set(identificaties).size).toBe(12);
    });
  });

  describe('brc-006 and brc-007: the zaak', () => {
    it('brc-007: refuses a besluittype that is not among the zaak zaaktype besluittypen (zaaktype-mismatch)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const response = await call('POST', LIST, LIST, { token: all, body: besluitBody(strangerBesluittype.url, { zaak: zaak.url }) });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'nonFieldErrors', code: 'zaaktype-mismatch' })]);
      // Without a zaak the same besluittype is fine.
      await create(besluitBody(strangerBesluittype.url));
    });

    it('brc-006: refuses a zaak URL that is no zaak of the tenant (bad-url)', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: besluitBody(besluittype.url, { zaak: 'https://example.com/zaken/api/v1/zaken/7d0f8a64-8f48-4f3e-9d32-2f2f0f6b1a11' }) });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'zaak', code: 'bad-url' })]);
    });

    it('brc-006: a besluit with a zaak is that zaak’s ZAAKBESLUIT, recorded in the zaak audit trail and on kanaal zaken', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const besluit = await create(besluitBody(besluittype.url, { zaak: zaak.url }));
      expect(besluit.zaak).toBe(zaak.url);
      const relations = await test.app.inject({ url: `/zaken/api/v1/zaken/${zaak.uuid}/besluiten`, headers: { host: hostOf(tenant), authorization: `Bearer ${all}` } });
      expect(relations.json()).toEqual([expect.objectContaining({ besluit: besluit.url })]);
      const [zaakbesluit] = relations.json() as Json[];
      const [record] = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(record).toMatchObject({ bron: 'zrc', actie: 'create', resource: 'zaakbesluit', resource_url: zaakbesluit?.url, hoofd_object: zaak.url });
      expect(await notificaties(String(zaakbesluit?.url))).toEqual([expect.objectContaining({ kanaal: 'zaken', hoofdObject: zaak.url, resource: 'zaakbesluit', actie: 'create' })]);
    });

    it('brc-006: the zaak of a besluit cannot change, nor be removed', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const besluit = await create(besluitBody(besluittype.url, { zaak: zaak.url }));
      const url = `/besluiten/${uuidOf(besluit)}`;
      for (const value of [other.url, '', null]) {
        const response = await call('PATCH', url, DETAIL, { token: all, body: { zaak: value } });
        expect(response.statusCode).toBe(400);
        expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'zaak', code: 'wijzigen-niet-toegelaten' })]);
      }
      const without = await create(besluitBody(besluittype.url));
      const attach = await call('PATCH', `/besluiten/${uuidOf(without)}`, DETAIL, { token: all, body: { zaak: zaak.url } });
      expect(problemOf(attach).invalidParams).toEqual([expect.objectContaining({ name: 'zaak', code: 'wijzigen-niet-toegelaten' })]);
      expect((await call('PATCH', url, DETAIL, { token: all, body: { zaak: zaak.url, toelichting: 'zelfde zaak' } })).statusCode).toBe(200);
    });

    it('zrc-007: a besluit for a closed zaak needs zaken.geforceerd-bijwerken for that zaak', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-01-20' });
      const refused = await call('POST', LIST, LIST, { token: typeWriter, body: besluitBody(besluittype.url, { zaak: closed.url }) });
      expect(refused.statusCode).toBe(403);
      const besluit = await create(besluitBody(besluittype.url, { zaak: closed.url }), zaakForcer);
      expect((await call('PATCH', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeWriter, body: { toelichting: 'correctie' } })).statusCode).toBe(403);
      expect((await call('DELETE', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeWriter })).statusCode).toBe(403);
      expect((await call('PATCH', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: zaakForcer, body: { toelichting: 'correctie' } })).statusCode).toBe(200);
    });
  });

  describe('listing (besluit_list)', () => {
    let listTenant: Tenant;
    let listAll: string;
    let listTypeReader: string;
    let a: { uuid: string; url: string };
    let b: { uuid: string; url: string };
    let zaakUrl: string;

    beforeAll(async () => {
      // A tenant of its own, so counts are exact.
      listTenant = await createTestTenant(database.db);
      const catalogus = await insertTestCatalogus(database.db, listTenant);
      const listZaaktype = await insertTestZaaktype(database.db, listTenant, { catalogusUuid: catalogus });
      a = await insertTestBesluittype(database.db, listTenant, catalogus);
      b = await insertTestBesluittype(database.db, listTenant, catalogus);
      await allowBesluittypen(database.db, listZaaktype.uuid, [a.uuid]);
      zaakUrl = (await insertTestZaak(database.db, listTenant, listZaaktype)).url;
      listAll = await (await createTestClient(database.db, test.keys, listTenant, { heeftAlleAutorisaties: true })).token();
      listTypeReader = await (await createTestClient(database.db, test.keys, listTenant, { scopes: ['besluiten.lezen'], autorisaties: [brcAutorisatie(a.url, ['besluiten.lezen'])] })).token();
      const post = (body: Json) => test.app.inject({ method: 'POST', url: `${ROOT}${LIST}`, headers: { host: hostOf(listTenant), authorization: `Bearer ${listAll}` }, payload: body });
      for (const body of [
        besluitBody(a.url, { identificatie: 'L-1', zaak: zaakUrl }),
        besluitBody(a.url, { identificatie: 'L-2' }),
        besluitBody(b.url, { identificatie: 'L-3', verantwoordelijkeOrganisatie: OTHER_RSIN }),
      ]) {
        expect((await post(body)).statusCode).toBe(201);
      }
    });

    async function list(query: string, token = listAll): Promise<LightMyRequestResponse> {
      return call('GET', `${LIST}${query}`, LIST, { token, at: listTenant });
    }

    function identificaties(response: LightMyRequestResponse): unknown[] {
      return (response.json() as { results: Json[] }).results.map((besluit) => besluit.identificatie);
    }

    it('lists the tenant’s besluiten newest first in the pagination envelope', async () => {
      const response = await list('');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ count: 3, next: null, previous: null });
      expect(identificaties(response)).toEqual(['L-3', 'L-2', 'L-1']);
    });

    it('filters on identificatie, verantwoordelijkeOrganisatie, besluittype and zaak', async () => {
      expect(identificaties(await list('?identificatie=L-2'))).toEqual(['L-2']);
      expect(identificaties(await list(`?verantwoordelijkeOrganisatie=${OTHER_RSIN}`))).toEqual(['L-3']);
      expect(identificaties(await list(`?besluittype=${encodeURIComponent(a.url)}`))).toEqual(['L-2', 'L-1']);
      expect(identificaties(await list(`?zaak=${encodeURIComponent(zaakUrl)}`))).toEqual(['L-1']);
      expect(identificaties(await list(`?zaak=${encodeURIComponent('https://example.com/iets/anders')}`))).toEqual([]);
    });

    it('refuses an unknown query parameter and a filter that is no URI', async () => {
      const unknown = await list('?status=open');
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown).code).toBe('unknown-parameters');
      expect((await list('?besluittype=geen-url')).statusCode).toBe(400);
    });

    it('a page past the last is a 404 (the platform pagination rule; besluit_list documents no 404, so checked by hand)', async () => {
      const response = await test.app.inject({ url: `${ROOT}${LIST}?page=2`, headers: { host: hostOf(listTenant), authorization: `Bearer ${listAll}` } });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found', status: 404 });
    });

    it('shows a caller only the besluiten of its besluittypen, filtered in the query (count included)', async () => {
      const response = await list('', listTypeReader);
      expect(response.json()).toMatchObject({ count: 2 });
      expect(identificaties(response)).toEqual(['L-2', 'L-1']);
    });

    it('expands the besluittype as the Catalogi API presents it, nested relations included', async () => {
      const response = await list(`?besluittype=${encodeURIComponent(a.url)}&expand=besluittype.catalogus`);
      const [first] = (response.json() as { results: Json[] }).results;
      const expanded = first?._expand as { besluittype: Json } | undefined;
      expect(expanded?.besluittype).toMatchObject({ url: a.url, concept: false });
      expect((expanded?.besluittype._expand as Json | undefined)?.catalogus).toMatchObject({ url: expect.stringContaining('/catalogi/api/v1/catalogussen/') });
    });

    it('refuses to expand what cannot be expanded yet (the zaak), and names that are no relation', async () => {
      for (const expand of ['zaak', 'onzin', 'besluittype.onzin']) {
        const response = await list(`?expand=${expand}`);
        expect(response.statusCode).toBe(400);
        expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'expand', code: 'invalid' })]);
      }
    });

    it("never shows another tenant's besluiten", async () => {
      const response = await call('GET', LIST, LIST, { token: otherTenantAll, at: otherTenant });
      expect(identificaties(response)).not.toContain('L-1');
    });
  });

  describe('reading (besluit_read)', () => {
    it('answers the besluit with an ETag, HEAD with the same headers and no body, and 304 for a matching If-None-Match', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      const url = `/besluiten/${uuidOf(besluit)}`;
      const response = await call('GET', url, DETAIL, { token: all });
      expect(response.json()).toEqual(besluit);
      const etag = response.headers.etag;
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const head = await call('HEAD', url, DETAIL, { token: all });
      expect(head.statusCode).toBe(200);
      expect(head.headers.etag).toBe(etag);
      expect(head.body).toBe('');
      expect((await call('GET', url, DETAIL, { token: all, headers: { 'if-none-match': String(etag) } })).statusCode).toBe(304);
    });

    it('is a 404 for an unknown or malformed uuid, and for another tenant', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      expect((await call('GET', '/besluiten/7d0f8a64-8f48-4f3e-9d32-2f2f0f6b1a11', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', '/besluiten/geen-uuid', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: otherTenantAll, at: otherTenant })).statusCode).toBe(404);
    });

    it('is a 403 for a besluit of a besluittype the caller may not read', async () => {
      const besluit = await create(besluitBody(otherBesluittype.url));
      expect((await call('GET', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeReader })).statusCode).toBe(403);
      const own = await create(besluitBody(besluittype.url));
      expect((await call('GET', `/besluiten/${uuidOf(own)}`, DETAIL, { token: typeReader })).statusCode).toBe(200);
    });
  });

  describe('changing (besluit_update, besluit_partial_update)', () => {
    it('PUT replaces the changeable fields and keeps omitted optional ones; the audit trail holds both versions', async () => {
      const besluit = await create(besluitBody(besluittype.url, { toelichting: 'eerst', bestuursorgaan: 'Burgemeester' }));
      const url = `/besluiten/${uuidOf(besluit)}`;
      const response = await call('PUT', url, DETAIL, { token: all, body: besluitBody(besluittype.url, { toelichting: 'daarna', vervaldatum: '2030-01-01', vervalreden: 'ingetrokken_overheid' }) });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ identificatie: besluit.identificatie, toelichting: 'daarna', bestuursorgaan: 'Burgemeester', vervalreden: 'ingetrokken_overheid', vervalredenWeergave: 'Besluit ingetrokken door overheid' });
      const records = await listAuditTrail(database.db, tenant.id, String(besluit.url));
      expect(records.map((record) => record.actie)).toEqual(['create', 'update']);
      expect(records[1]?.oud).toMatchObject({ toelichting: 'eerst' });
      expect(records[1]?.nieuw).toMatchObject({ toelichting: 'daarna' });
      expect((await notificaties(String(besluit.url))).map((message) => message.actie)).toEqual(['create', 'update']);
    });

    it('PATCH changes only what it names; a vervaldatum before the stored ingangsdatum is refused', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      const url = `/besluiten/${uuidOf(besluit)}`;
      const response = await call('PATCH', url, DETAIL, { token: typeWriter, body: { verzenddatum: '2026-01-16' } });
      expect(response.json()).toMatchObject({ verzenddatum: '2026-01-16', ingangsdatum: '2026-01-15' });
      const early = await call('PATCH', url, DETAIL, { token: all, body: { vervaldatum: '2026-01-01' } });
      expect(early.statusCode).toBe(400);
      expect(problemOf(early).invalidParams).toEqual([expect.objectContaining({ name: 'vervaldatum', code: 'invalid' })]);
      const [, record] = await listAuditTrail(database.db, tenant.id, String(besluit.url));
      expect(record?.actie).toBe('partial_update');
    });

    it('needs besluiten.bijwerken for the besluittype (403), and is a 404 for an unknown besluit', async () => {
      const besluit = await create(besluitBody(otherBesluittype.url));
      expect((await call('PATCH', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeWriter, body: { toelichting: 'x' } })).statusCode).toBe(403);
      expect((await call('PATCH', '/besluiten/7d0f8a64-8f48-4f3e-9d32-2f2f0f6b1a11', DETAIL, { token: all, body: { toelichting: 'x' } })).statusCode).toBe(404);
    });
  });

  describe('deleting (besluit_delete)', () => {
    it('brc-009: removes the besluit, its besluitinformatieobjecten and its audit trail, and publishes destroy', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      // A relation to a document the stand-in cannot verify: this test is about what goes with the besluit.
      const standIn = await buildApp(test.context, (app) => registerBesluiten(app, test.context, { documenten: DOCUMENTEN_API_PENDING }));
      const relation = await standIn.inject({
        method: 'POST',
        url: `${ROOT}/besluitinformatieobjecten`,
        headers: { host: hostOf(tenant), authorization: `Bearer ${all}` },
        payload: { besluit: besluit.url, informatieobject: `http://${hostOf(tenant)}/documenten/api/v1/enkelvoudiginformatieobjecten/5a3f1c44-1f4b-4bd2-9c3e-7e6a0f1d2c3b` },
      });
      expect(relation.statusCode).toBe(201);
      await standIn.close();
      const response = await call('DELETE', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: all });
      expect(response.statusCode).toBe(204);
      expect((await call('GET', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: all })).statusCode).toBe(404);
      expect(await database.db.selectFrom('besluitinformatieobjecten').select('uuid').where('besluit_uuid', '=', uuidOf(besluit)).execute()).toEqual([]);
      expect(await listAuditTrail(database.db, tenant.id, String(besluit.url))).toEqual([]);
      expect((await notificaties(String(besluit.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
    });

    it('brc-009: deleting a besluit with a zaak ends the ZAAKBESLUIT, recorded in the zaak audit trail', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const besluit = await create(besluitBody(besluittype.url, { zaak: zaak.url }));
      expect((await call('DELETE', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeWriter })).statusCode).toBe(204);
      const relations = await test.app.inject({ url: `/zaken/api/v1/zaken/${zaak.uuid}/besluiten`, headers: { host: hostOf(tenant), authorization: `Bearer ${all}` } });
      expect(relations.json()).toEqual([]);
      const records = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(records.map((record) => [record.resource, record.actie])).toEqual([
        ['zaakbesluit', 'create'],
        ['zaakbesluit', 'destroy'],
      ]);
    });

    it('needs besluiten.verwijderen for the besluittype (403)', async () => {
      const besluit = await create(besluitBody(otherBesluittype.url));
      expect((await call('DELETE', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeWriter })).statusCode).toBe(403);
      expect((await call('DELETE', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: typeReader })).statusCode).toBe(403);
    });
  });

  describe('audit trail (audittrail_list, audittrail_read)', () => {
    it('lists the besluit history oldest first and reads one record, with audittrails.lezen', async () => {
      const besluit = await create(besluitBody(besluittype.url));
      await call('PATCH', `/besluiten/${uuidOf(besluit)}`, DETAIL, { token: all, body: { toelichting: 'bijgewerkt' }, headers: { 'x-audit-toelichting': 'Typefout hersteld' } });
      const trail = await call('GET', `/besluiten/${uuidOf(besluit)}/audittrail`, TRAIL, { token: auditReader });
      expect(trail.statusCode).toBe(200);
      const records = trail.json() as Json[];
      expect(records.map((record) => record.actie)).toEqual(['create', 'partial_update']);
      expect(records[1]).toMatchObject({ bron: 'brc', toelichting: 'Typefout hersteld', hoofdObject: besluit.url });
      const one = await call('GET', `/besluiten/${uuidOf(besluit)}/audittrail/${String(records[0]?.uuid)}`, TRAIL_DETAIL, { token: auditReader });
      expect(one.json()).toEqual(records[0]);
    });

    it('does not find a record under another besluit, and needs audittrails.lezen', async () => {
      const first = await create(besluitBody(besluittype.url));
      const second = await create(besluitBody(besluittype.url));
      const [record] = (await call('GET', `/besluiten/${uuidOf(first)}/audittrail`, TRAIL, { token: auditReader })).json() as Json[];
      expect((await call('GET', `/besluiten/${uuidOf(second)}/audittrail/${String(record?.uuid)}`, TRAIL_DETAIL, { token: auditReader })).statusCode).toBe(404);
      expect((await call('GET', `/besluiten/${uuidOf(first)}/audittrail`, TRAIL, { token: typeReader })).statusCode).toBe(403);
    });
  });
});
