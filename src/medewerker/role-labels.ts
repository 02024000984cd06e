import type { StaffRole } from '../platform/http/route-policy.ts';

/** How each staff role is named to people. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  kcc: 'KCC-medewerker',
  behandelaar: 'Behandelaar',
  teamleider: 'Teamleider',
  beheerder: 'Functioneel beheerder',
  privacy: 'Privacy officer',
  controller: 'Controller',
  bestuur: 'College- of raadslid',
};
