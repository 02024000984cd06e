import type { Tenant } from '../platform/database/schema.ts';
import { isMailAddress } from '../platform/mail/mail-address.ts';

/** How a resident reaches the municipality besides the website. */
export interface ContactOptions {
  /** As printed, e.g. "14 0999". */
  telefoon: string;
  telefoonTijden: string;
  /** Address of the counter and how to come. */
  balie: string;
  email: string;
  chatTijden: string;
}

/**
 * The contact options a tenant shows until its beheerders record their own: those of the fictional demo municipality
 * (14 0999 is no real number, `.example` no real domain).
 */
export const DEFAULT_CONTACT_OPTIONS: ContactOptions = {
  telefoon: '14 0999',
  telefoonTijden: 'maandag tot en met vrijdag van 8.30 tot 17.00 uur',
  balie: 'Gemeentehuis, Marktplein 1. Kom op afspraak.',
  email: 'info@gemeente-voorbeeld.example',
  chatTijden: 'maandag tot en met vrijdag van 9.00 tot 16.00 uur',
};

export const CONTACT_FIELDS = ['telefoon', 'telefoonTijden', 'balie', 'email', 'chatTijden'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The contact options for a tenant's pages: its own where recorded, the defaults for the rest. */
export function contactOptions(tenant: Pick<Tenant, 'contact'>): ContactOptions {
  const own = tenant.contact ?? {};
  const options = { ...DEFAULT_CONTACT_OPTIONS };
  for (const field of CONTACT_FIELDS) {
    const value = own[field];
    if (typeof value === 'string' && value.trim() !== '') options[field] = value;
  }
  return options;
}

const MAX_TEXT = 200;

/** What is wrong with submitted contact options, per field, in words for the beheerder (empty when all is well). */
export function contactProblems(input: Record<ContactField, string>): Partial<Record<ContactField, string>> {
  const problems: Partial<Record<ContactField, string>> = {};
  for (const field of CONTACT_FIELDS) {
    if (input[field].trim() === '') problems[field] = 'Vul dit veld in.';
    else if (input[field].length > MAX_TEXT) problems[field] = `Gebruik hoogstens ${MAX_TEXT} tekens.`;
  }
  const digits = input.telefoon.replace(/\D/g, '');
  if (!problems.telefoon && (!/^[0-9 +()-]+$/.test(input.telefoon) || digits.length < 4 || digits.length > 15)) {
    problems.telefoon = 'Vul een telefoonnummer in, bijvoorbeeld 14 0999 of 030 123 45 67.';
  }
  if (!problems.email && !isMailAddress(input.email.trim())) {
    problems.email = 'Vul een e-mailadres in, bijvoorbeeld info@gemeente.nl.';
  }
  return problems;
}

/** `tel:` link target for a number as printed ("14 0999" becomes "140999"). */
export function telHref(telefoon: string): string {
  return `tel:${telefoon.replace(/[^0-9+]/g, '')}`;
}
