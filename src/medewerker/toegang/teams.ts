import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';

/* Teams (afdelingen): the zaaktypen each handles and its members. Every query is scoped to the tenant. */

export interface Team {
  id: string;
  naam: string;
  zaaktypeIdentificaties: string[];
  ledenIds: string[];
}

export async function createTeam(db: Kysely<Database>, tenantId: string, naam: string): Promise<string> {
  const row = await db.insertInto('teams').values({ tenant_id: tenantId, naam: naam.trim() }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Replaces the team's zaaktypen. */
export async function setTeamZaaktypen(db: Kysely<Database>, tenantId: string, teamId: string, identificaties: readonly string[]): Promise<void> {
  await db.deleteFrom('team_zaaktypen').where('tenant_id', '=', tenantId).where('team_id', '=', teamId).execute();
  const unique = [...new Set(identificaties)];
  if (unique.length > 0) {
    await db.insertInto('team_zaaktypen').values(unique.map((identificatie) => ({ team_id: teamId, tenant_id: tenantId, zaaktype_identificatie: identificatie }))).execute();
  }
}

/** Replaces the team's members; only staff accounts of the same tenant can be members. */
export async function setTeamLeden(db: Kysely<Database>, tenantId: string, teamId: string, staffUserIds: readonly string[]): Promise<void> {
  await db.deleteFrom('team_leden').where('tenant_id', '=', tenantId).where('team_id', '=', teamId).execute();
  const unique = [...new Set(staffUserIds)];
  if (unique.length === 0) return;
  const ownStaff = await db.selectFrom('staff_users').select('id').where('tenant_id', '=', tenantId).where('id', 'in', unique).execute();
  if (ownStaff.length > 0) await db.insertInto('team_leden').values(ownStaff.map((member) => ({ team_id: teamId, tenant_id: tenantId, staff_user_id: member.id }))).execute();
}

/** Every team of the tenant with its zaaktypen and members, by name. */
export async function listTeams(db: Kysely<Database>, tenantId: string): Promise<Team[]> {
  const teams = await db.selectFrom('teams').select(['id', 'naam']).where('tenant_id', '=', tenantId).orderBy('naam').execute();
  if (teams.length === 0) return [];
  const ids = teams.map((team) => team.id);
  const [zaaktypen, leden] = await Promise.all([
    db.selectFrom('team_zaaktypen').select(['team_id', 'zaaktype_identificatie']).where('team_id', 'in', ids).orderBy('zaaktype_identificatie').execute(),
    db.selectFrom('team_leden').select(['team_id', 'staff_user_id']).where('team_id', 'in', ids).execute(),
  ]);
  return teams.map((team) => ({
    id: team.id,
    naam: team.naam,
    zaaktypeIdentificaties: zaaktypen.filter((row) => row.team_id === team.id).map((row) => row.zaaktype_identificatie),
    ledenIds: leden.filter((row) => row.team_id === team.id).map((row) => row.staff_user_id),
  }));
}

/** The ids of the teams a staff member belongs to. */
export async function teamIdsOf(db: Kysely<Database>, tenantId: string, staffUserId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_leden')
    .innerJoin('teams', 'teams.id', 'team_leden.team_id')
    .select('teams.id')
    .where('teams.tenant_id', '=', tenantId)
    .where('team_leden.staff_user_id', '=', staffUserId)
    .execute();
  return rows.map((row) => row.id);
}
