import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../../platform/database/schema.ts';
import { verversAlles } from './verversen.ts';

/** How often a Loket process refreshes the inzicht aggregates: figures lag at most about this long. */
const INTERVAL_MS = 60_000;

/**
 * Refreshes the aggregates now and then every minute until stopped. Several processes may run it: the advisory lock
 * lets one work and the others skip their round. A failed round is logged; its queue rows stay for the next one.
 */
export function startInzichtVerversing(db: Kysely<Database>, logger: Logger): () => Promise<void> {
  let bezig: Promise<void> | undefined;
  const ronde = () => {
    if (bezig) return;
    bezig = verversAlles(db)
      .then(
        (resultaat) => {
          if (resultaat.wijzigingen > 0) logger.info({ event: 'inzicht-verversing', ...resultaat }, 'inzicht aggregates refreshed');
        },
        (error: unknown) => logger.warn({ err: error }, 'inzicht refresh failed'),
      )
      .finally(() => {
        bezig = undefined;
      });
  };
  ronde();
  const timer = setInterval(ronde, INTERVAL_MS);
  timer.unref();
  // Stopping waits for a round in flight, so the database is not closed under it.
  return async () => {
    clearInterval(timer);
    await bezig;
  };
}
