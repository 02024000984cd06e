import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, signZgwToken, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, loadOpenApi, STANDARDS_DIRECTORY, type OpenApiSpec } from '../../../test/openapi.ts';

const ROOT = '/autorisaties/api/v1';
const LIST = '/applicaties';
const DETAIL = '/applicaties/{uuid}';
const CONSUMER = '/applicaties/consumer';

type Json = Record<string, unknown>;
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

describe('Autorisaties API: applicaties', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let beheerder: string;
  let lezer: string;
  let zonderScopes: string;
  let otherTenantBeheerder: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    spec = await loadOpenApi(join(STANDARDS_DIRECTORY, 'zgw', 'autorisaties-1.1.0.yaml'));
    const token = async (at: Tenant, scopes: string[]) => (await createTestClient(database.db, test.keys, at, { scopes })).token();
    beheerder = await token(tenant, ['autorisaties.lezen', 'autorisaties.bijwerken']);
    lezer = await token(tenant, ['autorisaties.lezen']);
    zonderScopes = await token(tenant, []);
    otherTenantBeheerder = await token(otherTenant, ['autorisaties.lezen', 'autorisaties.bijwerken']);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  function zaaktypeUrl(): string {
    return `http://${hostOf(tenant)}/catalogi/api/v1/zaaktypen/0b4d5a5e-6d2c-4c51-9c4b-4b0a6cbf1b11`;
  }

  /** Calls the API and checks the response against the operation in the official spec. */
  async function call(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD',
    url: string,
    template: string,
    options: { token?: string; body?: unknown; at?: Tenant } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant) };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304 && method !== 'HEAD') {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.1.0');
    return response;
  }

  let counter = 0;
  function applicatie(overrides: Json = {}): Json {
    counter += 1;
    return {
      clientIds: [`zaakapp-${counter}`],
      label: `Zaakafhandelapp ${counter}`,
      autorisaties: [{ component: 'zrc', scopes: ['zaken.lezen', 'zaken.aanmaken'], zaaktype: zaaktypeUrl(), maxVertrouwelijkheidaanduiding: 'vertrouwelijk' }],
      ...overrides,
    };
  }

  async function create(body: Json): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token: beheerder, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  function pathOf(json: Json): string {
    return `/applicaties/${String(json.url).split('/').pop()}`;
  }

  function problemOf(response: LightMyRequestResponse): Problem {
    return response.json() as Problem;
  }

  describe('creating (applicatie_create)', () => {
    it('stores the applicatie with its client ids and autorisaties, audits it and notifies kanaal autorisaties', async () => {
      const body = applicatie({ clientIds: ['melding-app', 'melding-app-acc'] });
      const response = await call('POST', LIST, LIST, { token: beheerder, body });
      expect(response.statusCode).toBe(201);
      const created = response.json() as Json;
      expect(response.headers.location).toBe(created.url);
      expect(created).toMatchObject({
        clientIds: ['melding-app', 'melding-app-acc'],
        label: body.label,
        heeftAlleAutorisaties: false,
        alleenIsGereedVoorPublicatie: false,
        autorisaties: [{ component: 'zrc', componentWeergave: 'Zaken API', scopes: ['zaken.lezen', 'zaken.aanmaken'], zaaktype: zaaktypeUrl(), maxVertrouwelijkheidaanduiding: 'vertrouwelijk' }],
      });
      const trail = await listAuditTrail(database.db, tenant.id, String(created.url));
      expect(trail.map((entry) => entry.actie)).toEqual(['create']);
      const outbox = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'zgw-notificatie').execute();
      expect(outbox.map((row) => row.payload)).toContainEqual(expect.objectContaining({ kanaal: 'autorisaties', resource: 'applicatie', actie: 'create', resourceUrl: created.url }));
    });

    it('ac-001: a client id belongs to one applicatie only', async () => {
      await create(applicatie({ clientIds: ['uniek-id'] }));
      const response = await call('POST', LIST, LIST, { token: beheerder, body: applicatie({ clientIds: ['ander-id', 'uniek-id'] }) });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams).toContainEqual(expect.objectContaining({ name: 'clientIds', code: 'clientId-exists' }));
      const doubled = await call('POST', LIST, LIST, { token: beheerder, body: applicatie({ clientIds: ['dubbel', 'dubbel'] }) });
      expect(problemOf(doubled).invalidParams).toContainEqual(expect.objectContaining({ name: 'clientIds', code: 'unique' }));
    });

    it('ac-002: heeftAlleAutorisaties or autorisaties, never both and never neither', async () => {
      const both = await call('POST', LIST, LIST, { token: beheerder, body: applicatie({ heeftAlleAutorisaties: true }) });
      expect(both.statusCode).toBe(400);
      expect(problemOf(both).invalidParams).toContainEqual(expect.objectContaining({ name: 'nonFieldErrors', code: 'ambiguous-authorizations-specified' }));
      const neither = await call('POST', LIST, LIST, { token: beheerder, body: applicatie({ autorisaties: [] }) });
      expect(problemOf(neither).invalidParams).toContainEqual(expect.objectContaining({ name: 'nonFieldErrors', code: 'missing-authorizations' }));
      const all = await create(applicatie({ heeftAlleAutorisaties: true, autorisaties: [] }));
      expect(all).toMatchObject({ heeftAlleAutorisaties: true, autorisaties: [] });
    });

    it('ac-003: zaken scopes need a zaaktype and a maximum vertrouwelijkheid; besluiten scopes a besluittype', async () => {
      const response = await call('POST', LIST, LIST, {
        token: beheerder,
        body: applicatie({
          autorisaties: [
            { component: 'zrc', scopes: ['zaken.lezen'] },
            { component: 'drc', scopes: ['documenten.lezen'], informatieobjecttype: `http://${hostOf(tenant)}/catalogi/api/v1/informatieobjecttypen/0b4d5a5e-6d2c-4c51-9c4b-4b0a6cbf1b12` },
            { component: 'brc', scopes: ['besluiten.lezen'] },
            { component: 'ztc', scopes: ['catalogi.lezen'] },
          ],
        }),
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams?.map((param) => param.name)).toEqual([
        'autorisaties.0.zaaktype',
        'autorisaties.0.maxVertrouwelijkheidaanduiding',
        'autorisaties.1.maxVertrouwelijkheidaanduiding',
        'autorisaties.2.besluittype',
      ]);
    });

    it('refuses an unknown component and a missing label, and needs autorisaties.bijwerken', async () => {
      const unknown = await call('POST', LIST, LIST, { token: beheerder, body: applicatie({ label: '', autorisaties: [{ component: 'xyz', scopes: [] }] }) });
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown).invalidParams?.map((param) => param.name)).toEqual(expect.arrayContaining(['label']));
      expect((await call('POST', LIST, LIST, { token: lezer, body: applicatie() })).statusCode).toBe(403);
    });
  });

  describe('reading (applicatie_list, applicatie_read, applicatie_consumer)', () => {
    it('lists the tenant’s applicaties, filtered on clientIds, and reads one with an ETag', async () => {
      const first = await create(applicatie({ clientIds: ['lijst-a'] }));
      await create(applicatie({ clientIds: ['lijst-b'] }));
      const filtered = await call('GET', `${LIST}?clientIds=lijst-a,onbekend`, LIST, { token: lezer });
      expect(filtered.json()).toMatchObject({ count: 1, results: [{ url: first.url }] });
      const all = (await call('GET', LIST, LIST, { token: lezer })).json() as { count: number; results: Json[] };
      expect(all.count).toBeGreaterThanOrEqual(2);
      expect((await call('GET', `${LIST}?clientId=lijst-a`, LIST, { token: lezer })).statusCode).toBe(400);

      const read = await call('GET', pathOf(first), DETAIL, { token: lezer });
      expect(read.json()).toEqual(first);
      expect(read.headers.etag).toBeDefined();
      const head = await call('HEAD', pathOf(first), DETAIL, { token: lezer });
      expect(head.headers.etag).toBe(read.headers.etag);
      expect((await call('GET', '/applicaties/0b4d5a5e-6d2c-4c51-9c4b-4b0a6cbf1b99', DETAIL, { token: lezer })).statusCode).toBe(404);
      expect((await call('GET', pathOf(first), DETAIL, { token: otherTenantBeheerder, at: otherTenant })).statusCode).toBe(404);
      expect((await call('GET', LIST, LIST, { token: zonderScopes })).statusCode).toBe(403);
    });

    it('finds the applicatie of a client id (the consumer look-up)', async () => {
      const created = await create(applicatie({ clientIds: ['consumer-a', 'consumer-b'] }));
      const response = await call('GET', `${CONSUMER}?clientId=consumer-b`, CONSUMER, { token: lezer });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([created]);
      expect((await call('GET', `${CONSUMER}?clientId=niemand`, CONSUMER, { token: lezer })).statusCode).toBe(404);
      expect((await call('GET', CONSUMER, CONSUMER, { token: lezer })).statusCode).toBe(404);
      // An unknown query parameter is a 400 as everywhere in ZGW, although this operation documents none.
      const unknown = await test.app.inject({ method: 'GET', url: `${ROOT}${CONSUMER}?clientIds=consumer-a`, headers: { host: hostOf(tenant), authorization: `Bearer ${lezer}` } });
      expect(unknown.statusCode).toBe(400);
    });
  });

  describe('changing and deleting', () => {
    it('replaces everything with PUT and lays the given fields over the stored ones with PATCH', async () => {
      const created = await create(applicatie({ clientIds: ['wijzig-a'] }));
      const put = await call('PUT', pathOf(created), DETAIL, {
        token: beheerder,
        body: { clientIds: ['wijzig-a', 'wijzig-b'], label: 'Nieuwe naam', autorisaties: [{ component: 'ztc', scopes: ['catalogi.lezen'] }] },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({ clientIds: ['wijzig-a', 'wijzig-b'], label: 'Nieuwe naam', autorisaties: [{ component: 'ztc', componentWeergave: 'Catalogi API', scopes: ['catalogi.lezen'] }] });

      const patch = await call('PATCH', pathOf(created), DETAIL, { token: beheerder, body: { heeftAlleAutorisaties: true } });
      expect(patch.statusCode, patch.body).toBe(200);
      expect(patch.json()).toMatchObject({ clientIds: ['wijzig-a', 'wijzig-b'], label: 'Nieuwe naam', heeftAlleAutorisaties: true, autorisaties: [] });

      const taken = await create(applicatie({ clientIds: ['bezet'] }));
      const clash = await call('PATCH', pathOf(created), DETAIL, { token: beheerder, body: { clientIds: ['bezet'] } });
      expect(problemOf(clash).invalidParams).toContainEqual(expect.objectContaining({ code: 'clientId-exists' }));
      expect((await call('GET', pathOf(taken), DETAIL, { token: lezer })).json()).toMatchObject({ clientIds: ['bezet'] });
      const trail = await listAuditTrail(database.db, tenant.id, String(created.url));
      expect(trail.map((entry) => entry.actie)).toEqual(['create', 'update', 'partial_update']);
    });

    it('deletes the applicatie with its client ids and autorisaties: 204, then 404', async () => {
      const created = await create(applicatie({ clientIds: ['weg-a'] }));
      expect((await call('DELETE', pathOf(created), DETAIL, { token: lezer })).statusCode).toBe(403);
      expect((await call('DELETE', pathOf(created), DETAIL, { token: beheerder })).statusCode).toBe(204);
      expect((await call('GET', pathOf(created), DETAIL, { token: lezer })).statusCode).toBe(404);
      const clients = await database.db.selectFrom('api_clients').select('client_id').where('tenant_id', '=', tenant.id).where('client_id', '=', 'weg-a').execute();
      expect(clients).toEqual([]);
    });
  });

  describe('what the other APIs make of it', () => {
    it('gives a client the autorisaties of its applicatie within a second, and takes them away as fast', async () => {
      // A client made by `loket client add` is an applicatie of its own; the API manages it like any other.
      const client = await createTestClient(database.db, test.keys, tenant, { scopes: [] });
      const token = await client.token();
      const own = (await call('GET', `${CONSUMER}?clientId=${client.clientId}`, CONSUMER, { token: lezer })).json() as Json[];
      const path = pathOf(own[0] ?? {});
      const gemeente = () => test.app.inject({ method: 'GET', url: '/autorisaties/api/v1/applicaties', headers: { host: hostOf(tenant), authorization: `Bearer ${token}` } });
      expect((await gemeente()).statusCode).toBe(403);

      await call('PATCH', path, DETAIL, { token: beheerder, body: { autorisaties: [{ component: 'ac', scopes: ['autorisaties.lezen'] }] } });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await gemeente()).statusCode).toBe(200);

      await call('DELETE', path, DETAIL, { token: beheerder });
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await gemeente()).statusCode).toBe(401);
    });

    it('a client id registered through the API cannot sign in until it has a secret', async () => {
      await create(applicatie({ clientIds: ['zonder-geheim'] }));
      const forged = await signZgwToken('zonder-geheim', 'een-geheim-dat-niemand-heeft-gekregen');
      const response = await test.app.inject({ method: 'GET', url: `${ROOT}${LIST}`, headers: { host: hostOf(tenant), authorization: `Bearer ${forged}` } });
      expect(response.statusCode).toBe(401);
    });
  });
});
