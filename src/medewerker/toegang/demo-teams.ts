import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { createTeam, setTeamLeden, setTeamZaaktypen } from './teams.ts';

/** The demo municipality's teams and the zaaktypen of the demo catalogue each one handles. */
export const DEMO_TEAMS: ReadonlyArray<{ naam: string; zaaktypen: readonly string[] }> = [
  { naam: 'Burgerzaken', zaaktypen: ['VERHUIZING', 'UITTREKSEL-BRP', 'PARKEERVERGUNNING'] },
  { naam: 'Vergunningen', zaaktypen: ['EVENEMENTENVERGUNNING', 'KAPVERGUNNING'] },
  { naam: 'Openbare ruimte', zaaktypen: ['MELDING-OPENBARE-RUIMTE'] },
  { naam: 'Juridische zaken', zaaktypen: ['BEZWAARSCHRIFT'] },
  { naam: 'Zorg en welzijn', zaaktypen: ['WMO-MELDING'] },
];

/**
 * Creates the demo teams. The demo behandelaar works in Burgerzaken, Vergunningen and Openbare ruimte, so the demo
 * shows both what they handle and what stays out of reach (bezwaar, Wmo); the teamleider leads those three and
 * Juridische zaken.
 */
export async function seedDemoTeams(db: Kysely<Database>, tenantId: string, staff: { behandelaar?: string; teamleider?: string }): Promise<void> {
  for (const team of DEMO_TEAMS) {
    const id = await createTeam(db, tenantId, team.naam);
    await setTeamZaaktypen(db, tenantId, id, team.zaaktypen);
    const leden: string[] = [];
    if (staff.behandelaar && ['Burgerzaken', 'Vergunningen', 'Openbare ruimte'].includes(team.naam)) leden.push(staff.behandelaar);
    if (staff.teamleider && team.naam !== 'Zorg en welzijn') leden.push(staff.teamleider);
    await setTeamLeden(db, tenantId, id, leden);
  }
}
