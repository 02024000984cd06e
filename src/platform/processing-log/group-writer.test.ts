import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { createKeys } from '../crypto/keys.ts';
import { traceFromHeader } from '../http/trace-context.ts';
import { logProcessing, UnknownProcessingActivityError, type ProcessingEntry } from './log.ts';
import { verifyProcessingLog } from './verify.ts';

const keys = createKeys(randomBytes(32));

function entry(tenantId: string, index: number, overrides: Partial<ProcessingEntry> = {}): ProcessingEntry {
  return {
    tenantId,
    activityId: 'zaak-behandelen',
    name: `zaak-inzien-${index}`,
    status: 'ok',
    startTime: new Date(),
    actor: 'inwoner',
    trace: traceFromHeader(undefined),
    dataSubjects: [{ type: 'BSN', id: '999993653' }],
    ...overrides,
  };
}

describe('processing records written in groups outside a transaction', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('logs many concurrent page views of several tenants, each committed before its call returns, chains intact', async () => {
    const first = await createTestTenant(database.db);
    const second = await createTestTenant(database.db);
    const calls = Array.from({ length: 60 }, (_, index) => logProcessing(database.db, keys, entry(index % 2 === 0 ? first.id : second.id, index)));
    const logged = await Promise.all(calls);
    expect(logged.every((item) => item.seqs.length === 1)).toBe(true);
    expect(new Set(logged.map((item) => item.seqs[0])).size).toBe(60);
    for (const tenant of [first, second]) {
      const rows = await database.db.selectFrom('processing_log').select('name').where('tenant_id', '=', tenant.id).execute();
      expect(rows).toHaveLength(30);
    }
    const verified = await verifyProcessingLog(database.db);
    expect(verified.problems.filter((problem) => problem.tenantId === first.id || problem.tenantId === second.id)).toEqual([]);
  });

  it('fails only the entry whose activity is not registered, not the others of its group', async () => {
    const tenant = await createTestTenant(database.db);
    const results = await Promise.allSettled([
      logProcessing(database.db, keys, entry(tenant.id, 1)),
      logProcessing(database.db, keys, entry(tenant.id, 2, { activityId: 'bestaat-niet' })),
      logProcessing(database.db, keys, entry(tenant.id, 3)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(UnknownProcessingActivityError);
    const rows = await database.db.selectFrom('processing_log').select('name').where('tenant_id', '=', tenant.id).orderBy('seq').execute();
    expect(rows.map((row) => row.name).sort()).toEqual(['zaak-inzien-1', 'zaak-inzien-3']);
  });
});
