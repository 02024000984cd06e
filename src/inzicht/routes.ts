import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffIdentity } from '../platform/auth/staff-session.ts';
import type { AppContext } from '../platform/context.ts';
import { invalid, ProblemError } from '../platform/errors/problem.ts';
import type { SafeHtml } from '../platform/http/html.ts';
import { amsterdamToday } from '../kennisbank/dates.ts';
import { addDays } from '../components/zaken/termijnen/awb-termijnen.ts';
import { wachtendeWijzigingen } from './aggregaten/verversen.ts';
import { openDataRijen, ONDERDRUKKINGSGRENS, type OpenDataRij } from './cijfers/open-data.ts';
import { teamsVan, zaaktypeNaam, zaaktypenVan } from './cijfers/zaaktypen.ts';
import { tabellenVan, type Dashboard } from './dashboard.ts';
import type { DashboardContext } from './dashboards/context.ts';
import { dienstverleningDashboard } from './dashboards/dienstverlening.ts';
import { kanalenDashboard } from './dashboards/kanalen.ts';
import { kccDashboard } from './dashboards/kcc.ts';
import { kennisbankDashboard } from './dashboards/kennisbank.ts';
import { volwassenheidDashboard } from './dashboards/volwassenheid.ts';
import { FILTER_QUERY_SCHEMA, leesFilters, type FilterQuery, type Filters } from './filters.ts';
import { DASHBOARDS, INZICHT_PADEN, type DashboardNaam } from './paden.ts';
import { DASHBOARD_ROLLEN, dashboardsVoor, INZICHT_ROLLEN } from './toegang.ts';
import { dashboardPagina, indexPagina } from './weergave/pagina.ts';
import { tabelCsv, type Cel } from './weergave/tabel.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/schema.ts';

const BOUWERS: Record<DashboardNaam, (context: DashboardContext) => Promise<Dashboard>> = {
  kanalen: kanalenDashboard,
  dienstverlening: dienstverleningDashboard,
  kcc: kccDashboard,
  kennisbank: kennisbankDashboard,
  volwassenheid: volwassenheidDashboard,
};

const CSV_QUERY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['tabel'],
  properties: { ...FILTER_QUERY_SCHEMA.properties, tabel: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' } },
} as const;

function staffOf(request: FastifyRequest): StaffIdentity {
  // The staffRoles policy sets request.staff before any handler runs.
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

function sendHtml(reply: FastifyReply, status: number, document: SafeHtml): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(document.value);
}

function sendDownload(reply: FastifyReply, type: string, bestandsnaam: string, inhoud: string): FastifyReply {
  return reply.code(200).type(type).header('Cache-Control', 'no-store').header('Content-Disposition', `attachment; filename="${bestandsnaam}"`).send(inhoud);
}

async function contextVoor(db: Kysely<Database>, tenantId: string, filters: Filters, vandaag: string, inlogmiddel: boolean): Promise<DashboardContext> {
  return { db, tenantId, filters, vandaag, zaaktypen: await zaaktypenVan(db, tenantId), teams: await teamsVan(db, tenantId), inlogmiddel };
}

/** The open-data period: by default the twelve months up to and including the current one. */
function openDataFilters(query: FilterQuery, vandaag: string): Filters {
  const standaard: FilterQuery = { van: `${addDays(`${vandaag.slice(0, 7)}-01`, -335).slice(0, 7)}-01`, tot: vandaag };
  const { filters, fouten } = leesFilters({ van: query.van ?? standaard.van, tot: query.tot ?? standaard.tot }, vandaag);
  if (fouten.length > 0) throw invalid(fouten.map((fout) => ({ name: fout.veld, code: 'invalid', reason: fout.melding })));
  return filters;
}

function openDataCsv(rijen: readonly OpenDataRij[]): string {
  const tabel = {
    id: 'open-data',
    titel: 'Open data',
    kolommen: [{ kop: 'maand' }, { kop: 'zaaktype' }, { kop: 'product' }, { kop: 'kanaal' }, { kop: 'aanvragen' }, { kop: 'afgehandeld' }],
    rijen: rijen.map((rij): Cel[] => [rij.maand, rij.zaaktype, rij.product, rij.kanaal, rij.aanvragen, rij.afgehandeld]),
    leeg: '',
  };
  return tabelCsv(tabel);
}

/** Inzicht: the dashboards in the staff workspace, their CSV downloads and the open-data export. */
export async function registerInzicht(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  const inlogmiddel = context.config.residentOidc !== undefined;

  app.get(INZICHT_PADEN.index, { config: { staffRoles: INZICHT_ROLLEN } }, async (request, reply) => {
    const staff = staffOf(request);
    return sendHtml(reply, 200, indexPagina({ tenantName: request.tenant.name, staff, toegestaan: dashboardsVoor(staff.roles), vandaag: amsterdamToday() }));
  });

  for (const naam of DASHBOARDS) {
    const config = { staffRoles: DASHBOARD_ROLLEN[naam] };
    app.get<{ Querystring: FilterQuery }>(INZICHT_PADEN.dashboard(naam), { config, schema: { querystring: FILTER_QUERY_SCHEMA } }, async (request, reply) => {
      const staff = staffOf(request);
      const vandaag = amsterdamToday();
      const { filters, fouten } = leesFilters(request.query, vandaag);
      const dashboardContext = await contextVoor(db, request.tenant.id, filters, vandaag, inlogmiddel);
      const dashboard = await BOUWERS[naam](dashboardContext);
      const keuzes = {
        zaaktypen: [...dashboardContext.zaaktypen.keys()].map((identificatie) => ({ identificatie, naam: zaaktypeNaam(dashboardContext.zaaktypen, identificatie) })).sort((a, b) => a.naam.localeCompare(b.naam, 'nl')),
        teams: dashboardContext.teams,
      };
      return sendHtml(
        reply,
        fouten.length > 0 ? 400 : 200,
        dashboardPagina({ tenantName: request.tenant.name, staff, naam, toegestaan: dashboardsVoor(staff.roles), dashboard, filters, fouten, keuzes, wachtend: await wachtendeWijzigingen(db, request.tenant.id) }),
      );
    });

    app.get<{ Querystring: FilterQuery & { tabel: string } }>(INZICHT_PADEN.csv(naam), { config, schema: { querystring: CSV_QUERY_SCHEMA } }, async (request, reply) => {
      const vandaag = amsterdamToday();
      const { filters, fouten } = leesFilters(request.query, vandaag);
      if (fouten.length > 0) throw invalid(fouten.map((fout) => ({ name: fout.veld, code: 'invalid', reason: fout.melding })));
      const dashboard = await BOUWERS[naam](await contextVoor(db, request.tenant.id, filters, vandaag, inlogmiddel));
      const tabel = tabellenVan(dashboard).find((item) => item.id === request.query.tabel);
      if (!tabel) throw new ProblemError('not_found', 'Dit dashboard heeft geen tabel met deze naam.');
      return sendDownload(reply, 'text/csv; charset=utf-8', `${naam}-${tabel.id}-${filters.van}-${filters.tot}.csv`, `\uFEFF${tabelCsv(tabel)}`);
    });
  }

  const openDataQuery = { type: 'object', additionalProperties: false, properties: { van: FILTER_QUERY_SCHEMA.properties.van, tot: FILTER_QUERY_SCHEMA.properties.tot } } as const;
  app.get<{ Querystring: FilterQuery }>(INZICHT_PADEN.openDataCsv, { config: { staffRoles: INZICHT_ROLLEN }, schema: { querystring: openDataQuery } }, async (request, reply) => {
    const filters = openDataFilters(request.query, amsterdamToday());
    const rijen = await openDataRijen(db, request.tenant.id, filters, await zaaktypenVan(db, request.tenant.id));
    return sendDownload(reply, 'text/csv; charset=utf-8', `open-data-aanvragen-${filters.van}-${filters.tot}.csv`, `\uFEFF${openDataCsv(rijen)}`);
  });
  app.get<{ Querystring: FilterQuery }>(INZICHT_PADEN.openDataJson, { config: { staffRoles: INZICHT_ROLLEN }, schema: { querystring: openDataQuery } }, async (request, reply) => {
    const filters = openDataFilters(request.query, amsterdamToday());
    const rijen = await openDataRijen(db, request.tenant.id, filters, await zaaktypenVan(db, request.tenant.id));
    const document = {
      beschrijving: 'Aanvragen (gestarte zaken) en afgehandelde zaken per maand, product (zaaktype) en kanaal. Aantallen van 1 tot en met 9 zijn niet gepubliceerd (null).',
      onderdrukkingsgrens: ONDERDRUKKINGSGRENS,
      periode: { van: filters.van, tot: filters.tot },
      rijen,
    };
    return sendDownload(reply, 'application/json; charset=utf-8', `open-data-aanvragen-${filters.van}-${filters.tot}.json`, JSON.stringify(document, null, 2));
  });
}
