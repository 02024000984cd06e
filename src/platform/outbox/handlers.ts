import type { DeliveryHandler } from './delivery-handler.ts';
import { WEBHOOK_KIND, createWebhookHandler } from './webhook.ts';

export { PermanentDeliveryError, type DeliveryHandler } from './delivery-handler.ts';

/** The delivery handlers of one process, one per event kind. */
export class DeliveryHandlers {
  private readonly byKind = new Map<string, DeliveryHandler>();

  /** Registers the handler for a kind; a kind can have only one handler. */
  register(kind: string, handler: DeliveryHandler): this {
    if (this.byKind.has(kind)) throw new Error(`An outbox handler for kind "${kind}" is already registered.`);
    this.byKind.set(kind, handler);
    return this;
  }

  /** The handler for a kind, if this process has one. */
  get(kind: string): DeliveryHandler | undefined {
    return this.byKind.get(kind);
  }

  /** Kinds with a handler, for diagnostics. */
  kinds(): string[] {
    return [...this.byKind.keys()];
  }
}

/** The handlers every Loket process ships with: `webhook`. Components register their own kinds on top. */
export function createDeliveryHandlers(): DeliveryHandlers {
  return new DeliveryHandlers().register(WEBHOOK_KIND, createWebhookHandler());
}
