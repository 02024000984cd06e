import type { Transaction } from 'kysely';
import type { Database } from '../database/schema.ts';
import { enqueueEvent } from '../outbox/write.ts';
import type { DeliveryHandler } from '../outbox/delivery-handler.ts';

/*
 * ZGW notifications (Notificaties API 1.0): every create, update and delete in the Zaken, Catalogi, Besluiten
 * and Documenten APIs publishes one message on its kanaal. The message goes into the outbox in the same
 * transaction as the change, so it exists exactly when the change committed; delivery to the abonnementen of
 * the kanaal fans out from there (one webhook event per subscriber, so a slow one stalls no other).
 */

/** Outbox kind of a published notification, before fan-out to subscribers. */
export const NOTIFICATIE_KIND = 'zgw-notificatie';

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

/** Puts a notification in the outbox inside the caller's transaction. */
export async function publishNotificatie(trx: Transaction<Database>, tenantId: string, message: Omit<Notificatie, 'aanmaakdatum'>, now: Date = new Date()): Promise<void> {
  const notificatie: Notificatie = { ...message, aanmaakdatum: now.toISOString() };
  await enqueueEvent(trx, { tenantId, kind: NOTIFICATIE_KIND, payload: notificatie });
}

/**
 * Delivers a published notification to the kanaal's abonnementen. Abonnementen arrive with the Notificaties API;
 * until a tenant has any, a notification is delivered to nobody and done. Registered by the server on its
 * dispatcher; replaced by the fan-out over abonnementen when that API lands.
 */
export function createNotificatieFanOut(): DeliveryHandler {
  return async () => {};
}
