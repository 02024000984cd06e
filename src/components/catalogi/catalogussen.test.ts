import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec } from '../../../test/openapi.ts';
import { insertCatalogus } from './catalogussen/repository.ts';

const SPEC_FILE = join(STANDARDS_DIRECTORY, 'zgw', 'catalogi-1.3.3.yaml');
const ROOT = '/catalogi/api/v1';
const LIST = '/catalogussen';
const DETAIL = '/catalogussen/{uuid}';

// RSINs that pass the 11-proef (002220647 is Gemeente Utrecht's).
const RSIN_UTRECHT = '002220647';
const RSIN_A = '001000007';
const RSIN_B = '001000056';
const RSIN_C = '001000147';

type Json = Record<string, unknown>;

describe('Catalogi API: catalogussen', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let reader: string;
  let writer: string;
  let zakenReader: string;
  let noScopes: string;
  let otherTenantReader: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    spec = await loadOpenApi(SPEC_FILE);
    reader = await (await createTestClient(database.db, test.keys, tenant, { scopes: ['catalogi.lezen'] })).token();
    writer = await (await createTestClient(database.db, test.keys, tenant, { scopes: ['catalogi.lezen', 'catalogi.schrijven'] })).token();
    zakenReader = await (await createTestClient(database.db, test.keys, tenant, { scopes: ['zaken.lezen'] })).token();
    noScopes = await (await createTestClient(database.db, test.keys, tenant, { scopes: [] })).token();
    otherTenantReader = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
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
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'HEAD',
    url: string,
    template: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; at?: Tenant } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304) {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.3.3');
    return response;
  }

  function catalogus(overrides: Json = {}): Json {
    return { domein: 'ABC', rsin: RSIN_UTRECHT, contactpersoonBeheerNaam: 'Ada Beheer', ...overrides };
  }

  async function create(body: Json, token = writer): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode).toBe(201);
    return response.json() as Json;
  }

  describe('creating (catalogus_create)', () => {
    it('stores a catalogus, answers 201 with its absolute url in Location and empty relation lists', async () => {
      const response = await call('POST', LIST, LIST, {
        token: writer,
        body: catalogus({ domein: 'CREA', contactpersoonBeheerEmailadres: 'beheer@gemeente.nl', contactpersoonBeheerTelefoonnummer: '030-1234567', naam: 'Zaaktypen', versie: '1', begindatumVersie: '2026-01-01' }),
      });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(body.url).toMatch(new RegExp(`^${base().replace(/\./g, '\\.')}/catalogussen/[0-9a-f-]{36}$`));
      expect(response.headers.location).toBe(body.url);
      expect(body).toMatchObject({
        domein: 'CREA',
        rsin: RSIN_UTRECHT,
        contactpersoonBeheerNaam: 'Ada Beheer',
        contactpersoonBeheerEmailadres: 'beheer@gemeente.nl',
        contactpersoonBeheerTelefoonnummer: '030-1234567',
        naam: 'Zaaktypen',
        versie: '1',
        begindatumVersie: '2026-01-01',
        zaaktypen: [],
        besluittypen: [],
        besluittypeOmschrijving: [],
        informatieobjecttypen: [],
        informatieobjecttypeOmschrijving: [],
      });
    });

    it('records the creation in the audit trail of the catalogus (bron ztc)', async () => {
      const body = await create(catalogus({ domein: 'AUDIT' }));
      const [record] = await listAuditTrail(database.db, tenant.id, String(body.url));
      expect(record).toMatchObject({ bron: 'ztc', actie: 'create', resultaat: 201, resource: 'catalogus', resource_url: body.url, hoofd_object: body.url });
      expect(record?.nieuw).toMatchObject({ url: body.url, domein: 'AUDIT' });
    });

    it('lists every invalid field at once, the RSIN 11-proef included', async () => {
      const response = await call('POST', LIST, LIST, {
        token: writer,
        body: { domein: 'TE-LANG', rsin: '123456789', contactpersoonBeheerEmailadres: 'geen-adres', begindatumVersie: '1 januari' },
      });
      expect(response.statusCode).toBe(400);
      const problem = response.json() as { code: string; invalidParams: { name: string; code: string }[] };
      expect(problem.code).toBe('invalid');
      expect(problem.invalidParams.map((param) => param.name).sort()).toEqual(['begindatumVersie', 'contactpersoonBeheerEmailadres', 'contactpersoonBeheerNaam', 'domein', 'rsin']);
      expect(problem.invalidParams).toContainEqual(expect.objectContaining({ name: 'rsin', code: 'invalid' }));
      expect(problem.invalidParams).toContainEqual(expect.objectContaining({ name: 'contactpersoonBeheerNaam', code: 'required' }));
    });

    it('refuses an RSIN that is not nine digits', async () => {
      const response = await call('POST', LIST, LIST, { token: writer, body: catalogus({ domein: 'RSIN', rsin: '12345' }) });
      expect(response.statusCode).toBe(400);
      expect((response.json() as { invalidParams: { name: string }[] }).invalidParams.map((param) => param.name)).toEqual(['rsin']);
    });

    it('refuses a second catalogus with the same domein and RSIN in the tenant, but allows it in another tenant', async () => {
      await create(catalogus({ domein: 'UNIEK', rsin: RSIN_A }));
      const duplicate = await call('POST', LIST, LIST, { token: writer, body: catalogus({ domein: 'UNIEK', rsin: RSIN_A }) });
      expect(duplicate.statusCode).toBe(400);
      expect(duplicate.json()).toMatchObject({ code: 'invalid', invalidParams: [{ name: 'nonFieldErrors', code: 'unique' }] });
      const elsewhere = await call('POST', LIST, LIST, { token: otherTenantReader, at: otherTenant, body: catalogus({ domein: 'UNIEK', rsin: RSIN_A }) });
      expect(elsewhere.statusCode).toBe(201);
    });

    it('needs a token (401) with catalogi.schrijven (403)', async () => {
      expect((await call('POST', LIST, LIST, { body: catalogus({ domein: 'AUTH' }) })).statusCode).toBe(401);
      expect((await call('POST', LIST, LIST, { token: reader, body: catalogus({ domein: 'AUTH' }) })).statusCode).toBe(403);
    });
  });

  describe('reading (catalogus_retrieve, catalogus_headers)', () => {
    it('retrieves a catalogus with an ETag, and answers If-None-Match with 304', async () => {
      const created = await create(catalogus({ domein: 'LEES' }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      const response = await call('GET', path, DETAIL, { token: reader });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(created);
      const etag = response.headers.etag;
      expect(etag).toMatch(/^"[0-9a-f]+"$/);
      const cached = await call('GET', path, DETAIL, { token: reader, headers: { 'if-none-match': String(etag) } });
      expect(cached.statusCode).toBe(304);
      expect(cached.body).toBe('');
      const stale = await call('GET', path, DETAIL, { token: reader, headers: { 'if-none-match': '"verouderd"' } });
      expect(stale.statusCode).toBe(200);
    });

    it('answers HEAD with the GET headers and no body', async () => {
      const created = await create(catalogus({ domein: 'HEAD' }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      const get = await call('GET', path, DETAIL, { token: reader });
      const head = await call('HEAD', path, DETAIL, { token: reader });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe('');
      expect(head.headers.etag).toBe(get.headers.etag);
      const cached = await call('HEAD', path, DETAIL, { token: reader, headers: { 'if-none-match': String(get.headers.etag) } });
      expect(cached.statusCode).toBe(304);
    });

    it('expands the relations asked for and refuses an unknown expand', async () => {
      const created = await create(catalogus({ domein: 'EXP' }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      const expanded = await call('GET', `${path}?expand=zaaktypen,besluittypen`, DETAIL, { token: reader });
      expect(expanded.json()).toMatchObject({ _expand: { zaaktypen: [], besluittypen: [] } });
      const list = await call('GET', `${LIST}?expand=onzin`, LIST, { token: reader });
      expect(list.statusCode).toBe(400);
      expect(list.json()).toMatchObject({ invalidParams: [{ name: 'expand' }] });
    });

    it('answers 404 for an unknown or malformed uuid', async () => {
      expect((await call('GET', `/catalogussen/${randomUUID()}`, DETAIL, { token: reader })).statusCode).toBe(404);
      expect((await call('GET', '/catalogussen/geen-uuid', DETAIL, { token: reader })).statusCode).toBe(404);
    });

    it('lets Zaken and Documenten readers read the catalogue (ztc-014), and nobody without a read scope', async () => {
      const created = await create(catalogus({ domein: 'Z014' }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      expect((await call('GET', path, DETAIL, { token: zakenReader })).statusCode).toBe(200);
      expect((await call('GET', LIST, LIST, { token: zakenReader })).statusCode).toBe(200);
      expect((await call('GET', path, DETAIL, { token: noScopes })).statusCode).toBe(403);
      expect((await call('GET', LIST, LIST, { token: noScopes })).statusCode).toBe(403);
      expect((await call('GET', path, DETAIL)).statusCode).toBe(401);
      expect((await call('GET', LIST, LIST)).statusCode).toBe(401);
    });

    it('never shows a catalogus of one tenant to another: absent from the list and 404 on retrieve', async () => {
      const created = await create(catalogus({ domein: 'GEHEI', rsin: RSIN_C }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      const retrieve = await call('GET', path, DETAIL, { token: otherTenantReader, at: otherTenant });
      expect(retrieve.statusCode).toBe(404);
      const list = (await call('GET', `${LIST}?domein=GEHEI`, LIST, { token: otherTenantReader, at: otherTenant })).json() as { count: number };
      expect(list.count).toBe(0);
      const update = await call('PATCH', path, DETAIL, { token: otherTenantReader, at: otherTenant, body: { naam: 'overgenomen' } });
      expect(update.statusCode).toBe(404);
    });
  });

  describe('listing (catalogus_list)', () => {
    it('filters on domein, domein__in, rsin and rsin__in', async () => {
      await create(catalogus({ domein: 'FA', rsin: RSIN_B }));
      await create(catalogus({ domein: 'FB', rsin: RSIN_B }));
      await create(catalogus({ domein: 'FC', rsin: RSIN_C }));
      const domeinen = async (query: string): Promise<string[]> => {
        const response = await call('GET', `${LIST}?${query}`, LIST, { token: reader });
        expect(response.statusCode).toBe(200);
        return ((response.json() as { results: { domein: string }[] }).results.map((item) => item.domein)).filter((domein) => domein.startsWith('F')).sort();
      };
      expect(await domeinen('domein=FA')).toEqual(['FA']);
      expect(await domeinen('domein__in=FA,FC')).toEqual(['FA', 'FC']);
      expect(await domeinen(`rsin=${RSIN_B}`)).toEqual(['FA', 'FB']);
      expect(await domeinen(`rsin__in=${RSIN_B},${RSIN_C}`)).toEqual(['FA', 'FB', 'FC']);
      expect(await domeinen(`rsin=${RSIN_B}&domein=FB`)).toEqual(['FB']);
    });

    it('refuses an unknown query parameter', async () => {
      const response = await call('GET', `${LIST}?naam=x`, LIST, { token: reader });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ invalidParams: [{ name: 'naam' }] });
    });

    it('pages by 100 with absolute next and previous links that keep the filters', async () => {
      const paged = await createTestTenant(database.db);
      const token = await (await createTestClient(database.db, test.keys, paged, { scopes: ['catalogi.lezen'] })).token();
      for (let index = 0; index < 101; index += 1) {
        await insertCatalogus(database.db, paged.id, {
          domein: `P${index}`, rsin: RSIN_A, contactpersoon_beheer_naam: 'Pim', contactpersoon_beheer_telefoonnummer: '', contactpersoon_beheer_emailadres: '', naam: null, versie: null, begindatum_versie: null,
        });
      }
      const first = (await call('GET', `${LIST}?rsin=${RSIN_A}`, LIST, { token, at: paged })).json() as { count: number; next: string | null; previous: string | null; results: unknown[] };
      expect(first).toMatchObject({ count: 101, previous: null, next: `${base(paged)}${LIST}?rsin=${RSIN_A}&page=2` });
      expect(first.results).toHaveLength(100);
      const second = (await call('GET', `${LIST}?rsin=${RSIN_A}&page=2`, LIST, { token, at: paged })).json() as typeof first;
      expect(second).toMatchObject({ count: 101, next: null, previous: `${base(paged)}${LIST}?rsin=${RSIN_A}&page=1` });
      expect(second.results).toHaveLength(1);
      const past = await test.app.inject({ method: 'GET', url: `${ROOT}${LIST}?page=3`, headers: { host: hostOf(paged), authorization: `Bearer ${token}` } });
      expect(past.statusCode).toBe(404);
    });
  });

  describe('updating (catalogus_update, catalogus_partial_update)', () => {
    it('replaces with PUT and changes one field with PATCH, auditing both', async () => {
      const created = await create(catalogus({ domein: 'UPD', naam: 'Oud' }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      const put = await call('PUT', path, DETAIL, { token: writer, body: catalogus({ domein: 'UPD2', contactpersoonBeheerNaam: 'Bea', naam: 'Nieuw' }) });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ url: created.url, domein: 'UPD2', contactpersoonBeheerNaam: 'Bea', naam: 'Nieuw' });
      const patch = await call('PATCH', path, DETAIL, { token: writer, body: { versie: '2' } });
      expect(patch.statusCode).toBe(200);
      expect(patch.json()).toMatchObject({ domein: 'UPD2', versie: '2', naam: 'Nieuw' });
      const trail = await listAuditTrail(database.db, tenant.id, String(created.url));
      expect(trail.map((record) => record.actie)).toEqual(['create', 'update', 'partial_update']);
    });

    it('validates updates like creation and needs catalogi.schrijven', async () => {
      const created = await create(catalogus({ domein: 'UPV' }));
      const path = new URL(String(created.url)).pathname.slice(ROOT.length);
      const put = await call('PUT', path, DETAIL, { token: writer, body: { domein: 'UPV' } });
      expect(put.statusCode).toBe(400);
      expect((put.json() as { invalidParams: { name: string }[] }).invalidParams.map((param) => param.name).sort()).toEqual(['contactpersoonBeheerNaam', 'rsin']);
      const patch = await call('PATCH', path, DETAIL, { token: writer, body: { rsin: '123456789' } });
      expect(patch.statusCode).toBe(400);
      expect((await call('PATCH', path, DETAIL, { token: reader, body: { versie: '3' } })).statusCode).toBe(403);
    });
  });
});
