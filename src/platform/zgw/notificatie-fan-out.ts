import { sql, type Kysely, type Transaction } from 'kysely';
import { TurnBatcher } from '../batching/turn-batcher.ts';
import type { Database } from '../database/schema.ts';
import type { DeliveryHandler } from '../outbox/delivery-handler.ts';
import type { OutboxEvent } from '../outbox/event.ts';
import { withoutWaitingForDisk } from '../outbox/repository.ts';
import { enqueueEvents, type NewOutboxEvent } from '../outbox/write.ts';
import { AFLEVERING_KIND, parseNotificatie, type Notificatie, type NotificatieAflevering } from './notificatie.ts';

/**
 * Finds, for each of a tenant's notifications, the abonnementen it goes to (their kanaal and filters match): one
 * list of abonnement uuids per notification, in the same order.
 */
export type AbonnementenLookup = (db: Kysely<Database>, tenantId: string, notificaties: readonly Notificatie[]) => Promise<string[][]>;

/**
 * A part of Loket that acts on notifications itself (an internal subscriber, such as the initiator's status e-mail):
 * called once per notification, inside the fan-out's transaction, with the notifications fanned out for the first
 * time. Whatever it writes (an outbox event) commits with the fan-out marker, so a notification handled again after
 * a crash reaches it no second time; when it throws, the fan-out is retried as a whole.
 */
export type InternalSubscriber = (trx: Transaction<Database>, notificaties: readonly { tenantId: string; notificatie: Notificatie }[]) => Promise<void>;

export interface NotificatieFanOutOptions {
  db: Kysely<Database>;
  /** Loket's own subscribers, besides the abonnementen of the Notificaties API. */
  internalSubscribers?: readonly InternalSubscriber[];
  /** The Notificaties component's matching of abonnementen. */
  abonnementen: AbonnementenLookup;
  /** Wakes the dispatcher once deliveries are enqueued (PGlite has no NOTIFY between sessions). */
  notify?: () => void;
}

/** Fan-out markers older than this are pruned: by then the notification's own outbox event is long settled. */
const FANOUT_MARKER_RETENTION_DAYS = 3;
const FANOUT_PRUNE_INTERVAL_MS = 10 * 60 * 1000;
/** Notifications fanned out in one transaction at most. */
const MAX_FAN_OUT_BATCH = 100;

interface FanOut {
  event: OutboxEvent;
  notificatie: Notificatie;
}

/**
 * Fans out several notifications in one transaction: finds their abonnementen (one look-up per tenant), marks them
 * as fanned out and enqueues one `zgw-notificatie-aflevering` event per notification and abonnement. A notification
 * whose marker exists already (its own event delivered again after a crash) enqueues nothing. Returns the number of
 * deliveries enqueued per notification, in order.
 */
async function fanOutTogether(options: NotificatieFanOutOptions, batch: readonly FanOut[]): Promise<number[]> {
  return options.db.transaction().execute(async (trx) => {
    // Bookkeeping of the dispatcher's own: if the database loses this commit in a crash, it loses the later record
    // that the notification was fanned out with it, and the fan-out runs again (see withoutWaitingForDisk).
    await withoutWaitingForDisk(trx);
    const byTenant = new Map<string, FanOut[]>();
    for (const item of batch) byTenant.set(item.event.tenantId, [...(byTenant.get(item.event.tenantId) ?? []), item]);
    const matches = new Map<FanOut, string[]>();
    for (const [tenantId, items] of byTenant) {
      const found = await options.abonnementen(
        trx,
        tenantId,
        items.map((item) => item.notificatie),
      );
      items.forEach((item, index) => matches.set(item, found[index] ?? []));
    }
    // In id order, so two transactions that overlap (a notification redelivered after its lease ran out) take the
    // markers' keys in the same order and wait for each other instead of deadlocking.
    const first = new Map<number, FanOut>();
    for (const item of [...batch].sort((a, b) => a.event.id - b.event.id)) if (!first.has(item.event.id)) first.set(item.event.id, item);
    const unique = [...first.values()];
    const markers = await sql<{ outbox_id: string | number }>`
      INSERT INTO notificaties_fanouts (outbox_id, tenant_id, afleveringen)
      SELECT * FROM unnest(${unique.map((item) => item.event.id)}::bigint[], ${unique.map((item) => item.event.tenantId)}::uuid[],
                           ${unique.map((item) => matches.get(item)?.length ?? 0)}::int[])
      ON CONFLICT (outbox_id) DO NOTHING RETURNING outbox_id`.execute(trx);
    const marked = new Set(markers.rows.map((row) => Number(row.outbox_id)));
    const fresh = unique.filter((item) => marked.has(item.event.id));
    // One lane per abonnement: a subscriber that hangs holds a few delivery slots, not all of them.
    const afleveringen: NewOutboxEvent[] = fresh.flatMap((item) =>
      (matches.get(item) ?? []).map((abonnement) => ({
        tenantId: item.event.tenantId,
        kind: AFLEVERING_KIND,
        payload: { abonnement, notificatie: item.notificatie } satisfies NotificatieAflevering,
        lane: `abonnement:${abonnement}`,
      })),
    );
    for (const subscriber of options.internalSubscribers ?? []) {
      if (fresh.length > 0) await subscriber(trx, fresh.map((item) => ({ tenantId: item.event.tenantId, notificatie: item.notificatie })));
    }
    // No NOTIFY when this process's dispatcher is woken directly: others find the deliveries at their next poll.
    await enqueueEvents(trx, afleveringen, { notify: options.notify === undefined });
    return batch.map((item) => (first.get(item.event.id) === item && marked.has(item.event.id) ? (matches.get(item)?.length ?? 0) : 0));
  });
}

/**
 * The `zgw-notificatie` handler: fans a notification out to the matching abonnementen, one
 * `zgw-notificatie-aflevering` event per abonnement, in the same transaction as a marker that makes a second run (the
 * notification's own event delivered again after a crash) enqueue nothing; so a subscriber gets one delivery record
 * per message, and a concurrent second run waits on the marker's key and then finds it taken. The notifications of
 * one claim are fanned out together in one transaction (a handful of statements instead of five per notification);
 * when that transaction fails, each of them is retried.
 */
export function createNotificatieFanOut(options: NotificatieFanOutOptions): DeliveryHandler {
  let lastPrune = 0;
  const batcher = new TurnBatcher<FanOut, number>((batch) => fanOutTogether(options, batch), MAX_FAN_OUT_BATCH);
  return async (event) => {
    const notificatie = parseNotificatie(event.payload);
    const enqueued = await batcher.add({ event, notificatie });
    if (enqueued > 0) options.notify?.();
    if (Date.now() - lastPrune > FANOUT_PRUNE_INTERVAL_MS) {
      lastPrune = Date.now();
      // Housekeeping only: the fan-out has committed, so a failure here must not make the notification count as failed.
      await sql`DELETE FROM notificaties_fanouts WHERE created_at < now() - make_interval(days => ${FANOUT_MARKER_RETENTION_DAYS})`.execute(options.db).catch(() => undefined);
    }
  };
}
