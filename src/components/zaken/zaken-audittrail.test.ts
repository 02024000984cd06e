import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, type TestApp } from '../../../test/fixtures.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { zaakAutorisatie } from './shared/relation-test-kit.ts';
import { loadZakenSpecForZaken, problemCodes, zakenCaller, type Json } from './zaken/zaken-test-kit.ts';

const LIST = '/zaken';
const DETAIL = '/zaken/{uuid}';
const TRAIL = '/zaken/{zaak_uuid}/audittrail';
const RECORD = '/zaken/{zaak_uuid}/audittrail/{uuid}';
const RESERVEREN = '/zaaknummer_reserveren';
const RSIN = '002220647';

describe('Zaken API: a zaak’s audit trail and zaaknummer_reserveren', () => {
  let database: TestDatabase;
  let test: TestApp;
  let spec: OpenApiSpec;
  let tenant: Tenant;
  let zaaktype: TestZaaktype;
  let otherZaaktype: TestZaaktype;
  let all: string;
  let call: ReturnType<typeof zakenCaller>;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    spec = await loadZakenSpecForZaken();
    tenant = await createTestTenant(database.db);
    zaaktype = await insertTestZaaktype(database.db, tenant);
    otherZaaktype = await insertTestZaaktype(database.db, tenant);
    all = await (await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true })).token();
    call = zakenCaller(test, spec, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  async function create(body: Json = {}): Promise<Json> {
    const response = await call('POST', LIST, LIST, { token: all, body: { bronorganisatie: RSIN, verantwoordelijkeOrganisatie: RSIN, zaaktype: zaaktype.url, startdatum: '2026-03-02', ...body } });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Json;
  }

  describe('audittrail_list and audittrail_retrieve', () => {
    it('lists every change to the zaak, oldest first, with what changed', async () => {
      const zaak = await create();
      await call('PATCH', `/zaken/${String(zaak.uuid)}`, DETAIL, { token: all, body: { omschrijving: 'Nieuw' }, headers: { 'x-audit-toelichting': 'Typfout' } });
      const response = await call('GET', `/zaken/${String(zaak.uuid)}/audittrail`, TRAIL, { token: all });
      expect(response.statusCode).toBe(200);
      const trail = response.json() as Json[];
      expect(trail.map((record) => [record.bron, record.actie, record.resultaat, record.resource, record.hoofdObject])).toEqual([
        ['zrc', 'create', 201, 'zaak', zaak.url],
        ['zrc', 'partial_update', 200, 'zaak', zaak.url],
      ]);
      expect(trail[1]).toMatchObject({ toelichting: 'Typfout', actieWeergave: 'Object deels bijgewerkt', wijzigingen: { oud: { omschrijving: '' }, nieuw: { omschrijving: 'Nieuw' } } });
      const one = await call('GET', `/zaken/${String(zaak.uuid)}/audittrail/${String(trail[1]?.uuid)}`, RECORD, { token: all });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toEqual(trail[1]);
    });

    it('finds the records whichever of the tenant’s host names they were written under', async () => {
      const zaak = await create();
      const elsewhere = String(zaak.url).replace(String(tenant.hostnames[0]), 'zaken.gemeente.example');
      await recordAudit(database.db, {
        tenantId: tenant.id,
        bron: 'zrc',
        applicatieId: 'ander-systeem',
        gebruikersId: '',
        gebruikersWeergave: '',
        actie: 'update',
        resultaat: 200,
        hoofdObject: elsewhere,
        resource: 'zaak',
        resourceUrl: elsewhere,
        resourceWeergave: 'via een andere hostnaam',
      });
      const trail = (await call('GET', `/zaken/${String(zaak.uuid)}/audittrail`, TRAIL, { token: all })).json() as Json[];
      expect(trail.map((record) => record.hoofdObject)).toEqual([zaak.url, elsewhere]);
    });

    it('answers 404 for a record of another zaak, and an empty trail for a zaak that is not there', async () => {
      const zaak = await create();
      const other = await create();
      const [record] = (await call('GET', `/zaken/${String(other.uuid)}/audittrail`, TRAIL, { token: all })).json() as Json[];
      const response = await call('GET', `/zaken/${String(zaak.uuid)}/audittrail/${String(record?.uuid)}`, RECORD, { token: all });
      expect(response.statusCode).toBe(404);
      const none = await call('GET', '/zaken/5b1c6f0e-3c9a-4d2c-9f5e-0a1b2c3d4e5f/audittrail', TRAIL, { token: all });
      expect(none.json()).toEqual([]);
    });

    it('zrc-006: needs audittrails.lezen for the zaak’s zaaktype', async () => {
      const zaak = await create();
      const forOther = await (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(otherZaaktype.url, ['audittrails.lezen'])] })).token();
      expect((await call('GET', `/zaken/${String(zaak.uuid)}/audittrail`, TRAIL, { token: forOther })).statusCode).toBe(403);
      const forThis = await (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(zaaktype.url, ['audittrails.lezen'])] })).token();
      expect((await call('GET', `/zaken/${String(zaak.uuid)}/audittrail`, TRAIL, { token: forThis })).statusCode).toBe(200);
      const reader = await (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(zaaktype.url, ['zaken.lezen'])] })).token();
      expect((await call('GET', `/zaken/${String(zaak.uuid)}/audittrail`, TRAIL, { token: reader })).statusCode).toBe(403);
    });
  });

  describe('zaaknummer_reserveren', () => {
    it('reserves one zaaknummer as an object, several as a list, each issued once', async () => {
      const one = await call('POST', RESERVEREN, RESERVEREN, { token: all, noCrs: true, body: { bronorganisatie: RSIN } });
      expect(one.statusCode, one.body).toBe(201);
      const { zaaknummer } = one.json() as { zaaknummer: string };
      expect(zaaknummer).toMatch(/^ZAAK-\d{4}-\d{10}$/);
      const three = await call('POST', RESERVEREN, RESERVEREN, { token: all, noCrs: true, body: { bronorganisatie: RSIN, aantal: 3 } });
      const numbers = (three.json() as { zaaknummer: string }[]).map((item) => item.zaaknummer);
      expect(new Set([zaaknummer, ...numbers]).size).toBe(4);
      // A generated identificatie never repeats a reserved one; the reserved one is given by sending it.
      const generated = await create();
      expect([zaaknummer, ...numbers]).not.toContain(generated.identificatie);
      const reserved = await create({ identificatie: zaaknummer });
      expect(reserved.identificatie).toBe(zaaknummer);
    });

    it('checks the bronorganisatie and the number asked for, and needs zaken.aanmaken', async () => {
      const wrong = await call('POST', RESERVEREN, RESERVEREN, { token: all, noCrs: true, body: { bronorganisatie: '123456789', aantal: 1001 } });
      expect(wrong.statusCode).toBe(400);
      expect(problemCodes(wrong)).toEqual(['aantal:max_value', 'bronorganisatie:invalid']);
      const zero = await call('POST', RESERVEREN, RESERVEREN, { token: all, noCrs: true, body: { bronorganisatie: RSIN, aantal: 0 } });
      expect(problemCodes(zero)).toEqual(['aantal:minimum']);
      const reader = await (await createTestClient(database.db, test.keys, tenant, { autorisaties: [zaakAutorisatie(zaaktype.url, ['zaken.lezen'])] })).token();
      expect((await call('POST', RESERVEREN, RESERVEREN, { token: reader, noCrs: true, body: { bronorganisatie: RSIN } })).statusCode).toBe(403);
    });
  });
});
