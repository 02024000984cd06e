import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { createKeys } from '../crypto/keys.ts';
import { traceFromHeader } from '../http/trace-context.ts';
import { ProblemError } from '../errors/problem.ts';
import { logProcessing, UnknownProcessingActivityError, type ProcessingEntry } from './log.ts';
import { DEFAULT_PROCESSING_ACTIVITIES } from './register.ts';
import { GENESIS_HASH } from './chain.ts';
import { verifyProcessingLog } from './verify.ts';

const keys = createKeys(randomBytes(32));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

function entry(tenantId: string, overrides: Partial<ProcessingEntry> = {}): ProcessingEntry {
  return {
    tenantId,
    activityId: 'zaak-behandelen',
    name: 'zaak-aanmaken',
    status: 'ok',
    startTime: new Date('2025-03-01T10:00:00.123Z'),
    endTime: new Date('2025-03-01T10:00:00.456Z'),
    actor: 'applicatie:zaaksysteem',
    trace: traceFromHeader(undefined),
    ...overrides,
  };
}

async function rowsOf(tenantId: string) {
  return database.db.selectFrom('processing_log').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();
}

async function problemsOf(tenantId: string) {
  const result = await verifyProcessingLog(database.db);
  return result.problems.filter((problem) => problem.tenantId === tenantId);
}

describe('the register of processing activities', () => {
  it('is seeded with the default activities for every new tenant', async () => {
    const tenant = await createTestTenant(database.db);
    const activities = await database.db.selectFrom('processing_activities').selectAll().where('tenant_id', '=', tenant.id).orderBy('id').execute();
    expect(activities.map((activity) => activity.id)).toEqual(DEFAULT_PROCESSING_ACTIVITIES.map((activity) => activity.id).sort());
    const zaak = activities.find((activity) => activity.id === 'zaak-behandelen');
    expect(zaak?.legal_ground).toBe('AVG art. 6 lid 1 sub e: taak van algemeen belang (Awb, Gemeentewet)');
    expect(zaak?.purpose).not.toBe('');
  });
});

describe('logProcessing', () => {
  it('writes one record per data subject, sharing the operation, with the subject pseudonymised', async () => {
    const tenant = await createTestTenant(database.db);
    const logged = await logProcessing(database.db, keys, entry(tenant.id, {
      dataSubjects: [
        { type: 'BSN', id: '111222333' },
        { type: 'BSN', id: '123456782' },
      ],
      attributes: { kanaal: 'balie', aantal: 2 },
    }));
    const rows = await rowsOf(tenant.id);
    expect(rows).toHaveLength(2);
    expect(logged.seqs).toEqual(rows.map((row) => Number(row.seq)));
    expect(new Set(rows.map((row) => row.operation_id))).toEqual(new Set([logged.operationId]));
    expect(rows.map((row) => row.data_subject_id)).toEqual([keys.pseudonymise(tenant.id, '111222333'), keys.pseudonymise(tenant.id, '123456782')]);
    for (const row of rows) {
      expect(row.data_subject_id).toMatch(/^[0-9a-f]{64}$/);
      expect(row.data_subject_id).not.toContain('111222333');
      expect(row.data_subject_id_type).toBe('BSN');
      expect(row.status_code).toBe(1);
      expect(row.processing_activity_id).toBe('zaak-behandelen');
      expect(row.actor).toBe('applicatie:zaaksysteem');
      expect(new Date(row.start_time).toISOString()).toBe('2025-03-01T10:00:00.123Z');
      expect(row.attributes).toEqual({ kanaal: 'balie', aantal: 2 });
      expect(JSON.stringify(row)).not.toContain('111222333');
    }
    expect(rows[0]?.previous_hash).toBe(GENESIS_HASH);
    expect(rows[1]?.previous_hash).toBe(rows[0]?.hash);
  });

  it('writes one record without a subject when the processing concerns no identified person', async () => {
    const tenant = await createTestTenant(database.db);
    await logProcessing(database.db, keys, entry(tenant.id, { status: 'error' }));
    const rows = await rowsOf(tenant.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.data_subject_id).toBeNull();
    expect(rows[0]?.status_code).toBe(2);
  });

  it('gives the same person the same pseudonym every time, and a different one in another tenant', async () => {
    const first = await createTestTenant(database.db);
    const second = await createTestTenant(database.db);
    for (const tenant of [first, first, second]) await logProcessing(database.db, keys, entry(tenant.id, { dataSubjects: [{ type: 'BSN', id: '999999990' }] }));
    const [a, b] = await rowsOf(first.id);
    const [c] = await rowsOf(second.id);
    expect(a?.data_subject_id).toBe(b?.data_subject_id);
    expect(c?.data_subject_id).not.toBe(a?.data_subject_id);
  });

  it('refuses an activity that is not in the tenant register, with an error naming it', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(logProcessing(database.db, keys, entry(tenant.id, { activityId: 'bestaat-niet' }))).rejects.toThrow(UnknownProcessingActivityError);
    await expect(logProcessing(database.db, keys, entry(tenant.id, { activityId: 'bestaat-niet' }))).rejects.toThrow(/"bestaat-niet" is not in the register/);
    expect(await rowsOf(tenant.id)).toHaveLength(0);
  });

  it('refuses a malformed BSN and writes nothing', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(logProcessing(database.db, keys, entry(tenant.id, { dataSubjects: [{ type: 'BSN', id: '111222334' }] }))).rejects.toBeInstanceOf(ProblemError);
    expect(await rowsOf(tenant.id)).toHaveLength(0);
  });

  it('records a continued foreign trace as foreign_operation under a trace of its own', async () => {
    const tenant = await createTestTenant(database.db);
    const foreignTrace = traceFromHeader('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    const logged = await logProcessing(database.db, keys, entry(tenant.id, { trace: foreignTrace, foreignEntity: 'urn:loket:applicatie:burgerzaken' }));
    const [row] = await rowsOf(tenant.id);
    expect(row?.foreign_operation).toEqual({ trace_id: '0af7651916cd43dd8448eb211c80319c', operation_id: 'b7ad6b7169203331', entity: 'urn:loket:applicatie:burgerzaken' });
    expect(row?.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(row?.trace_id).not.toBe('0af7651916cd43dd8448eb211c80319c');
    expect(row?.trace_id).toBe(logged.traceId);
    expect(row?.parent_operation_id).toBeNull();
  });

  it('commits the record with the caller\'s transaction and leaves none when it rolls back', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await logProcessing(trx, keys, entry(tenant.id, { dataSubjects: [{ type: 'BSN', id: '111222333' }] }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(tenant.id)).toHaveLength(0);
    await database.db.transaction().execute((trx) => logProcessing(trx, keys, entry(tenant.id)));
    const rows = await rowsOf(tenant.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.previous_hash).toBe(GENESIS_HASH);
    expect(await problemsOf(tenant.id)).toEqual([]);
  });

  it('keeps the chain intact when several transactions write to the same tenant at once', async () => {
    const tenant = await createTestTenant(database.db);
    const writers = 6;
    await Promise.all(
      Array.from({ length: writers }, (_, writer) =>
        database.db.transaction().execute(async (trx) => {
          await logProcessing(trx, keys, entry(tenant.id, { name: `schrijver-${writer}`, dataSubjects: [{ type: 'BSN', id: '111222333' }, { type: 'BSN', id: '123456782' }] }));
          // Other work inside the same transaction, so the transactions overlap on PostgreSQL.
          await sql`SELECT 1`.execute(trx);
          await logProcessing(trx, keys, entry(tenant.id, { name: `schrijver-${writer}-vervolg` }));
        }),
      ),
    );
    const rows = await rowsOf(tenant.id);
    expect(rows).toHaveLength(writers * 3);
    rows.forEach((row, index) => expect(row.previous_hash).toBe(index === 0 ? GENESIS_HASH : rows[index - 1]?.hash));
    expect(new Set(rows.map((row) => row.hash)).size).toBe(rows.length);
    expect(await problemsOf(tenant.id)).toEqual([]);
  });

  it('refuses to change or delete a record while the append-only trigger is on', async () => {
    const tenant = await createTestTenant(database.db);
    await logProcessing(database.db, keys, entry(tenant.id));
    await expect(database.db.updateTable('processing_log').set({ name: 'anders' }).where('tenant_id', '=', tenant.id).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('processing_log').where('tenant_id', '=', tenant.id).execute()).rejects.toThrow(/append-only/);
    await expect(database.db.deleteFrom('processing_log_heads').where('tenant_id', '=', tenant.id).execute()).rejects.toThrow(/cannot be deleted/);
    await expect(database.db.updateTable('processing_log_heads').set({ row_count: 0 }).where('tenant_id', '=', tenant.id).execute()).rejects.toThrow(/only moves forward/);
    expect(await rowsOf(tenant.id)).toHaveLength(1);
  });
});
