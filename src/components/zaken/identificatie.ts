import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS } from './identificatie-settings.ts';

/** `Zaak.identificatie` has `maxLength: 40` in Zaken API 1.7.0. */
export const ZAAK_IDENTIFICATIE_MAX_LENGTH = 40;

// Zaaknummers follow the municipality's calendar: a zaak registered at 00:30 on 1 January belongs to the new
// year although it is still 31 December in UTC.
const AMSTERDAM_YEAR = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', year: 'numeric' });

/** The Europe/Amsterdam calendar year of an instant. */
export function amsterdamYear(at: Date): number {
  if (Number.isNaN(at.getTime())) throw new RangeError('amsterdamYear: invalid date');
  const year = AMSTERDAM_YEAR.formatToParts(at).find((part) => part.type === 'year');
  if (year === undefined) throw new RangeError('amsterdamYear: no year in formatted date');
  return Number(year.value);
}

/**
 * Reserves the tenant's next `count` zaak identificaties for the Amsterdam year of `at`, e.g. `ZAAK-2026-0000000001`,
 * consecutive and in order.
 *
 * Unique under concurrency without table locks: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` on the
 * (tenant, year) counter row. Concurrent callers queue on that row lock only, and each gets its own numbers.
 * Inside a transaction the row lock is held until that transaction ends (which serialises zaak creation per tenant
 * for that span), and a rollback also rolls back the numbers, so they are issued again. Gaps (e.g. from deleted
 * zaken or numbers reserved outside the zaak's transaction whose zaak then fails) are harmless: the standard
 * (zrc-002) only requires uniqueness within the bronorganisatie.
 *
 * The counter knows only generated numbers. A client may send its own identificatie (zrc-002), which could
 * coincide with a future generated one; use {@link nextFreeZaakIdentificatie} to skip taken ones.
 */
export async function reserveZaakIdentificaties(trx: Kysely<Database>, tenantId: string, at: Date, count: number): Promise<string[]> {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`reserveZaakIdentificaties: count must be a positive integer, got ${count}`);
  const year = amsterdamYear(at);
  const row = await trx
    .insertInto('zaak_identificatie_counters')
    .values({ tenant_id: tenantId, year, last_number: count })
    .onConflict((conflict) =>
      conflict
        .columns(['tenant_id', 'year'])
        .doUpdateSet((eb) => ({ last_number: eb(eb.ref('zaak_identificatie_counters.last_number'), '+', count) })),
    )
    .returning((eb) => [
      'last_number',
      eb
        .selectFrom('zaak_identificatie_settings')
        .select('prefix')
        .where('zaak_identificatie_settings.tenant_id', '=', tenantId)
        .as('prefix'),
      eb
        .selectFrom('zaak_identificatie_settings')
        .select('digits')
        .where('zaak_identificatie_settings.tenant_id', '=', tenantId)
        .as('digits'),
    ])
    .executeTakeFirstOrThrow();
  const prefix = row.prefix ?? DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS.prefix;
  const digits = row.digits ?? DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS.digits;
  const last = Number(row.last_number);
  return Array.from({ length: count }, (_, index) => {
    // A number that outgrows its padding simply gets longer; it stays unique. Only the 40-character limit is fatal.
    const identificatie = `${prefix}-${year}-${String(last - count + 1 + index).padStart(digits, '0')}`;
    if (identificatie.length > ZAAK_IDENTIFICATIE_MAX_LENGTH) {
      throw new RangeError(`Zaak identificatie ${identificatie} exceeds ${ZAAK_IDENTIFICATIE_MAX_LENGTH} characters`);
    }
    return identificatie;
  });
}

/** The tenant's next zaak identificatie (see {@link reserveZaakIdentificaties}); call it late in the zaak's transaction. */
export async function nextZaakIdentificatie(trx: Kysely<Database>, tenantId: string, at: Date): Promise<string> {
  const [identificatie] = await reserveZaakIdentificaties(trx, tenantId, at, 1);
  if (identificatie === undefined) throw new Error('reserveZaakIdentificaties returned no number');
  return identificatie;
}

/**
 * Like {@link nextZaakIdentificatie}, but skips numbers that `isTaken` reports as already used within the
 * bronorganisatie (by a client that chose its own identificatie), so the result is unique there (zrc-002).
 * `isTaken` must look in the same transaction. Skipped numbers stay consumed.
 */
export async function nextFreeZaakIdentificatie(
  trx: Kysely<Database>,
  tenantId: string,
  at: Date,
  isTaken: (identificatie: string) => Promise<boolean>,
): Promise<string> {
  for (;;) {
    const identificatie = await nextZaakIdentificatie(trx, tenantId, at);
    if (!(await isTaken(identificatie))) return identificatie;
  }
}

/**
 * Whether a client-supplied identificatie fits the Zaken API: at most 40 characters (the spec's `maxLength`,
 * counted in code points as the reference implementation does). The standard sets no pattern and no
 * minimum; an empty or absent identificatie means "generate one". Uniqueness within the bronorganisatie
 * (zrc-002) is the zaken repository's check.
 */
export function isZaakIdentificatieFormatValid(identificatie: string): boolean {
  return [...identificatie].length <= ZAAK_IDENTIFICATIE_MAX_LENGTH;
}
