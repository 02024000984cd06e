import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { apiCaller, loadNotificatiesSpec, message, type Json } from './notificaties-test-kit.ts';
import { MASKED_AUTH } from './abonnementen/present.ts';

const KANALEN = '/kanaal';
const KANAAL = '/kanaal/{uuid}';
const ABONNEMENTEN = '/abonnement';
const ABONNEMENT = '/abonnement/{uuid}';
const NOTIFICATIES = '/notificaties';

type Problem = { code: string; invalidParams?: { name: string; code: string }[] };

describe('Notificaties API: kanalen, abonnementen and publishing', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let publisher: string;
  let consumer: string;
  let otherConsumer: string;
  let both: string;
  let unrelated: string;
  let otherTenantAll: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db, 'Gemeente Anders');
    spec = await loadNotificatiesSpec();
    const client = async (scopes: string[], at = tenant) => (await createTestClient(database.db, test.keys, at, { scopes })).token();
    publisher = await client(['notificaties.publiceren']);
    consumer = await client(['notificaties.consumeren']);
    otherConsumer = await client(['notificaties.consumeren']);
    both = await client(['notificaties.publiceren', 'notificaties.consumeren']);
    unrelated = await client(['zaken.lezen']);
    otherTenantAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const call = apiCaller(
    () => test,
    () => spec,
    () => tenant,
  );

  function base(at: Tenant = tenant): string {
    return `http://${hostOf(at)}/notificaties/api/v1`;
  }

  function uuidOf(json: Json): string {
    return String(json.url).split('/').pop() ?? '';
  }

  function problemOf(response: LightMyRequestResponse): Problem {
    return response.json() as Problem;
  }

  function abonnementBody(overrides: Json = {}): Json {
    return {
      callbackUrl: 'https://ontvanger.example/api/callback',
      auth: 'Bearer geheim-123',
      kanalen: [{ naam: 'zaken', filters: { bronorganisatie: '002220647' } }],
      ...overrides,
    };
  }

  describe('kanalen', () => {
    it("lists Loket's own kanalen for every tenant, with their kenmerken as filters (kanaal_list)", async () => {
      const response = await call('GET', KANALEN, KANALEN, { token: consumer });
      expect(response.statusCode).toBe(200);
      const kanalen = response.json() as Json[];
      const namen = kanalen.map((kanaal) => kanaal.naam);
      for (const naam of ['zaken', 'documenten', 'besluiten', 'zaaktypen', 'besluittypen', 'informatieobjecttypen', 'catalogussen', 'autorisaties']) {
        expect(namen).toContain(naam);
      }
      expect(kanalen.find((kanaal) => kanaal.naam === 'zaken')).toMatchObject({ filters: ['bronorganisatie', 'zaaktype', 'vertrouwelijkheidaanduiding'] });
      expect(String(kanalen[0]?.url)).toMatch(new RegExp(`^${base()}/kanaal/[0-9a-f-]{36}$`));
      // The other tenant has the same kanalen under its own host.
      const other = await call('GET', KANALEN, KANALEN, { token: otherTenantAll, at: otherTenant });
      expect((other.json() as Json[]).find((kanaal) => kanaal.naam === 'zaken')?.url).toMatch(new RegExp(`^${base(otherTenant)}/`));
    });

    it('filters on naam exactly', async () => {
      const response = await call('GET', `${KANALEN}?naam=besluiten`, KANALEN, { token: publisher });
      expect((response.json() as Json[]).map((kanaal) => kanaal.naam)).toEqual(['besluiten']);
      const none = await call('GET', `${KANALEN}?naam=besluit`, KANALEN, { token: publisher });
      expect(none.json()).toEqual([]);
    });

    it('refuses an unknown query parameter', async () => {
      const response = await call('GET', `${KANALEN}?nam=zaken`, null, { token: publisher });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).code).toBe('unknown-parameters');
    });

    it('registers a publisher’s kanaal and reads it back (kanaal_create, kanaal_read)', async () => {
      const created = await call('POST', KANALEN, KANALEN, {
        token: publisher,
        body: { naam: 'meldingen', documentatieLink: 'https://meldingen.example/docs', filters: ['categorie', 'wijk'] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const kanaal = created.json() as Json;
      expect(created.headers.location).toBe(kanaal.url);
      expect(kanaal).toMatchObject({ naam: 'meldingen', documentatieLink: 'https://meldingen.example/docs', filters: ['categorie', 'wijk'] });

      const read = await call('GET', `${KANALEN}/${uuidOf(kanaal)}`, KANAAL, { token: consumer });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(kanaal);
      expect((await call('GET', `${KANALEN}?naam=meldingen`, KANALEN, { token: consumer })).json()).toEqual([kanaal]);
    });

    it("reads one of Loket's own kanalen by its uuid", async () => {
      const [zaken] = (await call('GET', `${KANALEN}?naam=zaken`, KANALEN, { token: consumer })).json() as Json[];
      const read = await call('GET', `${KANALEN}/${uuidOf(zaken ?? {})}`, KANAAL, { token: consumer });
      expect(read.statusCode).toBe(200);
      expect(read.json()).toEqual(zaken);
    });

    it('keeps kanaal names unique, Loket’s own included, and reports every problem at once', async () => {
      await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: 'dubbel' } });
      const again = await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: 'dubbel' } });
      expect(again.statusCode).toBe(400);
      expect(problemOf(again).invalidParams).toEqual([expect.objectContaining({ name: 'naam', code: 'unique' })]);

      const eigen = await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: 'zaken', documentatieLink: 'geen url' } });
      expect(eigen.statusCode).toBe(400);
      expect(problemOf(eigen).invalidParams?.map((param) => `${param.name}:${param.code}`).sort()).toEqual(['documentatieLink:invalid', 'naam:unique']);

      const wrong = await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: '', filters: [''] } });
      expect(wrong.statusCode).toBe(400);
      expect(problemOf(wrong).invalidParams?.map((param) => param.name).sort()).toEqual(['filters.0', 'naam']);
    });

    it('answers 404 for an unknown or malformed kanaal uuid', async () => {
      expect((await call('GET', `${KANALEN}/6f1c1a52-3f7b-4a4c-9a43-8c2b6a0d9e10`, KANAAL, { token: consumer })).statusCode).toBe(404);
      expect((await call('GET', `${KANALEN}/geen-uuid`, KANAAL, { token: consumer })).statusCode).toBe(404);
    });

    it('requires the scopes the spec names', async () => {
      expect((await call('GET', KANALEN, KANALEN, {})).statusCode).toBe(401);
      expect((await call('GET', KANALEN, KANALEN, { token: unrelated })).statusCode).toBe(403);
      expect((await call('POST', KANALEN, KANALEN, { token: consumer, body: { naam: 'niet-van-mij' } })).statusCode).toBe(403);
      expect((await call('GET', `${KANALEN}?naam=niet-van-mij`, KANALEN, { token: consumer })).json()).toEqual([]);
    });

    it('keeps a tenant’s registered kanalen from other tenants', async () => {
      const created = (await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: 'alleen-hier' } })).json() as Json;
      expect((await call('GET', `${KANALEN}?naam=alleen-hier`, KANALEN, { token: otherTenantAll, at: otherTenant })).json()).toEqual([]);
      expect((await call('GET', `${KANALEN}/${uuidOf(created)}`, KANAAL, { token: otherTenantAll, at: otherTenant })).statusCode).toBe(404);
      // The other tenant may register the same name for itself.
      expect((await call('POST', KANALEN, KANALEN, { token: otherTenantAll, at: otherTenant, body: { naam: 'alleen-hier' } })).statusCode).toBe(201);
    });
  });

  describe('abonnementen', () => {
    it('creates, lists, reads, updates, partially updates and deletes an abonnement (every abonnement operation)', async () => {
      const created = await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: abonnementBody() });
      expect(created.statusCode, created.body).toBe(201);
      const abonnement = created.json() as Json;
      expect(created.headers.location).toBe(abonnement.url);
      expect(abonnement).toEqual({ ...abonnementBody(), url: expect.stringMatching(new RegExp(`^${base()}/abonnement/`)) });
      const uuid = uuidOf(abonnement);

      const list = await call('GET', ABONNEMENTEN, ABONNEMENTEN, { token: consumer });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toContainEqual(abonnement);

      const read = await call('GET', `${ABONNEMENTEN}/${uuid}`, ABONNEMENT, { token: consumer });
      expect(read.json()).toEqual(abonnement);

      const updated = await call('PUT', `${ABONNEMENTEN}/${uuid}`, ABONNEMENT, {
        token: consumer,
        body: abonnementBody({ callbackUrl: 'http://ontvanger.example/nieuw', auth: 'Token nieuw', kanalen: [{ naam: 'besluiten' }] }),
      });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json()).toMatchObject({ callbackUrl: 'http://ontvanger.example/nieuw', auth: 'Token nieuw', kanalen: [{ naam: 'besluiten', filters: {} }] });

      const patched = await call('PATCH', `${ABONNEMENTEN}/${uuid}`, ABONNEMENT, {
        token: consumer,
        body: { kanalen: [{ naam: 'zaken', filters: { zaaktype: '*' } }, { naam: 'documenten' }] },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({
        callbackUrl: 'http://ontvanger.example/nieuw',
        auth: 'Token nieuw',
        kanalen: [
          { naam: 'zaken', filters: { zaaktype: '*' } },
          { naam: 'documenten', filters: {} },
        ],
      });

      const deleted = await call('DELETE', `${ABONNEMENTEN}/${uuid}`, ABONNEMENT, { token: consumer });
      expect(deleted.statusCode).toBe(204);
      expect((await call('GET', `${ABONNEMENTEN}/${uuid}`, ABONNEMENT, { token: consumer })).statusCode).toBe(404);
      expect((await call('DELETE', `${ABONNEMENTEN}/${uuid}`, ABONNEMENT, { token: consumer })).statusCode).toBe(404);
    });

    it('stores the auth header encrypted and shows it only to the client that registered it', async () => {
      const abonnement = (await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: abonnementBody({ auth: 'Bearer alleen-voor-mij' }) })).json() as Json;
      const row = await database.db.selectFrom('notificaties_abonnementen').select('auth_encrypted').where('uuid', '=', uuidOf(abonnement)).executeTakeFirstOrThrow();
      expect(row.auth_encrypted).not.toContain('alleen-voor-mij');
      expect(test.keys.decrypt(row.auth_encrypted)).toBe('Bearer alleen-voor-mij');

      const seenByOther = (await call('GET', `${ABONNEMENTEN}/${uuidOf(abonnement)}`, ABONNEMENT, { token: otherConsumer })).json() as Json;
      expect(seenByOther.auth).toBe(MASKED_AUTH);
      expect(((await call('GET', ABONNEMENTEN, ABONNEMENTEN, { token: publisher })).json() as Json[]).find((item) => item.url === abonnement.url)?.auth).toBe(MASKED_AUTH);

      // Echoing the masked value back keeps the stored header.
      const echoed = await call('PUT', `${ABONNEMENTEN}/${uuidOf(abonnement)}`, ABONNEMENT, { token: otherConsumer, body: { ...seenByOther, callbackUrl: 'https://elders.example/cb' } });
      expect(echoed.statusCode, echoed.body).toBe(200);
      const after = await database.db.selectFrom('notificaties_abonnementen').select('auth_encrypted').where('uuid', '=', uuidOf(abonnement)).executeTakeFirstOrThrow();
      expect(test.keys.decrypt(after.auth_encrypted)).toBe('Bearer alleen-voor-mij');
    });

    it('accepts only http(s) callbacks, existing kanalen and filters on their kenmerken, reporting every problem', async () => {
      const response = await call('POST', ABONNEMENTEN, ABONNEMENTEN, {
        token: consumer,
        body: {
          callbackUrl: 'ftp://ontvanger.example/cb',
          auth: 'Bearer x',
          kanalen: [
            { naam: 'bestaat-niet' },
            { naam: 'zaken', filters: { postcode: '1234AB' } },
          ],
        },
      });
      expect(response.statusCode).toBe(400);
      expect(problemOf(response).invalidParams?.map((param) => `${param.name}:${param.code}`)).toEqual([
        'callbackUrl:invalid',
        'kanalen.0.naam:kanaal-bestaat-niet',
        'kanalen.1.filters:filters-onbekend',
      ]);

      const missing = await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: { kanalen: [{}] } });
      expect(missing.statusCode).toBe(400);
      expect(problemOf(missing).invalidParams?.map((param) => `${param.name}:${param.code}`).sort()).toEqual(['auth:required', 'callbackUrl:required', 'kanalen.0.naam:required']);

      for (const callbackUrl of ['javascript:alert(1)', 'file:///etc/passwd', 'geen url']) {
        const refused = await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: abonnementBody({ callbackUrl }) });
        expect(refused.statusCode, callbackUrl).toBe(400);
      }
    });

    it('refuses a callback on a private address while private networks are not allowed', async () => {
      for (const callbackUrl of ['http://127.0.0.1:8080/cb', 'http://169.254.169.254/latest', 'http://[::1]/cb', 'http://10.0.0.8/cb']) {
        const response = await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: abonnementBody({ callbackUrl }) });
        expect(response.statusCode, callbackUrl).toBe(400);
        expect(problemOf(response).invalidParams).toEqual([expect.objectContaining({ name: 'callbackUrl', code: 'bad-url' })]);
      }
    });

    it('lets a registered kanaal be subscribed to with its own filters', async () => {
      await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: 'parkeren', filters: ['zone'] } });
      const response = await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: abonnementBody({ kanalen: [{ naam: 'parkeren', filters: { zone: 'centrum' } }] }) });
      expect(response.statusCode, response.body).toBe(201);
    });

    it('requires the scopes the spec names', async () => {
      expect((await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: publisher, body: abonnementBody() })).statusCode).toBe(403);
      expect((await call('POST', ABONNEMENTEN, ABONNEMENTEN, { body: abonnementBody() })).statusCode).toBe(401);
      expect((await call('GET', ABONNEMENTEN, ABONNEMENTEN, { token: unrelated })).statusCode).toBe(403);
      const abonnement = (await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: both, body: abonnementBody() })).json() as Json;
      expect((await call('GET', `${ABONNEMENTEN}/${uuidOf(abonnement)}`, ABONNEMENT, { token: publisher })).statusCode).toBe(200);
      expect((await call('PATCH', `${ABONNEMENTEN}/${uuidOf(abonnement)}`, ABONNEMENT, { token: publisher, body: { auth: 'x' } })).statusCode).toBe(403);
      expect((await call('DELETE', `${ABONNEMENTEN}/${uuidOf(abonnement)}`, ABONNEMENT, { token: publisher })).statusCode).toBe(403);
      expect((await call('GET', `${ABONNEMENTEN}/${uuidOf(abonnement)}`, ABONNEMENT, { token: unrelated })).statusCode).toBe(403);
    });

    it('keeps a tenant’s abonnementen from other tenants through every route', async () => {
      const abonnement = (await call('POST', ABONNEMENTEN, ABONNEMENTEN, { token: consumer, body: abonnementBody() })).json() as Json;
      const path = `${ABONNEMENTEN}/${uuidOf(abonnement)}`;
      const other = { token: otherTenantAll, at: otherTenant };
      expect(((await call('GET', ABONNEMENTEN, ABONNEMENTEN, other)).json() as Json[]).map((item) => uuidOf(item))).not.toContain(uuidOf(abonnement));
      expect((await call('GET', path, ABONNEMENT, other)).statusCode).toBe(404);
      expect((await call('PUT', path, ABONNEMENT, { ...other, body: abonnementBody() })).statusCode).toBe(404);
      expect((await call('PATCH', path, ABONNEMENT, { ...other, body: { auth: 'overgenomen' } })).statusCode).toBe(404);
      expect((await call('DELETE', path, ABONNEMENT, other)).statusCode).toBe(404);
      expect((await call('GET', path, ABONNEMENT, { token: consumer })).json()).toEqual(abonnement);
    });
  });

  describe('publishing (notificaties_create)', () => {
    async function published(tenantId: string): Promise<Json[]> {
      const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenantId).where('kind', '=', 'zgw-notificatie').orderBy('id').execute();
      return rows.map((row) => row.payload as Json);
    }

    it('accepts a message on an existing kanaal with its kenmerken and puts it in the outbox for fan-out', async () => {
      const before = (await published(tenant.id)).length;
      const response = await call('POST', NOTIFICATIES, NOTIFICATIES, { token: publisher, body: message() });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual(message());
      const after = await published(tenant.id);
      expect(after).toHaveLength(before + 1);
      expect(after.at(-1)).toEqual(message());
      expect(await published(otherTenant.id)).toEqual([]);
    });

    it('routes messages on a registered kanaal too', async () => {
      await call('POST', KANALEN, KANALEN, { token: publisher, body: { naam: 'afval', filters: ['wijk'] } });
      const response = await call('POST', NOTIFICATIES, NOTIFICATIES, { token: publisher, body: message({ kanaal: 'afval', kenmerken: { wijk: 'Noord' } }) });
      expect(response.statusCode, response.body).toBe(200);
    });

    // The spec documents only the 200 of this operation: the refusals are checked by hand.
    it('refuses an unknown kanaal and kenmerken that are not the kanaal’s filters', async () => {
      const unknown = await call('POST', NOTIFICATIES, null, { token: publisher, body: message({ kanaal: 'onbekend' }) });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(problemOf(unknown).invalidParams).toEqual([expect.objectContaining({ name: 'kanaal', code: 'kanaal-bestaat-niet' })]);

      const inconsistent = await call('POST', NOTIFICATIES, null, { token: publisher, body: message({ kenmerken: { bronorganisatie: '002220647', bsn: '999993653' } }) });
      expect(inconsistent.statusCode).toBe(400);
      expect(problemOf(inconsistent).invalidParams).toEqual([expect.objectContaining({ name: 'kenmerken', code: 'kenmerken-inconsistent' })]);

      const malformed = await call('POST', NOTIFICATIES, null, { token: publisher, body: { kanaal: 'zaken', hoofdObject: 'geen url', aanmaakdatum: 'gisteren' } });
      expect(malformed.statusCode).toBe(400);
      expect(problemOf(malformed).invalidParams?.map((param) => param.name).sort()).toEqual(['aanmaakdatum', 'actie', 'hoofdObject', 'resource', 'resourceUrl']);
    });

    it('requires notificaties.publiceren', async () => {
      expect((await call('POST', NOTIFICATIES, null, { token: consumer, body: message() })).statusCode).toBe(403);
      expect((await call('POST', NOTIFICATIES, null, { body: message() })).statusCode).toBe(401);
    });
  });
});
