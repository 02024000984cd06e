import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { findPublishedProduct } from '../../kennisbank/producten/service.ts';
import { logClick } from '../../kennisbank/zoeklog/service.ts';
import { sendPage } from '../send-page.ts';
import { loadStaffZaakToegang } from '../toegang/zaak-toegang.ts';
import { antwoordPage } from './antwoord-page.ts';
import { contactPage, type AfsluitFouten, type AfsluitInvoer, type ContactView } from './contact-page.ts';
import { closeContact, linkPartij, registerContact, saveNotities, type Agent } from './contact-service.ts';
import { findKccContact, findKccContactMetNummer, openContactsOf, type KccContactMetNummer } from './contacten-repository.ts';
import { readZoeksleutel, type IdentificatieInvoer, type NieuwePartij } from './identificatie.ts';
import { identificeer } from './identificeren.ts';
import { isKanaal, isResultaat } from './kcc-keuzes.ts';
import { antwoordPath, contactPath, KCC_CONTACTEN_PATH, KCC_KLIK_PATH, KCC_PATH } from './kcc-paden.ts';
import { partijSamenvattingen } from './persoon-repository.ts';
import { startPage, type RegistratieFouten, type RegistratieInvoer } from './start-page.ts';
import { kccZoeken } from './zoeken.ts';

/** Who may work in the KCC workspace: the KCC, and behandelaars and teamleiders who answer the phone too. */
const POLICY = { staffRoles: ['kcc', 'behandelaar', 'teamleider'] } as const;

const UUID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const UUID_PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string', pattern: UUID_PATTERN } } } as const;
const SLUG = { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } as const;

function formBody(fields: readonly string[], maxLength = 4000) {
  return { type: 'object', properties: Object.fromEntries(fields.map((field) => [field, { type: 'string', maxLength }])) } as const;
}

type Form<K extends string> = Partial<Record<K | '_csrf', string>>;

function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

function agentOf(staff: StaffIdentity): Agent {
  return { userId: staff.userId, displayName: staff.displayName };
}

/** The KCC workspace: registering contacts in any channel, identifying, searching, answering and closing. */
export function registerKccRoutes(app: FastifyInstance, context: AppContext): void {
  const deps: KlantDeps = { db: context.database.db, keys: context.keys };
  const db = deps.db;

  async function contactOf(request: FastifyRequest, uuid: string): Promise<KccContactMetNummer> {
    const contact = await findKccContactMetNummer(db, request.tenant.id, uuid);
    if (!contact) throw new ProblemError('not_found', 'Dit contact bestaat niet.');
    return contact;
  }

  /** Everything the contact page shows; `extra` carries a form's state after a POST. */
  async function renderContact(request: FastifyRequest, reply: FastifyReply, status: number, contact: KccContactMetNummer, q: string, extra: Partial<ContactView> = {}): Promise<FastifyReply> {
    const staff = staffOf(request);
    const tenantId = request.tenant.id;
    const [toegang, [partij]] = await Promise.all([
      loadStaffZaakToegang(db, tenantId, { userId: staff.userId, roles: staff.roles }),
      contact.partij_uuid === null ? [] : partijSamenvattingen(db, tenantId, [contact.partij_uuid]),
    ]);
    const [open, zoek] = await Promise.all([
      openContactsOf(db, tenantId, staff.userId),
      kccZoeken(deps, request, toegang, { q, partij, klantcontactUuid: contact.klantcontact_uuid }),
    ]);
    const view: ContactView = {
      tenantName: request.tenant.name,
      staff,
      contact,
      nummer: contact.nummer,
      open,
      ...(partij ? { partij } : {}),
      wijzigbaar: contact.status === 'open' && contact.agent_user_id === staff.userId,
      zoek,
      ...extra,
    };
    return sendPage(reply, status, contactPage(view));
  }

  app.get<{ Querystring: { gesloten?: string } }>(
    KCC_PATH,
    { config: POLICY, schema: { querystring: { type: 'object', additionalProperties: false, properties: { gesloten: { type: 'string', enum: ['ja'] } } } } },
    async (request, reply) => {
      const staff = staffOf(request);
      const open = await openContactsOf(db, request.tenant.id, staff.userId);
      return sendPage(reply, 200, startPage({ tenantName: request.tenant.name, staff, open, gesloten: request.query.gesloten === 'ja' }));
    },
  );

  app.post<{ Body: Form<keyof RegistratieInvoer> }>(KCC_CONTACTEN_PATH, { config: POLICY, schema: { body: formBody(['kanaal', 'onderwerp', '_csrf']) } }, async (request, reply) => {
    const staff = staffOf(request);
    const invoer = { kanaal: request.body.kanaal, onderwerp: (request.body.onderwerp ?? '').trim() };
    const fouten: RegistratieFouten = {};
    if (!isKanaal(invoer.kanaal)) fouten.kanaal = 'Kies het kanaal waarlangs het contact binnenkomt.';
    if (invoer.onderwerp.length > 200) fouten.onderwerp = 'Het onderwerp is hooguit 200 tekens.';
    if (!isKanaal(invoer.kanaal) || fouten.onderwerp) {
      const open = await openContactsOf(db, request.tenant.id, staff.userId);
      return sendPage(reply, 400, startPage({ tenantName: request.tenant.name, staff, open, invoer, fouten }));
    }
    const uuid = await registerContact(deps, request, agentOf(staff), { kanaal: invoer.kanaal, onderwerp: invoer.onderwerp, notities: '' });
    return reply.code(303).header('Cache-Control', 'no-store').redirect(contactPath(uuid), 303);
  });

  app.get<{ Params: { uuid: string }; Querystring: { q?: string } }>(
    `${KCC_CONTACTEN_PATH}/:uuid`,
    { config: POLICY, schema: { params: UUID_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { q: { type: 'string', maxLength: 200 } } } } },
    async (request, reply) => {
      const contact = await contactOf(request, request.params.uuid);
      return renderContact(request, reply, 200, contact, (request.query.q ?? '').trim());
    },
  );

  app.post<{ Params: { uuid: string }; Body: Form<keyof IdentificatieInvoer> }>(
    `${KCC_CONTACTEN_PATH}/:uuid/identificeren`,
    { config: POLICY, schema: { params: UUID_PARAMS, body: formBody(['sleutel', 'waarde', 'geboortedatum', '_csrf'], 300) } },
    async (request, reply) => {
      const staff = staffOf(request);
      const contact = await contactOf(request, request.params.uuid);
      const invoer: IdentificatieInvoer = { sleutel: request.body.sleutel, waarde: request.body.waarde, geboortedatum: request.body.geboortedatum };
      const { sleutel, fouten } = readZoeksleutel(invoer);
      if (!sleutel) return renderContact(request, reply, 400, contact, '', { identificatie: { invoer, fouten } });
      const toegang = await loadStaffZaakToegang(db, request.tenant.id, { userId: staff.userId, roles: staff.roles });
      const kandidaten = await identificeer(deps, request, toegang, sleutel);
      return renderContact(request, reply, 200, contact, '', { identificatie: { invoer, fouten: {}, kandidaten } });
    },
  );

  app.post<{ Params: { uuid: string }; Body: Form<'partij' | 'soort' | 'bsn' | 'kvkNummer' | 'naam' | 'voornaam' | 'voorvoegsel' | 'achternaam'> }>(
    `${KCC_CONTACTEN_PATH}/:uuid/partij`,
    { config: POLICY, schema: { params: UUID_PARAMS, body: formBody(['partij', 'soort', 'bsn', 'kvkNummer', 'naam', 'voornaam', 'voorvoegsel', 'achternaam', '_csrf'], 200) } },
    async (request, reply) => {
      const staff = staffOf(request);
      const body = request.body;
      let keuze: { partijUuid: string } | { nieuw: NieuwePartij };
      if (body.partij !== undefined && new RegExp(UUID_PATTERN).test(body.partij)) {
        const [bestaand] = await partijSamenvattingen(db, request.tenant.id, [body.partij]);
        if (!bestaand) throw new ProblemError('invalid', 'Deze persoon of organisatie bestaat niet.', [{ name: 'partij', code: 'invalid', reason: 'Onbekende partij.' }]);
        keuze = { partijUuid: bestaand.uuid };
      } else if (body.soort === 'persoon' && body.bsn !== undefined) {
        keuze = { nieuw: { soort: 'persoon', bsn: body.bsn, voornaam: body.voornaam ?? '', voorvoegsel: body.voorvoegsel ?? '', achternaam: body.achternaam ?? '' } };
      } else if (body.soort === 'organisatie' && body.kvkNummer !== undefined) {
        keuze = { nieuw: { soort: 'organisatie', kvkNummer: body.kvkNummer, naam: body.naam ?? '' } };
      } else {
        throw new ProblemError('invalid', 'Kies wie u wilt koppelen.', [{ name: 'partij', code: 'required', reason: 'Geef een partij of een nieuwe persoon of organisatie.' }]);
      }
      await linkPartij(deps, request, agentOf(staff), request.params.uuid, keuze);
      return reply.code(303).header('Cache-Control', 'no-store').redirect(contactPath(request.params.uuid), 303);
    },
  );

  app.post<{ Params: { uuid: string }; Body: Form<'notities'> }>(
    `${KCC_CONTACTEN_PATH}/:uuid/notities`,
    { config: POLICY, schema: { params: UUID_PARAMS, body: formBody(['notities', '_csrf'], 20000) } },
    async (request, reply) => {
      const staff = staffOf(request);
      const notities = (request.body.notities ?? '').trim();
      if (notities.length > 1000) {
        const contact = await contactOf(request, request.params.uuid);
        return renderContact(request, reply, 400, contact, '', { notities: { waarde: notities, fout: `De notities zijn ${String(notities.length)} tekens; hooguit 1000 passen in het klantcontact.` } });
      }
      await saveNotities(deps, request.tenant.id, agentOf(staff), request.params.uuid, notities);
      return reply.code(303).header('Cache-Control', 'no-store').redirect(contactPath(request.params.uuid), 303);
    },
  );

  app.post<{ Params: { uuid: string }; Body: Form<keyof AfsluitInvoer> }>(
    `${KCC_CONTACTEN_PATH}/:uuid/afsluiten`,
    { config: POLICY, schema: { params: UUID_PARAMS, body: formBody(['kanaal', 'onderwerp', 'resultaat', 'toelichting', 'eersteContact', '_csrf'], 20000) } },
    async (request, reply) => {
      const staff = staffOf(request);
      const body = request.body;
      const invoer: AfsluitInvoer = { kanaal: body.kanaal, onderwerp: (body.onderwerp ?? '').trim(), resultaat: body.resultaat, toelichting: (body.toelichting ?? '').trim(), eersteContact: body.eersteContact };
      const fouten: AfsluitFouten = {};
      if (!isKanaal(invoer.kanaal)) fouten.kanaal = 'Kies het kanaal.';
      if (invoer.onderwerp === '') fouten.onderwerp = 'Vul in waarover het contact ging.';
      else if ((invoer.onderwerp ?? '').length > 200) fouten.onderwerp = 'Het onderwerp is hooguit 200 tekens.';
      if (!isResultaat(invoer.resultaat)) fouten.resultaat = 'Kies de uitkomst van het contact.';
      if ((invoer.toelichting ?? '').length > 2000) fouten.toelichting = 'De toelichting is hooguit 2000 tekens.';
      if (invoer.eersteContact !== 'ja' && invoer.eersteContact !== 'nee') fouten.eersteContact = 'Kies of het contact bij het eerste contact is afgehandeld.';
      if (Object.keys(fouten).length > 0 || !isKanaal(invoer.kanaal) || !isResultaat(invoer.resultaat)) {
        const contact = await contactOf(request, request.params.uuid);
        return renderContact(request, reply, 400, contact, '', { afsluiten: { invoer, fouten } });
      }
      const contact = await contactOf(request, request.params.uuid);
      await closeContact(deps, request, agentOf(staff), request.params.uuid, {
        kanaal: invoer.kanaal,
        onderwerp: invoer.onderwerp ?? '',
        notities: contact.notities,
        resultaat: invoer.resultaat,
        toelichting: invoer.toelichting ?? '',
        afgehandeldBijEersteContact: invoer.eersteContact === 'ja',
      });
      return reply.code(303).header('Cache-Control', 'no-store').redirect(`${KCC_PATH}?gesloten=ja`, 303);
    },
  );

  // A kennisbank result's link goes through here: the click is logged with the search (channel kcc), then the agent
  // goes on to the answer. The target is built from a checked slug and contact uuid, never a URL from the request.
  app.get<{ Querystring: { zoekopdracht: string; product: string; positie?: number; contact: string } }>(
    KCC_KLIK_PATH,
    {
      config: POLICY,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['zoekopdracht', 'product', 'contact'],
          properties: { zoekopdracht: { type: 'string', pattern: UUID_PATTERN }, product: SLUG, positie: { type: 'integer', minimum: 1, maximum: 1000 }, contact: { type: 'string', pattern: UUID_PATTERN } },
        },
      },
    },
    async (request, reply) => {
      const { zoekopdracht, product, positie, contact } = request.query;
      try {
        await logClick(db, request.tenant.id, zoekopdracht, product, positie ?? null);
      } catch (error) {
        // A stale link (unknown search or product) still takes the agent on; the answer page says the rest.
        if (!(error instanceof ProblemError) || (error.code !== 'not_found' && error.code !== 'invalid')) throw error;
      }
      return reply.code(303).header('Cache-Control', 'no-store').redirect(antwoordPath(product, contact), 303);
    },
  );

  app.get<{ Params: { slug: string }; Querystring: { contact?: string } }>(
    `${KCC_PATH}/antwoorden/:slug`,
    {
      config: POLICY,
      schema: {
        params: { type: 'object', required: ['slug'], properties: { slug: SLUG } },
        querystring: { type: 'object', additionalProperties: false, properties: { contact: { type: 'string', pattern: UUID_PATTERN } } },
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      const tenantId = request.tenant.id;
      const product = await findPublishedProduct(db, tenantId, request.params.slug, { intern: true });
      if (!product) throw new ProblemError('not_found', 'Dit antwoord bestaat niet (meer) in de kennisbank.');
      const contact = request.query.contact === undefined ? undefined : await findKccContact(db, tenantId, request.query.contact);
      const open = await openContactsOf(db, tenantId, staff.userId);
      return sendPage(reply, 200, antwoordPage({ tenantName: request.tenant.name, staff, product, open, ...(contact ? { contact } : {}) }));
    },
  );
}
