import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../database/schema.ts';
import type { OutboxEvent } from './event.ts';
import { markDeliveredBatch, type DeliveredAttempt } from './repository.ts';

/** Deliveries are recorded at the latest this long after they finished… */
export const DELIVERED_FLUSH_MS = 5;
/** …or as soon as this many are waiting. */
export const DELIVERED_FLUSH_ROWS = 100;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Collects finished deliveries and records them in batches (one UPDATE for many rows) instead of one statement each:
 * at a high delivery rate the per-row round trips were most of the dispatcher's database work. A delivery not yet
 * recorded when the process dies is delivered again after its lease: at least once, as before. Until it is recorded
 * it still counts as leased in its lane, which errs on the side of fewer deliveries in flight, never more.
 */
export class DeliveredRecorder {
  private pending: DeliveredAttempt[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushing = new Set<Promise<void>>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly workerId: string,
    private readonly logger: Logger,
  ) {}

  /** Queues a delivered event for recording. */
  add(event: OutboxEvent): void {
    this.pending.push({ id: event.id, attempts: event.attempts });
    if (this.pending.length >= DELIVERED_FLUSH_ROWS) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), DELIVERED_FLUSH_MS);
  }

  /**
   * Takes what is queued, for a caller that records it in a statement of its own (the dispatcher, together with its
   * next claim). Hand it back with `restore` when that fails.
   */
  take(): DeliveredAttempt[] {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    return batch;
  }

  /** Queues deliveries again whose recording failed, to be recorded with the next batch. */
  restore(batch: readonly DeliveredAttempt[]): void {
    if (batch.length === 0) return;
    this.pending.push(...batch);
    this.timer ??= setTimeout(() => void this.flush(), DELIVERED_FLUSH_MS);
  }

  /** Logs deliveries whose claim was lost before they could be recorded. */
  reportLost(ids: readonly number[]): void {
    for (const id of ids) this.logger.info({ eventId: id }, 'outbox: delivered after the lease was taken over; it may be delivered twice');
  }

  /** Records everything queued so far; resolves once that and any flush already under way have finished. Never rejects. */
  async flush(): Promise<void> {
    const batch = this.take();
    if (batch.length > 0) {
      const recording = this.record(batch).finally(() => this.flushing.delete(recording));
      this.flushing.add(recording);
    }
    await Promise.all([...this.flushing]);
  }

  private async record(batch: DeliveredAttempt[]): Promise<void> {
    try {
      this.reportLost(await markDeliveredBatch(this.db, this.workerId, batch));
    } catch (error) {
      this.logger.error({ eventIds: batch.map((attempt) => attempt.id), error: messageOf(error) }, 'outbox: delivered but could not record it; it will be delivered again');
    }
  }
}
