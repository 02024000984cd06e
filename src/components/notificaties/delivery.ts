import type { Kysely } from 'kysely';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { Database } from '../../platform/database/schema.ts';
import type { OutboundPolicy } from '../../platform/http/outbound-url.ts';
import type { DeliveryHandlers } from '../../platform/outbox/handlers.ts';
import { AFLEVERING_KIND, NOTIFICATIE_KIND } from '../../platform/zgw/notificatie.ts';
import { createNotificatieFanOut, type InternalSubscriber } from '../../platform/zgw/notificatie-fan-out.ts';
import { matchingAbonnementen } from './abonnementen/service.ts';
import { createAfleveringHandler } from './afleveringen/afleveren.ts';

export interface NotificatiesDeliveryOptions {
  db: Kysely<Database>;
  keys: Keys;
  outbound: OutboundPolicy;
  /** Wakes the dispatcher once a fan-out enqueued deliveries. */
  notify?: () => void;
  /** Per-attempt time-out of a delivery (default AFLEVERING_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Loket's own subscribers to the published notifications (see InternalSubscriber). */
  internalSubscribers?: readonly InternalSubscriber[];
}

/**
 * Registers notification delivery on a dispatcher's handlers: the fan-out of every published notification
 * (`zgw-notificatie`: Loket's own and external publishers') to the matching abonnementen, and the delivery of each
 * (`zgw-notificatie-aflevering`) to its callback.
 */
export function registerNotificatiesDelivery(handlers: DeliveryHandlers, options: NotificatiesDeliveryOptions): void {
  handlers.register(NOTIFICATIE_KIND, createNotificatieFanOut({ db: options.db, abonnementen: matchingAbonnementen, notify: options.notify, internalSubscribers: options.internalSubscribers }));
  handlers.register(AFLEVERING_KIND, createAfleveringHandler({ db: options.db, keys: options.keys, outbound: options.outbound, timeoutMs: options.timeoutMs }));
}
