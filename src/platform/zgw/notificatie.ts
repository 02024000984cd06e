import type { Transaction } from 'kysely';
import type { Database } from '../database/schema.ts';
import { enqueueEvent } from '../outbox/write.ts';
import { PermanentDeliveryError } from '../outbox/delivery-handler.ts';

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
