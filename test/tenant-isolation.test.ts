import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../src/platform/database/schema.ts';
import { recordAudit } from '../src/platform/audit/record.ts';
import { findAuditRecord, listAuditTrail } from '../src/platform/audit/repository.ts';
import { enqueueEvent } from '../src/platform/outbox/write.ts';
import { listFailedEvents, retryEvent } from '../src/platform/outbox/repository.ts';
import { logProcessing } from '../src/platform/processing-log/log.ts';
import { traceFromHeader } from '../src/platform/http/trace-context.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from './fixtures.ts';
import { signInStaff } from './staff-session.ts';

const BSN = '111222333';
/** Tables that are not domain data of one municipality. */
const GLOBAL_TABLES = ['tenants', 'loket_migrations'];

/** One municipality never reads or changes another's data, through any route or service. */
describe('tenant isolation', () => {
  let database: TestDatabase;
  let test: TestApp;
  let amsterdam: Tenant;
  let breda: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database);
    amsterdam = await createTestTenant(database.db, 'Gemeente A');
    breda = await createTestTenant(database.db, 'Gemeente B');
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  it('every table but the tenant list itself carries tenant_id', async () => {
    const result = await sql<{ table_name: string }>`
      SELECT t.table_name FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                        WHERE c.table_schema = 'public' AND c.table_name = t.table_name AND c.column_name = 'tenant_id')`.execute(database.db);
    expect(result.rows.map((row) => row.table_name).filter((name) => !GLOBAL_TABLES.includes(name))).toEqual([]);
  });

  it("an API client of one municipality is unknown at another's host", async () => {
    const client = await createTestClient(database.db, test.keys, amsterdam, { heeftAlleAutorisaties: true });
    const token = await client.token();
    const own = await test.app.inject({ url: '/platform/api/v1/gemeente', headers: { host: hostOf(amsterdam), authorization: `Bearer ${token}` } });
    expect(own.json()).toMatchObject({ naam: 'Gemeente A' });
    const other = await test.app.inject({ url: '/platform/api/v1/gemeente', headers: { host: hostOf(breda), authorization: `Bearer ${token}` } });
    expect(other.statusCode).toBe(401);
  });

  it("a staff session of one municipality does not open another's workspace", async () => {
    const staff = await signInStaff(test, amsterdam, { roles: ['beheerder'] });
    const other = await test.app.inject({ url: '/medewerker', headers: { host: hostOf(breda), cookie: staff.cookie } });
    expect(other.statusCode).not.toBe(200);
  });

  it("a privacy officer sees only their own municipality's processing of a person", async () => {
    await logProcessing(database.db, test.keys, {
      tenantId: amsterdam.id,
      activityId: 'zaak-behandelen',
      name: 'zaak-van-gemeente-a',
      status: 'ok',
      startTime: new Date(),
      dataSubjects: [{ type: 'BSN', id: BSN }],
      actor: 'applicatie:zaakapp',
      trace: traceFromHeader(undefined),
    });
    const officer = await signInStaff(test, breda, { roles: ['privacy'] });
    const response = await test.app.inject({
      method: 'POST',
      url: '/medewerker/privacy/verwerkingen',
      headers: { ...officer.headers, accept: 'text/html' },
      payload: { _csrf: officer.csrfToken, bsn: BSN },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain('zaak-van-gemeente-a');
  });

  it('audit records of one municipality cannot be listed or fetched by another', async () => {
    const hoofdObject = `https://${hostOf(amsterdam)}/zaken/api/v1/zaken/0f1b5a9e-0000-4000-8000-000000000001`;
    const record = await recordAudit(database.db, {
      tenantId: amsterdam.id,
      bron: 'zrc',
      applicatieId: 'zaakapp',
      gebruikersId: 'u1',
      gebruikersWeergave: 'Medewerker',
      actie: 'create',
      resultaat: 201,
      hoofdObject,
      resource: 'zaak',
      resourceUrl: hoofdObject,
      resourceWeergave: 'ZAAK-1',
      nieuw: { identificatie: 'ZAAK-1' },
    });
    expect(await listAuditTrail(database.db, amsterdam.id, hoofdObject)).toHaveLength(1);
    expect(await listAuditTrail(database.db, breda.id, hoofdObject)).toHaveLength(0);
    expect(await findAuditRecord(database.db, breda.id, record.uuid)).toBeUndefined();
  });

  it('failed events of one municipality cannot be listed or re-triggered by another', async () => {
    const id = await database.db.transaction().execute((trx) => enqueueEvent(trx, { tenantId: amsterdam.id, kind: 'webhook', payload: { url: 'http://127.0.0.1:9/', body: {} } }));
    await database.db.updateTable('outbox').set({ failed_at: new Date() }).where('id', '=', id).execute();
    expect((await listFailedEvents(database.db, breda.id)).map((event) => event.id)).not.toContain(id);
    expect(await retryEvent(database.db, breda.id, id)).toBe(false);
    expect((await listFailedEvents(database.db, amsterdam.id)).map((event) => event.id)).toContain(id);
  });
});
