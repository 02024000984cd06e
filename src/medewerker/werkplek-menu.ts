import type { StaffRole } from '../platform/http/route-policy.ts';

/*
 * The staff workspace's menu: every workspace and who may use it. The home page lists them per section and every
 * workspace page shows them in its header; each module adds its own entry here. The routes check the roles again on
 * the server: the menu only hides what a role cannot open.
 */

export interface MenuItem {
  href: string;
  label: string;
  /** Section heading on the home page. */
  sectie: string;
  roles: readonly StaffRole[];
}

export const WERKPLEK_MENU: readonly MenuItem[] = [
  { href: '/medewerker/werkvoorraad', label: 'Werkvoorraad', sectie: 'Zaken', roles: ['behandelaar', 'teamleider'] },
  { href: '/medewerker/kcc', label: 'Klantcontact (KCC)', sectie: 'Klantcontact', roles: ['kcc', 'behandelaar', 'teamleider'] },
  { href: '/medewerker/afspraken', label: 'Afspraken aan de balie', sectie: 'Balie', roles: ['kcc', 'behandelaar', 'beheerder'] },
  { href: '/medewerker/contactverzoeken', label: 'Contactverzoeken', sectie: 'Klantcontact', roles: ['behandelaar', 'teamleider', 'kcc'] },
  // The beheer index (/medewerker/beheer) links every beheer page: e-forms, kennisbank, contact settings and the rest.
  { href: '/medewerker/beheer', label: 'Beheer', sectie: 'Beheer', roles: ['beheerder'] },
  { href: '/medewerker/financien', label: 'Begroting, risico’s en weerstandsvermogen', sectie: 'Financiën', roles: ['controller', 'bestuur'] },
  { href: '/medewerker/inzicht', label: 'Inzicht: dashboards en open data', sectie: 'Inzicht', roles: ['teamleider', 'beheerder', 'bestuur', 'controller'] },
  { href: '/medewerker/privacy/verwerkingen', label: 'Verwerkingen van een persoon opzoeken', sectie: 'Privacy', roles: ['privacy'] },
];

/** The items this staff member may open, in menu order. */
export function menuFor(roles: readonly string[]): MenuItem[] {
  return WERKPLEK_MENU.filter((item) => item.roles.some((role) => roles.includes(role)));
}
