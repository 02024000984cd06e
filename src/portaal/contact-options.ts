import type { Tenant } from '../platform/database/schema.ts';

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
 * The contact options a tenant shows until its own are recorded: those of the fictional demo municipality (14 0999 is
 * no real number, `.example` no real domain). Tenant data has no contact fields yet; when it gets them, they win here.
 */
export const DEFAULT_CONTACT_OPTIONS: ContactOptions = {
  telefoon: '14 0999',
  telefoonTijden: 'maandag tot en met vrijdag van 8.30 tot 17.00 uur',
  balie: 'Gemeentehuis, Marktplein 1. Kom op afspraak.',
  email: 'info@gemeente-voorbeeld.example',
  chatTijden: 'maandag tot en met vrijdag van 9.00 tot 16.00 uur',
};

/** The contact options for a tenant's pages. */
export function contactOptions(_tenant: Tenant): ContactOptions {
  return DEFAULT_CONTACT_OPTIONS;
}

/** `tel:` link target for a number as printed ("14 0999" becomes "140999"). */
export function telHref(telefoon: string): string {
  return `tel:${telefoon.replace(/[^0-9+]/g, '')}`;
}
