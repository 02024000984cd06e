import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { passesElevenTest } from '../../../platform/tenants/rsin.ts';

/*
 * The rules of a besluit that need no database, so the route can list them together with the schema's findings.
 * Codes are the reference implementation's (vng-api-common validators).
 */

// The beslisdatum is a calendar date of the municipality: just after midnight in Amsterdam it is already "today".
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Europe/Amsterdam as `YYYY-MM-DD`. */
export function amsterdamToday(now: Date = new Date()): string {
  return AMSTERDAM_DATE.format(now);
}

/** The RSIN of the verantwoordelijke organisatie must pass the 11-proef (nine digits is the schema's part). */
export function rsinProblem(value: unknown): InvalidParam | undefined {
  if (typeof value !== 'string' || !/^\d{9}$/.test(value) || passesElevenTest(value)) return undefined;
  return { name: 'verantwoordelijkeOrganisatie', code: 'invalid', reason: 'Het RSIN voldoet niet aan de 11-proef.' };
}

/** The beslisdatum may be today or earlier, never in the future (`future_not_allowed`). */
export function datumProblem(value: unknown, now: Date = new Date()): InvalidParam | undefined {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || value <= amsterdamToday(now)) return undefined;
  return { name: 'datum', code: 'future_not_allowed', reason: 'De beslisdatum mag niet in de toekomst liggen.' };
}

/**
 * The werkingsperiode runs from ingangsdatum to vervaldatum: a besluit cannot lapse before it takes effect (the
 * archiving of its zaak counts from the vervaldatum, so a wrong order would shorten the retention).
 */
export function werkingsperiodeProblem(ingangsdatum: unknown, vervaldatum: unknown): InvalidParam | undefined {
  if (typeof ingangsdatum !== 'string' || typeof vervaldatum !== 'string' || vervaldatum >= ingangsdatum) return undefined;
  return { name: 'vervaldatum', code: 'invalid', reason: 'De vervaldatum mag niet voor de ingangsdatum liggen.' };
}

/** The body rules of a besluit create, update or partial update, for the route to list with the schema's problems. */
export function besluitBodyProblems(body: unknown, now: Date = new Date()): InvalidParam[] {
  if (typeof body !== 'object' || body === null) return [];
  const fields = body as Record<string, unknown>;
  return [rsinProblem(fields.verantwoordelijkeOrganisatie), datumProblem(fields.datum, now), werkingsperiodeProblem(fields.ingangsdatum, fields.vervaldatum)].filter(
    (problem): problem is InvalidParam => problem !== undefined,
  );
}
