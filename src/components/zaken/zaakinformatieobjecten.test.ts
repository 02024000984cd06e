import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { buildApp } from '../../platform/http/app.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { ZAKEN_ROOT } from './shared/urls.ts';
import type { Documenten, InformatieobjectFacts, ZaakInformatieobjectLink } from './zaakinformatieobjecten/documenten.ts';
import { registerZaakinformatieobjecten } from './zaakinformatieobjecten/routes.ts';
import { relationExpanders } from './expand/relation-expanders.ts';
import { listAuditTrail } from '../../platform/audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { loadZakenSpec, notificatiesAbout, problemCodes, zaakAutorisatie, zakenApi, zakenUrlOf, type Json } from './shared/relation-test-kit.ts';

const LIST = '/zaakinformatieobjecten';
const DETAIL = '/zaakinformatieobjecten/{uuid}';

/** A Documenten API stand-in that knows some informatieobjecten and records the mirrored relations. */
class FakeDocumenten implements Documenten {
  readonly known = new Map<string, InformatieobjectFacts>();
  readonly links: string[] = [];

  async findInformatieobject(_db: Kysely<Database>, _tenantId: string, uuid: string): Promise<InformatieobjectFacts | null> {
    return this.known.get(uuid) ?? null;
  }

  async linkZaak(_trx: Kysely<Database>, _tenantId: string, link: ZaakInformatieobjectLink): Promise<void> {
    this.links.push(`+${link.zaakUuid}:${link.informatieobjectUuid}`);
  }

  async unlinkZaak(_trx: Kysely<Database>, _tenantId: string, link: ZaakInformatieobjectLink): Promise<void> {
    this.links.push(`-${link.zaakUuid}:${link.informatieobjectUuid}`);
  }
}

function document(): string {
  return `https://documenten.example/documenten/api/v1/enkelvoudiginformatieobjecten/${randomUUID()}`;
}

describe('Zaken API: zaakinformatieobjecten', () => {
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
  let standIn: FastifyInstance;

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
    // Loket's own Documenten API answers in the full app; these tests are about the relation itself, so they use the
    // resource with the stand-in that verifies no document. The Documenten checks are tested below (a Documenten API
    // that answers) and against Loket's own in ../documenten/objectinformatieobjecten.test.ts.
    standIn = await buildApp(test.context, async (app) => {
      await app.register(
        async (zaken) => {
          registerZgwConventions(zaken, 'zaken');
          registerZaakinformatieobjecten(zaken, { db: database.db, expanders: relationExpanders() });
        },
        { prefix: ZAKEN_ROOT },
      );
    });
    await standIn.ready();
    call = zakenApi({ app: standIn }, spec, tenant);
  });
  afterAll(async () => {
    await standIn.close();
    await test.app.close();
    await database.close();
  });

  async function create(body: Json, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype, max: 'openbaar' | 'zeer_geheim' = 'zeer_geheim'): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes, max)] })).token();
  }

  let statusMinute = 0;

  /** A status of the zaak, written straight into the table (each at its own moment); returns its URL. */
  async function statusOf(target: { uuid: string }): Promise<string> {
    statusMinute += 1;
    const statustype = zaaktype.statustypen[0];
    if (!statustype) throw new Error('no statustype');
    const { uuid } = await database.db
      .insertInto('statussen')
      .values({ tenant_id: tenant.id, zaak_uuid: target.uuid, statustype_uuid: statustype.uuid, datum_status_gezet: new Date(Date.UTC(2026, 0, 6, 10, statusMinute)) })
      .returning('uuid')
      .executeTakeFirstOrThrow();
    return zakenUrlOf(tenant, 'statussen', uuid);
  }

  describe('creating (zaakinformatieobject_create)', () => {
    it('zrc-004: relates a document to the zaak as hoort_bij, registered now by the server whatever the client sends', async () => {
      const informatieobject = document();
      const before = Date.now();
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: { informatieobject, zaak: zaak.url, titel: 'Aanvraagformulier', beschrijving: 'Ingevuld formulier', registratiedatum: '2001-01-01T00:00:00Z', aardRelatieWeergave: 'iets anders' },
      });
      expect(response.statusCode).toBe(201);
      const body = response.json() as Json;
      expect(response.headers.location).toBe(body.url);
      expect(body).toMatchObject({
        informatieobject,
        zaak: zaak.url,
        aardRelatieWeergave: 'Hoort bij, omgekeerd: kent',
        titel: 'Aanvraagformulier',
        beschrijving: 'Ingevuld formulier',
        vernietigingsdatum: null,
        status: null,
      });
      expect(Date.parse(String(body.registratiedatum))).toBeGreaterThanOrEqual(before - 1000);
    });

    it('records the creation in the zaak audit trail and publishes it on kanaal zaken', async () => {
      const body = await create({ informatieobject: document(), zaak: zaak.url });
      const trail = await listAuditTrail(database.db, tenant.id, zaak.url);
      expect(trail.find((record) => record.resource_url === body.url)).toMatchObject({ bron: 'zrc', actie: 'create', resultaat: 201, resource: 'zaakinformatieobject' });
      expect(await notificatiesAbout(database.db, tenant, String(body.url))).toMatchObject([
        { kanaal: 'zaken', hoofdObject: zaak.url, resource: 'zaakinformatieobject', actie: 'create', kenmerken: { zaaktype: zaaktype.url, vertrouwelijkheidaanduiding: 'openbaar' } },
      ]);
    });

    it('zrc-003: takes only the URL of an enkelvoudig informatieobject of a Documenten API', async () => {
      for (const informatieobject of ['https://documenten.example/documenten/api/v1/gebruiksrechten/3f2c1f55-2b07-4a8e-9d63-3e1c0a1e8a11', 'geen-url']) {
        const response = await call('POST', LIST, LIST, { token: all, body: { informatieobject, zaak: zaak.url } });
        expect(response.statusCode).toBe(400);
        expect(problemCodes(response)).toEqual(['informatieobject:bad-url']);
      }
      const missing = await call('POST', LIST, LIST, { token: all, body: { titel: 'x'.repeat(201) } });
      expect(problemCodes(missing)).toEqual(['informatieobject:required', 'titel:maxLength', 'zaak:required']);
    });

    it('relates an informatieobject to a zaak once (unique), and to another zaak as well', async () => {
      const informatieobject = document();
      await create({ informatieobject, zaak: zaak.url });
      const again = await call('POST', LIST, LIST, { token: all, body: { informatieobject, zaak: zaak.url } });
      expect(problemCodes(again)).toEqual(['nonFieldErrors:unique']);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      await create({ informatieobject, zaak: other.url });
    });

    it('takes a status of the same zaak only', async () => {
      const own = await statusOf(zaak);
      const body = await create({ informatieobject: document(), zaak: zaak.url, status: own });
      expect(body.status).toBe(own);
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const mismatch = await call('POST', LIST, LIST, { token: all, body: { informatieobject: document(), zaak: zaak.url, status: await statusOf(other) } });
      expect(problemCodes(mismatch)).toEqual(['nonFieldErrors:zaak-status-mismatch']);
      const unknown = await call('POST', LIST, LIST, { token: all, body: { informatieobject: document(), zaak: 'https://elders.example/iets', status: zakenUrlOf(tenant, 'statussen', randomUUID()) } });
      expect(problemCodes(unknown)).toEqual(['status:bad-url', 'zaak:bad-url']);
    });

    it('refuses a document for an archived zaak (zaak-archiefstatus-invalid)', async () => {
      const archived = await insertTestZaak(database.db, tenant, zaaktype);
      await database.db.updateTable('zaken').set({ archiefstatus: 'overgedragen', archiefnominatie: 'blijvend_bewaren', archiefactiedatum: '2030-01-01' }).where('uuid', '=', archived.uuid).execute();
      expect(problemCodes(await call('POST', LIST, LIST, { token: all, body: { informatieobject: document(), zaak: archived.url } }))).toEqual(['nonFieldErrors:zaak-archiefstatus-invalid']);
    });

    it('zrc-006: needs zaken.aanmaken, bijwerken or geforceerd-bijwerken for the zaak zaaktype', async () => {
      await create({ informatieobject: document(), zaak: zaak.url }, await tokenFor(['zaken.aanmaken']));
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: { informatieobject: document(), zaak: zaak.url } })).statusCode).toBe(403);
    });

    it('zrc-007: a closed zaak gets documents only with zaken.geforceerd-bijwerken', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      expect((await call('POST', LIST, LIST, { token: await tokenFor(['zaken.bijwerken']), body: { informatieobject: document(), zaak: closed.url } })).statusCode).toBe(403);
      await create({ informatieobject: document(), zaak: closed.url }, await tokenFor(['zaken.geforceerd-bijwerken']));
    });
  });

  describe('listing and reading (zaakinformatieobject_list, _retrieve, _headers)', () => {
    it('lists a plain array filtered on zaak and informatieobject, oldest first', async () => {
      const own = await insertTestZaak(database.db, tenant, zaaktype);
      const first = await create({ informatieobject: document(), zaak: own.url });
      const second = await create({ informatieobject: document(), zaak: own.url });
      const byZaak = await call('GET', `${LIST}?zaak=${encodeURIComponent(own.url)}`, LIST, { token: all });
      expect((byZaak.json() as Json[]).map((item) => item.url)).toEqual([first.url, second.url]);
      const byDocument = await call('GET', `${LIST}?informatieobject=${encodeURIComponent(String(second.informatieobject))}`, LIST, { token: all });
      expect((byDocument.json() as Json[]).map((item) => item.url)).toEqual([second.url]);
      expect((await call('GET', `${LIST}?page=1`, LIST, { token: all })).json()).toMatchObject({ code: 'unknown-parameters' });
    });

    it('zrc-006: lists and reads only relations of zaken the caller may read', async () => {
      const geheim = await insertTestZaak(database.db, tenant, zaaktype, { vertrouwelijkheidaanduiding: 'geheim' });
      const hidden = await create({ informatieobject: document(), zaak: geheim.url });
      const visible = await create({ informatieobject: document(), zaak: zaak.url });
      const reader = await tokenFor(['zaken.lezen'], zaaktype, 'openbaar');
      const urls = ((await call('GET', LIST, LIST, { token: reader })).json() as Json[]).map((item) => item.url);
      expect(urls).toContain(visible.url);
      expect(urls).not.toContain(hidden.url);
      expect((await call('GET', `/zaakinformatieobjecten/${String(hidden.uuid)}`, DETAIL, { token: reader })).statusCode).toBe(403);
      const otherAll = await (await createTestClient(database.db, test.keys, otherTenant, { heeftAlleAutorisaties: true })).token();
      expect((await call('GET', LIST, LIST, { token: otherAll, at: otherTenant })).json()).toEqual([]);
      expect((await call('GET', `/zaakinformatieobjecten/${String(visible.uuid)}`, DETAIL, { token: otherAll, at: otherTenant })).statusCode).toBe(404);
    });

    it('answers a retrieve with an ETag, HEAD with the same headers, 304 on If-None-Match', async () => {
      const body = await create({ informatieobject: document(), zaak: zaak.url });
      const path = `/zaakinformatieobjecten/${String(body.uuid)}`;
      const response = await call('GET', path, DETAIL, { token: all });
      expect(response.json()).toEqual(body);
      const head = await call('HEAD', path, DETAIL, { token: all });
      expect(head.headers.etag).toBe(response.headers.etag);
      expect((await call('GET', path, DETAIL, { token: all, headers: { 'if-none-match': String(response.headers.etag) } })).statusCode).toBe(304);
    });

    it('zrc-025: refuses to expand the informatieobject, which lives in the Documenten API', async () => {
      expect(problemCodes(await call('GET', `${LIST}?expand=informatieobject`, LIST, { token: all }))).toEqual(['expand:invalid']);
    });

    it('zrc-027: expands the zaak and the status of a relation', async () => {
      const own = await insertTestZaak(database.db, tenant, zaaktype);
      const status = await statusOf(own);
      const body = await create({ informatieobject: document(), zaak: own.url, status });
      const one = (await call('GET', `/zaakinformatieobjecten/${String(body.uuid)}?expand=zaak,status`, DETAIL, { token: all })).json() as { _expand: Json };
      expect((one._expand.zaak as Json).url).toBe(own.url);
      expect((one._expand.status as Json).url).toBe(status);
      const listed = (await call('GET', `${LIST}?zaak=${encodeURIComponent(own.url)}&expand=status`, LIST, { token: all })).json() as { _expand: Json }[];
      expect((listed[0]?._expand.status as Json).url).toBe(status);
    });
  });

  describe('changing and deleting (zaakinformatieobject_update, _partial_update, _destroy)', () => {
    it('zrc-004: changes titel, beschrijving, vernietigingsdatum and status, never the relation itself', async () => {
      const body = await create({ informatieobject: document(), zaak: zaak.url, titel: 'Oud' });
      const path = `/zaakinformatieobjecten/${String(body.uuid)}`;
      const status = await statusOf(zaak);
      const patched = await call('PATCH', path, DETAIL, { token: all, body: { titel: 'Nieuw', vernietigingsdatum: '2036-01-01T00:00:00Z', status } });
      expect(patched.json()).toMatchObject({ titel: 'Nieuw', beschrijving: '', vernietigingsdatum: '2036-01-01T00:00:00.000Z', status, registratiedatum: body.registratiedatum });
      const other = await insertTestZaak(database.db, tenant, zaaktype);
      const moved = await call('PUT', path, DETAIL, { token: all, body: { informatieobject: document(), zaak: other.url } });
      expect(problemCodes(moved)).toEqual(['informatieobject:wijzigen-niet-toegelaten', 'zaak:wijzigen-niet-toegelaten']);
      const put = await call('PUT', path, DETAIL, { token: all, body: { informatieobject: body.informatieobject, zaak: zaak.url, beschrijving: 'Via PUT', status: null } });
      expect(put.json()).toMatchObject({ titel: 'Nieuw', beschrijving: 'Via PUT', status: null });
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'partial_update', 'update']);
    });

    it('zrc-007: changes and removes a document of a closed zaak only with zaken.geforceerd-bijwerken', async () => {
      const closing = await insertTestZaak(database.db, tenant, zaaktype);
      const body = await create({ informatieobject: document(), zaak: closing.url });
      await database.db.updateTable('zaken').set({ einddatum: '2026-03-01' }).where('uuid', '=', closing.uuid).execute();
      const path = `/zaakinformatieobjecten/${String(body.uuid)}`;
      expect((await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']), body: { titel: 'Te laat' } })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']) })).statusCode).toBe(403);
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.geforceerd-bijwerken']) })).statusCode).toBe(204);
    });

    it('removes a relation with zaken.verwijderen (204), audited and notified', async () => {
      const body = await create({ informatieobject: document(), zaak: zaak.url });
      const path = `/zaakinformatieobjecten/${String(body.uuid)}`;
      expect((await call('DELETE', path, DETAIL, { token: await tokenFor(['zaken.verwijderen']) })).statusCode).toBe(204);
      expect((await call('GET', path, DETAIL, { token: all })).statusCode).toBe(404);
      const trail = (await listAuditTrail(database.db, tenant.id, zaak.url)).filter((record) => record.resource_url === body.url);
      expect(trail.map((record) => record.actie)).toEqual(['create', 'destroy']);
      expect((await notificatiesAbout(database.db, tenant, String(body.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
      // The pair is free again once the relation is gone.
      await create({ informatieobject: body.informatieobject, zaak: zaak.url });
    });
  });

  describe('with a Documenten API (zrc-003, zrc-005, zrc-017)', () => {
    const documenten = new FakeDocumenten();
    let withDocumenten: FastifyInstance;
    let callDocumenten: ReturnType<typeof zakenApi>;
    let informatieobjecttype: string;
    let foreignInformatieobjecttype: string;

    /** An informatieobjecttype in a catalogus; listed on the zaaktype when `zaaktypeUuid` is given. */
    async function insertInformatieobjecttype(catalogusUuid: string, omschrijving: string, zaaktypeUuid?: string): Promise<string> {
      const { uuid } = await database.db
        .insertInto('informatieobjecttypen')
        .values({ tenant_id: tenant.id, catalogus_uuid: catalogusUuid, omschrijving, vertrouwelijkheidaanduiding: 'openbaar', concept: false, begin_geldigheid: '2020-01-01' })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      if (zaaktypeUuid) {
        await database.db
          .insertInto('zaaktype_informatieobjecttypen')
          .values({ tenant_id: tenant.id, zaaktype_uuid: zaaktypeUuid, informatieobjecttype_omschrijving: omschrijving, volgnummer: 1, richting: 'inkomend' })
          .execute();
      }
      return uuid;
    }

    /** A document the Documenten API knows, of this informatieobjecttype. */
    function knownDocument(informatieobjecttypeUuid: string): { url: string; uuid: string } {
      const uuid = randomUUID();
      documenten.known.set(uuid, { informatieobjecttypeUuid });
      return { uuid, url: `https://documenten.example/documenten/api/v1/enkelvoudiginformatieobjecten/${uuid}` };
    }

    beforeAll(async () => {
      // The same Zaken API resource, handed a Documenten API that can answer.
      withDocumenten = await buildApp(test.context, async (app) => {
        await app.register(
          async (zaken) => {
            registerZgwConventions(zaken, 'zaken');
            registerZaakinformatieobjecten(zaken, { db: database.db, expanders: {}, documenten });
          },
          { prefix: ZAKEN_ROOT },
        );
      });
      await withDocumenten.ready();
      callDocumenten = zakenApi({ app: withDocumenten }, spec, tenant);
      informatieobjecttype = await insertInformatieobjecttype(zaaktype.catalogusUuid, 'Aanvraagformulier', zaaktype.uuid);
      foreignInformatieobjecttype = await insertInformatieobjecttype(otherZaaktype.catalogusUuid, 'Bouwtekening', otherZaaktype.uuid);
    });
    afterAll(async () => {
      await withDocumenten.close();
    });

    it('zrc-003: refuses an informatieobject the Documenten API does not know (bad-url)', async () => {
      const response = await callDocumenten('POST', LIST, LIST, { token: all, body: { informatieobject: document(), zaak: zaak.url } });
      expect(problemCodes(response)).toEqual(['informatieobject:bad-url']);
    });

    it('zrc-017: takes only an informatieobject whose informatieobjecttype the zaaktype lists', async () => {
      const foreign = knownDocument(foreignInformatieobjecttype);
      const response = await callDocumenten('POST', LIST, LIST, { token: all, body: { informatieobject: foreign.url, zaak: zaak.url } });
      expect(problemCodes(response)).toEqual(['nonFieldErrors:missing-zaaktype-informatieobjecttype-relation']);
      const own = knownDocument(informatieobjecttype);
      expect((await callDocumenten('POST', LIST, LIST, { token: all, body: { informatieobject: own.url, zaak: zaak.url } })).statusCode).toBe(201);
    });

    it('zrc-005: mirrors the relation in the Documenten API when it is made and when it is removed', async () => {
      const own = knownDocument(informatieobjecttype);
      const created = await callDocumenten('POST', LIST, LIST, { token: all, body: { informatieobject: own.url, zaak: zaak.url } });
      expect(created.statusCode).toBe(201);
      expect(documenten.links).toContain(`+${zaak.uuid}:${own.uuid}`);
      const body = created.json() as Json;
      expect((await callDocumenten('DELETE', `/zaakinformatieobjecten/${String(body.uuid)}`, DETAIL, { token: all })).statusCode).toBe(204);
      expect(documenten.links).toContain(`-${zaak.uuid}:${own.uuid}`);
    });

    it('zrc-005: a relation the Documenten API refuses to mirror is not made either (pending-relations, one transaction)', async () => {
      const own = knownDocument(informatieobjecttype);
      const failing = new FakeDocumenten();
      failing.known.set(own.uuid, { informatieobjecttypeUuid: informatieobjecttype });
      failing.linkZaak = async () => {
        throw new Error('Documenten API weigert de relatie');
      };
      const refusing = await buildApp(test.context, async (app) => {
        await app.register(
          async (zaken) => {
            registerZgwConventions(zaken, 'zaken');
            registerZaakinformatieobjecten(zaken, { db: database.db, expanders: {}, documenten: failing });
          },
          { prefix: ZAKEN_ROOT },
        );
      });
      await refusing.ready();
      try {
        const response = await zakenApi({ app: refusing }, spec, tenant)('POST', LIST, LIST, { token: all, body: { informatieobject: own.url, zaak: zaak.url } });
        expect(problemCodes(response)).toEqual(['informatieobject:pending-relations']);
      } finally {
        await refusing.close();
      }
      const left = await call('GET', `${LIST}?informatieobject=${encodeURIComponent(own.url)}`, LIST, { token: all });
      expect(left.json()).toEqual([]);
    });
  });
});
