import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaak, insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { NOTIFICATIE_KIND, type Notificatie } from '../../platform/zgw/notificatie.ts';
import { zaakAutorisatie } from './shared/relation-test-kit.ts';
import { insertTestRol, insertTestStatus, loadZakenSpecForZaken, problemCodes, zakenCaller, type Json } from './zaken/zaken-test-kit.ts';

const LIST = '/zaken';
const DETAIL = '/zaken/{uuid}';
const RSIN = '002220647';
const OTHER_RSIN = '123456782';

describe('Zaken API: zaken (create, update, delete)', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let all: string;
  let call: ReturnType<typeof zakenCaller>;
  let remote: Server;
  let remoteBase: string;
  /** What the stand-in for other APIs (Referentielijsten, Documenten) answers, by path. */
  const remoteResources = new Map<string, Json>();
  /** The paths the stand-in was asked for, in order. */
  const remoteRequests: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    // The stand-in for other APIs listens on loopback, which Loket refuses to call unless configured to allow it.
    test = await createTestApp(database, { LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' });
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant, { vertrouwelijkheidaanduiding: 'zaakvertrouwelijk', doorlooptijd: 'P8W' });
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenCaller(test, spec, tenant);
    remote = createServer((request, response) => {
      remoteRequests.push(request.url ?? '');
      const resource = remoteResources.get(request.url ?? '');
      response.writeHead(resource ? 200 : 404, { 'content-type': 'application/json' });
      response.end(JSON.stringify(resource ?? { detail: 'Niet gevonden.' }));
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    remoteBase = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => remote.close(resolve));
    await test.app.close();
    await database.close();
  });

  function zaakBody(overrides: Json = {}): Json {
    return { bronorganisatie: RSIN, verantwoordelijkeOrganisatie: RSIN, zaaktype: zaaktype.url, startdatum: '2026-03-02', omschrijving: 'Melding openbare ruimte', ...overrides };
  }

  async function create(overrides: Json = {}, token = all): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token, body: zaakBody(overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  async function notificaties(resourceUrl: string): Promise<Notificatie[]> {
    const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).where('kind', '=', NOTIFICATIE_KIND).orderBy('id').execute();
    return rows.map((row) => row.payload as Notificatie).filter((message) => message.resourceUrl === resourceUrl);
  }

  async function tokenFor(scopes: string[], type: TestZaaktype = zaaktype, max: 'openbaar' | 'zaakvertrouwelijk' | 'zeer_geheim' = 'zeer_geheim'): Promise<string> {
    return (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(type.url, scopes, max)] })).token();
  }

  describe('creating (zaak_create)', () => {
    it('stores the zaak with a generated identificatie, derived dates, an audit record and a notification', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: zaakBody() });
      expect(response.statusCode, response.body).toBe(201);
      const zaak = response.json() as Json;
      expect(response.headers.location).toBe(zaak.url);
      expect(zaak.url).toBe(`http://${tenant.hostnames[0]}/zaken/api/v1/zaken/${String(zaak.uuid)}`);
      expect(zaak.identificatie).toMatch(/^ZAAK-\d{4}-\d{10}$/);
      expect(zaak).toMatchObject({
        bronorganisatie: RSIN,
        zaaktype: zaaktype.url,
        startdatum: '2026-03-02',
        // startdatum + the zaaktype's doorlooptijd (P8W)
        uiterlijkeEinddatumAfdoening: '2026-04-27',
        einddatum: null,
        status: null,
        resultaat: null,
        rollen: [],
        deelzaken: [],
        archiefstatus: 'nog_te_archiveren',
        betalingsindicatie: '',
        betalingsindicatieWeergave: '',
        opschorting: { indicatie: false, reden: '' },
        verlenging: null,
      });
      expect(zaak.registratiedatum).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const trail = await database.db.selectFrom('audittrail').selectAll().where('tenant_id', '=', tenant.id).where('resource_url', '=', String(zaak.url)).execute();
      expect(trail.map((record) => [record.bron, record.actie, record.resultaat, record.resource])).toEqual([['zrc', 'create', 201, 'zaak']]);
      expect(trail[0]?.nieuw).toEqual(zaak);
      const [message] = await notificaties(String(zaak.url));
      expect(message).toMatchObject({
        kanaal: 'zaken',
        hoofdObject: zaak.url,
        resource: 'zaak',
        actie: 'create',
        kenmerken: { bronorganisatie: RSIN, zaaktype: zaaktype.url, vertrouwelijkheidaanduiding: 'zaakvertrouwelijk' },
      });
    });

    it('plans the einddatum by the zaaktype’s servicenorm, and keeps dates the client gives', async () => {
      const normed = await insertTestZaaktype(database.db, tenant, { doorlooptijd: 'P8W' });
      await database.db.updateTable('zaaktypen').set({ servicenorm: 'P2W' }).where('uuid', '=', normed.uuid).execute();
      expect(await create({ zaaktype: normed.url })).toMatchObject({ einddatumGepland: '2026-03-16', uiterlijkeEinddatumAfdoening: '2026-04-27' });
      expect(await create({ zaaktype: normed.url, einddatumGepland: '2026-03-10', uiterlijkeEinddatumAfdoening: null })).toMatchObject({ einddatumGepland: '2026-03-10', uiterlijkeEinddatumAfdoening: null });
      expect((await create()).einddatumGepland).toBeNull();
    });

    it('keeps the default deadline the plain startdatum + doorlooptijd, also on a Saturday (the Atw is the workspace’s, not the API’s)', async () => {
      // Saturday 7 March + P8W is Saturday 2 May 2026.
      expect((await create({ startdatum: '2026-03-07' })).uiterlijkeEinddatumAfdoening).toBe('2026-05-02');
    });

    it('zrc-009: takes the vertrouwelijkheidaanduiding from the zaaktype unless the client gives one', async () => {
      expect((await create()).vertrouwelijkheidaanduiding).toBe('zaakvertrouwelijk');
      expect((await create({ vertrouwelijkheidaanduiding: 'openbaar' })).vertrouwelijkheidaanduiding).toBe('openbaar');
    });

    it('zrc-001: refuses a zaaktype that does not exist, is a concept, or is not valid on the startdatum', async () => {
      const concept = await insertTestZaaktype(database.db, tenant, { concept: true });
      const unknown = await call('POST', LIST, LIST, { token: all, body: zaakBody({ zaaktype: `${zaaktype.url.slice(0, -36)}00000000-0000-4000-8000-000000000000` }) });
      expect(unknown.statusCode).toBe(400);
      expect(problemCodes(unknown)).toEqual(['zaaktype:bad-url']);
      const elsewhere = await call('POST', LIST, LIST, { token: all, body: zaakBody({ zaaktype: 'https://example.com/api/v1/zaaktypen/1' }) });
      expect(problemCodes(elsewhere)).toEqual(['zaaktype:bad-url']);
      const draft = await call('POST', LIST, LIST, { token: all, body: zaakBody({ zaaktype: concept.url }) });
      expect(problemCodes(draft)).toEqual(['zaaktype:zaaktype-concept']);
      // The test zaaktype is valid from 2020-01-01.
      const early = await call('POST', LIST, LIST, { token: all, body: zaakBody({ startdatum: '2019-12-31' }) });
      expect(problemCodes(early)).toEqual(['zaaktype:zaaktype-geldigheid']);
    });

    it('zrc-002: an identificatie is unique within the bronorganisatie; a generated one skips those taken', async () => {
      const given = await create({ identificatie: 'MOR-2026-1' });
      expect(given.identificatie).toBe('MOR-2026-1');
      const again = await call('POST', LIST, LIST, { token: all, body: zaakBody({ identificatie: 'MOR-2026-1' }) });
      expect(again.statusCode).toBe(400);
      expect(problemCodes(again)).toEqual(['identificatie:identificatie-niet-uniek']);
      // The same identificatie in another bronorganisatie is another zaak's.
      expect((await create({ identificatie: 'MOR-2026-1', bronorganisatie: OTHER_RSIN })).identificatie).toBe('MOR-2026-1');
      // A client took the number the counter would issue next: generation skips it.
      const next = await create();
      const number = Number(String(next.identificatie).slice(-10)) + 1;
      const taken = `ZAAK-${String(next.identificatie).slice(5, 9)}-${String(number).padStart(10, '0')}`;
      await create({ identificatie: taken });
      const generated = await create();
      expect(generated.identificatie).not.toBe(taken);
      expect(Number(String(generated.identificatie).slice(-10))).toBe(number + 1);
    });

    it('checks the RSINs with the 11-proef and lists every problem of the body at once', async () => {
      const response = await call('POST', LIST, LIST, { token: all, body: zaakBody({ bronorganisatie: '123456789', verantwoordelijkeOrganisatie: '12345', startdatum: 'morgen' }) });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['bronorganisatie:invalid', 'startdatum:format', 'verantwoordelijkeOrganisatie:invalid']);
    });

    it('zrc-006: needs zaken.aanmaken for the zaaktype, up to the zaak’s vertrouwelijkheid', async () => {
      const forZaaktype = await tokenFor(['zaken.aanmaken'], zaaktype, 'zaakvertrouwelijk');
      expect((await create({}, forZaaktype)).vertrouwelijkheidaanduiding).toBe('zaakvertrouwelijk');
      const tooSecret = await call('POST', LIST, LIST, { token: forZaaktype, body: zaakBody({ vertrouwelijkheidaanduiding: 'geheim' }) });
      expect(tooSecret.statusCode).toBe(403);
      const otherType = await call('POST', LIST, LIST, { token: forZaaktype, body: zaakBody({ zaaktype: otherZaaktype.url }) });
      expect(otherType.statusCode).toBe(403);
      const readOnly = await call('POST', LIST, LIST, { token: await tokenFor(['zaken.lezen']), body: zaakBody() });
      expect(readOnly.statusCode).toBe(403);
    });

    it('zrc-010: the communicatiekanaal must be a communicatiekanaal that answers', async () => {
      remoteResources.set('/referentielijsten/api/v1/communicatiekanalen/1', { url: `${remoteBase}/referentielijsten/api/v1/communicatiekanalen/1`, naam: 'E-mail', omschrijving: 'E-mail' });
      remoteResources.set('/iets-anders/1', { titel: 'Geen kanaal' });
      const kanaal = `${remoteBase}/referentielijsten/api/v1/communicatiekanalen/1`;
      expect((await create({ communicatiekanaal: kanaal })).communicatiekanaal).toBe(kanaal);
      const missing = await call('POST', LIST, LIST, { token: all, body: zaakBody({ communicatiekanaal: `${remoteBase}/referentielijsten/api/v1/communicatiekanalen/2` }) });
      expect(problemCodes(missing)).toEqual(['communicatiekanaal:bad-url']);
      const wrongShape = await call('POST', LIST, LIST, { token: all, body: zaakBody({ communicatiekanaal: `${remoteBase}/iets-anders/1` }) });
      expect(problemCodes(wrongShape)).toEqual(['communicatiekanaal:invalid-resource']);
    });

    it('zrc-010: by default a communicatiekanaal on a loopback address is refused without Loket calling it', async () => {
      const defaults = await createTestApp(database);
      try {
        remoteResources.set('/referentielijsten/api/v1/communicatiekanalen/3', { url: `${remoteBase}/referentielijsten/api/v1/communicatiekanalen/3`, naam: 'Balie', omschrijving: 'Balie' });
        // Each app encrypts client secrets with its own key: a client of its own.
        const token = await (await createTestClient(database.db, defaults.keys, tenant, { heeftAlleAutorisaties: true })).token();
        remoteRequests.length = 0;
        const refused = await zakenCaller(defaults, spec, tenant)('POST', LIST, LIST, { token, body: zaakBody({ communicatiekanaal: `${remoteBase}/referentielijsten/api/v1/communicatiekanalen/3` }) });
        expect(refused.statusCode).toBe(400);
        expect(problemCodes(refused)).toEqual(['communicatiekanaal:bad-url']);
        expect(remoteRequests).toEqual([]);
      } finally {
        await defaults.app.close();
      }
    });

    it('zrc-011: every relevante andere zaak must exist, named by its index', async () => {
      const other = await create();
      const ok = await create({ relevanteAndereZaken: [{ url: other.url, aardRelatie: 'vervolg' }] });
      expect(ok.relevanteAndereZaken).toEqual([{ url: other.url, aardRelatie: 'vervolg' }]);
      const wrong = await call('POST', LIST, LIST, {
        token: all,
        body: zaakBody({ relevanteAndereZaken: [{ url: other.url, aardRelatie: 'onderwerp' }, { url: `${String(other.url).slice(0, -36)}00000000-0000-4000-8000-000000000000`, aardRelatie: 'bijdrage' }] }),
      });
      expect(problemCodes(wrong)).toEqual(['relevanteAndereZaken.1:bad-url']);
    });

    it('zrc-013: a hoofdzaak must exist and may not be a deelzaak itself', async () => {
      const hoofdzaak = await create();
      const deelzaak = await create({ hoofdzaak: hoofdzaak.url });
      expect(deelzaak.hoofdzaak).toBe(hoofdzaak.url);
      const fetched = await call('GET', `/zaken/${String(hoofdzaak.uuid)}`, DETAIL, { token: all });
      expect((fetched.json() as Json).deelzaken).toEqual([deelzaak.url]);
      const nested = await call('POST', LIST, LIST, { token: all, body: zaakBody({ hoofdzaak: deelzaak.url }) });
      expect(problemCodes(nested)).toEqual(['hoofdzaak:deelzaak-als-hoofdzaak']);
      const unknown = await call('POST', LIST, LIST, { token: all, body: zaakBody({ hoofdzaak: `${String(hoofdzaak.url).slice(0, -36)}00000000-0000-4000-8000-000000000000` }) });
      expect(problemCodes(unknown)).toEqual(['hoofdzaak:bad-url']);
    });

    it('zrc-014: no laatsteBetaaldatum when nothing is to be paid, and none in the future', async () => {
      const nvt = await call('POST', LIST, LIST, { token: all, body: zaakBody({ betalingsindicatie: 'nvt', laatsteBetaaldatum: '2026-03-01T10:00:00Z' }) });
      expect(problemCodes(nvt)).toEqual(['laatsteBetaaldatum:betaling-nvt']);
      const future = await call('POST', LIST, LIST, { token: all, body: zaakBody({ betalingsindicatie: 'geheel', laatsteBetaaldatum: '2999-01-01T00:00:00Z' }) });
      expect(problemCodes(future)).toEqual(['laatsteBetaaldatum:future_not_allowed']);
      const paid = await create({ betalingsindicatie: 'geheel', laatsteBetaaldatum: '2026-03-01T10:00:00Z' });
      expect(paid).toMatchObject({ betalingsindicatie: 'geheel', betalingsindicatieWeergave: 'De met de zaak gemoeide kosten zijn geheel betaald.', laatsteBetaaldatum: '2026-03-01T10:00:00Z' });
    });

    it('zrc-015: producten of diensten must be among the zaaktype’s', async () => {
      expect((await create({ productenOfDiensten: ['https://example.com/producten/1'] })).productenOfDiensten).toEqual(['https://example.com/producten/1']);
      const other = await call('POST', LIST, LIST, { token: all, body: zaakBody({ productenOfDiensten: ['https://example.com/producten/2'] }) });
      expect(problemCodes(other)).toEqual(['productenOfDiensten:invalid-products-services']);
    });

    it('stores the gegevensgroepen, kenmerken and a zaakgeometrie, and refuses a geometry that is no GeoJSON', async () => {
      const zaak = await create({
        verlenging: { reden: 'Advies nodig', duur: 'P2W' },
        opschorting: { indicatie: true, reden: 'Wacht op aanvulling' },
        processobject: { datumkenmerk: 'vervaldatum', identificatie: 'V-1', objecttype: 'vergunning', registratie: 'Vergunningen' },
        kenmerken: [{ kenmerk: 'K-1', bron: 'Meldingen' }],
        zaakgeometrie: { type: 'Point', coordinates: [5.1214, 52.0907] },
        toelichting: 'Losse stoeptegel',
      });
      expect(zaak).toMatchObject({
        verlenging: { reden: 'Advies nodig', duur: 'P2W' },
        opschorting: { indicatie: true, reden: 'Wacht op aanvulling' },
        processobject: { datumkenmerk: 'vervaldatum', identificatie: 'V-1', objecttype: 'vergunning', registratie: 'Vergunningen' },
        kenmerken: [{ kenmerk: 'K-1', bron: 'Meldingen' }],
        zaakgeometrie: { type: 'Point', coordinates: [5.1214, 52.0907] },
        toelichting: 'Losse stoeptegel',
      });
      const box = await database.db.selectFrom('zaken').select(['geometrie_min_x', 'geometrie_max_y']).where('uuid', '=', String(zaak.uuid)).executeTakeFirstOrThrow();
      expect(box).toEqual({ geometrie_min_x: 5.1214, geometrie_max_y: 52.0907 });
      const open = await call('POST', LIST, LIST, { token: all, body: zaakBody({ zaakgeometrie: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] } }) });
      expect(problemCodes(open)).toEqual(['zaakgeometrie:invalid']);
    });
  });

  describe('changing (zaak_update, zaak_partial_update)', () => {
    it('lays the fields over the stored ones, audits the change and notifies it', async () => {
      const zaak = await create({ toelichting: 'Eerst' });
      const response = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: { omschrijving: 'Gewijzigd' } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ omschrijving: 'Gewijzigd', toelichting: 'Eerst', identificatie: zaak.identificatie });
      const put = await call('PUT', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: zaakBody({ omschrijving: 'Heel anders', identificatie: zaak.identificatie }) });
      expect(put.statusCode, put.body).toBe(200);
      const trail = await database.db.selectFrom('audittrail').select(['actie', 'oud', 'nieuw']).where('resource_url', '=', String(zaak.url)).orderBy('aanmaakdatum').execute();
      expect(trail.map((record) => record.actie)).toEqual(['create', 'partial_update', 'update']);
      expect((trail[1]?.oud as Json).omschrijving).toBe('Melding openbare ruimte');
      expect((trail[1]?.nieuw as Json).omschrijving).toBe('Gewijzigd');
      expect((await notificaties(String(zaak.url))).map((message) => message.actie)).toEqual(['create', 'partial_update', 'update']);
    });

    it('refuses to change the identificatie or the zaaktype', async () => {
      const zaak = await create();
      const response = await call('PUT', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: zaakBody({ identificatie: 'ANDERS-1', zaaktype: otherZaaktype.url }) });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['identificatie:wijzigen-niet-toegelaten', 'zaaktype:wijzigen-niet-toegelaten']);
    });

    it('zrc-013: a zaak cannot be its own hoofdzaak, nor become a deelzaak while it has deelzaken', async () => {
      const zaak = await create();
      const self = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: { hoofdzaak: zaak.url } });
      expect(problemCodes(self)).toEqual(['hoofdzaak:self-forbidden']);
      await create({ hoofdzaak: zaak.url });
      const other = await create();
      const withDeelzaken = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: { hoofdzaak: other.url } });
      expect(problemCodes(withDeelzaken)).toEqual(['hoofdzaak:deelzaak-als-hoofdzaak']);
    });

    it('zrc-014: a betalingsindicatie that becomes nvt clears the laatsteBetaaldatum', async () => {
      const zaak = await create({ betalingsindicatie: 'gedeeltelijk', laatsteBetaaldatum: '2026-03-01T10:00:00Z' });
      const response = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: { betalingsindicatie: 'nvt' } });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({ betalingsindicatie: 'nvt', laatsteBetaaldatum: null });
      const refused = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: { laatsteBetaaldatum: '2026-03-02T10:00:00Z' } });
      expect(problemCodes(refused)).toEqual(['laatsteBetaaldatum:betaling-nvt']);
    });

    it('zrc-006: needs zaken.bijwerken or zaken.geforceerd-bijwerken for the zaak’s zaaktype', async () => {
      const zaak = await create();
      const otherType = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: await tokenFor(['zaken.bijwerken'], otherZaaktype), body: { omschrijving: 'x' } });
      expect(otherType.statusCode).toBe(403);
      const allowed = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: await tokenFor(['zaken.bijwerken']), body: { omschrijving: 'x' } });
      expect(allowed.statusCode, allowed.body).toBe(200);
    });

    it('zrc-007: a closed zaak changes only with zaken.geforceerd-bijwerken', async () => {
      const closed = await insertTestZaak(database.db, tenant, zaaktype, { einddatum: '2026-02-01' });
      const path = `/zaken/${closed.uuid}`;
      const refused = await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.bijwerken']), body: { omschrijving: 'Correctie' } });
      expect(refused.statusCode).toBe(403);
      const forced = await call('PATCH', path, DETAIL, { token: await tokenFor(['zaken.geforceerd-bijwerken']), body: { omschrijving: 'Correctie' } });
      expect(forced.statusCode, forced.body).toBe(200);
      expect(forced.json()).toMatchObject({ omschrijving: 'Correctie', einddatum: '2026-02-01' });
    });

    it('zrc-022: archiving needs an archiefnominatie, an archiefactiedatum and archived documents', async () => {
      const zaak = await create();
      const path = `/zaken/${String(zaak.uuid)}`;
      const bare = await call('PATCH', path, DETAIL, { token: all, body: { archiefstatus: 'gearchiveerd' } });
      expect(problemCodes(bare)).toEqual(['archiefactiedatum:archiefactiedatum-not-set', 'archiefnominatie:archiefnominatie-not-set']);
      const document = `${remoteBase}/documenten/api/v1/enkelvoudiginformatieobjecten/2c5f0ae9-5d1a-4f35-a8a6-0b1f1a3d2f10`;
      await database.db.insertInto('zaakinformatieobjecten').values({ tenant_id: tenant.id, zaak_uuid: String(zaak.uuid), informatieobject: document }).execute();
      const archiving = { archiefstatus: 'gearchiveerd', archiefnominatie: 'vernietigen', archiefactiedatum: '2036-03-02' };
      // The document cannot be fetched: it is not shown to be archived.
      const unknownDocument = await call('PATCH', path, DETAIL, { token: all, body: archiving });
      expect(problemCodes(unknownDocument)).toEqual(['archiefstatus:documents-not-archived']);
      remoteResources.set(new URL(document).pathname, { url: document, status: 'definitief' });
      const notArchived = await call('PATCH', path, DETAIL, { token: all, body: archiving });
      expect(problemCodes(notArchived)).toEqual(['archiefstatus:documents-not-archived']);
      remoteResources.set(new URL(document).pathname, { url: document, status: 'gearchiveerd' });
      const archived = await call('PATCH', path, DETAIL, { token: all, body: archiving });
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json()).toMatchObject(archiving);
    });

    it('answers 404 for a zaak of another tenant', async () => {
      const zaak = await create();
      const other = await createTestTenant(database.db);
      const token = await (await createTestClient(database.db, test.keys, other, { heeftAlleAutorisaties: true })).token();
      const response = await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token, at: other, body: { omschrijving: 'x' } });
      expect(response.statusCode).toBe(404);
    });
  });

  describe('deleting (zaak_destroy)', () => {
    it('zrc-023: removes the zaak with everything attached, its deelzaken and their audit trails, and notifies it', async () => {
      const zaak = await create();
      const deelzaak = await create({ hoofdzaak: zaak.url });
      const statusUuid = await insertTestStatus(database.db, tenant, String(zaak.uuid), zaaktype.statustypen[0]?.uuid ?? '', '2026-03-02T09:00:00Z');
      await insertTestRol(database.db, tenant, String(zaak.uuid), zaaktype, { bsn: '111222333' });
      await insertTestRol(database.db, tenant, String(deelzaak.uuid), zaaktype, { medewerker: 'mdw-1' });
      const response = await call('DELETE', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all });
      expect(response.statusCode).toBe(204);
      const left = await database.db.selectFrom('zaken').select('uuid').where('uuid', 'in', [String(zaak.uuid), String(deelzaak.uuid)]).execute();
      expect(left).toEqual([]);
      expect(await database.db.selectFrom('statussen').select('uuid').where('uuid', '=', statusUuid).execute()).toEqual([]);
      expect(await database.db.selectFrom('rollen').select('uuid').where('zaak_uuid', 'in', [String(zaak.uuid), String(deelzaak.uuid)]).execute()).toEqual([]);
      const trail = await database.db.selectFrom('audittrail').select('uuid').where('hoofd_object', 'in', [String(zaak.url), String(deelzaak.url)]).execute();
      expect(trail).toEqual([]);
      expect((await notificaties(String(zaak.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
      expect((await notificaties(String(deelzaak.url))).map((message) => message.actie)).toEqual(['create', 'destroy']);
      // Removing the initiator's rol is a processing of that person's data.
      const logged = await sql<{ name: string }>`SELECT name FROM processing_log WHERE tenant_id = ${tenant.id} AND name = 'zaak-verwijderen'`.execute(database.db);
      expect(logged.rows.length).toBe(1);
      expect((await call('GET', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('keeps a zaak with besluiten: those go first', async () => {
      const zaak = await create();
      const besluittype = await database.db
        .insertInto('besluittypen')
        .values({ tenant_id: tenant.id, catalogus_uuid: zaaktype.catalogusUuid, omschrijving: 'Vergunning', publicatie_indicatie: false, concept: false, begin_geldigheid: '2020-01-01' })
        .returning('uuid')
        .executeTakeFirstOrThrow();
      await sql`INSERT INTO besluiten (tenant_id, identificatie, verantwoordelijke_organisatie, besluittype_uuid, zaak_uuid, zaakbesluit_uuid, datum, ingangsdatum)
        VALUES (${tenant.id}, 'B-1', ${RSIN}, ${besluittype.uuid}, ${String(zaak.uuid)}, gen_random_uuid(), '2026-03-02', '2026-03-02')`.execute(database.db);
      const response = await call('DELETE', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all });
      expect(response.statusCode).toBe(409);
      expect(problemCodes(response)).toEqual(['nonFieldErrors:related-besluiten']);
      expect((await call('GET', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all })).statusCode).toBe(200);
    });

    it('needs zaken.verwijderen for the zaak’s zaaktype', async () => {
      const zaak = await create();
      const refused = await call('DELETE', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: await tokenFor(['zaken.verwijderen'], otherZaaktype) });
      expect(refused.statusCode).toBe(403);
      const allowed = await call('DELETE', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: await tokenFor(['zaken.verwijderen']) });
      expect(allowed.statusCode).toBe(204);
    });
  });
});
