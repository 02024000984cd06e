/*
 * The form of a digitaal adres depends on its soort (klantinteracties-0.9.0.yaml, `adres`): an e-mail address
 * has one @ with a domain, a phone number is Dutch local (10 digits) or international (+ or 00). Service numbers
 * (0800, 0900, 14…) are not personal phone numbers and are refused, as the spec says.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TELEFOONNUMMER = /^(0[1-9][0-9]{8}|\+[0-9]{9,15}|00[0-9]{7,13})$/;

/** Why the adres does not fit its soort, or undefined when it does. */
export function adresProblem(soort: string, adres: string): string | undefined {
  if (soort === 'email' && !EMAIL.test(adres)) return 'Dit is geen geldig e-mailadres.';
  if (soort === 'telefoonnummer' && !TELEFOONNUMMER.test(adres)) return 'Een telefoonnummer is 10 cijfers (0612345678) of internationaal met + of 00.';
  return undefined;
}
