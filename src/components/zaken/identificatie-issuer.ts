import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { amsterdamYear, reserveZaakIdentificaties } from './identificatie.ts';

/*
 * Generated zaak identificaties for zaken created outside the counter's transaction (`POST /zaken`). Every number
 * costs a committed update of the tenant's counter row; under load, creates would queue on that row one commit at a
 * time. Here the creates of one process that wait at the same moment share one reservation: while one reservation
 * runs, new requests gather, and the next reservation takes as many numbers as have gathered. Numbers stay
 * consecutive and in request order; a quiet system reserves one number per create, exactly as before.
 */

interface Waiter {
  resolve(identificatie: string): void;
  reject(error: unknown): void;
}

interface Queue {
  waiting: Waiter[];
}

/** At most this many numbers per reservation, so one statement's answer stays small. */
const MAX_BATCH = 256;

/** Per database (a test suite opens many) and per tenant and year: the creates waiting for a number. */
const queues = new WeakMap<Kysely<Database>, Map<string, Queue>>();

async function drain(db: Kysely<Database>, tenantId: string, at: Date, key: string, queue: Queue, byKey: Map<string, Queue>): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      const batch = queue.waiting.splice(0, MAX_BATCH);
      try {
        const numbers = await reserveZaakIdentificaties(db, tenantId, at, batch.length);
        batch.forEach((waiter, index) => waiter.resolve(numbers[index] as string));
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
  } finally {
    byKey.delete(key);
  }
}

/**
 * The tenant's next zaak identificatie for the Amsterdam year of `at`, reserved in its own committed statement
 * (never inside the caller's transaction), possibly together with the numbers of concurrent creates.
 */
export function issueZaakIdentificatie(db: Kysely<Database>, tenantId: string, at: Date): Promise<string> {
  let byKey = queues.get(db);
  if (!byKey) {
    byKey = new Map();
    queues.set(db, byKey);
  }
  const key = `${tenantId}/${amsterdamYear(at)}`;
  const running = byKey.get(key);
  return new Promise<string>((resolve, reject) => {
    if (running) {
      running.waiting.push({ resolve, reject });
      return;
    }
    const queue: Queue = { waiting: [{ resolve, reject }] };
    byKey.set(key, queue);
    void drain(db, tenantId, at, key, queue, byKey);
  });
}
