import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { logRequestProcessing } from '../../platform/processing-log/request.ts';
import type { KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { retrieveResource, retrieveResources } from '../../components/klantinteracties/shared/resource-service.ts';
import { interneTaken } from '../../components/klantinteracties/internetaken/service.ts';
import { vandaag } from '../../formulieren/dagen.ts';
import { sendPage } from '../send-page.ts';
import { detailPage } from './detail-page.ts';
import { controleerContactverzoek, INVOER_VELDEN, type ContactverzoekInvoer } from './invoer.ts';
import { klantcontactMetPersoon, type KlantcontactMetPersoon } from './klantcontact-persoon.ts';
import { staffKlantCaller } from './klant-caller.ts';
import { lijstPage } from './lijst-page.ts';
import { doorgezetPage, overdrachtPage, type KlantcontactSamenvatting } from './overdracht-page.ts';
import { contactverzoekPath, CONTACTVERZOEKEN_PATH, overdrachtPath } from './paths.ts';
import { findInTenant, findZichtbaar, gebeurtenissen, LIJSTEN, ontvangers, openInLijst, tellingen, type ContactverzoekRegel, type Lijst } from './repository.ts';
import { createContactverzoek, pakOp, sluitAf } from './service.ts';
import { plusWerkdagen, standaardTermijn } from './termijn.ts';

/*
 * The KCC hands a contact over (`…/kcc/contacten/:klantcontactUuid/contactverzoek`), the back office works the
 * contactverzoeken (`/medewerker/contactverzoeken…`). Every route has its roles; every back-office read and action
 * also checks that the contactverzoek is addressed to the staff member, to one of their teams, or was picked up by them.
 */

const UUID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const KLANTCONTACT_PARAMS = { type: 'object', required: ['klantcontactUuid'], properties: { klantcontactUuid: UUID } } as const;
const TAAK_PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: UUID } } as const;
const OVERDRACHT_BODY = {
  type: 'object',
  required: ['sleutel'],
  properties: { sleutel: UUID, ...Object.fromEntries(INVOER_VELDEN.map((veld) => [veld, { type: 'string', maxLength: 5000 }])) },
} as const;

const KCC = { staffRoles: ['kcc', 'behandelaar', 'teamleider'] } as const;
const BACKOFFICE = { staffRoles: ['behandelaar', 'teamleider', 'kcc'] } as const;

function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

function samenvatting(gevonden: KlantcontactMetPersoon): KlantcontactSamenvatting {
  const { klantcontact } = gevonden;
  return { uuid: klantcontact.uuid, nummer: klantcontact.nummer, kanaal: klantcontact.kanaal, onderwerp: klantcontact.onderwerp, plaatsgevondenOp: klantcontact.plaatsgevondenOp };
}

/** Registers the contactverzoeken's pages. */
export function registerContactverzoeken(app: FastifyInstance, context: AppContext): void {
  const deps: KlantDeps = { db: context.database.db, keys: context.keys };
  const { db } = deps;

  async function klantcontactOf(request: FastifyRequest, uuid: string): Promise<KlantcontactMetPersoon> {
    const gevonden = await klantcontactMetPersoon(deps, staffKlantCaller(request), uuid);
    if (!gevonden) throw new ProblemError('not_found', 'Dit klantcontact bestaat niet.');
    return gevonden;
  }

  async function formulierView(request: FastifyRequest, gevonden: KlantcontactMetPersoon, invoer: ContactverzoekInvoer, sleutel: string) {
    const [{ teams, medewerkers }, termijn] = await Promise.all([ontvangers(db, request.tenant.id), standaardTermijn(db, request.tenant.id)]);
    return { tenantName: request.tenant.name, staff: staffOf(request), klantcontact: samenvatting(gevonden), invoer, sleutel, teams, medewerkers, termijnWerkdagen: termijn };
  }

  app.get<{ Params: { klantcontactUuid: string }; Querystring: { verstuurd?: string } }>(
    '/medewerker/kcc/contacten/:klantcontactUuid/contactverzoek',
    { config: KCC, schema: { params: KLANTCONTACT_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { verstuurd: UUID } } } },
    async (request, reply) => {
      const staff = staffOf(request);
      const gevonden = await klantcontactOf(request, request.params.klantcontactUuid);
      if (request.query.verstuurd) {
        const regel = await findInTenant(db, request.tenant.id, request.query.verstuurd);
        if (!regel || regel.klantcontact_uuid !== gevonden.klantcontact.uuid) throw new ProblemError('not_found', 'Dit contactverzoek bestaat niet.');
        const taak = await retrieveResource(deps, interneTaken, staffKlantCaller(request), regel.interne_taak_uuid);
        const ontvanger = regel.team_naam !== null ? `team ${regel.team_naam}` : (regel.medewerker_naam ?? 'de backoffice');
        return sendPage(reply, 200, doorgezetPage({ tenantName: request.tenant.name, staff, klantcontact: samenvatting(gevonden), nummer: taak.nummer, ontvanger, deadline: regel.deadline }));
      }
      const termijn = await standaardTermijn(db, request.tenant.id);
      const invoer: ContactverzoekInvoer = {
        gevraagdeHandeling: 'Terugbellen',
        vraag: gevonden.klantcontact.inhoud,
        naam: gevonden.persoon?.naam || gevonden.contactnaam,
        telefoon: '',
        email: '',
        voorkeur: '',
        deadline: plusWerkdagen(vandaag(), termijn),
        ontvanger: '',
      };
      return sendPage(reply, 200, overdrachtPage(await formulierView(request, gevonden, invoer, randomUUID())));
    },
  );

  app.post<{ Params: { klantcontactUuid: string }; Body: Partial<ContactverzoekInvoer> & { sleutel: string } }>(
    '/medewerker/kcc/contacten/:klantcontactUuid/contactverzoek',
    { config: KCC, schema: { params: KLANTCONTACT_PARAMS, body: OVERDRACHT_BODY } },
    async (request, reply) => {
      const staff = staffOf(request);
      const gevonden = await klantcontactOf(request, request.params.klantcontactUuid);
      const invoer = Object.fromEntries(INVOER_VELDEN.map((veld) => [veld, request.body[veld] ?? ''])) as ContactverzoekInvoer;
      const { teams, medewerkers } = await ontvangers(db, request.tenant.id);
      const toegestaan = new Set([...teams.map((team) => `team:${team.id}`), ...medewerkers.map((medewerker) => `medewerker:${medewerker.id}`)]);
      const controle = controleerContactverzoek(invoer, { today: vandaag(), toegestaan });
      if (controle.fouten) return sendPage(reply, 400, overdrachtPage({ ...(await formulierView(request, gevonden, invoer, request.body.sleutel)), fouten: controle.fouten }));
      const result = await createContactverzoek(deps, staffKlantCaller(request), { userId: staff.userId, displayName: staff.displayName }, {
        klantcontactUuid: gevonden.klantcontact.uuid,
        sleutel: request.body.sleutel,
        contactverzoek: controle.contactverzoek,
      });
      request.log.info({ event: 'contactverzoek.doorgezet', tenantId: request.tenant.id, interneTaak: result.interneTaakUuid, nieuw: result.nieuw }, 'contactverzoek handed over');
      return reply.redirect(`${overdrachtPath(gevonden.klantcontact.uuid)}?verstuurd=${result.interneTaakUuid}`, 303);
    },
  );

  app.get<{ Querystring: { lijst?: Lijst } }>(
    CONTACTVERZOEKEN_PATH,
    { config: BACKOFFICE, schema: { querystring: { type: 'object', additionalProperties: false, properties: { lijst: { type: 'string', enum: [...LIJSTEN] } } } } },
    async (request, reply) => {
      const staff = staffOf(request);
      const counts = await tellingen(db, request.tenant.id, staff.userId);
      // Start where there is work: my own list, else my teams'.
      const lijst: Lijst = request.query.lijst ?? (counts['voor-mij'] > 0 || counts.team === 0 ? 'voor-mij' : 'team');
      const rows = await openInLijst(db, request.tenant.id, staff.userId, lijst);
      // The list's interne taken in one read, whatever the length of the list.
      const taken = await retrieveResources(deps, interneTaken, staffKlantCaller(request), rows.map((row) => row.interne_taak_uuid));
      const regels = rows.map((row) => {
        const taak = taken.get(row.interne_taak_uuid);
        if (!taak) throw new Error(`interne taak ${row.interne_taak_uuid} missing from its own read`);
        return { ...row, nummer: taak.nummer, gevraagdeHandeling: taak.gevraagdeHandeling };
      });
      return sendPage(reply, 200, lijstPage({ tenantName: request.tenant.name, staff, lijst, tellingen: counts, regels, today: vandaag() }));
    },
  );

  /** The detail page; reading the callback details is a processing of the person's data, and is logged. */
  async function showDetail(request: FastifyRequest, reply: FastifyReply, regel: ContactverzoekRegel, status: number, extra: { fout?: string; uitkomst?: string; melding?: string }) {
    const staff = staffOf(request);
    const caller = staffKlantCaller(request);
    const startTime = new Date();
    const taak = await retrieveResource(deps, interneTaken, caller, regel.interne_taak_uuid);
    const gevonden = await klantcontactMetPersoon(deps, caller, regel.klantcontact_uuid);
    await logRequestProcessing(db, context.keys, request, {
      activityId: 'klantcontact-registreren',
      name: 'contactverzoek-inzien',
      status: 'ok',
      startTime,
      dataSubjects: gevonden?.persoon?.soort === 'bsn' ? [{ type: 'BSN', id: gevonden.persoon.identificatie }] : [],
      attributes: { internetaak: regel.interne_taak_uuid },
    });
    const historie = await gebeurtenissen(db, request.tenant.id, regel.interne_taak_uuid);
    return sendPage(
      reply,
      status,
      detailPage({ tenantName: request.tenant.name, staff, regel, nummer: taak.nummer, gevraagdeHandeling: taak.gevraagdeHandeling, vraag: taak.toelichting, klantcontact: gevonden ? samenvatting(gevonden) : undefined, historie, today: vandaag(), ...extra }),
    );
  }
  async function zichtbaar(request: FastifyRequest, uuid: string): Promise<ContactverzoekRegel> {
    const regel = await findZichtbaar(db, request.tenant.id, staffOf(request).userId, uuid);
    // Not addressed to this staff member or their teams is the same as not there: no hint that it exists.
    if (!regel) throw new ProblemError('not_found', 'Dit contactverzoek bestaat niet of is niet voor u of uw team.');
    return regel;
  }

  app.get<{ Params: { uuid: string }; Querystring: { gedaan?: 'opgepakt' | 'afgesloten' } }>(
    `${CONTACTVERZOEKEN_PATH}/:uuid`,
    { config: BACKOFFICE, schema: { params: TAAK_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', enum: ['opgepakt', 'afgesloten'] } } } } },
    async (request, response) => {
      const regel = await zichtbaar(request, request.params.uuid);
      const melding = request.query.gedaan === 'opgepakt' ? 'U hebt dit contactverzoek opgepakt.' : request.query.gedaan === 'afgesloten' ? 'Het contactverzoek is afgesloten.' : undefined;
      return showDetail(request, response, regel, 200, melding ? { melding } : {});
    },
  );

  app.post<{ Params: { uuid: string } }>(`${CONTACTVERZOEKEN_PATH}/:uuid/oppakken`, { config: BACKOFFICE, schema: { params: TAAK_PARAMS } }, async (request, response) => {
    const staff = staffOf(request);
    const regel = await zichtbaar(request, request.params.uuid);
    const result = await pakOp(deps, staffKlantCaller(request), { userId: staff.userId, displayName: staff.displayName }, regel.interne_taak_uuid);
    if (!result.ok && result.reden === 'al-afgehandeld') return showDetail(request, response, regel, 409, { melding: 'Dit contactverzoek is al afgesloten.' });
    return response.redirect(`${contactverzoekPath(regel.interne_taak_uuid)}?gedaan=opgepakt`, 303);
  });

  app.post<{ Params: { uuid: string }; Body: { uitkomst?: string } }>(
    `${CONTACTVERZOEKEN_PATH}/:uuid/afsluiten`,
    { config: BACKOFFICE, schema: { params: TAAK_PARAMS, body: { type: 'object', properties: { uitkomst: { type: 'string', maxLength: 20000 } } } } },
    async (request, response) => {
      const staff = staffOf(request);
      const regel = await zichtbaar(request, request.params.uuid);
      const uitkomst = (request.body.uitkomst ?? '').trim();
      if (uitkomst === '') return showDetail(request, response, regel, 400, { fout: 'Vul de uitkomst in: wat is er met de klant besproken of gedaan?' });
      if (uitkomst.length > 4000) return showDetail(request, response, regel, 400, { fout: `Gebruik hooguit 4000 tekens; nu zijn het er ${uitkomst.length}.`, uitkomst });
      const result = await sluitAf(deps, staffKlantCaller(request), { userId: staff.userId, displayName: staff.displayName }, regel.interne_taak_uuid, uitkomst);
      if (!result.ok && result.reden === 'al-afgehandeld') return response.redirect(contactverzoekPath(regel.interne_taak_uuid), 303);
      return response.redirect(`${contactverzoekPath(regel.interne_taak_uuid)}?gedaan=afgesloten`, 303);
    },
  );
}
