import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { buildApp } from '../../platform/http/app.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { expectConformsTo, type OpenApiSpec } from '../../../test/openapi.ts';
import { insertTestCatalogus } from '../../../test/zgw-fixtures.ts';
import { besluitBody, brcAutorisatie, insertTestBesluittype, loadBesluitenSpec } from './besluiten-test-fixtures.ts';
import { registerBesluiten } from './routes.ts';
import { DOCUMENTEN_API_PENDING, type Documenten } from './shared/documenten.ts';

const ROOT = '/besluiten/api/v1';
const LIST = '/besluitinformatieobjecten';
const DETAIL = '/besluitinformatieobjecten/{uuid}';

type Json = Record<string, unknown>;
type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

/** A Documenten API stand-in that knows some informatieobjecten and records the mirrored relations. */
class FakeDocumenten implements Documenten {
  readonly types = new Map<string, string>();
  readonly links: string[] = [];
  /** linkBesluit fails for this informatieobject, as a Documenten API that refuses the mirror would. */
  failFor: string | undefined;

  async findInformatieobject(_db: unknown, _tenantId: string, uuid: string) {
    const type = this.types.get(uuid);
    return type === undefined ? null : { informatieobjecttypeUuid: type };
  }
  async linkBesluit(_trx: unknown, _tenantId: string, relation: { informatieobjectUuid: string; besluitUuid: string }) {
    if (relation.informatieobjectUuid === this.failFor) throw new Error('Documenten API weigert de relatie');
    this.links.push(`+${relation.informatieobjectUuid}>${relation.besluitUuid}`);
  }
  async unlinkBesluit(_trx: unknown, _tenantId: string, relation: { informatieobjectUuid: string; besluitUuid: string }) {
    this.links.push(`-${relation.informatieobjectUuid}>${relation.besluitUuid}`);
  }
}

describe('Besluiten API: besluitinformatieobjecten', () => {
  let database: TestDatabase;
  let test: TestApp;
  let withDocumenten: FastifyInstance;
  let standIn: FastifyInstance;
  const documenten = new FakeDocumenten();
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let besluittype: { uuid: string; url: string };
  let otherBesluittype: { uuid: string; url: string };
  const informatieobjecttype = randomUUID();
  let all: string;
  let otherTenantAll: string;
  let typeClient: string;
  let reader: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    // The same Besluiten API with a Documenten API that can answer (brc-003, brc-005, brc-008).
    withDocumenten = await buildApp(test.context, (app) => registerBesluiten(app, test.context, { documenten }));
    await withDocumenten.ready();
    // Loket's own Documenten API answers in the full app; most tests here are about the relation itself, so by default
    // they use the Besluiten API with the stand-in that verifies no document (the checks: `withDocumenten`, and
    // Loket's own in ../documenten/objectinformatieobjecten.test.ts).
    standIn = await buildApp(test.context, (app) => registerBesluiten(app, test.context, { documenten: DOCUMENTEN_API_PENDING }));
    await standIn.ready();
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db);
    spec = await loadBesluitenSpec();
    const catalogus = await insertTestCatalogus(database.db, tenant);
    besluittype = await insertTestBesluittype(database.db, tenant, catalogus, { informatieobjecttypeUuids: [informatieobjecttype] });
    otherBesluittype = await insertTestBesluittype(database.db, tenant, catalogus);
    const client = (options: Parameters<typeof createTestClient>[3], at = tenant) => createTestClient(database.db, test.keys, at, options).then((made) => made.token());
    all = await client({ heeftAlleAutorisaties: true });
    otherTenantAll = await client({ heeftAlleAutorisaties: true }, otherTenant);
    const scopes = ['besluiten.lezen', 'besluiten.aanmaken', 'besluiten.verwijderen'];
    typeClient = await client({ scopes, autorisaties: [brcAutorisatie(besluittype.url, scopes)] });
    reader = await client({ scopes: ['besluiten.lezen'], autorisaties: [brcAutorisatie(besluittype.url, ['besluiten.lezen'])] });
  });
  afterAll(async () => {
    await withDocumenten.close();
    await standIn.close();
    await test.app.close();
    await database.close();
  });

  /** Calls the API (by default the one without Documenten API) and checks the response against the spec. */
  async function call(
    method: 'GET' | 'POST' | 'DELETE' | 'HEAD',
    url: string,
    template: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; at?: Tenant; app?: FastifyInstance } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { host: hostOf(options.at ?? tenant), ...options.headers };
    if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
    const app = options.app ?? standIn;
    const response = await app.inject({ method, url: `${ROOT}${url}`, headers, ...(options.body === undefined ? {} : { payload: options.body as Json }) });
    if (response.statusCode !== 304 && method !== 'HEAD') {
      const body = response.body === '' ? undefined : (response.json() as unknown);
      expectConformsTo(spec, { method, path: template, status: response.statusCode, contentType: response.headers['content-type'], body });
    }
    expect(response.headers['api-version']).toBe('1.1.0');
    return response;
  }

  function documentUrl(uuid: string, at: Tenant = tenant): string {
    return `http://${hostOf(at)}/documenten/api/v1/enkelvoudiginformatieobjecten/${uuid}`;
  }

  async function besluit(type = besluittype, token = all): Promise<Json> {
    const response = await call('POST', '/besluiten', '/besluiten', { token, body: besluitBody(type.url) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function relate(besluitUrl: unknown, informatieobject: string, options: { token?: string; app?: FastifyInstance } = {}): Promise<LightMyRequestResponse> {
    return call('POST', LIST, LIST, { token: options.token ?? all, app: options.app, body: { besluit: besluitUrl, informatieobject } });
  }

  function uuidOf(url: unknown): string {
    return String(url).split('/').pop() ?? '';
  }

  function problemOf(response: LightMyRequestResponse): Problem {
    return response.json() as Problem;
  }

  describe('creating (besluitinformatieobject_create)', () => {
    it('relates an informatieobject to a besluit: 201 with Location, recorded in the besluit audit trail, published on kanaal besluiten', async () => {
      const owner = await besluit();
      const document = documentUrl(randomUUID());
      const response = await relate(owner.url, document);
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(body).toMatchObject({ besluit: owner.url, informatieobject: document });
      expect(response.headers.location).toBe(body.url);
      const records = await listAuditTrail(database.db, tenant.id, String(owner.url));
      expect(records.map((record) => [record.bron, record.resource, record.actie])).toEqual([
        ['brc', 'besluit', 'create'],
        ['brc', 'besluitinformatieobject', 'create'],
      ]);
      const messages = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', 'zgw-notificatie').execute();
      const message = messages.map((row) => row.payload as Json).find((payload) => payload.resourceUrl === body.url);
      expect(message).toMatchObject({ kanaal: 'besluiten', hoofdObject: owner.url, resource: 'besluitinformatieobject', actie: 'create', kenmerken: { besluittype: besluittype.url } });
    });

    it('brc-003: refuses an informatieobject URL that is no enkelvoudiginformatieobject of the Documenten API (bad-url)', async () => {
      const owner = await besluit();
      for (const url of ['https://example.com/documenten/api/v1/enkelvoudiginformatieobjecten/niet-een-uuid', `http://${hostOf(tenant)}/zaken/api/v1/zaken/${randomUUID()}`]) {
        const response = await relate(owner.url, url);
        expect(response.statusCode).toBe(400);
        expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'informatieobject', code: 'bad-url' })]);
      }
    });

    it('brc-003: refuses an informatieobject the Documenten API does not know', async () => {
      const owner = await besluit();
      const response = await relate(owner.url, documentUrl(randomUUID()), { app: withDocumenten });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'informatieobject', code: 'bad-url' })]);
    });

    it('brc-008: the informatieobjecttype must be one of the besluittype informatieobjecttypen', async () => {
      const known = randomUUID();
      documenten.types.set(known, informatieobjecttype);
      const strange = randomUUID();
      documenten.types.set(strange, randomUUID());
      const owner = await besluit();
      const refused = await relate(owner.url, documentUrl(strange), { app: withDocumenten });
      expect(refused.statusCode).toBe(400);
      expect(problemOf(refused).invalidParams).toEqual([expect.objectContaining({ name: 'nonFieldErrors', code: 'missing-besluittype-informatieobjecttype-relation' })]);
      expect((await relate(owner.url, documentUrl(known), { app: withDocumenten })).statusCode).toBe(201);
      // A besluittype without informatieobjecttypen allows none.
      const bare = await besluit(otherBesluittype);
      expect((await relate(bare.url, documentUrl(known), { app: withDocumenten })).statusCode).toBe(400);
    });

    it('brc-005: mirrors the relation in the Documenten API in the same transaction (a refused mirror stores nothing)', async () => {
      const document = randomUUID();
      documenten.types.set(document, informatieobjecttype);
      const owner = await besluit();
      expect((await relate(owner.url, documentUrl(document), { app: withDocumenten })).statusCode).toBe(201);
      expect(documenten.links).toContain(`+${document}>${uuidOf(owner.url)}`);

      const refusedDocument = randomUUID();
      documenten.types.set(refusedDocument, informatieobjecttype);
      documenten.failFor = refusedDocument;
      const failed = await withDocumenten.inject({
        method: 'POST',
        url: `${ROOT}${LIST}`,
        headers: { host: hostOf(tenant), authorization: `Bearer ${all}` },
        payload: { besluit: owner.url, informatieobject: documentUrl(refusedDocument) },
      });
      expect(failed.statusCode).toBe(500);
      documenten.failFor = undefined;
      const stored = await database.db.selectFrom('besluitinformatieobjecten').select('informatieobject_uuid').where('besluit_uuid', '=', uuidOf(owner.url)).execute();
      expect(stored.map((row) => row.informatieobject_uuid)).toEqual([document]);
    });

    it('relates an informatieobject to a besluit once (unique), but to several besluiten', async () => {
      const document = documentUrl(randomUUID());
      const first = await besluit();
      expect((await relate(first.url, document)).statusCode).toBe(201);
      const again = await relate(first.url, document.replace(hostOf(tenant), 'loket.example.org'));
      expect(again.statusCode).toBe(400);
      expect(problemOf(again).invalidParams).toEqual([expect.objectContaining({ name: 'nonFieldErrors', code: 'unique' })]);
      expect((await relate((await besluit()).url, document)).statusCode).toBe(201);
    });

    it('refuses a besluit URL that is no besluit of the tenant (bad-url), listing it with the other problems', async () => {
      const response = await relate(`http://${hostOf(tenant)}${ROOT}/besluiten/${randomUUID()}`, 'https://example.com/document/1');
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams?.map((param) => [param.name, param.code]).sort()).toEqual([
        ['besluit', 'bad-url'],
        ['informatieobject', 'bad-url'],
      ]);
      const owner = await besluit();
      const elsewhere = await call('POST', LIST, LIST, { token: otherTenantAll, at: otherTenant, body: { besluit: owner.url, informatieobject: documentUrl(randomUUID(), otherTenant) } });
      expect(problemOf(elsewhere).invalidParams).toEqual([expect.objectContaining({ name: 'besluit', code: 'bad-url' })]);
    });

    it('needs besluiten.aanmaken for the besluit besluittype (403)', async () => {
      const foreign = await besluit(otherBesluittype);
      expect((await relate(foreign.url, documentUrl(randomUUID()), { token: typeClient })).statusCode).toBe(403);
      expect((await relate((await besluit()).url, documentUrl(randomUUID()), { token: reader })).statusCode).toBe(403);
      expect((await relate((await besluit()).url, documentUrl(randomUUID()), { token: typeClient })).statusCode).toBe(201);
    });
  });

  describe('listing and reading', () => {
    let listTenant: Tenant;
    let listAll: string;
    let listReader: string;
    let ownBesluit: Json;
    let foreignBesluit: Json;
    const shared = randomUUID();

    beforeAll(async () => {
      listTenant = await createTestTenant(database.db);
      const catalogus = await insertTestCatalogus(database.db, listTenant);
      const own = await insertTestBesluittype(database.db, listTenant, catalogus);
      const foreign = await insertTestBesluittype(database.db, listTenant, catalogus);
      listAll = await (await createTestClient(database.db, test.keys, listTenant, { heeftAlleAutorisaties: true })).token();
      listReader = await (await createTestClient(database.db, test.keys, listTenant, { scopes: ['besluiten.lezen'], autorisaties: [brcAutorisatie(own.url, ['besluiten.lezen'])] })).token();
      const post = async (url: string, body: Json) =>
        (await standIn.inject({ method: 'POST', url: `${ROOT}${url}`, headers: { host: hostOf(listTenant), authorization: `Bearer ${listAll}` }, payload: body })).json() as Json;
      ownBesluit = await post('/besluiten', besluitBody(own.url));
      foreignBesluit = await post('/besluiten', besluitBody(foreign.url));
      await post(LIST, { besluit: ownBesluit.url, informatieobject: documentUrl(shared, listTenant) });
      await post(LIST, { besluit: ownBesluit.url, informatieobject: documentUrl(randomUUID(), listTenant) });
      await post(LIST, { besluit: foreignBesluit.url, informatieobject: documentUrl(shared, listTenant) });
    });

    async function list(query: string, token = listAll): Promise<Json[]> {
      const response = await call('GET', `${LIST}${query}`, LIST, { token, at: listTenant });
      expect(response.statusCode).toBe(200);
      return response.json() as Json[];
    }

    it('lists the relations (a plain array, oldest first) and filters on besluit and informatieobject', async () => {
      expect(await list('')).toHaveLength(3);
      expect((await list(`?besluit=${encodeURIComponent(String(ownBesluit.url))}`)).map((relation) => relation.besluit)).toEqual([ownBesluit.url, ownBesluit.url]);
      expect((await list(`?informatieobject=${encodeURIComponent(documentUrl(shared, listTenant))}`)).map((relation) => relation.besluit)).toEqual([ownBesluit.url, foreignBesluit.url]);
      expect(await list(`?besluit=${encodeURIComponent('https://example.com/iets')}`)).toEqual([]);
    });

    it('shows a caller only the relations of besluiten of its besluittypen, filtered in the query', async () => {
      expect((await list('', listReader)).map((relation) => relation.besluit)).toEqual([ownBesluit.url, ownBesluit.url]);
    });

    it('refuses an unknown query parameter', async () => {
      const response = await call('GET', `${LIST}?zaak=x`, LIST, { token: listAll, at: listTenant });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).code).toBe('unknown-parameters');
    });

    it('expands the besluit (its own presenter), and refuses to expand the informatieobject until the Documenten API exists', async () => {
      const [first] = await list('?expand=besluit');
      expect(first?._expand).toEqual({ besluit: ownBesluit });
      const refused = await call('GET', `${LIST}?expand=informatieobject`, LIST, { token: listAll, at: listTenant });
      expect(refused.statusCode).toBe(400);
    });

    it('reads one relation with an ETag (HEAD alike, 304 when it matches); 403 outside the caller types; 404 elsewhere', async () => {
      const [relation, , foreign] = await list('');
      const url = `/besluitinformatieobjecten/${uuidOf(relation?.url)}`;
      const response = await call('GET', url, DETAIL, { token: listReader, at: listTenant });
      expect(response.json()).toEqual(relation);
      const etag = String(response.headers.etag);
      expect((await call('HEAD', url, DETAIL, { token: listReader, at: listTenant })).headers.etag).toBe(etag);
      expect((await call('GET', url, DETAIL, { token: listReader, at: listTenant, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
      expect((await call('GET', `/besluitinformatieobjecten/${uuidOf(foreign?.url)}`, DETAIL, { token: listReader, at: listTenant })).statusCode).toBe(403);
      expect((await call('GET', url, DETAIL, { token: otherTenantAll, at: otherTenant })).statusCode).toBe(404);
      expect((await call('GET', `/besluitinformatieobjecten/${randomUUID()}`, DETAIL, { token: listAll, at: listTenant })).statusCode).toBe(404);
    });
  });

  describe('deleting (besluitinformatieobject_delete)', () => {
    it('brc-005: removes the relation and its mirror, recording the removal in the besluit audit trail', async () => {
      const document = randomUUID();
      documenten.types.set(document, informatieobjecttype);
      const owner = await besluit();
      const relation = (await relate(owner.url, documentUrl(document), { app: withDocumenten })).json() as Json;
      const response = await call('DELETE', `/besluitinformatieobjecten/${uuidOf(relation.url)}`, DETAIL, { token: typeClient, app: withDocumenten });
      expect(response.statusCode).toBe(204);
      expect(documenten.links).toContain(`-${document}>${uuidOf(owner.url)}`);
      expect((await call('GET', `/besluitinformatieobjecten/${uuidOf(relation.url)}`, DETAIL, { token: all })).statusCode).toBe(404);
      const records = await listAuditTrail(database.db, tenant.id, String(owner.url));
      expect(records.at(-1)).toMatchObject({ resource: 'besluitinformatieobject', actie: 'destroy', resultaat: 204 });
    });

    it('brc-009: deleting the besluit removes the mirrors of its relations too', async () => {
      const document = randomUUID();
      documenten.types.set(document, informatieobjecttype);
      const owner = await besluit();
      expect((await relate(owner.url, documentUrl(document), { app: withDocumenten })).statusCode).toBe(201);
      expect((await call('DELETE', `/besluiten/${uuidOf(owner.url)}`, '/besluiten/{uuid}', { token: all, app: withDocumenten })).statusCode).toBe(204);
      expect(documenten.links).toContain(`-${document}>${uuidOf(owner.url)}`);
    });

    it('needs besluiten.verwijderen for the besluit besluittype (403), and is a 404 for an unknown relation', async () => {
      const foreign = await besluit(otherBesluittype);
      const relation = (await relate(foreign.url, documentUrl(randomUUID()))).json() as Json;
      expect((await call('DELETE', `/besluitinformatieobjecten/${uuidOf(relation.url)}`, DETAIL, { token: typeClient })).statusCode).toBe(403);
      expect((await call('DELETE', `/besluitinformatieobjecten/${randomUUID()}`, DETAIL, { token: all })).statusCode).toBe(404);
    });
  });
});
