import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';

/** `Besluit.identificatie` has `maxLength: 50` in Besluiten API 1.1.0. */
export const BESLUIT_IDENTIFICATIE_MAX_LENGTH = 50;

const PREFIX = 'BESLUIT';
const DIGITS = 10;

/**
 * Issues the tenant's next besluit identificatie for the year of the besluit's `datum` (a `YYYY-MM-DD` date), e.g.
 * `BESLUIT-2026-0000000001`: the form and the year the reference implementation uses.
 *
 * Unique under concurrency without table locks: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` on the
 * (tenant, year) counter row. Concurrent callers queue on that row lock only, and each gets the next number. Call
 * it inside the transaction that inserts the besluit: the row lock is held until that transaction ends, and a
 * rollback also rolls back the number.
 */
export async function nextBesluitIdentificatie(trx: Kysely<Database>, tenantId: string, datum: string): Promise<string> {
  const year = Number(datum.slice(0, 4));
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`nextBesluitIdentificatie: no year in ${datum}`);
  const row = await trx
    .insertInto('besluit_identificatie_counters')
    .values({ tenant_id: tenantId, year, last_number: 1 })
    .onConflict((conflict) =>
      conflict.columns(['tenant_id', 'year']).doUpdateSet((eb) => ({ last_number: eb(eb.ref('besluit_identificatie_counters.last_number'), '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  // A number that outgrows its padding simply gets longer; it stays unique and far below 50 characters.
  return `${PREFIX}-${year}-${String(row.last_number).padStart(DIGITS, '0')}`;
}

/**
 * Like {@link nextBesluitIdentificatie}, but skips numbers that `isTaken` reports as already used within the
 * verantwoordelijke organisatie (by a client that chose its own identificatie), so the result is unique there
 * (brc-002). `isTaken` must look in the same transaction. Skipped numbers stay consumed.
 */
export async function nextFreeBesluitIdentificatie(
  trx: Kysely<Database>,
  tenantId: string,
  datum: string,
  isTaken: (identificatie: string) => Promise<boolean>,
): Promise<string> {
  for (;;) {
    const identificatie = await nextBesluitIdentificatie(trx, tenantId, datum);
    if (!(await isTaken(identificatie))) return identificatie;
  }
}
