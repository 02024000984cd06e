import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { findApiClient, setApiClientSecret } from '../../../platform/auth/api-client-repository.ts';
import { heractiveerApplicatie, ingetrokkenApplicaties, listIntrekkingen, trekApplicatieIn } from '../../../platform/auth/api-client-intrekking.ts';
import { issueApiToken } from '../../../platform/auth/api-token.ts';
import { AUTORISATIES_ROOT } from '../../../components/autorisaties/routes.ts';
import type { ApplicatieJson } from '../../../components/autorisaties/present.ts';
import type { AutorisatieComponentCode, AutorisatieInput } from '../../../components/autorisaties/schemas.ts';
import { AUTORISATIE_COMPONENTEN } from '../../../components/autorisaties/schemas.ts';
import { changeApplicatie, createApplicatie, destroyApplicatie, listApplicatiePage, retrieveApplicatie } from '../../../components/autorisaties/service.ts';
import { listZaaktypePage } from '../../../components/catalogi/zaaktypen/service.ts';
import { sendPage } from '../../send-page.ts';
import { beheerderAutorisatiesCaller, beheerderCatalogiCaller, beheerderOf } from '../beheerder-callers.ts';
import { eenmaligPage } from '../eenmalig-page.ts';
import { weigeringOf } from '../problemen.ts';
import { textOf, type FieldErrors, type SelectOption } from '../velden.ts';
import { API_CLIENTS_PATH, apiClientPage, apiClientsPage, apiClientVerwijderenPage, type AutorisatieWaarden } from './api-client-pages.ts';

/*
 * The beheerder's API client pages, through the Autorisaties service (the audit trail records each change, the
 * Autorisaties API shows the same applicaties): add a client with a generated secret, give or remove autorisaties
 * or heeftAlleAutorisaties, make a Klantinteracties token or a new secret, revoke (intrekken: access stops, the
 * applicatie and its history stay) and reactivate with a new secret, or delete after a confirmation step. Secrets and
 * tokens are shown once, in the answer to the POST that made them; the security log names the event and the client
 * id, never the secret.
 */

const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const UUID = { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } as const;
const PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: UUID } } as const;
const INDEX_PARAMS = { type: 'object', required: ['uuid', 'index'], properties: { uuid: UUID, index: { type: 'integer', minimum: 0, maximum: 1000 } } } as const;
const CLIENT_ID = /^[\x21-\x7e]{1,50}$/;
const SCOPE = /^[a-z0-9][a-z0-9._-]*$/i;
const MELDINGEN: Record<string, string> = {
  autorisatie: 'De autorisaties zijn opgeslagen.',
  ingetrokken: 'De API-client is ingetrokken: haar geheimen en tokens werken niet meer.',
  verwijderd: 'De API-client is verwijderd.',
};

type Body = Record<string, unknown> | undefined;

function base(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${AUTORISATIES_ROOT}`;
}

function leesAutorisatie(body: Body): AutorisatieWaarden {
  return { component: textOf(body, 'component'), scopes: textOf(body, 'scopes'), zaaktype: textOf(body, 'zaaktype'), maxVertrouwelijkheidaanduiding: textOf(body, 'maxVertrouwelijkheidaanduiding') };
}

/** The autorisatie as the API takes it, or the form's problems. */
function alsAutorisatie(waarden: AutorisatieWaarden): { autorisatie?: AutorisatieInput; fouten: FieldErrors } {
  const fouten: FieldErrors = {};
  const component = AUTORISATIE_COMPONENTEN.find((code) => code === waarden.component);
  if (!component) fouten['autorisatie-component'] = 'Kies een API.';
  const scopes = [...new Set(waarden.scopes.split(/[\s,]+/).filter((scope) => scope !== ''))];
  if (scopes.length === 0) fouten['autorisatie-scopes'] = 'Vul ten minste één scope in, bijvoorbeeld zaken.lezen.';
  else if (scopes.some((scope) => !SCOPE.test(scope) || scope.length > 100)) fouten['autorisatie-scopes'] = 'Een scope bestaat uit letters, cijfers, punten, streepjes en liggende streepjes.';
  if (Object.keys(fouten).length > 0 || !component) return { fouten };
  const autorisatie: AutorisatieInput = { component: component as AutorisatieComponentCode, scopes };
  if (waarden.zaaktype !== '') autorisatie.zaaktype = waarden.zaaktype;
  if (waarden.maxVertrouwelijkheidaanduiding !== '') autorisatie.maxVertrouwelijkheidaanduiding = waarden.maxVertrouwelijkheidaanduiding;
  return { fouten, autorisatie };
}

/** The service's problems beside the form's fields (`autorisaties.0.zaaktype` → the zaaktype field). */
function foutenVan(problems: readonly InvalidParam[]): FieldErrors {
  const fouten: FieldErrors = {};
  for (const problem of problems) {
    const naam = problem.name.split('.').at(-1) ?? '';
    const key = ['clientIds', 'clientId'].includes(naam) ? 'clientId' : naam === 'label' ? 'label' : ['component', 'scopes', 'zaaktype', 'maxVertrouwelijkheidaanduiding'].includes(naam) ? `autorisatie-${naam}` : 'algemeen';
    fouten[key] = fouten[key] ? `${fouten[key]} ${problem.reason}` : problem.reason;
  }
  return fouten;
}

export function registerApiClientBeheer(app: FastifyInstance, context: AppContext): void {
  const db = context.database.db;

  async function zaaktypeOpties(request: FastifyRequest): Promise<SelectOption[]> {
    const { caller, base: catalogiBase } = beheerderCatalogiCaller(request);
    const opties: SelectOption[] = [];
    for (let page = 1; page <= 50; page += 1) {
      const list = await listZaaktypePage(db, caller, catalogiBase, { status: 'alles', page });
      opties.push(...list.results.map((zaaktype) => ({ value: zaaktype.url, label: `${String(zaaktype.omschrijving)} (${String(zaaktype.identificatie)}, vanaf ${String(zaaktype.beginGeldigheid)})` })));
      if (list.next === null) break;
    }
    return opties;
  }

  async function applicaties(request: FastifyRequest): Promise<ApplicatieJson[]> {
    const caller = beheerderAutorisatiesCaller(request);
    const all: ApplicatieJson[] = [];
    for (let page = 1; page <= 50; page += 1) {
      const list = await listApplicatiePage(db, caller, base(request), { page });
      all.push(...list.results);
      if (list.next === null) break;
    }
    return all.sort((a, b) => a.label.localeCompare(b.label));
  }

  async function lijst(request: FastifyRequest, reply: FastifyReply, status: number, extra: Partial<Parameters<typeof apiClientsPage>[0]> = {}) {
    const staff = beheerderOf(request);
    const [lijst, ingetrokken, zaaktypen] = await Promise.all([applicaties(request), ingetrokkenApplicaties(db, request.tenant.id), zaaktypeOpties(request)]);
    return sendPage(reply, status, apiClientsPage({ tenantName: request.tenant.name, staff, applicaties: lijst, ingetrokken, zaaktypen, ...extra }));
  }

  async function detail(request: FastifyRequest, reply: FastifyReply, status: number, uuid: string, extra: { autorisatie?: AutorisatieWaarden; fouten?: FieldErrors; melding?: string } = {}) {
    const staff = beheerderOf(request);
    const applicatie = await retrieveApplicatie(db, beheerderAutorisatiesCaller(request), base(request), uuid);
    const [intrekkingen, zaaktypen] = await Promise.all([listIntrekkingen(db, request.tenant.id, uuid), zaaktypeOpties(request)]);
    return sendPage(reply, status, apiClientPage({ tenantName: request.tenant.name, staff, applicatie, intrekkingen, zaaktypen, ...extra }));
  }

  app.get<{ Querystring: { gedaan?: string } }>(
    API_CLIENTS_PATH,
    { config: BEHEERDER, schema: { querystring: { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => lijst(request, reply, 200, { melding: MELDINGEN[request.query.gedaan ?? ''] }),
  );

  app.post<{ Body: Body }>(API_CLIENTS_PATH, { config: BEHEERDER }, async (request, reply) => {
    const staff = beheerderOf(request);
    const waarden = { clientId: textOf(request.body, 'clientId'), label: textOf(request.body, 'label'), alle: textOf(request.body, 'alle') === 'ja', token: textOf(request.body, 'token') === 'ja', autorisatie: leesAutorisatie(request.body) };
    const fouten: FieldErrors = {};
    if (!CLIENT_ID.test(waarden.clientId)) fouten.clientId = 'Vul een client id in van hoogstens 50 tekens, zonder spaties.';
    if (waarden.label === '') fouten.label = 'Vul een naam in.';
    else if (waarden.label.length > 100) fouten.label = 'Gebruik hoogstens 100 tekens.';
    const { autorisatie, fouten: autorisatieFouten } = waarden.alle ? { autorisatie: undefined, fouten: {} } : alsAutorisatie(waarden.autorisatie);
    Object.assign(fouten, autorisatieFouten);
    if (Object.keys(fouten).length > 0) return lijst(request, reply, 400, { waarden, fouten });
    const secret = randomBytes(24).toString('base64url');
    const outcome = await weigeringOf(() =>
      inTransaction(db, async (trx) => {
        const created = await createApplicatie(trx, beheerderAutorisatiesCaller(request), base(request), { clientIds: [waarden.clientId], label: waarden.label, heeftAlleAutorisaties: waarden.alle, autorisaties: autorisatie ? [autorisatie] : [] });
        await setApiClientSecret(trx, context.keys, request.tenant.id, waarden.clientId, secret);
        const client = await findApiClient(trx, request.tenant.id, waarden.clientId);
        const token = waarden.token && client ? await issueApiToken(trx, request.tenant.id, client.id, 'klantinteracties') : undefined;
        return { created, token };
      }),
    );
    if (outcome.problems) return lijst(request, reply, 400, { waarden, fouten: foutenVan(outcome.problems) });
    request.log.info({ event: 'api_client.created', tenantId: request.tenant.id, clientId: waarden.clientId, by: staff.userId, klantinteractiesToken: outcome.result.token !== undefined }, 'api client created');
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `API-client ${waarden.clientId} gemaakt`,
        intro: 'De applicatie ondertekent haar JWT’s (HS256) met dit geheim.',
        geheimen: [
          { label: 'Client id', waarde: waarden.clientId },
          { label: 'Geheim', waarde: secret },
          ...(outcome.result.token ? [{ label: 'Token voor de Klantinteracties API (Authorization: Token …)', waarde: outcome.result.token }] : []),
        ],
        terug: { href: `${API_CLIENTS_PATH}/${outcome.result.created.url.split('/').at(-1) ?? ''}`, label: 'Naar de API-client' },
        path: API_CLIENTS_PATH,
      }),
    );
  });

  app.get<{ Params: { uuid: string }; Querystring: { gedaan?: string } }>(
    `${API_CLIENTS_PATH}/:uuid`,
    { config: BEHEERDER, schema: { params: PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => detail(request, reply, 200, request.params.uuid, { melding: MELDINGEN[request.query.gedaan ?? ''] }),
  );

  app.post<{ Params: { uuid: string }; Body: Body }>(`${API_CLIENTS_PATH}/:uuid/autorisaties`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const caller = beheerderAutorisatiesCaller(request);
    const current = await retrieveApplicatie(db, caller, base(request), request.params.uuid);
    const waarden = leesAutorisatie(request.body);
    const { autorisatie, fouten } = alsAutorisatie(waarden);
    if (!autorisatie) return detail(request, reply, 400, request.params.uuid, { autorisatie: waarden, fouten });
    const outcome = await weigeringOf(() => changeApplicatie(db, caller, base(request), request.params.uuid, { autorisaties: [...(current.autorisaties as AutorisatieInput[]), autorisatie] }, true));
    if (outcome.problems) return detail(request, reply, 400, request.params.uuid, { autorisatie: waarden, fouten: foutenVan(outcome.problems) });
    return reply.redirect(`${API_CLIENTS_PATH}/${request.params.uuid}?gedaan=autorisatie`, 303);
  });

  app.post<{ Params: { uuid: string; index: number }; Body: Body }>(`${API_CLIENTS_PATH}/:uuid/autorisaties/:index/verwijderen`, { config: BEHEERDER, schema: { params: INDEX_PARAMS } }, async (request, reply) => {
    const caller = beheerderAutorisatiesCaller(request);
    const current = await retrieveApplicatie(db, caller, base(request), request.params.uuid);
    const target = current.autorisaties[request.params.index];
    // The form names the autorisatie it showed: a second submit (or a stale page) does not remove the next one.
    if (!target || JSON.stringify(target) !== textOf(request.body, 'sleutel')) return reply.redirect(`${API_CLIENTS_PATH}/${request.params.uuid}`, 303);
    const rest = current.autorisaties.filter((_, index) => index !== request.params.index) as AutorisatieInput[];
    const outcome = await weigeringOf(() => changeApplicatie(db, caller, base(request), request.params.uuid, { autorisaties: rest }, true));
    if (outcome.problems) return detail(request, reply, 400, request.params.uuid, { fouten: foutenVan(outcome.problems) });
    return reply.redirect(`${API_CLIENTS_PATH}/${request.params.uuid}?gedaan=autorisatie`, 303);
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${API_CLIENTS_PATH}/:uuid/alle-autorisaties`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const alle = textOf(request.body, 'alle') === 'ja';
    const outcome = await weigeringOf(() => changeApplicatie(db, beheerderAutorisatiesCaller(request), base(request), request.params.uuid, { heeftAlleAutorisaties: alle }, true));
    if (outcome.problems) return detail(request, reply, 400, request.params.uuid, { fouten: foutenVan(outcome.problems) });
    return reply.redirect(`${API_CLIENTS_PATH}/${request.params.uuid}?gedaan=autorisatie`, 303);
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${API_CLIENTS_PATH}/:uuid/klantinteracties-token`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const applicatie = await retrieveApplicatie(db, beheerderAutorisatiesCaller(request), base(request), request.params.uuid);
    const clientId = textOf(request.body, 'clientId');
    const client = applicatie.clientIds.includes(clientId) ? await findApiClient(db, request.tenant.id, clientId) : undefined;
    if (!client) return detail(request, reply, 400, request.params.uuid, { fouten: { algemeen: 'Kies een client id van deze applicatie.' } });
    if (client.ingetrokken) return detail(request, reply, 400, request.params.uuid, { fouten: { algemeen: 'Deze API-client is ingetrokken: activeer haar eerst opnieuw.' } });
    const token = await issueApiToken(db, request.tenant.id, client.id, 'klantinteracties');
    request.log.info({ event: 'api_client.token_issued', tenantId: request.tenant.id, clientId, api: 'klantinteracties', by: staff.userId }, 'api token issued');
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `Nieuw Klantinteracties-token voor ${clientId}`,
        intro: 'Een eerder token van deze client id werkt niet meer. De applicatie stuurt het als "Authorization: Token …".',
        geheimen: [{ label: 'Token', waarde: token }],
        terug: { href: `${API_CLIENTS_PATH}/${request.params.uuid}`, label: `Terug naar ${applicatie.label}` },
        path: API_CLIENTS_PATH,
      }),
    );
  });

  // Intrekken stops the access at once and keeps the applicatie; a second submit finds it revoked and changes nothing.
  app.post<{ Params: { uuid: string } }>(`${API_CLIENTS_PATH}/:uuid/intrekken`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const applicatie = await retrieveApplicatie(db, beheerderAutorisatiesCaller(request), base(request), request.params.uuid);
    if (await trekApplicatieIn(db, request.tenant.id, request.params.uuid, staff.userId)) {
      request.log.info({ event: 'api_client.revoked', tenantId: request.tenant.id, clientIds: applicatie.clientIds, by: staff.userId }, 'api client revoked');
    }
    return reply.redirect(`${API_CLIENTS_PATH}/${request.params.uuid}?gedaan=ingetrokken`, 303);
  });

  app.post<{ Params: { uuid: string } }>(`${API_CLIENTS_PATH}/:uuid/heractiveren`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const applicatie = await retrieveApplicatie(db, beheerderAutorisatiesCaller(request), base(request), request.params.uuid);
    const secrets = await heractiveerApplicatie(db, context.keys, request.tenant.id, request.params.uuid, staff.userId);
    // Not revoked (any more): a second submit shows the page, not a second set of secrets.
    if (!secrets) return reply.redirect(`${API_CLIENTS_PATH}/${request.params.uuid}`, 303);
    request.log.info({ event: 'api_client.reactivated', tenantId: request.tenant.id, clientIds: applicatie.clientIds, by: staff.userId }, 'api client reactivated');
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `API-client ${applicatie.label} is weer actief`,
        intro: 'Geheimen van vóór het intrekken werken niet meer; de applicatie ondertekent haar JWT’s (HS256) met het nieuwe geheim.',
        geheimen: secrets.flatMap(({ clientId, secret }) => [
          { label: 'Client id', waarde: clientId },
          { label: `Geheim voor ${clientId}`, waarde: secret },
        ]),
        terug: { href: `${API_CLIENTS_PATH}/${request.params.uuid}`, label: `Terug naar ${applicatie.label}` },
        path: API_CLIENTS_PATH,
      }),
    );
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${API_CLIENTS_PATH}/:uuid/nieuw-geheim`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const applicatie = await retrieveApplicatie(db, beheerderAutorisatiesCaller(request), base(request), request.params.uuid);
    const clientId = textOf(request.body, 'clientId');
    const client = applicatie.clientIds.includes(clientId) ? await findApiClient(db, request.tenant.id, clientId) : undefined;
    if (!client) return detail(request, reply, 400, request.params.uuid, { fouten: { algemeen: 'Kies een client id van deze applicatie.' } });
    if (client.ingetrokken) return detail(request, reply, 400, request.params.uuid, { fouten: { algemeen: 'Deze API-client is ingetrokken: activeer haar opnieuw, dan krijgt zij een nieuw geheim.' } });
    const secret = randomBytes(24).toString('base64url');
    await setApiClientSecret(db, context.keys, request.tenant.id, clientId, secret);
    request.log.info({ event: 'api_client.secret_replaced', tenantId: request.tenant.id, clientId, by: staff.userId }, 'api client secret replaced');
    return sendPage(
      reply,
      200,
      eenmaligPage({
        tenantName: request.tenant.name,
        staff,
        title: `Nieuw geheim voor ${clientId}`,
        intro: 'Binnen een seconde werkt dit geheim en het vorige niet meer.',
        geheimen: [
          { label: 'Client id', waarde: clientId },
          { label: 'Geheim', waarde: secret },
        ],
        terug: { href: `${API_CLIENTS_PATH}/${request.params.uuid}`, label: `Terug naar ${applicatie.label}` },
        path: API_CLIENTS_PATH,
      }),
    );
  });

  // Deleting is a separate act with a confirmation step: it takes the applicatie and its history away for good.
  app.get<{ Params: { uuid: string } }>(`${API_CLIENTS_PATH}/:uuid/verwijderen`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const applicatie = await retrieveApplicatie(db, beheerderAutorisatiesCaller(request), base(request), request.params.uuid);
    return sendPage(reply, 200, apiClientVerwijderenPage({ tenantName: request.tenant.name, staff, applicatie }));
  });

  app.post<{ Params: { uuid: string }; Body: Body }>(`${API_CLIENTS_PATH}/:uuid/verwijderen`, { config: BEHEERDER, schema: { params: PARAMS } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const caller = beheerderAutorisatiesCaller(request);
    const applicatie = await retrieveApplicatie(db, caller, base(request), request.params.uuid);
    if (textOf(request.body, 'bevestigen') !== 'ja') {
      return sendPage(reply, 400, apiClientVerwijderenPage({ tenantName: request.tenant.name, staff, applicatie, fouten: { bevestigen: 'Vink aan dat u de API-client definitief wilt verwijderen, of ga terug.' } }));
    }
    await destroyApplicatie(db, caller, base(request), request.params.uuid);
    request.log.info({ event: 'api_client.deleted', tenantId: request.tenant.id, clientIds: applicatie.clientIds, by: staff.userId }, 'api client deleted');
    return reply.redirect(`${API_CLIENTS_PATH}?gedaan=verwijderd`, 303);
  });
}
