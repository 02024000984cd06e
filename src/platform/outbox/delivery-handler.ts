import type { OutboxEvent } from './event.ts';

/**
 * Delivers one event. Resolves when the receiver has it; throws when not (the dispatcher then
 * retries later). Must stop when `signal` aborts: the process is stopping or the lease runs out.
 */
export type DeliveryHandler = (event: OutboxEvent, signal: AbortSignal) => Promise<void>;

/**
 * A failure that retrying cannot fix (for example a payload without a valid URL): the event is
 * marked failed at once, so a beheerder sees it instead of it being retried for a day.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}
