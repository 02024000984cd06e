import { sql, type Transaction } from 'kysely';
import type { Database } from '../database/schema.ts';

/** PostgreSQL channel on which enqueued events wake the dispatchers of every Loket process. */
export const OUTBOX_CHANNEL = 'loket_outbox';

export interface NewOutboxEvent {
  tenantId: string;
  /** Selects the delivery handler, for example `webhook`. */
  kind: string;
  /** JSON-serialisable data for the handler. */
  payload: unknown;
  /** Deliver no earlier than this moment (default: as soon as the transaction commits). */
  availableAt?: Date;
  /**
   * The receiver this event goes to, when several events may go to the same one (a notification abonnement): the
   * dispatchers keep only a few events of one lane in flight, so a receiver that hangs cannot take every slot.
   */
  lane?: string;
}

/**
 * Puts an event in the outbox inside the caller's transaction, so the event exists exactly when
 * the change it describes committed. Returns the event id.
 *
 * The same statement raises a NOTIFY: PostgreSQL delivers it only on commit (and drops it on
 * rollback), which wakes the dispatchers of all processes without waiting for their next poll.
 * Within one process, callers may also call `AppContext.outbox?.notify()` after commit.
 */
export async function enqueueEvent(trx: Transaction<Database>, event: NewOutboxEvent): Promise<number> {
  const payload = JSON.stringify(event.payload);
  if (payload === undefined) throw new TypeError('An outbox payload must be JSON-serialisable.');
  const availableAt = event.availableAt ?? null;
  const result = await sql<{ id: number | string }>`
    WITH inserted AS (
      INSERT INTO outbox (tenant_id, kind, payload, available_at, lane)
      VALUES (${event.tenantId}, ${event.kind}, ${payload}::jsonb, coalesce(${availableAt}::timestamptz, now()), ${event.lane ?? null})
      RETURNING id
    )
    SELECT inserted.id, pg_notify(${OUTBOX_CHANNEL}, '') FROM inserted`.execute(trx);
  const row = result.rows[0];
  if (row === undefined) throw new Error('The outbox insert returned no id.');
  return Number(row.id);
}

/** Rows per INSERT of enqueueEvents. */
const ENQUEUE_CHUNK_ROWS = 2000;

/**
 * Puts several events in the outbox inside the caller's transaction with one statement, for a caller that enqueues
 * many at once (a notification fanned out to its abonnementen). Without a NOTIFY unless `notify` is set: every
 * transaction that NOTIFYs takes a database-wide lock at commit, so a caller that wakes its own dispatcher in-process
 * (and lets other processes find the events at their next poll) saves that. Returns the ids in order.
 */
export async function enqueueEvents(trx: Transaction<Database>, events: NewOutboxEvent[], options: { notify?: boolean } = {}): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = events.map((event) => {
    const payload = JSON.stringify(event.payload);
    if (payload === undefined) throw new TypeError('An outbox payload must be JSON-serialisable.');
    return sql`(${event.tenantId}::uuid, ${event.kind}, ${payload}::jsonb, coalesce(${event.availableAt ?? null}::timestamptz, now()), ${event.lane ?? null}::text)`;
  });
  const ids: number[] = [];
  // Five parameters a row: chunks keep a statement well below PostgreSQL's 65,535 parameters.
  for (let start = 0; start < rows.length; start += ENQUEUE_CHUNK_ROWS) {
    const result = await sql<{ id: number | string }>`
      INSERT INTO outbox (tenant_id, kind, payload, available_at, lane) VALUES ${sql.join(rows.slice(start, start + ENQUEUE_CHUNK_ROWS))} RETURNING id`.execute(trx);
    ids.push(...result.rows.map((row) => Number(row.id)));
  }
  if (options.notify === true) await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
  return ids.sort((a, b) => a - b);
}
