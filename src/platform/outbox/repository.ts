import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, OutboxTable } from '../database/schema.ts';
import { toOutboxEvent, type OutboxEvent } from './event.ts';
import { OUTBOX_CHANNEL } from './write.ts';

// The dispatcher's queries (claim, outcome, clean-up) work across tenants on purpose: one worker
// delivers every municipality's events. Everything a beheerder calls is scoped by tenant_id.

/**
 * Claims up to `limit` due events for `workerId` in one statement. FOR UPDATE SKIP LOCKED lets
 * several processes claim at once without waiting for or taking each other's rows; the lease
 * (locked_until) makes an event claimed by a process that died due again once it runs out.
 *
 * Events with a lane (one receiver) are claimed only while fewer than `laneLimit` of that lane's
 * events are leased, counted over every process: a lane at its limit is passed over, so the events
 * behind it (other receivers') are claimed instead of waiting for a receiver that hangs. Of the rows
 * locked, those beyond a lane's limit are left (their lock ends with the statement), so a claim may
 * return fewer than `limit` while more are due: the dispatcher then looks again.
 *
 * Oldest due first (available_at, then id): the order of the outbox_due index, so a claim reads the first few due rows
 * of that index and stops. Ordered by id alone, every claim had to collect and sort all due rows (about 25 ms each
 * with 20,000 waiting, for a claim of one or two events).
 */
export async function claimDueEvents(db: Kysely<Database>, workerId: string, limit: number, leaseSeconds: number, laneLimit = Number.MAX_SAFE_INTEGER): Promise<OutboxEvent[]> {
  return (await recordDeliveredAndClaim(db, workerId, [], limit, leaseSeconds, laneLimit)).claimed;
}

/**
 * Records this worker's finished deliveries (as markDeliveredBatch) and claims due events (as claimDueEvents) in one
 * transaction: the claim counts the lanes with those deliveries no longer leased, and the dispatcher's round costs one
 * commit instead of two. Returns the events claimed and the ids whose delivery could not be recorded because their
 * claim was lost meanwhile.
 */
export async function recordDeliveredAndClaim(
  db: Kysely<Database>,
  workerId: string,
  delivered: readonly DeliveredAttempt[],
  limit: number,
  leaseSeconds: number,
  laneLimit = Number.MAX_SAFE_INTEGER,
): Promise<{ claimed: OutboxEvent[]; lost: number[] }> {
  return db.transaction().execute(async (trx) => {
    // Two claims counting a lane's leases at the same moment would each see room for the same free slots. Lane-limited
    // claims therefore take turns (a transaction-level advisory lock), and each counts in a statement that starts after
    // the previous claim committed.
    // Plain index scans for the lane count: a bitmap scan visits every dead row version the outbox_leased_lanes index
    // still points to (one per delivery since the last vacuum), where an index scan marks them dead and skips them.
    const settings = sql`set_config('synchronous_commit', 'off', true), set_config('enable_bitmapscan', 'off', true)`;
    if (laneLimit === Number.MAX_SAFE_INTEGER) await sql`SELECT ${settings}`.execute(trx);
    else await sql`SELECT ${settings}, pg_advisory_xact_lock(${LANE_CLAIM_LOCK_KEY})`.execute(trx);
    // (synchronous_commit off: see withoutWaitingForDisk.)
    const lost = await markDeliveredIn(trx, workerId, delivered);
    const claimed = limit > 0 ? await claim(trx, workerId, limit, leaseSeconds, laneLimit) : [];
    return { claimed, lost };
  });
}

/**
 * Lets the transaction commit without waiting for its WAL to reach the disk (synchronous_commit off, this transaction
 * only). Used for the dispatcher's bookkeeping, where a flush per round was most of the time a round took, and safe
 * there: a crash of the database loses at most the last moments of commits, and always a tail of them, in order. A lost
 * claim makes its events due again; a lost "delivered" makes them delivered again (at least once, as after a crash of
 * Loket); a lost fan-out takes the later "delivered" of its notification with it, so the notification is fanned out
 * again. The events themselves are written by ordinary, durable commits.
 */
export async function withoutWaitingForDisk(trx: Transaction<Database>): Promise<void> {
  await sql`SELECT set_config('synchronous_commit', 'off', true)`.execute(trx);
}

/** The advisory lock lane-limited claims take turns on (any constant no other part of Loket uses). */
export const LANE_CLAIM_LOCK_KEY = 7_411_207_246;

async function claim(db: Kysely<Database>, workerId: string, limit: number, leaseSeconds: number, laneLimit: number): Promise<OutboxEvent[]> {
  const result = await sql<Selectable<OutboxTable>>`
    WITH leased AS (
      SELECT lane, count(*) AS n FROM outbox
       WHERE lane IS NOT NULL AND delivered_at IS NULL AND locked_until IS NOT NULL AND locked_until >= now()
       GROUP BY lane),
    candidates AS (
      SELECT id, lane FROM outbox
       WHERE delivered_at IS NULL AND failed_at IS NULL AND available_at <= now()
         AND (locked_until IS NULL OR locked_until < now())
         AND (lane IS NULL OR lane NOT IN (SELECT lane FROM leased WHERE n >= ${laneLimit}))
       ORDER BY available_at, id
       LIMIT ${limit}
       FOR UPDATE SKIP LOCKED),
    chosen AS (
      SELECT ranked.id FROM (SELECT id, lane, row_number() OVER (PARTITION BY lane ORDER BY id) AS rank FROM candidates) ranked
        LEFT JOIN leased ON leased.lane = ranked.lane
       WHERE ranked.lane IS NULL OR ranked.rank + coalesce(leased.n, 0) <= ${laneLimit}
       ORDER BY ranked.id
       LIMIT ${limit})
    UPDATE outbox
       SET locked_until = now() + make_interval(secs => ${leaseSeconds}),
           locked_by = ${workerId},
           attempts = attempts + 1
     WHERE id IN (SELECT id FROM chosen)
    RETURNING *`.execute(db);
  return result.rows.map(toOutboxEvent).sort((a, b) => a.id - b.id);
}

/**
 * Records a delivery. Only the claim that made the attempt may do so (same worker, same attempt):
 * a process whose lease ran out and was overtaken does not overwrite the newer claim.
 * Returns false when the claim was lost; the event was then delivered at least once anyway.
 */
export async function markDelivered(db: Kysely<Database>, event: OutboxEvent, workerId: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ delivered_at: sql<Date>`now()`, locked_until: null })
    .where('id', '=', event.id)
    .where('locked_by', '=', workerId)
    .where('attempts', '=', event.attempts)
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A delivery to record: the attempt of a claim that succeeded. */
export interface DeliveredAttempt {
  id: number;
  /** The attempt number the claim made (the event's attempts when claimed). */
  attempts: number;
}

/**
 * Records many deliveries of one worker in one statement, each only when its claim still holds (as markDelivered).
 * Returns the ids whose claim was lost meanwhile (they were delivered at least once anyway).
 */
export async function markDeliveredBatch(db: Kysely<Database>, workerId: string, attempts: readonly DeliveredAttempt[]): Promise<number[]> {
  if (attempts.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    await withoutWaitingForDisk(trx);
    return markDeliveredIn(trx, workerId, attempts);
  });
}

async function markDeliveredIn(db: Kysely<Database>, workerId: string, attempts: readonly DeliveredAttempt[]): Promise<number[]> {
  if (attempts.length === 0) return [];
  const ids = attempts.map((attempt) => attempt.id);
  const result = await sql<{ id: string | number }>`
    UPDATE outbox
       SET delivered_at = now(), locked_until = NULL
      FROM unnest(${ids}::bigint[], ${attempts.map((attempt) => attempt.attempts)}::int[]) AS done (id, attempts)
     WHERE outbox.id = done.id AND outbox.attempts = done.attempts AND outbox.locked_by = ${workerId} AND outbox.delivered_at IS NULL
    RETURNING outbox.id`.execute(db);
  const recorded = new Set(result.rows.map((row) => Number(row.id)));
  return ids.filter((id) => !recorded.has(id));
}

export interface FailureRecord {
  /** Short reason without payload contents. */
  error: string;
  /** Wait before the next attempt. */
  retryDelaySeconds: number;
  /** Give up once the event is older than this. */
  giveUpAfterHours: number;
  /** Give up now, whatever the age (retrying cannot help). */
  permanent: boolean;
}

/**
 * Records a failed attempt: the next attempt waits `retryDelaySeconds`, or the event is marked
 * failed when it is older than `giveUpAfterHours` (database time, so processes' clocks do not
 * matter) or the failure is permanent. Returns what happened; `lost` means another claim took over.
 */
export async function recordFailure(db: Kysely<Database>, event: OutboxEvent, workerId: string, failure: FailureRecord): Promise<'retry' | 'failed' | 'lost'> {
  const result = await sql<{ failed_at: Date | null }>`
    UPDATE outbox
       SET last_error = ${failure.error.slice(0, 1000)},
           locked_until = NULL,
           available_at = now() + make_interval(secs => ${failure.retryDelaySeconds}),
           failed_at = CASE WHEN ${failure.permanent}::boolean OR created_at <= now() - make_interval(hours => ${failure.giveUpAfterHours})
                            THEN now() END
     WHERE id = ${event.id} AND locked_by = ${workerId} AND attempts = ${event.attempts} AND delivered_at IS NULL
    RETURNING failed_at`.execute(db);
  const row = result.rows[0];
  if (row === undefined) return 'lost';
  return row.failed_at === null ? 'retry' : 'failed';
}

/**
 * Deletes up to `batchSize` delivered events older than `olderThanDays`; returns how many.
 * SKIP LOCKED keeps the clean-ups of several processes from queueing behind each other.
 */
export async function deleteDeliveredEvents(db: Kysely<Database>, olderThanDays: number, batchSize: number): Promise<number> {
  const result = await sql`
    DELETE FROM outbox
     WHERE id IN (
       SELECT id FROM outbox
        WHERE delivered_at < now() - make_interval(days => ${olderThanDays})
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED)`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/** A failed event as shown to a beheerder: no payload, which may hold personal data or a receiver's credentials. */
export interface FailedEvent {
  id: number;
  kind: string;
  attempts: number;
  createdAt: Date;
  failedAt: Date;
  lastError: string | null;
  /** Only when asked for with `withPayload`, by a caller that knows its kind's payload is fit to show. */
  payload?: unknown;
}

export interface FailedEventsQuery {
  limit?: number;
  /** Only events of this kind (for example a component's own deliveries). */
  kind?: string;
  /** Include the payload; only for kinds whose payload holds no personal data or credentials. */
  withPayload?: boolean;
}

/**
 * Lists a tenant's events that were given up (newest failure first), for the CLI and the
 * beheer API, so a beheerder can see them and re-trigger them with `retryEvent`.
 */
export async function listFailedEvents(db: Kysely<Database>, tenantId: string, options: FailedEventsQuery = {}): Promise<FailedEvent[]> {
  let query = db
    .selectFrom('outbox')
    .select(['id', 'kind', 'attempts', 'created_at', 'failed_at', 'last_error', 'payload'])
    .where('tenant_id', '=', tenantId)
    .where('failed_at', 'is not', null)
    .where('delivered_at', 'is', null);
  if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
  const rows = await query
    .orderBy('failed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    kind: row.kind,
    attempts: row.attempts,
    createdAt: row.created_at,
    // The where clause guarantees it; the fallback only satisfies the type.
    failedAt: row.failed_at ?? new Date(0),
    lastError: row.last_error,
    ...(options.withPayload === true ? { payload: row.payload } : {}),
  }));
}

/**
 * Re-triggers a failed event of a tenant: it becomes due at once and every running dispatcher is
 * woken. Attempts and last_error stay as history. Because the 24-hour rule counts from the event's
 * creation, a re-triggered event that fails again is marked failed again straight away rather
 * than retried for another day. Returns false when the tenant has no failed event with this id
 * (of this kind, when `kind` is given).
 */
export async function retryEvent(db: Kysely<Database>, tenantId: string, id: number, options: { kind?: string } = {}): Promise<boolean> {
  return (await retryFailed(db, tenantId, { id, kind: options.kind })) > 0;
}

/** Re-triggers every failed event of a tenant (of one kind, when given); returns how many. */
export async function retryFailedEvents(db: Kysely<Database>, tenantId: string, options: { kind?: string } = {}): Promise<number> {
  return retryFailed(db, tenantId, options);
}

async function retryFailed(db: Kysely<Database>, tenantId: string, options: { id?: number; kind?: string }): Promise<number> {
  let query = db
    .updateTable('outbox')
    .set({ failed_at: null, available_at: sql<Date>`now()`, locked_until: null })
    .where('tenant_id', '=', tenantId)
    .where('failed_at', 'is not', null)
    .where('delivered_at', 'is', null);
  if (options.id !== undefined) query = query.where('id', '=', options.id);
  if (options.kind !== undefined) query = query.where('kind', '=', options.kind);
  const result = await query.executeTakeFirst();
  const count = Number(result.numUpdatedRows);
  if (count > 0) await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(db);
  return count;
}
