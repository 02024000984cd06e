import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { amsterdamDate } from '../../components/zaken/archivering/calendar.ts';
import { sendPage } from '../send-page.ts';
import { loadStaffZaakToegang, mayHandleZaak } from '../toegang/zaak-toegang.ts';
import { staffZaken } from '../toegang/staff-zaken-caller.ts';
import { wijsZaakToe } from './toewijzing.ts';
import { LIJSTEN, listWerkvoorraad, resolveFilter, type Lijst, type StatusFilter } from './werkvoorraad-query.ts';
import { readWerkvoorraadKader } from './werkvoorraad-kader.ts';
import { TOEWIJZEN_PATH, WERKVOORRAAD_PATH, werkvoorraadPage } from './werkvoorraad-page.ts';
import { findZaakInView } from './zaak-gegevens.ts';
import { apiBases } from './zaak-services.ts';
import { fieldErrorsOf } from './actie-fouten.ts';

const HANDLERS = { staffRoles: ['behandelaar', 'teamleider'] } as const;

interface WerkvoorraadQuery {
  lijst?: string;
  zaaktype?: string;
  status?: string;
  pagina?: string;
  toegewezen?: string;
}

const QUERY = {
  type: 'object',
  properties: { lijst: { type: 'string' }, zaaktype: { type: 'string', maxLength: 100 }, status: { type: 'string', maxLength: 200 }, pagina: { type: 'string', maxLength: 6 }, toegewezen: { type: 'string', maxLength: 60 } },
} as const;

const TOEWIJZEN_BODY = {
  type: 'object',
  required: ['zaak', 'behandelaar'],
  properties: { _csrf: { type: 'string' }, zaak: { type: 'string', maxLength: 60 }, behandelaar: { type: 'string', maxLength: 60 }, terug: { type: 'string', maxLength: 1000 } },
} as const;

function parseStatus(value: string | undefined): StatusFilter {
  if (value === 'opgeschort' || value === 'afgesloten') return { soort: value };
  if (value?.startsWith('status:') && value.length > 7) return { soort: 'status', omschrijving: value.slice(7) };
  return { soort: 'open' };
}

function parseLijst(value: string | undefined): Lijst {
  return LIJSTEN.find((lijst) => lijst === value) ?? 'mijn';
}

async function renderWerkvoorraad(context: AppContext, request: FastifyRequest, reply: FastifyReply, query: WerkvoorraadQuery, status: number, fout?: { zaakUuid: string; message: string }): Promise<FastifyReply> {
  const staff = request.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  const db = context.database.db;
  const tenantId = request.tenant.id;
  // Listing needs the member's view only; the services caller is made when a zaak is assigned.
  const toegang = await loadStaffZaakToegang(db, tenantId, { userId: staff.userId, roles: staff.roles });
  const lijst = parseLijst(query.lijst);
  const statusFilter = parseStatus(query.status);
  const filter = { zaaktype: query.zaaktype || undefined, status: statusFilter };
  const pagina = Math.max(1, Math.min(10_000, Number.parseInt(query.pagina ?? '1', 10) || 1));
  const resolved = await resolveFilter(db, tenantId, toegang, filter);
  const [{ counts, keuzes, collegas }, rows] = await Promise.all([
    readWerkvoorraadKader(db, tenantId, toegang, staff.userId, resolved),
    listWerkvoorraad(db, tenantId, toegang, staff.userId, lijst, resolved, pagina),
  ]);
  const statusWaarde = statusFilter.soort === 'status' ? `status:${statusFilter.omschrijving}` : statusFilter.soort;
  const melding = query.toegewezen ? `Zaak ${query.toegewezen} is toegewezen.` : undefined;
  return sendPage(
    reply,
    status,
    werkvoorraadPage({ staff, tenantName: request.tenant.name, lijst, filter, statusWaarde, counts, rows, keuzes, collegas, pagina, today: amsterdamDate(new Date()), melding, fout }),
  );
}

/** Where to go back to after assigning: the werkvoorraad with the member's own list and filters, nothing else. */
function terugNaar(terug: string | undefined): string {
  return terug !== undefined && (terug === WERKVOORRAAD_PATH || terug.startsWith(`${WERKVOORRAAD_PATH}?`)) ? terug : WERKVOORRAAD_PATH;
}

/** The werkvoorraad (GET, works without script) and assigning a zaak to oneself or a colleague (POST). */
export function registerWerkvoorraad(app: FastifyInstance, context: AppContext): void {
  app.get<{ Querystring: WerkvoorraadQuery }>(WERKVOORRAAD_PATH, { config: HANDLERS, schema: { querystring: QUERY } }, async (request, reply) => renderWerkvoorraad(context, request, reply, request.query, 200));

  app.post<{ Body: { zaak: string; behandelaar: string; terug?: string } }>(TOEWIJZEN_PATH, { config: HANDLERS, schema: { body: TOEWIJZEN_BODY } }, async (request, reply) => {
    const zaken = await staffZaken(context.database.db, request);
    const zaak = await findZaakInView(context.database.db, request.tenant.id, zaken.toegang, request.body.zaak);
    if (!zaak) throw new ProblemError('not_found', 'Deze zaak bestaat niet of valt buiten uw werkvoorraad.');
    if (!mayHandleZaak(zaken.toegang, { zaaktypeUuid: zaak.zaaktype.uuid, vertrouwelijkheidaanduiding: zaak.vertrouwelijkheidaanduiding })) throw new ProblemError('permission_denied', 'U mag deze zaak niet behandelen.');
    const terug = terugNaar(request.body.terug);
    try {
      await wijsZaakToe(context, zaken.caller, apiBases(request), { zaak: { uuid: zaak.uuid, zaaktypeUuid: zaak.zaaktype.uuid, zaaktypeIdentificatie: zaak.zaaktype.identificatie }, behandelaarId: request.body.behandelaar });
    } catch (error) {
      const fouten = fieldErrorsOf(error);
      if (!fouten) throw error;
      const query = Object.fromEntries(new URL(terug, 'http://x').searchParams) as WerkvoorraadQuery;
      return renderWerkvoorraad(context, request, reply, query, 400, { zaakUuid: zaak.uuid, message: Object.values(fouten).join(' ') });
    }
    context.outbox?.notify();
    const separator = terug.includes('?') ? '&' : '?';
    return reply.redirect(`${terug}${separator}toegewezen=${encodeURIComponent(zaak.identificatie)}`, 303);
  });
}
