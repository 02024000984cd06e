import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { newOperationId, type TraceContext } from '../http/trace-context.ts';
import { assertValidBsn } from '../personal-data/bsn.ts';
import { GENESIS_HASH, recordHash, type ChainedFields } from './chain.ts';
import { inTransaction } from '../database/transaction.ts';
import { groupWriterFor } from './group-writer.ts';
import { prepared } from '../database/prepared.ts';

/** Outcome of a Dataverwerking, as the standard's `status_code` enumeration. */
export type ProcessingStatus = 'ok' | 'error' | 'unknown';

const STATUS_CODES: Record<ProcessingStatus, number> = { unknown: 0, ok: 1, error: 2 };

/** The person whose data was processed (Betrokkene), identified as e.g. `{ type: 'BSN', id: '111222333' }`. */
export interface DataSubject {
  type: string;
  id: string;
}

/** Extra key-value pairs for a record; nothing that identifies a person (the subject is pseudonymised separately). */
export type ProcessingAttributes = Record<string, string | number | boolean>;

/** One Dataverwerking to log. */
export interface ProcessingEntry {
  tenantId: string;
  /** Id of a processing activity in this tenant's register. */
  activityId: string;
  /** The operation within the activity, e.g. `zaak-aanmaken`. */
  name: string;
  status: ProcessingStatus;
  startTime: Date;
  /** Defaults to now. */
  endTime?: Date;
  /** Every person whose data was processed; each gets a record of their own. None: one record without a subject. */
  dataSubjects?: readonly DataSubject[];
  /** Kind of actor (`applicatie:<client_id>`, `medewerker:<rol>`), never a person: the standard keeps users out of log records. */
  actor: string;
  trace: TraceContext;
  /** URI of the external party that continued its trace into this request (becomes `foreign_operation.entity`). */
  foreignEntity?: string;
  /** An operation of this application within the same trace that caused this one. */
  parentOperationId?: string;
  /** Defaults to a new random id. */
  operationId?: string;
  attributes?: ProcessingAttributes;
}

/** What was written: the ids to relate later processing to, and the records' sequence numbers. */
export interface LoggedProcessing {
  traceId: string;
  operationId: string;
  seqs: number[];
}

/** The activity is not in the tenant's register; log records may only point to registered activities. */
export class UnknownProcessingActivityError extends Error {
  constructor(
    readonly tenantId: string,
    readonly activityId: string,
  ) {
    super(`Processing activity "${activityId}" is not in the register of tenant ${tenantId}; add it to the register (processing_activities) before logging under it.`);
    this.name = 'UnknownProcessingActivityError';
  }
}

/** Used when the caller continued a trace but did not say who it is. */
export const UNKNOWN_FOREIGN_ENTITY = 'urn:loket:onbekende-partij';

/** Advisory-lock key of a tenant's chain: 64 bits of sha256, namespaced so it cannot meet another lock of Loket by design. */
export function chainLockKey(tenantId: string): string {
  return createHash('sha256').update(`loket:processing-log:${tenantId}`).digest().readBigInt64BE(0).toString();
}

/**
 * A trace that came from another organisation is not ours: the standard records it as a
 * `foreign_operation` and groups our own processing under a trace of our own. Deriving that trace id
 * from the foreign one keeps every record caused by one foreign trace together without state.
 */
function localTraceId(tenantId: string, foreignTraceId: string): string {
  return createHash('sha256').update(`loket:trace:${tenantId}:${foreignTraceId}`).digest('hex').slice(0, 32);
}

function validate(entry: ProcessingEntry, endTime: Date): void {
  const problems: string[] = [];
  if (entry.name.trim() === '') problems.push('name is empty');
  if (entry.actor.trim() === '') problems.push('actor is empty');
  if (!(entry.status in STATUS_CODES)) problems.push(`status "${String(entry.status)}" is not ok, error or unknown`);
  if (Number.isNaN(entry.startTime.getTime()) || Number.isNaN(endTime.getTime())) problems.push('start or end time is not a valid date');
  else if (endTime.getTime() < entry.startTime.getTime()) problems.push('end time lies before start time');
  for (const [key, value] of Object.entries(entry.attributes ?? {})) {
    if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`attribute ${key} is not a finite number`);
  }
  for (const subject of entry.dataSubjects ?? []) {
    if (subject.type.trim() === '' || subject.id.trim() === '') problems.push('a data subject lacks its type or id');
  }
  if (problems.length > 0) throw new Error(`Invalid processing-log entry: ${problems.join('; ')}`);
  // A malformed BSN would be pseudonymised into a person nobody can ever find again: refuse it clearly.
  for (const subject of entry.dataSubjects ?? []) if (subject.type === 'BSN') assertValidBsn(subject.id);
}

/**
 * Takes the tenant's chain for the rest of the caller's transaction and returns the hash to chain on, after checking
 * that every activity named is in the tenant's register.
 */
async function lockChain(trx: Kysely<Database>, tenantId: string, activityIds: readonly string[], recordCount: number): Promise<{ chainedOn: string; seqs: number[] }> {
  // One writer per tenant chain at a time, across every Loket process; released when the caller's transaction ends.
  const lock = await sql<{ isolation: string }>`SELECT current_setting('transaction_isolation') AS isolation FROM (SELECT pg_advisory_xact_lock(${chainLockKey(tenantId)}::bigint)) AS locked`.execute(trx);
  const isolation = lock.rows[0]?.isolation ?? '';
  // Under a snapshot taken before the lock the previous writer's record would be invisible and the chain would fork.
  if (isolation !== 'read committed') throw new Error(`logProcessing needs a READ COMMITTED transaction, not ${isolation}`);

  // A separate statement after the lock: under READ COMMITTED it sees the record the previous lock holder committed.
  const wanted = [...new Set(activityIds)];
  // The same statement draws the records' sequence numbers (see writeRecords).
  const state = await prepared(sql<{ known: string[] | null; last_hash: string | null; seqs: (string | number)[] | null }>`
    SELECT (SELECT array_agg(id) FROM processing_activities WHERE tenant_id = ${tenantId} AND id = ANY(${wanted}::text[])) AS known,
           (SELECT hash FROM processing_log WHERE tenant_id = ${tenantId} ORDER BY seq DESC LIMIT 1) AS last_hash,
           (SELECT array_agg(nextval(pg_get_serial_sequence('processing_log', 'seq'))) FROM generate_series(1, ${recordCount})) AS seqs`).execute(trx);
  const row = state.rows[0];
  const known = new Set(row?.known ?? []);
  const unknown = wanted.find((id) => !known.has(id));
  if (unknown !== undefined) throw new UnknownProcessingActivityError(tenantId, unknown);
  const seqs = (row?.seqs ?? []).map(Number).sort((a, b) => a - b);
  if (seqs.length !== recordCount) throw new Error(`drew ${seqs.length} processing-log sequence numbers for ${recordCount} records`);
  return { chainedOn: row?.last_hash ?? GENESIS_HASH, seqs };
}

/** How many records an entry becomes: one per data subject, or one without a subject. */
function recordCountOf(entry: ProcessingEntry): number {
  return Math.max(1, entry.dataSubjects?.length ?? 0);
}

/** The records of one entry, hashed into the chain after `chainedOn`; written later with the others of the group. */
function chainEntry(keys: Pick<Keys, 'pseudonymise'>, entry: ProcessingEntry, endTime: Date, chainedOn: string): { records: { fields: ChainedFields; hash: string }[]; traceId: string; operationId: string; lastHash: string } {
  const foreign = entry.trace.foreign && entry.trace.parentOperationId !== undefined;
  const traceId = foreign ? localTraceId(entry.tenantId, entry.trace.traceId) : entry.trace.traceId;
  const foreignOperation = foreign ? { trace_id: entry.trace.traceId, operation_id: entry.trace.parentOperationId, entity: entry.foreignEntity ?? UNKNOWN_FOREIGN_ENTITY } : null;
  const operationId = entry.operationId ?? newOperationId();
  const parentOperationId = entry.parentOperationId ?? (foreign ? null : (entry.trace.parentOperationId ?? null));
  const subjects: (DataSubject | null)[] = entry.dataSubjects && entry.dataSubjects.length > 0 ? [...entry.dataSubjects] : [null];
  let previousHash = chainedOn;
  const records: { fields: ChainedFields; hash: string }[] = [];
  for (const subject of subjects) {
    const fields: ChainedFields = {
      tenantId: entry.tenantId,
      traceId,
      operationId,
      parentOperationId,
      name: entry.name,
      statusCode: STATUS_CODES[entry.status],
      startTime: new Date(entry.startTime.getTime()),
      endTime,
      processingActivityId: entry.activityId,
      dataSubjectId: subject ? keys.pseudonymise(entry.tenantId, subject.id) : null,
      dataSubjectIdType: subject ? subject.type : null,
      actor: entry.actor,
      foreignOperation,
      attributes: entry.attributes ?? {},
      previousHash,
    };
    const hash = recordHash(fields);
    records.push({ fields, hash });
    previousHash = hash;
  }
  return { records, traceId, operationId, lastHash: previousHash };
}

/**
 * Writes chained records in one statement. The chain follows seq and nextval order within a multi-row insert is not
 * promised, so the sequence numbers were drawn under the lock, sorted, and are given explicitly in chain order (the
 * lock keeps any other writer of this tenant out meanwhile; the head trigger sees the rows in that order).
 */
async function writeRecords(trx: Kysely<Database>, records: readonly { fields: ChainedFields; hash: string }[], seqs: readonly number[]): Promise<void> {
  if (records.length === 0) return;
  if (seqs.length !== records.length) throw new Error(`${records.length} processing-log records but ${seqs.length} sequence numbers`);
  await trx
    .insertInto('processing_log')
    .values(
      records.map(({ fields, hash }, index) => ({
        seq: seqs[index],
        tenant_id: fields.tenantId,
        trace_id: fields.traceId,
        operation_id: fields.operationId,
        parent_operation_id: fields.parentOperationId,
        name: fields.name,
        status_code: fields.statusCode,
        start_time: fields.startTime,
        end_time: fields.endTime,
        processing_activity_id: fields.processingActivityId,
        data_subject_id: fields.dataSubjectId,
        data_subject_id_type: fields.dataSubjectIdType,
        actor: fields.actor,
        foreign_operation: fields.foreignOperation === null ? null : JSON.stringify(fields.foreignOperation),
        attributes: JSON.stringify(fields.attributes),
        previous_hash: fields.previousHash,
        hash,
      })),
    )
    .execute();
}

/**
 * Writes a Dataverwerking to the Logboek dataverwerkingen: one record per data subject, the
 * subject's identifier pseudonymised with the tenant's key, appended to the tenant's hash chain.
 *
 * Pass the transaction that makes the change, so the record commits or rolls back with it. Given a
 * plain database handle (processing that changes nothing, such as showing a page), the record is
 * written with the others that arrive meanwhile in one transaction of its own, and the call returns
 * once that transaction committed.
 */
export async function logProcessing(db: Kysely<Database>, keys: Pick<Keys, 'pseudonymise'>, entry: ProcessingEntry): Promise<LoggedProcessing> {
  const endTime = entry.endTime ?? new Date();
  validate(entry, endTime);
  // Outside a change (a page that only shows data) the record joins others in one transaction: see group-writer.ts.
  if (!db.isTransaction) return groupWriterFor(db).write({ keys, entry: { ...entry, endTime } });
  const { chainedOn, seqs } = await lockChain(db, entry.tenantId, [entry.activityId], recordCountOf(entry));
  const chained = chainEntry(keys, entry, endTime, chainedOn);
  await writeRecords(db, chained.records, seqs);
  return { traceId: chained.traceId, operationId: chained.operationId, seqs };
}

/** One entry to append, with the keys that pseudonymise its subjects. */
export interface KeyedEntry {
  keys: Pick<Keys, 'pseudonymise'>;
  entry: ProcessingEntry & { endTime: Date };
}

/**
 * Appends several validated entries of possibly several tenants, one transaction per tenant: the chain is locked and
 * read once for all of that tenant's entries. Results come back in the order given.
 */
export async function appendProcessingEntries(db: Kysely<Database>, entries: readonly KeyedEntry[]): Promise<LoggedProcessing[]> {
  const results: LoggedProcessing[] = new Array<LoggedProcessing>(entries.length);
  const byTenant = new Map<string, { index: number; keyed: KeyedEntry }[]>();
  entries.forEach((keyed, index) => byTenant.set(keyed.entry.tenantId, [...(byTenant.get(keyed.entry.tenantId) ?? []), { index, keyed }]));
  for (const [tenantId, group] of byTenant) {
    await inTransaction(db, async (trx) => {
      const activities = group.map(({ keyed }) => keyed.entry.activityId);
      const recordCount = group.reduce((total, { keyed }) => total + recordCountOf(keyed.entry), 0);
      const { chainedOn, seqs } = await lockChain(trx, tenantId, activities, recordCount);
      let previousHash = chainedOn;
      const chained = group.map(({ index, keyed }) => {
        const entryChain = chainEntry(keyed.keys, keyed.entry, keyed.entry.endTime, previousHash);
        previousHash = entryChain.lastHash;
        return { index, ...entryChain };
      });
      await writeRecords(trx, chained.flatMap((item) => item.records), seqs);
      let next = 0;
      for (const item of chained) {
        results[item.index] = { traceId: item.traceId, operationId: item.operationId, seqs: seqs.slice(next, next + item.records.length) };
        next += item.records.length;
      }
    });
  }
  return results;
}
