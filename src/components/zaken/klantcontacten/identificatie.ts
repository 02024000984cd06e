/*
 * A KLANTCONTACT's identificatie, generated when the client sends none: `KC-<year>-<number>`, numbered per tenant and
 * year of the contact (Europe/Amsterdam), six digits, so it fits the standard's 14 characters.
 */

export const KLANTCONTACT_DIGITS = 6;

/** The prefix of the generated identificaties of contacts in the year (Europe/Amsterdam) of `datumtijd`. */
export function klantcontactPrefix(datumtijd: Date): string {
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(datumtijd);
  return `KC-${year}-`;
}

/** The identificatie after `last` (the highest number in use with this prefix). */
export function nextKlantcontactIdentificatie(prefix: string, last: number): string {
  const next = last + 1;
  if (String(next).length > KLANTCONTACT_DIGITS) throw new Error(`klantcontact numbers of ${prefix} are exhausted`);
  return `${prefix}${String(next).padStart(KLANTCONTACT_DIGITS, '0')}`;
}
