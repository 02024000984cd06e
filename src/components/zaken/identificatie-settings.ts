import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { invalid } from '../../platform/errors/problem.ts';

/** How a tenant's generated zaak identificaties look: `<prefix>-<year>-<number padded to digits>`. */
export interface ZaakIdentificatieSettings {
  prefix: string;
  digits: number;
}

/** What a tenant gets until it chooses otherwise. */
export const DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS: ZaakIdentificatieSettings = { prefix: 'ZAAK', digits: 10 };

/**
 * 1–20 upper-case letters, digits and hyphens, starting and ending with a letter or digit, so the hyphens
 * that separate prefix, year and number stay recognisable. Mirrors the CHECK in migration 0007.
 */
const PREFIX_PATTERN = /^[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])?$/;
const MIN_DIGITS = 4;
const MAX_DIGITS = 14;

/** Whether `prefix` may be used for generated zaak identificaties. */
export function isZaakIdentificatiePrefixValid(prefix: string): boolean {
  return PREFIX_PATTERN.test(prefix);
}

/** The tenant's settings, or the defaults when it never changed them. */
export async function getZaakIdentificatieSettings(db: Kysely<Database>, tenantId: string): Promise<ZaakIdentificatieSettings> {
  const row = await db
    .selectFrom('zaak_identificatie_settings')
    .select(['prefix', 'digits'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ?? { ...DEFAULT_ZAAK_IDENTIFICATIE_SETTINGS };
}

/**
 * Sets the prefix (and optionally the number of digits) of the tenant's future generated identificaties.
 * Already issued identificaties keep theirs; numbering continues, because the counter is per tenant and year,
 * not per prefix. Throws a 400 `invalid` problem for a prefix or digit count outside the allowed range.
 */
export async function setZaakIdentificatiePrefix(
  db: Kysely<Database>,
  tenantId: string,
  prefix: string,
  digits?: number,
): Promise<ZaakIdentificatieSettings> {
  const problems = [];
  if (!isZaakIdentificatiePrefixValid(prefix)) {
    problems.push({
      name: 'prefix',
      code: 'invalid',
      reason: 'Gebruik 1 tot en met 20 hoofdletters, cijfers en koppeltekens, beginnend en eindigend met een letter of cijfer.',
    });
  }
  if (digits !== undefined && !(Number.isInteger(digits) && digits >= MIN_DIGITS && digits <= MAX_DIGITS)) {
    problems.push({ name: 'digits', code: 'invalid', reason: `Kies een aantal cijfers van ${MIN_DIGITS} tot en met ${MAX_DIGITS}.` });
  }
  if (problems.length > 0) throw invalid(problems);
  const row = await db
    .insertInto('zaak_identificatie_settings')
    .values({ tenant_id: tenantId, prefix, ...(digits === undefined ? {} : { digits }) })
    .onConflict((conflict) =>
      conflict.column('tenant_id').doUpdateSet({ prefix, ...(digits === undefined ? {} : { digits }) }),
    )
    .returning(['prefix', 'digits'])
    .executeTakeFirstOrThrow();
  return row;
}
