import type { StaffRole } from '../platform/http/route-policy.ts';
import type { DashboardNaam } from './paden.ts';

/*
 * Who may open which dashboard. The figures are aggregates without personal data. The teamleider steers the work and
 * the KCC; the college (bestuur) and the controller read everything; the functioneel beheerder maintains the catalogue
 * and the kennisbank, so reads the dashboards about those.
 */
export const DASHBOARD_ROLLEN: Record<DashboardNaam, readonly StaffRole[]> = {
  kanalen: ['teamleider', 'bestuur', 'controller'],
  dienstverlening: ['teamleider', 'bestuur', 'controller'],
  kcc: ['teamleider', 'bestuur', 'controller'],
  kennisbank: ['teamleider', 'beheerder', 'bestuur', 'controller'],
  volwassenheid: ['teamleider', 'beheerder', 'bestuur', 'controller'],
};

/** Everyone who may open at least one dashboard: the index page and the open-data export. */
export const INZICHT_ROLLEN: readonly StaffRole[] = ['teamleider', 'beheerder', 'bestuur', 'controller'];

/** The dashboards these roles may open. */
export function dashboardsVoor(rollen: readonly string[]): DashboardNaam[] {
  return (Object.keys(DASHBOARD_ROLLEN) as DashboardNaam[]).filter((naam) => DASHBOARD_ROLLEN[naam].some((rol) => rollen.includes(rol)));
}
