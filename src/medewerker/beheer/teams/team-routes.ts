import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { isUniqueViolation } from '../../../platform/zgw/request-body.ts';
import { listZaaktypePage } from '../../../components/catalogi/zaaktypen/service.ts';
import { createTeam, listTeams, setTeamLeden, setTeamZaaktypen, type Team } from '../../toegang/teams.ts';
import { sendPage } from '../../send-page.ts';
import { beheerderCatalogiCaller, beheerderOf } from '../beheerder-callers.ts';
import { listStaffAccounts } from '../medewerkers/accounts.ts';
import { listOf, textOf, type FieldErrors, type SelectOption } from '../velden.ts';
import { TEAMS_PATH, teamPage, teamsPage } from './team-pages.ts';

/*
 * The beheerder's teams pages: create and rename teams, set their zaaktypen (identificaties from the tenant's
 * catalogue, read through the Catalogi service) and members (staff accounts of the tenant). Every route: beheerder
 * only, CSRF checked centrally, teams of the tenant only.
 */

const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const ID_PARAMS = { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } } } as const;
const MELDINGEN: Record<string, string> = { naam: 'De naam is opgeslagen.', zaaktypen: 'De zaaktypen zijn opgeslagen.', leden: 'De leden zijn opgeslagen.', aangemaakt: 'Het team is gemaakt.' };

type Body = Record<string, unknown> | undefined;

/** Renames a team of the tenant. */
async function renameTeam(db: Kysely<Database>, tenantId: string, teamId: string, naam: string): Promise<void> {
  await db.updateTable('teams').set({ naam }).where('tenant_id', '=', tenantId).where('id', '=', teamId).execute();
}

function naamFout(naam: string): string | undefined {
  if (naam === '') return 'Vul de naam van het team in.';
  if (naam.length > 200) return 'Gebruik hoogstens 200 tekens.';
  return undefined;
}

export function registerTeamBeheer(app: FastifyInstance, db: Kysely<Database>): void {
  async function team(request: FastifyRequest, id: string): Promise<Team> {
    const found = (await listTeams(db, request.tenant.id)).find((candidate) => candidate.id === id);
    if (!found) throw new ProblemError('not_found', 'Dit team bestaat niet.');
    return found;
  }

  async function zaaktypeOpties(request: FastifyRequest): Promise<SelectOption[]> {
    const { caller, base } = beheerderCatalogiCaller(request);
    const byIdentificatie = new Map<string, string>();
    for (let page = 1; page <= 50; page += 1) {
      const list = await listZaaktypePage(db, caller, base, { status: 'alles', page });
      for (const zaaktype of list.results) byIdentificatie.set(String(zaaktype.identificatie), String(zaaktype.omschrijving));
      if (list.next === null) break;
    }
    return [...byIdentificatie].sort(([a], [b]) => a.localeCompare(b)).map(([value, omschrijving]) => ({ value, label: `${omschrijving} (${value})` }));
  }

  async function lijst(request: FastifyRequest, reply: FastifyReply, status: number, naam?: string, fouten?: FieldErrors) {
    const staff = beheerderOf(request);
    const [teams, accounts] = await Promise.all([listTeams(db, request.tenant.id), listStaffAccounts(db, request.tenant.id)]);
    const namen = new Map(accounts.map((account) => [account.id, account.displayName]));
    return sendPage(reply, status, teamsPage({ tenantName: request.tenant.name, staff, teams, namen, ...(naam !== undefined ? { naam } : {}), ...(fouten ? { fouten } : {}) }));
  }

  async function detail(request: FastifyRequest, reply: FastifyReply, status: number, found: Team, extra: { naam?: string; fouten?: FieldErrors; melding?: string } = {}) {
    const staff = beheerderOf(request);
    const [zaaktypen, accounts] = await Promise.all([zaaktypeOpties(request), listStaffAccounts(db, request.tenant.id)]);
    const medewerkers = accounts.map((account) => ({ value: account.id, label: `${account.displayName} (${account.email})` }));
    return sendPage(reply, status, teamPage({ tenantName: request.tenant.name, staff, team: found, zaaktypen, medewerkers, ...extra }));
  }

  app.get(TEAMS_PATH, { config: BEHEERDER }, async (request, reply) => lijst(request, reply, 200));

  app.post<{ Body: Body }>(TEAMS_PATH, { config: BEHEERDER }, async (request, reply) => {
    beheerderOf(request);
    const naam = textOf(request.body, 'naam');
    const fout = naamFout(naam);
    if (fout) return lijst(request, reply, 400, naam, { naam: fout });
    try {
      const id = await createTeam(db, request.tenant.id, naam);
      return reply.redirect(`${TEAMS_PATH}/${id}?gedaan=aangemaakt`, 303);
    } catch (error) {
      // Also a double submit: the name is taken by the team the first submit made.
      if (isUniqueViolation(error)) return lijst(request, reply, 400, naam, { naam: 'Er is al een team met deze naam.' });
      throw error;
    }
  });

  app.get<{ Params: { id: string }; Querystring: { gedaan?: string } }>(
    `${TEAMS_PATH}/:id`,
    { config: BEHEERDER, schema: { params: ID_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => detail(request, reply, 200, await team(request, request.params.id), { melding: MELDINGEN[request.query.gedaan ?? ''] }),
  );

  app.post<{ Params: { id: string }; Body: Body }>(`${TEAMS_PATH}/:id/naam`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const found = await team(request, request.params.id);
    const naam = textOf(request.body, 'naam');
    const fout = naamFout(naam);
    if (fout) return detail(request, reply, 400, found, { naam, fouten: { naam: fout } });
    try {
      await renameTeam(db, request.tenant.id, found.id, naam);
    } catch (error) {
      if (isUniqueViolation(error)) return detail(request, reply, 400, found, { naam, fouten: { naam: 'Er is al een team met deze naam.' } });
      throw error;
    }
    return reply.redirect(`${TEAMS_PATH}/${found.id}?gedaan=naam`, 303);
  });

  app.post<{ Params: { id: string }; Body: Body }>(`${TEAMS_PATH}/:id/zaaktypen`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const found = await team(request, request.params.id);
    const gekozen = listOf(request.body, 'zaaktypen');
    const bekend = new Set((await zaaktypeOpties(request)).map((optie) => optie.value));
    const onbekend = gekozen.filter((identificatie) => !bekend.has(identificatie));
    if (onbekend.length > 0) return detail(request, reply, 400, found, { fouten: { zaaktypen: `Deze zaaktypen staan niet in de catalogus: ${onbekend.join(', ')}.` } });
    await setTeamZaaktypen(db, request.tenant.id, found.id, gekozen);
    return reply.redirect(`${TEAMS_PATH}/${found.id}?gedaan=zaaktypen`, 303);
  });

  app.post<{ Params: { id: string }; Body: Body }>(`${TEAMS_PATH}/:id/leden`, { config: BEHEERDER, schema: { params: ID_PARAMS } }, async (request, reply) => {
    const found = await team(request, request.params.id);
    const gekozen = listOf(request.body, 'leden');
    const eigen = new Set((await listStaffAccounts(db, request.tenant.id)).map((account) => account.id));
    if (gekozen.some((id) => !eigen.has(id))) return detail(request, reply, 400, found, { fouten: { leden: 'Kies alleen medewerkers van deze gemeente.' } });
    await setTeamLeden(db, request.tenant.id, found.id, gekozen);
    return reply.redirect(`${TEAMS_PATH}/${found.id}?gedaan=leden`, 303);
  });
}
