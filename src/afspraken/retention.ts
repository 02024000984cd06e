import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';

/**
 * Appointments hold a resident's name and contact details only as long as the counter needs them: they are removed
 * this many days after the appointment (AVG art. 5 lid 1 sub e, opslagbeperking). The processing log keeps its own,
 * pseudonymised, record of what happened.
 */
export const AFSPRAAK_RETENTION_DAYS = 90;

/** Removes appointments (of every tenant) that ended more than the retention period ago; returns how many. */
export async function removeOldAfspraken(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const result = await db
    .deleteFrom('afspraken')
    .where('eindtijd', '<', new Date(now.getTime() - AFSPRAAK_RETENTION_DAYS * 86_400_000))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
