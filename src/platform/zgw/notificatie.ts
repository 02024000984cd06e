import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../database/schema.ts';
import { enqueueEvent, enqueueEvents } from '../outbox/write.ts';
import { PermanentDeliveryError, type DeliveryHandler } from '../outbox/delivery-handler.ts';

/*
 * ZGW notifications (Notificaties API 1.0): every create, update and delete in the Zaken, Catalogi, Besluiten
 * and Documenten APIs publishes one message on its kanaal, and external publishers post theirs to
 * /notificaties/api/v1/notificaties. The message goes into the outbox (kind `zgw-notificatie`) in the same
 * transaction as the change, so it exists exactly when the change committed. Delivering it means fanning it out:
 * one outbox event (kind `zgw-notificatie-aflevering`) per matching abonnement, so each subscriber has its own
 * delivery record with its own retries and a slow or failing subscriber holds up no other.
 */

/** Outbox kind of a published notification, before fan-out to subscribers. */
export const NOTIFICATIE_KIND = 'zgw-notificatie';

/** Outbox kind of one notification on its way to one abonnement. */
export const AFLEVERING_KIND = 'zgw-notificatie-aflevering';

/** The Notificaties API message (`Message` in notificaties-1.0.1.yaml). */
export interface Notificatie {
  kanaal: string;
  hoofdObject: string;
  resource: string;
  resourceUrl: string;
  actie: 'create' | 'update' | 'partial_update' | 'destroy' | string;
  aanmaakdatum: string;
  /** The kanaal's kenmerken (e.g. bronorganisatie, zaaktype, vertrouwelijkheidaanduiding for `zaken`). */
  kenmerken: Record<string, string>;
}

/** Payload of an `zgw-notificatie-aflevering` event: which abonnement gets which message. */
export interface NotificatieAflevering {
  abonnement: string;
  notificatie: Notificatie;
}

/** Puts a notification in the outbox inside the caller's transaction. */
export async function publishNotificatie(trx: Transaction<Database>, tenantId: string, message: Omit<Notificatie, 'aanmaakdatum'>, now: Date = new Date()): Promise<void> {
  const notificatie: Notificatie = { ...message, aanmaakdatum: now.toISOString() };
  await enqueueEvent(trx, { tenantId, kind: NOTIFICATIE_KIND, payload: notificatie });
}

/** Puts a complete message (an external publisher's, with its own aanmaakdatum) in the outbox inside `trx`. */
export async function enqueueNotificatie(trx: Transaction<Database>, tenantId: string, notificatie: Notificatie): Promise<number> {
  return enqueueEvent(trx, { tenantId, kind: NOTIFICATIE_KIND, payload: notificatie });
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => typeof item === 'string');
}

/** Checks an outbox payload's shape; a malformed one cannot become valid by retrying. */
export function parseNotificatie(payload: unknown): Notificatie {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new PermanentDeliveryError('notificatie payload is not an object');
  const record = payload as Record<string, unknown>;
  for (const field of ['kanaal', 'hoofdObject', 'resource', 'resourceUrl', 'actie', 'aanmaakdatum'] as const) {
    if (typeof record[field] !== 'string') throw new PermanentDeliveryError(`notificatie payload has no ${field}`);
  }
  const kenmerken = record.kenmerken ?? {};
  if (!isStringRecord(kenmerken)) throw new PermanentDeliveryError('notificatie kenmerken must be an object of strings');
  return { ...(record as unknown as Notificatie), kenmerken };
}

/** Checks an aflevering payload's shape. */
export function parseAflevering(payload: unknown): NotificatieAflevering {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new PermanentDeliveryError('aflevering payload is not an object');
  const record = payload as Record<string, unknown>;
  if (typeof record.abonnement !== 'string') throw new PermanentDeliveryError('aflevering payload has no abonnement');
  return { abonnement: record.abonnement, notificatie: parseNotificatie(record.notificatie) };
}

/** Finds the abonnementen of a tenant that a notification goes to (their kanaal and filters match). */
export type AbonnementenLookup = (db: Kysely<Database>, tenantId: string, notificatie: Notificatie) => Promise<string[]>;

export interface NotificatieFanOutOptions {
  db: Kysely<Database>;
  /** The Notificaties component's matching of abonnementen. */
  abonnementen: AbonnementenLookup;
  /** Wakes the dispatcher once deliveries are enqueued (PGlite has no NOTIFY between sessions). */
  notify?: () => void;
}

/** Fan-out markers older than this are pruned: by then the notification's own outbox event is long settled. */
const FANOUT_MARKER_RETENTION_DAYS = 3;
const FANOUT_PRUNE_INTERVAL_MS = 10 * 60 * 1000;

/**
 * The `zgw-notificatie` handler: in one transaction, finds the matching abonnementen, marks the notification as
 * fanned out and enqueues one `zgw-notificatie-aflevering` event per abonnement (one statement). The marker makes a
 * second run (the notification's own event delivered again after a crash) enqueue nothing, so a subscriber gets one
 * delivery record per message; a concurrent second run waits on the marker's key and then finds it taken.
 */
export function createNotificatieFanOut(options: NotificatieFanOutOptions): DeliveryHandler {
  let lastPrune = 0;
  return async (event) => {
    const notificatie = parseNotificatie(event.payload);
    const enqueued = await options.db.transaction().execute(async (trx) => {
      const abonnementen = await options.abonnementen(trx, event.tenantId, notificatie);
      const marker = await sql<{ outbox_id: string }>`
        INSERT INTO notificaties_fanouts (outbox_id, tenant_id, afleveringen) VALUES (${event.id}, ${event.tenantId}, ${abonnementen.length})
        ON CONFLICT (outbox_id) DO NOTHING RETURNING outbox_id`.execute(trx);
      if (marker.rows.length === 0) return 0;
      // One lane per abonnement: a subscriber that hangs holds a few delivery slots, not all of them.
      const afleveringen = abonnementen.map((abonnement) => ({
        tenantId: event.tenantId,
        kind: AFLEVERING_KIND,
        payload: { abonnement, notificatie } satisfies NotificatieAflevering,
        lane: `abonnement:${abonnement}`,
      }));
      // No NOTIFY: this process's dispatcher is woken below, others find the deliveries at their next poll.
      await enqueueEvents(trx, afleveringen, { notify: options.notify === undefined });
      return abonnementen.length;
    });
    if (enqueued > 0) options.notify?.();
    if (Date.now() - lastPrune > FANOUT_PRUNE_INTERVAL_MS) {
      lastPrune = Date.now();
      // Housekeeping only: the fan-out has committed, so a failure here must not make the notification count as failed.
      await sql`DELETE FROM notificaties_fanouts WHERE created_at < now() - make_interval(days => ${FANOUT_MARKER_RETENTION_DAYS})`.execute(options.db).catch(() => undefined);
    }
  };
}
