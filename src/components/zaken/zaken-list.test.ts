import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Tenant } from '../../platform/database/schema.ts';
import type { Insertable } from 'kysely';
import type { ZakenTable } from '../../platform/database/tables/zaken.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { zaakAutorisatie } from './shared/relation-test-kit.ts';
import { etagOf } from '../../platform/zgw/etag.ts';
import { zaakJsonCacheFor, zaakJsonKey } from './zaken/zaak-json-cache.ts';
import { insertTestRol, insertTestStatus, loadZakenSpecForZaken, problemCodes, zakenCaller, type Json } from './zaken/zaken-test-kit.ts';

const LIST = '/zaken';
const DETAIL = '/zaken/{uuid}';
const ZOEK = '/zaken/_zoek';
const BSN = '111222333';

type ZaakColumns = Partial<Insertable<ZakenTable>>;

describe('Zaken API: listing and searching zaken', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let thirdZaaktype: TestZaaktype;
  let all: string;
  let call: ReturnType<typeof zakenCaller>;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    thirdZaaktype = await insertTestZaaktype(database.db, tenant);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenCaller(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  /** A zaak written straight into the table; created one millisecond after the previous, so list order is known. */
  async function insertZaak(columns: ZaakColumns = {}, type: TestZaaktype = zaaktype, at: Tenant = tenant): Promise<{ uuid: string; url: string; identificatie: string }> {
    sequence += 1;
    const row = await database.db
      .insertInto('zaken')
      .values({
        tenant_id: at.id,
        identificatie: `LIJST-${sequence}`,
        bronorganisatie: '002220647',
        zaaktype_uuid: type.uuid,
        verantwoordelijke_organisatie: '002220647',
        registratiedatum: '2026-01-10',
        startdatum: '2026-01-10',
        vertrouwelijkheidaanduiding: 'openbaar',
        created_at: new Date(Date.UTC(2026, 0, 1) + sequence),
        ...columns,
      })
      .returning(['uuid', 'identificatie'])
      .executeTakeFirstOrThrow();
    return { ...row, url: `http://${at.hostnames[0]}/zaken/api/v1/zaken/${row.uuid}` };
  }

  async function list(query: string, token = all): Promise<Json> {
    const response = await call('GET', `${LIST}?${query}`, LIST, { token });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Json;
  }

  function identificaties(page: Json): string[] {
    return (page.results as Json[]).map((zaak) => String(zaak.identificatie));
  }

  async function tokenFor(autorisaties: { type: TestZaaktype; max: 'openbaar' | 'intern' | 'zeer_geheim'; scopes?: string[] }[]): Promise<string> {
    return (
      await createTestClient(database.db, test.keys, tenant, { autorisaties: autorisaties.map(({ type, max, scopes }) => zaakAutorisatie(type.url, scopes ?? ['zaken.lezen'], max)) })
    ).token();
  }

  describe('zaak_list', () => {
    it('filters on every attribute the spec lists, exact, __in, date ranges and __isnull', async () => {
      const bron = '123456782';
      const a = await insertZaak({ identificatie: 'F-A', bronorganisatie: bron, startdatum: '2025-05-01', registratiedatum: '2025-05-02', einddatum: '2025-06-01', einddatum_gepland: '2025-05-20', uiterlijke_einddatum_afdoening: '2025-07-01', archiefnominatie: 'vernietigen', archiefactiedatum: '2035-06-01', archiefstatus: 'gearchiveerd' });
      const b = await insertZaak({ identificatie: 'F-B', bronorganisatie: bron, startdatum: '2025-05-15', registratiedatum: '2025-05-16', einddatum_gepland: '2025-06-20', uiterlijke_einddatum_afdoening: '2025-08-01', archiefnominatie: 'blijvend_bewaren' });
      const only = (query: string) => list(`bronorganisatie=${bron}&${query}`).then(identificaties);
      expect(await only('identificatie=F-A')).toEqual([a.identificatie]);
      expect(await list(`bronorganisatie__in=${bron},999999999`).then(identificaties)).toEqual(['F-B', 'F-A']);
      expect(await only('archiefnominatie=vernietigen')).toEqual(['F-A']);
      expect(await only('archiefnominatie__in=vernietigen,blijvend_bewaren')).toEqual(['F-B', 'F-A']);
      expect(await only('archiefactiedatum=2035-06-01')).toEqual(['F-A']);
      expect(await only('archiefactiedatum__isnull=true')).toEqual(['F-B']);
      expect(await only('archiefactiedatum__lt=2035-06-02&archiefactiedatum__gt=2035-05-31')).toEqual(['F-A']);
      expect(await only('archiefstatus=gearchiveerd')).toEqual(['F-A']);
      expect(await only('archiefstatus__in=nog_te_archiveren')).toEqual(['F-B']);
      expect(await only('startdatum=2025-05-15')).toEqual(['F-B']);
      expect(await only('startdatum__gt=2025-05-01')).toEqual(['F-B']);
      expect(await only('startdatum__gte=2025-05-01')).toEqual(['F-B', 'F-A']);
      expect(await only('startdatum__lt=2025-05-15')).toEqual(['F-A']);
      expect(await only('startdatum__lte=2025-05-15')).toEqual(['F-B', 'F-A']);
      expect(await only('registratiedatum=2025-05-02')).toEqual(['F-A']);
      expect(await only('registratiedatum__gt=2025-05-02')).toEqual(['F-B']);
      expect(await only('registratiedatum__lt=2025-05-16')).toEqual(['F-A']);
      expect(await only('einddatum=2025-06-01')).toEqual(['F-A']);
      expect(await only('einddatum__isnull=false')).toEqual(['F-A']);
      expect(await only('einddatum__isnull=true')).toEqual(['F-B']);
      expect(await only('einddatum__gt=2025-05-31&einddatum__lt=2025-06-02')).toEqual(['F-A']);
      expect(await only('einddatumGepland=2025-06-20')).toEqual(['F-B']);
      expect(await only('einddatumGepland__gt=2025-05-20')).toEqual(['F-B']);
      expect(await only('einddatumGepland__lt=2025-06-20')).toEqual(['F-A']);
      expect(await only('uiterlijkeEinddatumAfdoening=2025-07-01')).toEqual(['F-A']);
      expect(await only('uiterlijkeEinddatumAfdoening__gt=2025-07-01')).toEqual(['F-B']);
      expect(await only('uiterlijkeEinddatumAfdoening__lt=2025-08-01')).toEqual(['F-A']);
      expect(await only(`zaaktype=${encodeURIComponent(zaaktype.url)}`)).toEqual(['F-B', 'F-A']);
      expect(await only(`zaaktype=${encodeURIComponent(otherZaaktype.url)}`)).toEqual([]);
      expect(b.identificatie).toBe('F-B');
    });

    it('filters on the zaak’s rollen, all conditions on one and the same rol, and logs a search on a BSN', async () => {
      const bron = '010101010';
      const aanvraag = await insertZaak({ identificatie: 'R-1', bronorganisatie: bron });
      const behandeld = await insertZaak({ identificatie: 'R-2', bronorganisatie: bron });
      await insertTestRol(database.db, tenant, aanvraag.uuid, zaaktype, { bsn: BSN });
      await insertTestRol(database.db, tenant, behandeld.uuid, zaaktype, { medewerker: 'mdw-7' });
      const only = (query: string) => list(`bronorganisatie=${bron}&${query}`).then(identificaties);
      expect(await only(`rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BSN}`)).toEqual(['R-1']);
      expect(await only('rol__betrokkeneIdentificatie__medewerker__identificatie=mdw-7')).toEqual(['R-2']);
      expect(await only('rol__betrokkeneType=medewerker')).toEqual(['R-2']);
      expect(await only('rol__omschrijvingGeneriek=initiator')).toEqual(['R-1']);
      expect(await only(`rol__omschrijvingGeneriek=behandelaar&rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=${BSN}`)).toEqual([]);
      const logged = await sql<{ name: string; attributes: Json }>`SELECT name, attributes FROM processing_log WHERE tenant_id = ${tenant.id} AND name = 'zaken-zoeken-op-bsn'`.execute(database.db);
      expect(logged.rows.map((row) => row.attributes.zaken)).toEqual([1, 0]);
    });

    it('filters on maximaleVertrouwelijkheidaanduiding and orders as asked', async () => {
      const bron = '020202020';
      await insertZaak({ identificatie: 'V-1', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'openbaar', startdatum: '2025-03-01' });
      await insertZaak({ identificatie: 'V-2', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'geheim', startdatum: '2025-01-01' });
      await insertZaak({ identificatie: 'V-3', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'intern', startdatum: '2025-02-01' });
      expect(await list(`bronorganisatie=${bron}&maximaleVertrouwelijkheidaanduiding=intern`).then(identificaties)).toEqual(['V-3', 'V-1']);
      expect(await list(`bronorganisatie=${bron}&ordering=startdatum`).then(identificaties)).toEqual(['V-2', 'V-3', 'V-1']);
      expect(await list(`bronorganisatie=${bron}&ordering=-startdatum`).then(identificaties)).toEqual(['V-1', 'V-3', 'V-2']);
      expect(await list(`bronorganisatie=${bron}&ordering=-identificatie`).then(identificaties)).toEqual(['V-3', 'V-2', 'V-1']);
      const wrong = await call('GET', `${LIST}?ordering=omschrijving`, LIST, { token: all });
      expect(wrong.statusCode).toBe(400);
      expect(problemCodes(wrong)).toEqual(['ordering:invalid_choice']);
    });

    it('pages by 100 with absolute next/previous links, and answers 404 past the last page', async () => {
      const bron = '030303030';
      const values = Array.from({ length: 102 }, (_, index) => ({
        tenant_id: tenant.id,
        identificatie: `P-${String(index).padStart(3, '0')}`,
        bronorganisatie: bron,
        zaaktype_uuid: zaaktype.uuid,
        verantwoordelijke_organisatie: bron,
        registratiedatum: '2026-01-10',
        startdatum: '2026-01-10',
        vertrouwelijkheidaanduiding: 'openbaar',
        created_at: new Date(Date.UTC(2026, 1, 1) + index),
      }));
      await database.db.insertInto('zaken').values(values).execute();
      const first = await list(`bronorganisatie=${bron}`);
      expect(first.count).toBe(102);
      expect((first.results as Json[]).length).toBe(100);
      expect(first.next).toBe(`http://${tenant.hostnames[0]}/zaken/api/v1/zaken?bronorganisatie=${bron}&page=2`);
      expect(first.previous).toBeNull();
      const second = await list(`bronorganisatie=${bron}&page=2`);
      expect(identificaties(second)).toEqual(['P-001', 'P-000']);
      expect(second.previous).toBe(`http://${tenant.hostnames[0]}/zaken/api/v1/zaken?bronorganisatie=${bron}&page=1`);
      // As the reference implementation answers (zaak_list documents no 404, so the spec check is skipped here).
      expect((await call('GET', `${LIST}?bronorganisatie=${bron}&page=3`, LIST, { token: all, unchecked: true })).statusCode).toBe(404);
    });

    it('refuses unknown query parameters', async () => {
      const response = await call('GET', `${LIST}?zaaktype_naam=x`, LIST, { token: all });
      expect(response.statusCode).toBe(400);
      expect(problemCodes(response)).toEqual(['zaaktype_naam:unknown-parameters']);
    });

    it('zrc-006: shows a client only the zaken of its zaaktypen up to each one’s maximum vertrouwelijkheid', async () => {
      const bron = '040404040';
      await insertZaak({ identificatie: 'A-open', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'openbaar' }, zaaktype);
      await insertZaak({ identificatie: 'A-geheim', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'geheim' }, zaaktype);
      await insertZaak({ identificatie: 'B-intern', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'intern' }, otherZaaktype);
      await insertZaak({ identificatie: 'B-open', bronorganisatie: bron, vertrouwelijkheidaanduiding: 'openbaar' }, otherZaaktype);
      await insertZaak({ identificatie: 'C-open', bronorganisatie: bron }, thirdZaaktype);
      const token = await tokenFor([
        { type: zaaktype, max: 'openbaar' },
        { type: otherZaaktype, max: 'intern' },
      ]);
      const page = await list(`bronorganisatie=${bron}`, token);
      expect(page.count).toBe(3);
      // One index range per zaaktype, merged in list order (newest first).
      expect(identificaties(page)).toEqual(['B-open', 'B-intern', 'A-open']);
      expect(identificaties(await list(`bronorganisatie=${bron}&zaaktype=${encodeURIComponent(otherZaaktype.url)}`, token))).toEqual(['B-open', 'B-intern']);
      expect(identificaties(await list(`bronorganisatie=${bron}&zaaktype=${encodeURIComponent(thirdZaaktype.url)}`, token))).toEqual([]);
      expect(identificaties(await list(`bronorganisatie=${bron}&maximaleVertrouwelijkheidaanduiding=openbaar`, token))).toEqual(['B-open', 'A-open']);
      const none = await tokenFor([{ type: zaaktype, max: 'zeer_geheim', scopes: ['zaken.aanmaken'] }]);
      const forbidden = await call('GET', `${LIST}?bronorganisatie=${bron}`, LIST, { token: none });
      expect(forbidden.statusCode).toBe(403);
    });

    it('pages through the zaken of several zaaktypen in one order', async () => {
      const bron = '050505050';
      const rows = Array.from({ length: 160 }, (_, index) => ({
        tenant_id: tenant.id,
        identificatie: `M-${String(index).padStart(3, '0')}`,
        bronorganisatie: bron,
        zaaktype_uuid: index % 3 === 0 ? zaaktype.uuid : index % 3 === 1 ? otherZaaktype.uuid : thirdZaaktype.uuid,
        verantwoordelijke_organisatie: bron,
        registratiedatum: '2026-01-10',
        startdatum: '2026-01-10',
        vertrouwelijkheidaanduiding: 'openbaar',
        created_at: new Date(Date.UTC(2026, 2, 1) + index),
      }));
      await database.db.insertInto('zaken').values(rows).execute();
      const token = await tokenFor([
        { type: zaaktype, max: 'zeer_geheim' },
        { type: otherZaaktype, max: 'zeer_geheim' },
      ]);
      const expected = rows.filter((_, index) => index % 3 !== 2).map((row) => row.identificatie).reverse();
      const first = await list(`bronorganisatie=${bron}`, token);
      const second = await list(`bronorganisatie=${bron}&page=2`, token);
      expect(first.count).toBe(107);
      expect(identificaties(second)).toHaveLength(7);
      expect([...identificaties(first), ...identificaties(second)]).toEqual(expected);
    });
    it('lists a scope holding most of the tenant’s zaken the same way once it walks the list order (scope-plan.ts)', async () => {
      const own = await createTestTenant(database.db);
      const [big, mid, small] = [await insertTestZaaktype(database.db, own), await insertTestZaaktype(database.db, own), await insertTestZaaktype(database.db, own)];
      const ranks = ['openbaar', 'intern', 'geheim'] as const;
      const rows = Array.from({ length: 230 }, (_, index) => ({
        tenant_id: own.id,
        identificatie: `W-${String(index).padStart(3, '0')}`,
        bronorganisatie: '002220647',
        zaaktype_uuid: index % 5 === 4 ? small.uuid : index % 2 === 0 ? big.uuid : mid.uuid,
        verantwoordelijke_organisatie: '002220647',
        registratiedatum: '2026-01-10',
        startdatum: '2026-01-10',
        vertrouwelijkheidaanduiding: ranks[index % 3] ?? 'openbaar',
        created_at: new Date(Date.UTC(2026, 3, 1) + index),
      }));
      await database.db.insertInto('zaken').values(rows).execute();
      // Each zaaktype up to its own maximum: big up to intern, mid up to geheim; small is not the client's.
      const token = await (
        await createTestClient(database.db, test.keys, own, { autorisaties: [zaakAutorisatie(big.url, ['zaken.lezen'], 'intern'), zaakAutorisatie(mid.url, ['zaken.lezen'], 'geheim')] })
      ).token();
      const visible = rows.filter((row) => (row.zaaktype_uuid === big.uuid && row.vertrouwelijkheidaanduiding !== 'geheim') || row.zaaktype_uuid === mid.uuid);
      const expected = visible.map((row) => row.identificatie).reverse();
      const page = async (number: number) => (await call('GET', `${LIST}?page=${number}`, LIST, { token, at: own })).json() as Json;
      // The first page merges the parts and notes the scope's share; the pages after it walk the list order.
      const merged = await page(1);
      const walked = [await page(1), await page(2)];
      expect(merged.count).toBe(expected.length);
      expect(identificaties(merged)).toEqual(expected.slice(0, 100));
      expect(walked[0]).toEqual(merged);
      expect(walked[1]?.count).toBe(expected.length);
      expect([...identificaties(walked[0] ?? {}), ...identificaties(walked[1] ?? {})]).toEqual(expected);
    });

    it('keeps the count of a zaaktype exact through bulk inserts, creates, changes of vertrouwelijkheid and deletes', async () => {
      const own = await createTestTenant(database.db);
      const type = await insertTestZaaktype(database.db, own);
      const token = await (await createTestClient(database.db, test.keys, own, { heeftAlleAutorisaties: true })).token();
      const restricted = await (await createTestClient(database.db, test.keys, own, { autorisaties: [zaakAutorisatie(type.url, ['zaken.lezen'], 'intern')] })).token();
      const ranks = ['openbaar', 'intern', 'geheim'];
      await database.db
        .insertInto('zaken')
        .values(Array.from({ length: 30 }, (_, index) => ({ tenant_id: own.id, identificatie: `C-${index}`, bronorganisatie: '002220647', zaaktype_uuid: type.uuid, verantwoordelijke_organisatie: '002220647', registratiedatum: '2026-01-10', startdatum: '2026-01-10', vertrouwelijkheidaanduiding: ranks[index % 3] ?? 'openbaar' })))
        .execute();
      const at = { at: own };
      const created = await call('POST', LIST, LIST, { token, ...at, body: { bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', zaaktype: type.url, startdatum: '2026-01-10', vertrouwelijkheidaanduiding: 'openbaar' } });
      const zaak = created.json() as Json;
      const deel = await call('POST', LIST, LIST, { token, ...at, body: { bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', zaaktype: type.url, startdatum: '2026-01-10', hoofdzaak: zaak.url } });
      expect(deel.statusCode, deel.body).toBe(201);
      await call('PATCH', `/zaken/${String((await database.db.selectFrom('zaken').select('uuid').where('identificatie', '=', 'C-0').where('tenant_id', '=', own.id).executeTakeFirstOrThrow()).uuid)}`, DETAIL, { token, ...at, body: { vertrouwelijkheidaanduiding: 'geheim' } });
      await call('DELETE', `/zaken/${String(zaak.uuid)}`, DETAIL, { token, ...at });
      const count = async (query: string, as: string) => ((await call('GET', `${LIST}?${query}`, LIST, { token: as, ...at })).json() as Json).count;
      const zaaktypeQuery = `zaaktype=${encodeURIComponent(type.url)}`;
      // The kept counts (zaaktype and autorisaties only) against a walk over the zaken (any other filter).
      const exact = 'startdatum__gte=1900-01-01';
      expect(await count(zaaktypeQuery, token)).toBe(30);
      expect(await count(`${zaaktypeQuery}&${exact}`, token)).toBe(30);
      expect(await count('', restricted)).toBe(await count(exact, restricted));
      expect(await count('', restricted)).toBe(19);
      expect(await count('maximaleVertrouwelijkheidaanduiding=openbaar', token)).toBe(await count(`maximaleVertrouwelijkheidaanduiding=openbaar&${exact}`, token));
    });
  });

  describe('zaak_retrieve and zaak_headers', () => {
    it('answers the zaak with an ETag, HEAD with the same headers, 304 for a matching If-None-Match', async () => {
      const zaak = await insertZaak();
      const response = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-crs']).toBe('EPSG:4326');
      const etag = String(response.headers.etag);
      const head = await call('HEAD', `/zaken/${zaak.uuid}`, DETAIL, { token: all });
      expect(head.statusCode).toBe(200);
      expect(head.headers.etag).toBe(etag);
      expect(head.body).toBe('');
      const cached = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all, headers: { 'if-none-match': etag } });
      expect(cached.statusCode).toBe(304);
      await database.db.insertInto('rollen').values({ tenant_id: tenant.id, zaak_uuid: zaak.uuid, roltype_uuid: zaaktype.roltypen.belanghebbende.uuid, betrokkene_type: 'vestiging', omschrijving_generiek: 'belanghebbende', vestigings_nummer: '000012345678' }).execute();
      const changed = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect((changed.json() as Json).rollen).toHaveLength(1);
    });

    it('zrc-006: answers 403 for a zaak the client may not read, 404 for one that is not there', async () => {
      const secret = await insertZaak({ vertrouwelijkheidaanduiding: 'geheim' });
      const token = await tokenFor([{ type: zaaktype, max: 'intern' }]);
      expect((await call('GET', `/zaken/${secret.uuid}`, DETAIL, { token })).statusCode).toBe(403);
      expect((await call('GET', '/zaken/5b1c6f0e-3c9a-4d2c-9f5e-0a1b2c3d4e5f', DETAIL, { token: all })).statusCode).toBe(404);
      expect((await call('GET', '/zaken/geen-uuid', DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('never shows another tenant’s zaak', async () => {
      const other = await createTestTenant(database.db);
      const theirs = await insertZaak({ identificatie: 'ANDER' }, await insertTestZaaktype(database.db, other), other);
      expect((await call('GET', `/zaken/${theirs.uuid}`, DETAIL, { token: all })).statusCode).toBe(404);
      expect(identificaties(await list('identificatie=ANDER'))).toEqual([]);
    });

    it('needs the Accept-Crs header (412 without, 406 for another CRS) and Content-Crs on writes', async () => {
      const zaak = await insertZaak();
      const missing = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all, noCrs: true });
      expect(missing.statusCode).toBe(412);
      const other = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all, noCrs: true, headers: { 'accept-crs': 'EPSG:28992' } });
      expect(other.statusCode).toBe(406);
      const write = await call('PATCH', `/zaken/${zaak.uuid}`, DETAIL, { token: all, noCrs: true, headers: { 'accept-crs': 'EPSG:4326' }, body: { omschrijving: 'x' } });
      expect(write.statusCode).toBe(412);
    });
  });

  describe('zaak__zoek', () => {
    // A square around Utrecht's centre with a hole (a park) in the middle.
    const AREA = {
      type: 'Polygon',
      coordinates: [
        [[5.10, 52.08], [5.14, 52.08], [5.14, 52.10], [5.10, 52.10], [5.10, 52.08]],
        [[5.115, 52.085], [5.125, 52.085], [5.125, 52.095], [5.115, 52.095], [5.115, 52.085]],
      ],
    };

    async function withGeometry(identificatie: string, geometry: Json): Promise<void> {
      const response = await call('POST', LIST, LIST, {
        token: all,
        body: { identificatie, bronorganisatie: '002220647', verantwoordelijkeOrganisatie: '002220647', zaaktype: zaaktype.url, startdatum: '2026-01-10', zaakgeometrie: geometry },
      });
      expect(response.statusCode, response.body).toBe(201);
    }

    async function search(body: Json, query = ''): Promise<Json> {
      const response = await call('POST', `${ZOEK}${query}`, ZOEK, { token: all, body });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Json;
    }

    it('finds the zaken whose geometry lies within a polygon, holes respected', async () => {
      await withGeometry('G-in', { type: 'Point', coordinates: [5.105, 52.09] });
      await withGeometry('G-hole', { type: 'Point', coordinates: [5.12, 52.09] });
      await withGeometry('G-out', { type: 'Point', coordinates: [5.2, 52.09] });
      await withGeometry('G-line-in', { type: 'LineString', coordinates: [[5.101, 52.081], [5.139, 52.081]] });
      await withGeometry('G-line-through-hole', { type: 'LineString', coordinates: [[5.105, 52.09], [5.135, 52.09]] });
      await withGeometry('G-area-in', { type: 'Polygon', coordinates: [[[5.13, 52.081], [5.139, 52.081], [5.139, 52.099], [5.13, 52.099], [5.13, 52.081]]] });
      const found = await search({ zaakgeometrie: { within: AREA } });
      expect(identificaties(found).sort()).toEqual(['G-area-in', 'G-in', 'G-line-in']);
      const multi = await search({ zaakgeometrie: { within: { type: 'MultiPolygon', coordinates: [AREA.coordinates, [[[5.19, 52.08], [5.21, 52.08], [5.21, 52.10], [5.19, 52.10], [5.19, 52.08]]]] } } });
      expect(identificaties(multi).sort()).toEqual(['G-area-in', 'G-in', 'G-line-in', 'G-out']);
      const point = await call('POST', ZOEK, ZOEK, { token: all, body: { zaakgeometrie: { within: { type: 'Point', coordinates: [5.1, 52.1] } } } });
      expect(problemCodes(point)).toEqual(['zaakgeometrie.within:invalid']);
    });

    it('decides "within" exactly in SQL: concave shapes, boundaries and collections', async () => {
      // A U: the notch between x 4 and 6 reaches down to y 2.
      const u = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [6, 10], [6, 2], [4, 2], [4, 10], [0, 10], [0, 0]]] };
      const within = async (geometry: Json) => (await sql<{ within: boolean }>`SELECT loket_geometry_within(${JSON.stringify(geometry)}::jsonb, ${JSON.stringify(u)}::jsonb) AS within`.execute(database.db)).rows[0]?.within;
      expect(await within({ type: 'Point', coordinates: [2, 8] })).toBe(true);
      expect(await within({ type: 'Point', coordinates: [5, 8] })).toBe(false);
      expect(await within({ type: 'Point', coordinates: [0, 5] })).toBe(false);
      expect(await within({ type: 'LineString', coordinates: [[1, 1], [9, 1]] })).toBe(true);
      // Both ends lie in the U's arms, but the line crosses the notch.
      expect(await within({ type: 'LineString', coordinates: [[2, 8], [8, 8]] })).toBe(false);
      expect(await within({ type: 'Polygon', coordinates: [[[1, 1], [9, 1], [9, 1.5], [1, 1.5], [1, 1]]] })).toBe(true);
      expect(await within({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [2, 8] }, { type: 'Point', coordinates: [8, 8] }] })).toBe(true);
      expect(await within({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [2, 8] }, { type: 'Point', coordinates: [5, 8] }] })).toBe(false);
    });

    it('searches on uuid__in, zaaktype__in and the list’s filters, ordered as asked', async () => {
      const a = await insertZaak({ identificatie: 'Z-A', startdatum: '2025-01-01' }, zaaktype);
      const b = await insertZaak({ identificatie: 'Z-B', startdatum: '2025-02-01' }, otherZaaktype);
      const c = await insertZaak({ identificatie: 'Z-C', startdatum: '2025-03-01' }, thirdZaaktype);
      expect(identificaties(await search({ uuid__in: [a.uuid, c.uuid] }))).toEqual(['Z-C', 'Z-A']);
      expect(identificaties(await search({ uuid__in: [a.uuid, b.uuid, c.uuid], zaaktype__in: [zaaktype.url, otherZaaktype.url], ordering: 'startdatum' }))).toEqual(['Z-A', 'Z-B']);
      expect(identificaties(await search({ uuid__in: [a.uuid, b.uuid, c.uuid], startdatum__gte: '2025-02-01', archiefnominatie__in: [] }))).toEqual([]);
      expect(identificaties(await search({ uuid__in: [a.uuid, b.uuid, c.uuid], startdatum__gte: '2025-02-01' }))).toEqual(['Z-C', 'Z-B']);
    });

    it('refuses an empty search, an unknown search field, and fields together with expand', async () => {
      const empty = await call('POST', ZOEK, ZOEK, { token: all, body: {} });
      expect(problemCodes(empty)).toEqual(['nonFieldErrors:empty_search_body']);
      const unknown = await call('POST', ZOEK, ZOEK, { token: all, body: { zaaktype_naam: 'x' } });
      expect(problemCodes(unknown)).toEqual(['zaaktype_naam:unknown-field']);
      const both = await call('POST', ZOEK, ZOEK, { token: all, body: { identificatie: 'x', fields: ['url'], expand: 'status' } });
      expect(problemCodes(both)).toEqual(['fields:invalid']);
    });

    it('zrc-029: returns only the fields asked for, of the zaak and of what fields expands', async () => {
      const zaak = await insertZaak({ identificatie: 'FLD-1', data: JSON.stringify({ processobject: { datumkenmerk: 'x', identificatie: 'P-1', objecttype: 'o', registratie: 'r' } }) });
      const response = await call('POST', ZOEK, ZOEK, {
        token: all,
        unchecked: true,
        body: { uuid__in: [zaak.uuid], fields: ['url', 'identificatie', { zaaktype: ['identificatie', 'omschrijving'], processobject: ['identificatie'] }] },
      });
      expect(response.statusCode, response.body).toBe(200);
      const [found] = (response.json() as { results: Json[] }).results;
      expect(found).toEqual({
        url: zaak.url,
        identificatie: 'FLD-1',
        processobject: { identificatie: 'P-1' },
        _expand: { zaaktype: { identificatie: expect.any(String) as string, omschrijving: 'Testzaaktype' } },
      });
      const unknown = await call('POST', ZOEK, ZOEK, { token: all, body: { uuid__in: [zaak.uuid], fields: ['kleur'] } });
      expect(problemCodes(unknown)).toEqual(['fields:invalid']);
    });

    it('zrc-006: searches only what the client may read', async () => {
      const mine = await insertZaak({ identificatie: 'S-mine' }, zaaktype);
      const theirs = await insertZaak({ identificatie: 'S-theirs' }, otherZaaktype);
      const token = await tokenFor([{ type: zaaktype, max: 'zeer_geheim' }]);
      const response = await call('POST', ZOEK, ZOEK, { token, body: { uuid__in: [mine.uuid, theirs.uuid] } });
      expect(identificaties(response.json() as Json)).toEqual(['S-mine']);
    });
  });

  describe('the JSON kept per zaak version (zaak-json-cache.ts)', () => {
    async function listed(uuid: string, request: 'list' | 'zoek' = 'list'): Promise<Json> {
      const page = request === 'list' ? await list(`identificatie=${encodeURIComponent((await detail(uuid)).identificatie as string)}`) : (await call('POST', ZOEK, ZOEK, { token: all, body: { uuid__in: [uuid] } })).json() as Json;
      const [zaak] = page.results as Json[];
      return zaak ?? {};
    }

    async function detail(uuid: string): Promise<Json> {
      const response = await call('GET', `/zaken/${uuid}`, DETAIL, { token: all });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as Json;
    }

    it('lists a zaak as its retrieve shows it, also after each change to the zaak or to what it lists', async () => {
      // A zaaktype of its own, so the zaak is on page 1 of the zaaktype's list (a list without further filters).
      const own = await insertTestZaaktype(database.db, tenant);
      const zaak = await insertZaak({ identificatie: 'KEPT-1' }, own);
      const page = await list(`zaaktype=${encodeURIComponent(own.url)}`);
      expect((page.results as Json[]).find((item) => item.uuid === zaak.uuid)).toEqual(await detail(zaak.uuid));
      // Listed once more: the kept JSON, the same as before.
      expect(await listed(zaak.uuid)).toEqual(await detail(zaak.uuid));

      await database.db.updateTable('zaken').set({ omschrijving: 'Gewijzigd na het tonen' }).where('uuid', '=', zaak.uuid).execute();
      expect(await listed(zaak.uuid)).toMatchObject({ omschrijving: 'Gewijzigd na het tonen' });

      const status = await insertTestStatus(database.db, tenant, zaak.uuid, zaaktype.statustypen[0]?.uuid ?? '', '2026-02-01T10:00:00Z');
      expect(await listed(zaak.uuid)).toMatchObject({ status: expect.stringContaining(status) as string });
      const rol = await insertTestRol(database.db, tenant, zaak.uuid, zaaktype, { bsn: BSN });
      expect(await listed(zaak.uuid, 'zoek')).toMatchObject({ rollen: [expect.stringContaining(rol) as string] });
      await database.db.deleteFrom('rollen').where('uuid', '=', rol).execute();
      expect(await listed(zaak.uuid)).toMatchObject({ rollen: [] });
      expect(await listed(zaak.uuid, 'zoek')).toEqual(await detail(zaak.uuid));
    });

    it('serves the kept JSON for the version listed and reads the zaak again once that version is gone', async () => {
      const zaak = await insertZaak({ identificatie: 'KEPT-2' });
      await listed(zaak.uuid);
      const cache = zaakJsonCacheFor(database.db);
      const key = zaakJsonKey(tenant.id, `http://${tenant.hostnames[0]}/zaken/api/v1`, zaak.uuid);
      const [version] = (await sql<{ version: string }>`SELECT z.xmin::text || '.' || coalesce(l.xmin::text, '0') AS version FROM zaken AS z
        LEFT JOIN zaak_relatie_lijsten AS l ON l.zaak_uuid = z.uuid WHERE z.uuid = ${zaak.uuid}`.execute(database.db)).rows;
      expect(cache.get(key, version?.version ?? '')).toBeDefined();
      // Marked, the kept JSON shows that the list took it from the cache rather than from the row.
      cache.set(key, version?.version ?? '', Buffer.from(JSON.stringify({ ...(await detail(zaak.uuid)), omschrijving: 'Uit de cache' })));
      expect(await listed(zaak.uuid)).toMatchObject({ omschrijving: 'Uit de cache' });
      await database.db.updateTable('zaken').set({ omschrijving: 'Weer gewijzigd' }).where('uuid', '=', zaak.uuid).execute();
      expect(await listed(zaak.uuid)).toEqual(await detail(zaak.uuid));
    });

    it('retrieves a kept zaak with the ETag of its current version, and answers If-None-Match from it', async () => {
      const zaak = await insertZaak({ identificatie: 'KEPT-4' });
      await listed(zaak.uuid);
      const first = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all });
      const etag = String(first.headers.etag);
      expect(etag).toBe(etagOf(first.json()));
      expect((await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all })).headers.etag).toBe(etag);
      expect((await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all, headers: { 'if-none-match': etag } })).statusCode).toBe(304);

      await database.db.updateTable('zaken').set({ omschrijving: 'Na de eerste keer' }).where('uuid', '=', zaak.uuid).execute();
      const changed = await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all, headers: { 'if-none-match': etag } });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ omschrijving: 'Na de eerste keer' });
      expect(changed.headers.etag).toBe(etagOf(changed.json()));
      const head = await call('HEAD', `/zaken/${zaak.uuid}`, DETAIL, { token: all });
      expect(head.headers.etag).toBe(changed.headers.etag);

      // Kept or not, a zaak the caller may not read is refused.
      const other = await tokenFor([{ type: otherZaaktype, max: 'zeer_geheim' }]);
      expect((await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: other })).statusCode).toBe(403);
      await database.db.deleteFrom('zaken').where('uuid', '=', zaak.uuid).execute();
      expect((await call('GET', `/zaken/${zaak.uuid}`, DETAIL, { token: all })).statusCode).toBe(404);
    });

    it('does not show a zaak the caller may no longer read, also when its JSON is read again', async () => {
      const zaak = await insertZaak({ identificatie: 'KEPT-3', vertrouwelijkheidaanduiding: 'openbaar' });
      const token = await tokenFor([{ type: zaaktype, max: 'openbaar' }]);
      expect(identificaties(await list('identificatie=KEPT-3', token))).toEqual(['KEPT-3']);
      await database.db.updateTable('zaken').set({ vertrouwelijkheidaanduiding: 'geheim' }).where('uuid', '=', zaak.uuid).execute();
      expect(identificaties(await list('identificatie=KEPT-3', token))).toEqual([]);
    });
  });
});
