import type { Kysely, Selectable } from 'kysely';
import type { Database, ProcessingLogTable } from '../database/schema.ts';
import { GENESIS_HASH, recordHash } from './chain.ts';

/** One finding of the chain check; `seq` is the record where it shows. */
export interface ChainProblem {
  tenantId: string;
  seq: number;
  problem: string;
}

/** Records read per query: bounded memory whatever the size of the log. */
export const VERIFY_BATCH_SIZE = 1000;

type LogRow = Selectable<ProcessingLogTable>;

function hashOf(row: LogRow): string {
  return recordHash({
    tenantId: row.tenant_id,
    traceId: row.trace_id,
    operationId: row.operation_id,
    parentOperationId: row.parent_operation_id,
    name: row.name,
    statusCode: row.status_code,
    startTime: new Date(row.start_time),
    endTime: new Date(row.end_time),
    processingActivityId: row.processing_activity_id,
    dataSubjectId: row.data_subject_id,
    dataSubjectIdType: row.data_subject_id_type,
    actor: row.actor,
    foreignOperation: row.foreign_operation,
    attributes: row.attributes,
    previousHash: row.previous_hash,
  });
}

async function verifyTenant(db: Kysely<Database>, tenantId: string, problems: ChainProblem[], batchSize: number): Promise<number> {
  // The head is read before the records: records written while we check come after it and are checked as chain
  // members, but cannot make an intact chain look shorter than its head.
  const head = await db.selectFrom('processing_log_heads').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  const headSeq = head ? Number(head.last_seq) : undefined;
  const found = problems.length;
  let expectedPrevious = GENESIS_HASH;
  let previousSeq: number | undefined;
  let lastSeq = 0;
  let checked = 0;
  let countUpToHead = 0;
  let reachedHead = false;
  for (;;) {
    const rows = await db.selectFrom('processing_log').selectAll().where('tenant_id', '=', tenantId).where('seq', '>', lastSeq).orderBy('seq').limit(batchSize).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      checked++;
      if (headSeq !== undefined && seq <= headSeq) countUpToHead++;
      if (row.previous_hash !== expectedPrevious) {
        problems.push({
          tenantId,
          seq,
          problem:
            previousSeq === undefined
              ? 'Het eerste record sluit niet aan op het begin van de keten: eerdere records zijn verwijderd.'
              : `previous_hash sluit niet aan op het vorige record (seq ${previousSeq}): een record daartussen is verwijderd of het vorige record is gewijzigd.`,
        });
      }
      if (hashOf(row) !== row.hash) problems.push({ tenantId, seq, problem: 'De inhoud van het record is gewijzigd: de hash klopt niet.' });
      if (seq === headSeq) {
        reachedHead = true;
        if (head && row.hash !== head.last_hash) problems.push({ tenantId, seq, problem: 'De hash van dit record verschilt van de vastgelegde kop van de keten.' });
      }
      // Continue from the stored hash so one tampered record is reported once, not at every later link.
      expectedPrevious = row.hash;
      previousSeq = seq;
      lastSeq = seq;
    }
    if (rows.length < batchSize) break;
  }
  if (head === undefined || headSeq === undefined) {
    if (previousSeq !== undefined) problems.push({ tenantId, seq: lastSeq, problem: 'De keten heeft geen vastgelegde kop (processing_log_heads): die is verwijderd.' });
    return checked;
  }
  if (!reachedHead) {
    problems.push({
      tenantId,
      seq: headSeq,
      problem: `De keten is ingekort: het laatste record volgens de kop (seq ${headSeq}) ontbreekt${previousSeq === undefined ? ' en er zijn geen records meer' : `; het laatste aanwezige record is seq ${previousSeq}`}.`,
    });
  } else if (problems.length === found && countUpToHead !== Number(head.row_count)) {
    // Only meaningful when the links are intact: records removed and the rest re-chained.
    problems.push({ tenantId, seq: headSeq, problem: `De keten telt ${countUpToHead} records tot seq ${headSeq}, maar de kop verwacht er ${String(head.row_count)}.` });
  }
  return checked;
}

/**
 * Recomputes every tenant's hash chain in `seq` order, in batches, and reports each record whose
 * content changed (hash mismatch), each break in the links (a deleted or altered predecessor) and a
 * chain shorter than its recorded head (a removed tail). `options.batchSize` only exists so tests can
 * cross batch boundaries with a few records.
 */
export async function verifyProcessingLog(
  db: Kysely<Database>,
  options: { batchSize?: number } = {},
): Promise<{ checked: number; problems: { tenantId: string; seq: number; problem: string }[] }> {
  const batchSize = options.batchSize ?? VERIFY_BATCH_SIZE;
  const problems: ChainProblem[] = [];
  let checked = 0;
  // Every record and head references a tenant, and tenants are few: walking them reaches every chain.
  const tenants = await db.selectFrom('tenants').select('id').orderBy('id').execute();
  for (const tenant of tenants) checked += await verifyTenant(db, tenant.id, problems, batchSize);
  return { checked, problems };
}
