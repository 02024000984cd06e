import { invalid } from '../errors/problem.ts';
import { passesElevenTest } from '../tenants/rsin.ts';

/**
 * Whether a value is a well-formed BSN (burgerservicenummer): exactly nine digits that pass the
 * 11-proef. Only the canonical nine-digit form is accepted, because the processing log finds a
 * person by a pseudonym of this exact string: `012345672` and `12345672` must not become two people.
 */
export function isValidBsn(value: string): boolean {
  return passesElevenTest(value);
}

/** Throws a 400 `invalid` problem naming the field unless `value` is a valid BSN. */
export function assertValidBsn(value: string, field = 'bsn'): void {
  if (isValidBsn(value)) return;
  const reason = /^\d{9}$/.test(value) ? 'Het BSN voldoet niet aan de 11-proef.' : 'Een BSN bestaat uit precies negen cijfers.';
  throw invalid([{ name: field, code: 'invalid', reason }], `Ongeldig BSN: ${reason}`);
}
