import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../../test/fixtures.ts';
import { expectConformsTo, type OpenApiSpec } from '../../../../test/openapi.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../../test/zgw-fixtures.ts';
import { allowBesluittypen, besluitBody, insertTestBesluittype, loadZakenSpec, zrcAutorisatie } from '../../besluiten/besluiten-test-fixtures.ts';

const ROOT = '/zaken/api/v1';
const LIST = '/zaken/{zaak_uuid}/besluiten';
const DETAIL = '/zaken/{zaak_uuid}/besluiten/{uuid}';

type Json = Record<string, unknown>;
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

describe('Zaken API: /zaken/{uuid}/besluiten (ZAAKBESLUIT)', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let zaaktype: TestZaaktype;
  let geheimZaaktype: TestZaaktype;
  let besluittype: { uuid: string; url: string };
  let all: string;
  let otherTenantAll: string;
  let zaakReader: string;
  let zaakWriter: string;
  let zaakForcer: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    spec = await loadZakenSpec();
    zaaktype = await insertTestZaaktype(database.db, tenant);
    geheimZaaktype = await insertTestZaaktype(database.db, tenant, { catalogusUuid: zaaktype.catalogusUuid });
    besluittype = await insertTestBesluittype(database.db, tenant, zaaktype.catalogusUuid);
    await allowBesluittypen(database.db, zaaktype.uuid, [besluittype.uuid]);
    await allowBesluittypen(database.db, geheimZaaktype.uuid, [besluittype.uuid]);
    const client = (options: Parameters<typeof createTestClient>[3], at = tenant) => createTestClient(database.db, test.keys, at, options).then((made) => made.token());
    all = await client({ heeftAlleAutorisaties: true });
    otherTenantAll = await client({ heeftAlleAutorisaties: true }, otherTenant);
    // Reads zaken of one zaaktype only, up to zaakvertrouwelijk.
    zaakReader = await client({ scopes: ['zaken.lezen'], autorisaties: [zrcAutorisatie(zaaktype.url, ['zaken.lezen'], 'zaakvertrouwelijk')] });
    zaakWriter = await client({ scopes: ['zaken.lezen', 'zaken.bijwerken'], autorisaties: [zrcAutorisatie(zaaktype.url, ['zaken.lezen', 'zaken.bijwerken'])] });
    zaakForcer = await client({
      scopes: ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'],
      autorisaties: [zrcAutorisatie(zaaktype.url, ['zaken.lezen', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'])],
    });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  /** Calls the Zaken API and checks the response against the operation in the official spec. */
  async function call(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    template: string,
    options: { token?: string; body?: unknown; at?: Tenant } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant) };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const response = await test.app.inject({ method, url: `${ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    const body = response.body === '' ? undefined : (response.json() as unknown);
    expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    expect(response.headers['api-version']).toBe('1.7.0');
    return response;
  }

  async function besluit(zaakUrl?: string, token = all): Promise<Json> {
    const response = await test.app.inject({
      method: 'POST',
      url: '/besluiten/api/v1/besluiten',
      headers: { host: hostOf(tenant), authorization: `Bearer ${token}` },
      payload: besluitBody(besluittype.url, zaakUrl === undefined ? {} : { zaak: zaakUrl }),
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  function problemOf(response: LightMyRequestResponse): Problem {
    return response.json() as Problem;
  }

  describe('listing and reading (zaakbesluit_list, zaakbesluit_retrieve)', () => {
    it('lists the besluiten of the zaak, newest first, each with its own url and uuid', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const first = await besluit(zaak.url);
      const second = await besluit(zaak.url);
      await besluit();
      const response = await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: zaakReader });
      expect(response.statusCode).toBe(200);
      const relations = response.json() as Json[];
      expect(relations.map((relation) => relation.besluit)).toEqual([second.url, first.url]);
      for (const relation of relations) expect(relation.url).toBe(`http://${hostOf(tenant)}${ROOT}/zaken/${zaak.uuid}/besluiten/${String(relation.uuid)}`);
    });

    it('reads one ZAAKBESLUIT, and expands its besluit with the Besluiten API presentation', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const owned = await besluit(zaak.url);
      const [relation] = (await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all })).json() as Json[];
      const response = await call('GET', `/zaken/${zaak.uuid}/besluiten/${String(relation?.uuid)}?expand=besluit`, DETAIL, { token: zaakReader });
      expect(response.json()).toEqual({ ...relation, _expand: { besluit: owned } });
      const listed = (await call('GET', `/zaken/${zaak.uuid}/besluiten?expand=besluit`, LIST, { token: all })).json() as Json[];
      expect(listed[0]?._expand).toEqual({ besluit: owned });
      // Deeper: the besluit's besluittype, as the Catalogi API presents it.
      const nested = (await call('GET', `/zaken/${zaak.uuid}/besluiten?expand=besluit.besluittype`, LIST, { token: all })).json() as Json[];
      const besluitExpanded = (nested[0]?._expand as { besluit: Json } | undefined)?.besluit;
      expect((besluitExpanded?._expand as Json | undefined)?.besluittype).toMatchObject({ url: besluittype.url });
    });

    it('is a 404 for a relation of another zaak, an unknown zaak, or another tenant; an unknown zaak lists nothing', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      await besluit(zaak.url);
      const [relation] = (await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all })).json() as Json[];
      expect((await call('GET', `/zaken/${other.uuid}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', `/zaken/${randomUUID()}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', `/zaken/${zaak.uuid}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: otherTenantAll, at: otherTenant })).statusCode).toBe(404);
      expect((await call('GET', `/zaken/${randomUUID()}/besluiten`, LIST, { token: all })).json()).toEqual([]);
      expect((await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: otherTenantAll, at: otherTenant })).json()).toEqual([]);
    });

    it('zrc-006: is a 403 for a zaak whose zaaktype or vertrouwelijkheid the caller may not read', async () => {
      const foreign = await insertTestZaak(database.db, tenant, geheimZaaktype);
      const secret = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      expect((await call('GET', `/zaken/${foreign.uuid}/besluiten`, LIST, { token: zaakReader })).statusCode).toBe(403);
      expect((await call('GET', `/zaken/${secret.uuid}/besluiten`, LIST, { token: zaakReader })).statusCode).toBe(403);
    });

    it('refuses an unknown query parameter and an expand that is no relation (400; zaakbesluit_list documents none, so checked by hand)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const get = (query: string) => test.app.inject({ url: `${ROOT}/zaken/${zaak.uuid}/besluiten${query}`, headers: { host: hostOf(tenant), authorization: `Bearer ${all}` } });
      const unknown = await get('?besluit=x');
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown).code).toBe('unknown-parameters');
      const expand = await get('?expand=zaak');
      expect(expand.statusCode).toBe(400);
      expect(problemOf(expand).invalidParams).toEqual([expect.objectContaining({ name: 'expand', code: 'invalid' })]);
    });
  });

  describe('creating (zaakbesluit_create): the Besluiten API mirroring a relation', () => {
    it('brc-006: confirms the relation a besluit of this zaak already has (201 with it)', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const owned = await besluit(zaak.url);
      const response = await call('POST', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: zaakWriter, body: { besluit: owned.url } });
      expect(response.statusCode).toBe(201);
      const [relation] = (await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all })).json() as Json[];
      expect(response.json()).toEqual(relation);
      expect(response.headers.location).toBe(relation?.url);
    });

    it('brc-006: refuses a besluit of another zaak or without zaak (inconsistent-relation), and a URL that is no besluit', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      for (const owned of [await besluit(other.url), await besluit()]) {
        const response = await call('POST', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all, body: { besluit: owned.url } });
        expect(response.statusCode).toBe(400);
        expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'nonFieldErrors', code: 'inconsistent-relation' })]);
      }
      const bad = await call('POST', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all, body: { besluit: `http://${hostOf(tenant)}/besluiten/api/v1/besluiten/${randomUUID()}` } });
      expect(problemOf(bad).invalidParams).toEqual([expect.objectContaining({ name: 'besluit', code: 'bad-url' })]);
    });

    it('refuses an unknown zaak (400: the operation validates the zaak URL) and needs zaken.bijwerken for the zaak', async () => {
      const owned = await besluit();
      const unknown = await call('POST', `/zaken/${randomUUID()}/besluiten`, LIST, { token: all, body: { besluit: owned.url } });
      expect(unknown.statusCode).toBe(400);
      expect(problemOf(unknown).invalidParams).toEqual([expect.objectContaining({ name: 'zaak', code: 'bad-url' })]);
      const foreign = await insertTestZaak(database.db, tenant, geheimZaaktype);
      expect((await call('POST', `/zaken/${foreign.uuid}/besluiten`, LIST, { token: zaakWriter, body: { besluit: owned.url } })).statusCode).toBe(403);
      expect((await call('POST', `/zaken/${foreign.uuid}/besluiten`, LIST, { token: zaakReader, body: { besluit: owned.url } })).statusCode).toBe(403);
    });

    it('zrc-007: on a closed zaak only with zaken.geforceerd-bijwerken', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-01-31' });
      const owned = await besluit(closed.url);
      expect((await call('POST', `/zaken/${closed.uuid}/besluiten`, LIST, { token: zaakWriter, body: { besluit: owned.url } })).statusCode).toBe(403);
      expect((await call('POST', `/zaken/${closed.uuid}/besluiten`, LIST, { token: zaakForcer, body: { besluit: owned.url } })).statusCode).toBe(201);
    });
  });

  describe('deleting (zaakbesluit_destroy)', () => {
    it('brc-006: refuses to end a relation its besluit still names (409): deleting the besluit ends it', async () => {
      const zaak = await insertTestZaak(database.db, tenant, zaaktype);
      const owned = await besluit(zaak.url);
      const [relation] = (await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all })).json() as Json[];
      const response = await call('DELETE', `/zaken/${zaak.uuid}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: zaakWriter });
      expect(response.statusCode).toBe(409);
      expect((await call('GET', `/zaken/${zaak.uuid}/besluiten`, LIST, { token: all })).json()).toHaveLength(1);
      const deleted = await test.app.inject({ method: 'DELETE', url: `/besluiten/api/v1/besluiten/${String(owned.url).split('/').pop()}`, headers: { host: hostOf(tenant), authorization: `Bearer ${all}` } });
      expect(deleted.statusCode).toBe(204);
      expect((await call('DELETE', `/zaken/${zaak.uuid}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: zaakWriter })).statusCode).toBe(404);
    });

    it('zrc-007: on a closed zaak only with zaken.geforceerd-bijwerken; 403 outside the caller zaaktypen', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-01-31' });
      await besluit(closed.url);
      const [relation] = (await call('GET', `/zaken/${closed.uuid}/besluiten`, LIST, { token: all })).json() as Json[];
      expect((await call('DELETE', `/zaken/${closed.uuid}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: zaakWriter })).statusCode).toBe(403);
      expect((await call('DELETE', `/zaken/${closed.uuid}/besluiten/${String(relation?.uuid)}`, DETAIL, { token: zaakForcer })).statusCode).toBe(409);
      const foreign = await insertTestZaak(database.db, tenant, geheimZaaktype);
      expect((await call('DELETE', `/zaken/${foreign.uuid}/besluiten/${randomUUID()}`, DETAIL, { token: zaakWriter })).statusCode).toBe(403);
    });
  });

  it('a zaak with besluiten cannot be deleted while they exist (the besluit is a decision in its own register)', async () => {
    const zaak = await insertTestZaak(database.db, tenant, zaaktype);
    await besluit(zaak.url);
    await expect(database.db.deleteFrom('zaken').where('uuid', '=', zaak.uuid).execute()).rejects.toThrow();
  });
});
