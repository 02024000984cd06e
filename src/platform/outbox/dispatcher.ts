import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../database/schema.ts';
import type { OutboxEvent } from './event.ts';
import { PermanentDeliveryError } from './delivery-handler.ts';
import { createDeliveryHandlers, type DeliveryHandlers } from './handlers.ts';
import { OutboxListener } from './listener.ts';
import { DeliveredRecorder } from './delivered-recorder.ts';
import { deleteDeliveredEvents, recordDeliveredAndClaim, recordFailure } from './repository.ts';
import { GIVE_UP_AFTER_HOURS, retryDelaySeconds } from './retry-policy.ts';

/**
 * Deliveries one process runs at the same time; a slow receiver occupies one slot, not the loop. Deliveries mostly
 * wait on the network, so a process keeps many going; the lane limit keeps one receiver from taking them all.
 */
export const DEFAULT_CONCURRENCY = 32;
/** Delivered events are kept this long (to answer "was it sent?"), then deleted. */
export const DELIVERED_RETENTION_DAYS = 7;
/** How often a process cleans up delivered events, and how many rows per statement. */
const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;
const CLEANUP_BATCH_SIZE = 1000;
/** At most this many clean-up batches per round, so clean-up never holds up deliveries for long. */
const CLEANUP_MAX_BATCHES = 10;
/** How long `stop()` waits for deliveries in flight before aborting them. */
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** What the rest of Loket may call: wake the dispatcher after committing an event. */
export interface OutboxNotifier {
  /** Look for due events now instead of at the next poll. */
  notify(): void;
}

export interface OutboxDispatcherOptions {
  db: Kysely<Database>;
  logger: Logger;
  /** How long a claimed event stays reserved for this process (config.outboxLeaseSeconds). */
  leaseSeconds: number;
  /** How often to look for due events when nothing woke the dispatcher (config.outboxPollMs). */
  pollMs: number;
  handlers?: DeliveryHandlers;
  concurrency?: number;
  /**
   * At most this many events of one lane (one receiver) leased at a time, over all processes; default half the
   * concurrency, so a receiver that hangs leaves the other half of the slots to everyone else.
   */
  laneLimit?: number;
  /** PostgreSQL connection string: when given, a dedicated connection LISTENs for new events. Leave out on PGlite. */
  listenUrl?: string;
  /** Identifies this dispatcher in locked_by; defaults to host, pid and a random suffix. */
  workerId?: string;
  stopTimeoutMs?: number;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Resolves when the signal aborts (never rejects), to bound handlers that ignore their signal. */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

/**
 * Delivers outbox events after commit, at least once, from every Loket process at the same time.
 * Each round claims as many due events as it has free delivery slots (so it never holds leases on
 * events it is not working on), starts them without waiting, and looks again at the next poll, on
 * `notify()`, on a PostgreSQL NOTIFY, or as soon as a slot frees up while a backlog remains.
 */
export class OutboxDispatcher implements OutboxNotifier {
  readonly workerId: string;
  private readonly db: Kysely<Database>;
  private readonly logger: Logger;
  /** Register further kinds here before start(); a component adds its own handlers this way. */
  readonly handlers: DeliveryHandlers;
  private readonly leaseSeconds: number;
  private readonly pollMs: number;
  private readonly concurrency: number;
  /** At most this many events of one lane leased at a time, over all processes. */
  readonly laneLimit: number;
  private readonly stopTimeoutMs: number;
  private readonly listener: OutboxListener | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly delivered: DeliveredRecorder;
  private readonly stopController = new AbortController();
  private loopDone: Promise<void> | undefined;
  private stopped: Promise<void> | undefined;
  private stopping = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private backlog = false;
  private lastCleanUp = 0;

  constructor(options: OutboxDispatcherOptions) {
    this.db = options.db;
    this.logger = options.logger;
    this.handlers = options.handlers ?? createDeliveryHandlers();
    this.leaseSeconds = options.leaseSeconds;
    this.pollMs = options.pollMs;
    this.concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
    this.laneLimit = options.laneLimit ?? Math.max(1, Math.floor(this.concurrency / 2));
    this.stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.delivered = new DeliveredRecorder(this.db, this.workerId, this.logger);
    this.listener = options.listenUrl ? new OutboxListener(options.listenUrl, () => this.notify(), this.logger) : undefined;
  }

  /** Starts polling (and listening on PostgreSQL). Calling it twice has no further effect. */
  start(): void {
    if (this.loopDone || this.stopping) return;
    this.loopDone = this.loop();
    this.listener?.start();
  }

  /** Looks for due events now; call after committing a transaction that enqueued one. */
  notify(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /** Whether the PostgreSQL LISTEN connection is up (always false on PGlite). */
  get listening(): boolean {
    return this.listener?.connected ?? false;
  }

  /**
   * Stops claiming and waits (at most the stop timeout) for deliveries in flight. Unfinished ones
   * are then aborted without recording anything: their leases run out and another process, or the
   * next start, delivers them.
   */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      this.notify();
      await this.loopDone;
      await this.listener?.stop();
      if (!(await this.settleInFlight(this.stopTimeoutMs))) {
        this.logger.warn({ unfinished: this.inFlight.size }, 'outbox: stopping with deliveries unfinished; they are retried after their lease');
        this.stopController.abort(new Error('Loket is stopping'));
        await this.settleInFlight(1000);
      }
      await this.delivered.flush();
    })();
    return this.stopped;
  }

  private async settleInFlight(timeoutMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return true;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const settled = Promise.allSettled([...this.inFlight]).then(() => true as const);
    const result = await Promise.race([settled, timedOut]);
    clearTimeout(timer);
    return result;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      try {
        this.backlog = await this.claimAndDeliver();
        await this.cleanUpWhenDue();
      } catch (error) {
        // A database outage must not end the loop: log and try again at the next poll.
        this.logger.error({ error: messageOf(error) }, 'outbox: looking for due events failed');
      }
      if (this.stopping) break;
      await this.sleep(this.pollMs);
    }
  }

  /** Claims events for the free slots and starts delivering them. True when more may be waiting (it claimed any). */
  private async claimAndDeliver(): Promise<boolean> {
    const free = this.concurrency - this.inFlight.size;
    if (free <= 0) return true;
    // The deliveries that finished are recorded in the claim's transaction: until then they count as leased in their lanes.
    const delivered = this.delivered.take();
    let events: OutboxEvent[];
    try {
      const round = await recordDeliveredAndClaim(this.db, this.workerId, delivered, free, this.leaseSeconds, this.laneLimit);
      this.delivered.reportLost(round.lost);
      events = round.claimed;
    } catch (error) {
      this.delivered.restore(delivered);
      throw error;
    }
    for (const event of events) {
      const delivery = this.deliver(event).finally(() => {
        this.inFlight.delete(delivery);
        // With a backlog, a freed slot is the moment to claim the next event, not the next poll.
        if (this.backlog && !this.stopping) this.notify();
      });
      this.inFlight.add(delivery);
    }
    // Fewer than asked for can also mean a lane was at its limit, so any claim means "look again".
    return events.length > 0;
  }

  /** Waits `ms`, or less when notify() is called (or was called since the last wait). */
  private sleep(ms: number): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      this.wakeUp = finish;
    });
  }

  /** Delivers one claimed event and records the outcome. Never rejects. */
  private async deliver(event: OutboxEvent): Promise<void> {
    // Stop before the lease ends: after that another process may deliver the same event.
    const deadlineMs = Math.max(100, this.leaseSeconds * 1000 * 0.8);
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = AbortSignal.any([this.stopController.signal, deadline]);
    try {
      const handler = this.handlers.get(event.kind);
      // Not permanent: during a rolling upgrade a newer process that knows the kind may pick it up.
      if (!handler) throw new Error(`no delivery handler for kind "${event.kind}" in this process`);
      await Promise.race([handler(event, signal), whenAborted(signal)]);
      if (signal.aborted) throw signal.reason;
    } catch (error) {
      if (this.stopController.signal.aborted) return;
      const reason = deadline.aborted ? `delivery did not finish within ${deadlineMs / 1000} s (lease ${this.leaseSeconds} s)` : messageOf(error);
      await this.recordFailure(event, reason, error instanceof PermanentDeliveryError);
      return;
    }
    this.delivered.add(event);
  }

  private async recordFailure(event: OutboxEvent, reason: string, permanent: boolean): Promise<void> {
    // Never the payload: it may hold personal data.
    const fields = { eventId: event.id, tenantId: event.tenantId, kind: event.kind, attempt: event.attempts, error: reason };
    try {
      const outcome = await recordFailure(this.db, event, this.workerId, {
        error: reason,
        retryDelaySeconds: retryDelaySeconds(event.attempts),
        giveUpAfterHours: GIVE_UP_AFTER_HOURS,
        permanent,
      });
      if (outcome === 'failed') this.logger.error(fields, 'outbox: delivery failed for good; a beheerder can retry it');
      else if (outcome === 'retry') this.logger.warn(fields, 'outbox: delivery failed; will retry');
      else this.logger.warn(fields, 'outbox: delivery failed after its lease was taken over');
    } catch (error) {
      this.logger.error({ ...fields, recordError: messageOf(error) }, 'outbox: delivery failed and could not be recorded; retried after the lease');
    }
  }

  private async cleanUpWhenDue(): Promise<void> {
    if (Date.now() - this.lastCleanUp < CLEANUP_INTERVAL_MS) return;
    this.lastCleanUp = Date.now();
    for (let batch = 0; batch < CLEANUP_MAX_BATCHES && !this.stopping; batch++) {
      const deleted = await deleteDeliveredEvents(this.db, DELIVERED_RETENTION_DAYS, CLEANUP_BATCH_SIZE);
      if (deleted < CLEANUP_BATCH_SIZE) break;
    }
  }
}
