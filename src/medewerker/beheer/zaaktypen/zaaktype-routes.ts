import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { amsterdamDate } from '../../../components/catalogi/shared/geldigheid.ts';
import { sendPage } from '../../send-page.ts';
import { beheerderCatalogiCaller, beheerderOf } from '../beheerder-callers.ts';
import { weigeringOf } from '../problemen.ts';
import type { FieldErrors } from '../velden.ts';
import { textOf } from '../velden.ts';
import { loadCatalogussen, loadZaaktype } from './zaaktype-gegevens.ts';
import { alsInvoer, foutenUitProblemen, leesWaarden, nieuweWaarden, waardenVan, ZAAKTYPE_VELDEN, type ZaaktypeWaarden } from './zaaktype-formulier.ts';
import { maakZaaktype, nieuweVersie, publiceerZaaktype, wijzigZaaktype } from './zaaktype-beheer.ts';
import {
  leesResultaattype,
  leesResultaattypeVan,
  leesRoltype,
  leesStatustype,
  leesStatustypeVan,
  RESULTAATTYPE_VELDEN,
  resultaattypeWaarden,
  ROLTYPE_VELDEN,
  STATUSTYPE_VELDEN,
  statustypeWaarden,
  verwijderResultaattype,
  verwijderRoltype,
  verwijderStatustype,
  voegResultaattypeToe,
  voegRoltypeToe,
  voegStatustypeToe,
  wijzigResultaattype,
  wijzigStatustype,
} from './onderdelen.ts';
import { GEPUBLICEERD_MESSAGE, leesbareReden } from './gepubliceerd.ts';
import { eigenschapFouten, eigenschapWaarden, leesEigenschap, leesEigenschapVan, verwijderEigenschap, voegEigenschapToe, wijzigEigenschap } from './eigenschappen.ts';
import { eigenschapPage } from './eigenschap-sectie.ts';
import {
  koppelingFouten,
  koppelInformatieobjecttype,
  KOPPELING_VELDEN,
  leesKoppeling,
  leesNieuwIot,
  maakInformatieobjecttype,
  NIEUW_IOT_VELDEN,
  ontkoppelInformatieobjecttype,
  publiceerInformatieobjecttype,
} from './informatieobjecttypen.ts';
import { onderdeelPage, uuidVan, ZAAKTYPEN_PATH, zaaktypeFormulierPage, zaaktypenLijstPage, zaaktypePage, zaaktypePath, type ZaaktypeFormulieren } from './zaaktype-pages.ts';

/*
 * The beheerder's zaaktype pages. Every route: beheerder only (route policy and beheerderOf), CSRF checked
 * centrally, every read and write through the Catalogi services with the beheerder as caller, so a uuid of another
 * tenant is a 404 and the concept/publish rules answer as the API does. A refused POST shows the page again with
 * the problems beside the fields (400); a POST that worked redirects (303), so reloading does not repeat it.
 */

const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const UUID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const ZAAKTYPE_PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: UUID } } as const;
const ONDERDEEL_PARAMS = { type: 'object', required: ['uuid', 'onderdeel'], properties: { uuid: UUID, onderdeel: UUID } } as const;
const MELDING_QUERY = { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', maxLength: 40 } } } as const;

type Body = Record<string, unknown> | undefined;
type Params = { uuid: string };
type OnderdeelParams = { uuid: string; onderdeel: string };

const MELDINGEN: Record<string, string> = {
  aangemaakt: 'Het concept is gemaakt.',
  opgeslagen: 'De wijzigingen zijn opgeslagen.',
  statustype: 'Het statustype is toegevoegd.',
  resultaattype: 'Het resultaattype is toegevoegd.',
  roltype: 'Het roltype is toegevoegd.',
  eigenschap: 'De eigenschap is toegevoegd.',
  gekoppeld: 'Het informatieobjecttype is gekoppeld.',
  ontkoppeld: 'Het informatieobjecttype is ontkoppeld; het blijft in de catalogus.',
  'iot-gepubliceerd': 'Het informatieobjecttype is gepubliceerd.',
  verwijderd: 'Het is verwijderd.',
  gepubliceerd: 'Het zaaktype is gepubliceerd.',
  versie: 'De nieuwe versie is gemaakt als concept.',
};

function melding(request: FastifyRequest<{ Querystring: { gedaan?: string } }>): string | undefined {
  return MELDINGEN[request.query.gedaan ?? ''];
}

function publishFouten(problems: readonly InvalidParam[]): FieldErrors {
  const fouten: FieldErrors = {};
  for (const problem of problems) fouten[problem.name] = fouten[problem.name] ? `${fouten[problem.name]} ${problem.reason}` : problem.reason;
  return fouten;
}

/** Registers the zaaktype beheer pages. */
export function registerZaaktypeBeheer(app: FastifyInstance, db: Kysely<Database>): void {
  async function detail(request: FastifyRequest, reply: FastifyReply, uuid: string, status: number, formulieren: ZaaktypeFormulieren = {}, gedaan?: string) {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const gegevens = await loadZaaktype(db, caller, base, uuid);
    const volgendVolgnummer = Math.max(0, ...gegevens.statustypen.map((statustype) => Number(statustype.volgnummer))) + 1;
    return sendPage(reply, status, zaaktypePage({ tenantName: request.tenant.name, staff, gegevens, formulieren, volgendVolgnummer, melding: gedaan }));
  }

  async function catalogusOpties(request: FastifyRequest) {
    const { caller, base } = beheerderCatalogiCaller(request);
    return (await loadCatalogussen(db, caller, base)).map((catalogus) => ({ value: catalogus.url, label: catalogus.naam }));
  }

  async function formulier(request: FastifyRequest, reply: FastifyReply, status: number, waarden: ZaaktypeWaarden, fouten: FieldErrors, uuid?: string) {
    const staff = beheerderOf(request);
    const opties = uuid === undefined ? await catalogusOpties(request) : undefined;
    return sendPage(reply, status, zaaktypeFormulierPage({ tenantName: request.tenant.name, staff, waarden, fouten, ...(opties ? { catalogusOpties: opties } : {}), ...(uuid ? { uuid } : {}) }));
  }

  /** The zaaktype's URL, after checking it is one of the tenant's (a 404 otherwise). */
  async function zaaktypeUrl(request: FastifyRequest, uuid: string): Promise<string> {
    const { caller, base } = beheerderCatalogiCaller(request);
    return (await loadZaaktype(db, caller, base, uuid)).zaaktype.url;
  }

  app.get<{ Querystring: { gedaan?: string } }>(ZAAKTYPEN_PATH, { config: BEHEERDER, schema: { querystring: MELDING_QUERY } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const catalogussen = await loadCatalogussen(db, caller, base);
    return sendPage(reply, 200, zaaktypenLijstPage({ tenantName: request.tenant.name, staff, catalogussen, melding: melding(request) }));
  });

  app.get(`${ZAAKTYPEN_PATH}/nieuw`, { config: BEHEERDER }, async (request, reply) => {
    const opties = await catalogusOpties(request);
    if (opties.length === 0) throw new ProblemError('not_found', 'Deze gemeente heeft nog geen catalogus.');
    return formulier(request, reply, 200, nieuweWaarden({ catalogus: opties[0]?.value ?? '', verantwoordelijke: request.tenant.name, vandaag: amsterdamDate() }), {});
  });

  app.post<{ Body: Body }>(`${ZAAKTYPEN_PATH}/nieuw`, { config: BEHEERDER }, async (request, reply) => {
    const waarden = leesWaarden(request.body);
    const { invoer, fouten } = alsInvoer(waarden, true);
    if (!invoer) return formulier(request, reply, 400, waarden, fouten);
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => maakZaaktype(db, caller, base, invoer));
    if (outcome.problems) return formulier(request, reply, 400, waarden, foutenUitProblemen(outcome.problems, ZAAKTYPE_VELDEN));
    return reply.redirect(`${zaaktypePath(uuidVan(outcome.result.url))}?gedaan=aangemaakt`, 303);
  });

  app.get<{ Params: Params; Querystring: { gedaan?: string } }>(`${ZAAKTYPEN_PATH}/:uuid`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS, querystring: MELDING_QUERY } }, async (request, reply) =>
    detail(request, reply, request.params.uuid, 200, {}, melding(request)),
  );

  app.get<{ Params: Params }>(`${ZAAKTYPEN_PATH}/:uuid/bewerken`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    return formulier(request, reply, 200, waardenVan(zaaktype), zaaktype.concept === true ? {} : { algemeen: 'Dit zaaktype is gepubliceerd en verandert niet meer; maak een nieuwe versie.' }, request.params.uuid);
  });

  app.post<{ Params: Params; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/bewerken`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    await zaaktypeUrl(request, uuid);
    const waarden = leesWaarden(request.body);
    const { invoer, fouten } = alsInvoer(waarden, false);
    if (!invoer) return formulier(request, reply, 400, waarden, fouten, uuid);
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => wijzigZaaktype(db, caller, base, uuid, invoer));
    if (outcome.problems) return formulier(request, reply, 400, waarden, foutenUitProblemen(outcome.problems, ZAAKTYPE_VELDEN), uuid);
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=opgeslagen`, 303);
  });

  app.post<{ Params: Params }>(`${ZAAKTYPEN_PATH}/:uuid/publiceren`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => publiceerZaaktype(db, caller, base, request.params.uuid));
    if (outcome.problems) return detail(request, reply, request.params.uuid, 400, { publiceren: publishFouten(outcome.problems) });
    return reply.redirect(`${zaaktypePath(request.params.uuid)}?gedaan=gepubliceerd`, 303);
  });

  app.post<{ Params: Params; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/nieuwe-versie`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const beginGeldigheid = textOf(request.body, 'beginGeldigheid');
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => nieuweVersie(db, caller, base, request.params.uuid, beginGeldigheid));
    if (outcome.problems) return detail(request, reply, request.params.uuid, 400, { versie: { beginGeldigheid, fouten: foutenUitProblemen(outcome.problems, ['beginGeldigheid'], 'versie-') } });
    return reply.redirect(`${zaaktypePath(uuidVan(outcome.result.url))}?gedaan=versie`, 303);
  });

  // Parts: add, change, remove. Each checks the part belongs to the zaaktype in the URL.
  const onderdelen = [
    { soort: 'statustype', velden: STATUSTYPE_VELDEN, uniek: 'volgnummer', lees: leesStatustype, voegToe: voegStatustypeToe },
    { soort: 'resultaattype', velden: RESULTAATTYPE_VELDEN, uniek: 'omschrijving', lees: leesResultaattype, voegToe: voegResultaattypeToe },
    { soort: 'roltype', velden: ROLTYPE_VELDEN, uniek: 'omschrijving', lees: leesRoltype, voegToe: voegRoltypeToe },
  ] as const;

  for (const onderdeel of onderdelen) {
    app.post<{ Params: Params; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/${onderdeel.soort}n`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
      const uuid = request.params.uuid;
      const url = await zaaktypeUrl(request, uuid);
      const { caller, base } = beheerderCatalogiCaller(request);
      const waarden = onderdeel.lees(request.body);
      const prefix = `${onderdeel.soort}-`;
      const outcome = await weigeringOf(() => (onderdeel.voegToe as (...args: unknown[]) => Promise<FieldErrors | undefined>)(db, caller, base, url, waarden));
      const fouten = outcome.problems ? foutenUitProblemen(outcome.problems, onderdeel.velden, prefix, onderdeel.uniek) : outcome.result ? Object.fromEntries(Object.entries(outcome.result).map(([veld, message]) => [`${prefix}${veld}`, message])) : undefined;
      if (fouten) return detail(request, reply, uuid, 400, { [onderdeel.soort]: { waarden, fouten } });
      return reply.redirect(`${zaaktypePath(uuid)}?gedaan=${onderdeel.soort}#${onderdeel.soort}n`, 303);
    });

    app.post<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/${onderdeel.soort}n/:onderdeel/verwijderen`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
      const uuid = request.params.uuid;
      const url = await zaaktypeUrl(request, uuid);
      const { caller, base } = beheerderCatalogiCaller(request);
      const verwijder = onderdeel.soort === 'statustype' ? verwijderStatustype : onderdeel.soort === 'resultaattype' ? verwijderResultaattype : verwijderRoltype;
      const outcome = await weigeringOf(() => verwijder(db, caller, base, url, request.params.onderdeel));
      if (outcome.problems) return detail(request, reply, uuid, 400, { publiceren: publishFouten(outcome.problems) });
      return reply.redirect(`${zaaktypePath(uuid)}?gedaan=verwijderd`, 303);
    });
  }

  // Changing one statustype or resultaattype on its own page.
  app.get<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/statustypen/:onderdeel`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    const json = await leesStatustypeVan(db, caller, base, zaaktype.url, request.params.onderdeel);
    return sendPage(reply, 200, onderdeelPage({ tenantName: request.tenant.name, staff, zaaktype: zaaktype as unknown as Record<string, unknown>, soort: 'statustype', uuid: request.params.onderdeel, statustype: statustypeWaarden(json), fouten: {} }));
  });

  app.post<{ Params: OnderdeelParams; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/statustypen/:onderdeel`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    const waarden = leesStatustype(request.body);
    const outcome = await weigeringOf(() => wijzigStatustype(db, caller, base, zaaktype.url, request.params.onderdeel, waarden));
    const fouten = outcome.problems ? foutenUitProblemen(outcome.problems, STATUSTYPE_VELDEN, 'statustype-', 'volgnummer') : outcome.result ? Object.fromEntries(Object.entries(outcome.result).map(([veld, message]) => [`statustype-${veld}`, message])) : undefined;
    if (fouten) return sendPage(reply, 400, onderdeelPage({ tenantName: request.tenant.name, staff, zaaktype: zaaktype as unknown as Record<string, unknown>, soort: 'statustype', uuid: request.params.onderdeel, statustype: waarden, fouten }));
    return reply.redirect(`${zaaktypePath(request.params.uuid)}?gedaan=opgeslagen`, 303);
  });

  app.get<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/resultaattypen/:onderdeel`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    const json = await leesResultaattypeVan(db, caller, base, zaaktype.url, request.params.onderdeel);
    return sendPage(reply, 200, onderdeelPage({ tenantName: request.tenant.name, staff, zaaktype: zaaktype as unknown as Record<string, unknown>, soort: 'resultaattype', uuid: request.params.onderdeel, resultaattype: resultaattypeWaarden(json), fouten: {} }));
  });

  app.post<{ Params: OnderdeelParams; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/resultaattypen/:onderdeel`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    const waarden = leesResultaattype(request.body);
    const outcome = await weigeringOf(() => wijzigResultaattype(db, caller, base, zaaktype.url, request.params.onderdeel, waarden));
    const fouten = outcome.problems ? foutenUitProblemen(outcome.problems, RESULTAATTYPE_VELDEN, 'resultaattype-', 'omschrijving') : outcome.result ? Object.fromEntries(Object.entries(outcome.result).map(([veld, message]) => [`resultaattype-${veld}`, message])) : undefined;
    if (fouten) return sendPage(reply, 400, onderdeelPage({ tenantName: request.tenant.name, staff, zaaktype: zaaktype as unknown as Record<string, unknown>, soort: 'resultaattype', uuid: request.params.onderdeel, resultaattype: waarden, fouten }));
    return reply.redirect(`${zaaktypePath(request.params.uuid)}?gedaan=opgeslagen`, 303);
  });

  /** The form's own problems (field → message) under the form's prefix. */
  const metPrefix = (fouten: FieldErrors, prefix: string): FieldErrors => Object.fromEntries(Object.entries(fouten).map(([veld, message]) => [`${prefix}${veld}`, message]));

  // Eigenschappen: add, change on their own page, remove.
  app.post<{ Params: Params; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/eigenschappen`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    const url = await zaaktypeUrl(request, uuid);
    const { caller, base } = beheerderCatalogiCaller(request);
    const waarden = leesEigenschap(request.body);
    const outcome = await weigeringOf(() => voegEigenschapToe(db, caller, base, url, waarden));
    const fouten = outcome.problems ? eigenschapFouten(outcome.problems, 'eigenschap-') : outcome.result ? metPrefix(outcome.result, 'eigenschap-') : undefined;
    if (fouten) return detail(request, reply, uuid, 400, { eigenschap: { waarden, fouten } });
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=eigenschap#eigenschappen`, 303);
  });

  app.get<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/eigenschappen/:onderdeel`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    const json = await leesEigenschapVan(db, caller, base, zaaktype.url, request.params.onderdeel);
    const fouten: FieldErrors = zaaktype.concept === true ? {} : { 'eigenschap-algemeen': GEPUBLICEERD_MESSAGE };
    return sendPage(reply, 200, eigenschapPage({ tenantName: request.tenant.name, staff, zaaktype: zaaktype as unknown as Record<string, unknown>, uuid: request.params.onderdeel, waarden: eigenschapWaarden(json), fouten }));
  });

  app.post<{ Params: OnderdeelParams; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/eigenschappen/:onderdeel`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, request.params.uuid);
    const waarden = leesEigenschap(request.body);
    const outcome = await weigeringOf(() => wijzigEigenschap(db, caller, base, zaaktype.url, request.params.onderdeel, waarden));
    const fouten = outcome.problems ? eigenschapFouten(outcome.problems, 'eigenschap-') : outcome.result ? metPrefix(outcome.result, 'eigenschap-') : undefined;
    if (fouten) return sendPage(reply, 400, eigenschapPage({ tenantName: request.tenant.name, staff, zaaktype: zaaktype as unknown as Record<string, unknown>, uuid: request.params.onderdeel, waarden, fouten }));
    return reply.redirect(`${zaaktypePath(request.params.uuid)}?gedaan=opgeslagen#eigenschappen`, 303);
  });

  app.post<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/eigenschappen/:onderdeel/verwijderen`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    const url = await zaaktypeUrl(request, uuid);
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => verwijderEigenschap(db, caller, base, url, request.params.onderdeel));
    if (outcome.problems) return detail(request, reply, uuid, 400, { publiceren: { eigenschappen: [...new Set(outcome.problems.map(leesbareReden))].join(' ') } });
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=verwijderd#eigenschappen`, 303);
  });

  // Informatieobjecttypen: link one of the catalogus, make a new concept one and link it, publish it, unlink.
  app.post<{ Params: Params; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/informatieobjecttypen`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    const url = await zaaktypeUrl(request, uuid);
    const { caller, base } = beheerderCatalogiCaller(request);
    const waarden = leesKoppeling(request.body);
    const outcome = await weigeringOf(() => koppelInformatieobjecttype(db, caller, base, url, waarden));
    const fouten = outcome.problems ? koppelingFouten(outcome.problems, KOPPELING_VELDEN, 'koppeling-') : outcome.result ? metPrefix(outcome.result, 'koppeling-') : undefined;
    if (fouten) return detail(request, reply, uuid, 400, { koppeling: { waarden, fouten } });
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=gekoppeld#informatieobjecttypen`, 303);
  });

  app.post<{ Params: Params; Body: Body }>(`${ZAAKTYPEN_PATH}/:uuid/informatieobjecttypen/nieuw`, { config: BEHEERDER, schema: { params: ZAAKTYPE_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    const { caller, base } = beheerderCatalogiCaller(request);
    const { zaaktype } = await loadZaaktype(db, caller, base, uuid);
    const waarden = leesNieuwIot(request.body);
    const outcome = await weigeringOf(() => maakInformatieobjecttype(db, caller, base, { url: zaaktype.url, catalogus: String(zaaktype.catalogus) }, waarden));
    const fouten = outcome.problems ? koppelingFouten(outcome.problems, NIEUW_IOT_VELDEN, 'nieuwiot-') : outcome.result ? metPrefix(outcome.result, 'nieuwiot-') : undefined;
    if (fouten) return detail(request, reply, uuid, 400, { nieuwiot: { waarden, fouten } });
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=gekoppeld#informatieobjecttypen`, 303);
  });

  app.post<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/informatieobjecttypen/:onderdeel/publiceren`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    const url = await zaaktypeUrl(request, uuid);
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => publiceerInformatieobjecttype(db, caller, base, url, request.params.onderdeel));
    if (outcome.problems) return detail(request, reply, uuid, 400, { publiceren: { informatieobjecttypen: [...new Set(outcome.problems.map(leesbareReden))].join(' ') } });
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=iot-gepubliceerd#informatieobjecttypen`, 303);
  });

  app.post<{ Params: OnderdeelParams }>(`${ZAAKTYPEN_PATH}/:uuid/zaaktype-informatieobjecttypen/:onderdeel/verwijderen`, { config: BEHEERDER, schema: { params: ONDERDEEL_PARAMS } }, async (request, reply) => {
    const uuid = request.params.uuid;
    const url = await zaaktypeUrl(request, uuid);
    const { caller, base } = beheerderCatalogiCaller(request);
    const outcome = await weigeringOf(() => ontkoppelInformatieobjecttype(db, caller, base, url, request.params.onderdeel));
    if (outcome.problems) return detail(request, reply, uuid, 400, { publiceren: { informatieobjecttypen: [...new Set(outcome.problems.map(leesbareReden))].join(' ') } });
    return reply.redirect(`${zaaktypePath(uuid)}?gedaan=ontkoppeld#informatieobjecttypen`, 303);
  });
}
