import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely, type Transaction } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import type { Database, Tenant } from '../database/schema.ts';
import { createKeys } from '../crypto/keys.ts';
import { traceFromHeader } from '../http/trace-context.ts';
import { logProcessing } from './log.ts';
import { recordHash } from './chain.ts';
import { verifyProcessingLog } from './verify.ts';

const keys = createKeys(randomBytes(32));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** A tenant with a chain of `count` records; returns their seqs in order. */
async function tenantWithChain(count: number): Promise<{ tenant: Tenant; seqs: number[] }> {
  const tenant = await createTestTenant(database.db);
  const seqs: number[] = [];
  for (let i = 0; i < count; i++) {
    const logged = await logProcessing(database.db, keys, {
      tenantId: tenant.id,
      activityId: 'klantcontact-registreren',
      name: `contact-${i}`,
      status: 'ok',
      startTime: new Date(),
      actor: 'medewerker:kcc',
      trace: traceFromHeader(undefined),
      dataSubjects: [{ type: 'BSN', id: '111222333' }],
    });
    seqs.push(...logged.seqs);
  }
  return { tenant, seqs };
}

/** Tampers as the table owner would: the append-only trigger switched off for just this transaction's work. */
async function tamper(work: (trx: Transaction<Database>) => Promise<unknown>): Promise<void> {
  await database.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE processing_log DISABLE TRIGGER processing_log_no_update`.execute(trx);
    await work(trx);
    await sql`ALTER TABLE processing_log ENABLE TRIGGER processing_log_no_update`.execute(trx);
  });
}

async function problemsOf(db: Kysely<Database>, tenantId: string) {
  const result = await verifyProcessingLog(db);
  return result.problems.filter((problem) => problem.tenantId === tenantId);
}

describe('verifyProcessingLog', () => {
  it('finds nothing wrong with untouched chains and counts every record it checked', async () => {
    const { tenant } = await tenantWithChain(3);
    const result = await verifyProcessingLog(database.db);
    expect(result.problems.filter((problem) => problem.tenantId === tenant.id)).toEqual([]);
    const total = await database.db.selectFrom('processing_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(result.checked).toBe(Number(total.n));
  });

  it('reports a record whose content was changed', async () => {
    const { tenant, seqs } = await tenantWithChain(4);
    const target = seqs[1] ?? 0;
    await tamper((trx) => trx.updateTable('processing_log').set({ actor: 'applicatie:iemand-anders' }).where('tenant_id', '=', tenant.id).where('seq', '=', target).execute());
    const problems = await problemsOf(database.db, tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: target, problem: expect.stringMatching(/inhoud van het record is gewijzigd/) }]);
  });

  it('reports a changed record even when its hash was recomputed, at the record after it', async () => {
    const { tenant, seqs } = await tenantWithChain(3);
    const target = seqs[1] ?? 0;
    await tamper(async (trx) => {
      const row = await trx.selectFrom('processing_log').selectAll().where('tenant_id', '=', tenant.id).where('seq', '=', target).executeTakeFirstOrThrow();
      const forged = recordHash({
        tenantId: row.tenant_id, traceId: row.trace_id, operationId: row.operation_id, parentOperationId: row.parent_operation_id, name: 'iets-anders',
        statusCode: row.status_code, startTime: new Date(row.start_time), endTime: new Date(row.end_time), processingActivityId: row.processing_activity_id,
        dataSubjectId: row.data_subject_id, dataSubjectIdType: row.data_subject_id_type, actor: row.actor, foreignOperation: row.foreign_operation,
        attributes: row.attributes, previousHash: row.previous_hash,
      });
      await trx.updateTable('processing_log').set({ name: 'iets-anders', hash: forged }).where('tenant_id', '=', tenant.id).where('seq', '=', target).execute();
    });
    const problems = await problemsOf(database.db, tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: seqs[2], problem: expect.stringMatching(/previous_hash sluit niet aan/) }]);
  });

  it('reports a deleted record at the record that followed it', async () => {
    const { tenant, seqs } = await tenantWithChain(4);
    await tamper((trx) => trx.deleteFrom('processing_log').where('tenant_id', '=', tenant.id).where('seq', '=', seqs[2] ?? 0).execute());
    const problems = await problemsOf(database.db, tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: seqs[3], problem: expect.stringMatching(/previous_hash sluit niet aan op het vorige record \(seq \d+\)/) }]);
  });

  it('reports a deleted first record', async () => {
    const { tenant, seqs } = await tenantWithChain(3);
    await tamper((trx) => trx.deleteFrom('processing_log').where('tenant_id', '=', tenant.id).where('seq', '=', seqs[0] ?? 0).execute());
    const problems = await problemsOf(database.db, tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: seqs[1], problem: expect.stringMatching(/eerste record sluit niet aan/) }]);
  });

  it('reports a removed tail, which leaves an internally consistent but shorter chain', async () => {
    const { tenant, seqs } = await tenantWithChain(4);
    await tamper((trx) => trx.deleteFrom('processing_log').where('tenant_id', '=', tenant.id).where('seq', '>=', seqs[2] ?? 0).execute());
    const problems = await problemsOf(database.db, tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: seqs[3], problem: expect.stringMatching(/ingekort/) }]);
  });

  it('links records across batch boundaries, reading the log a few records at a time', async () => {
    const { tenant, seqs } = await tenantWithChain(7);
    expect((await verifyProcessingLog(database.db, { batchSize: 2 })).problems.filter((problem) => problem.tenantId === tenant.id)).toEqual([]);
    // seqs[4] starts the third batch of two: its predecessor was read in the previous query.
    await tamper((trx) => trx.deleteFrom('processing_log').where('tenant_id', '=', tenant.id).where('seq', '=', seqs[3] ?? 0).execute());
    const problems = (await verifyProcessingLog(database.db, { batchSize: 2 })).problems.filter((problem) => problem.tenantId === tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: seqs[4], problem: expect.stringMatching(/previous_hash sluit niet aan/) }]);
  });

  it('reports a chain removed entirely', async () => {
    const { tenant, seqs } = await tenantWithChain(2);
    await tamper((trx) => trx.deleteFrom('processing_log').where('tenant_id', '=', tenant.id).execute());
    const problems = await problemsOf(database.db, tenant.id);
    expect(problems).toEqual([{ tenantId: tenant.id, seq: seqs[1], problem: expect.stringMatching(/ingekort.*geen records meer/) }]);
  });

  it('keeps appending a valid chain after the check, and leaves other tenants unaffected by one tenant\'s tampering', async () => {
    const tampered = await tenantWithChain(2);
    const intact = await tenantWithChain(2);
    await tamper((trx) => trx.updateTable('processing_log').set({ name: 'x' }).where('tenant_id', '=', tampered.tenant.id).execute());
    expect(await problemsOf(database.db, tampered.tenant.id)).toHaveLength(2);
    expect(await problemsOf(database.db, intact.tenant.id)).toEqual([]);
    // The trigger is back on after tampering.
    await expect(database.db.updateTable('processing_log').set({ name: 'y' }).where('tenant_id', '=', intact.tenant.id).execute()).rejects.toThrow(/append-only/);
  });
});
