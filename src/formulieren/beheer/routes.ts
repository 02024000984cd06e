import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { sendPage } from '../../medewerker/send-page.ts';
import { listZaaktypePage } from '../../components/catalogi/zaaktypen/service.ts';
import { vandaag } from '../dagen.ts';
import type { FormulierDefinitie } from '../definitie.ts';
import { findFormulier, listFormulieren, type FormulierRow } from '../repository.ts';
import { bewaarConcept, maakFormulier, publiceerFormulier } from '../service.ts';
import { zaaktypeOpDatum, type ApiOrigin } from '../zaaktype-vandaag.ts';
import { alsDefinitie, leesEditor, pasActieToe, type Body } from './editor-formulier.ts';
import { editorPage, FORMULIEREN_PATH, formulierPath, importPage, lijstPage, voorbeeldPage } from './pages.ts';

/*
 * The functioneel beheerder's e-form pages: list, create for a zaaktype, the structured editor (without script),
 * preview, publish, and JSON export and import of one form. Every route: beheerder only; CSRF checked centrally.
 */

const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const UUID_PARAMS = { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' } } } as const;

function staffOf(request: FastifyRequest): StaffIdentity {
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

function origin(request: FastifyRequest): ApiOrigin {
  return { protocol: request.protocol, host: request.host };
}

function door(staff: StaffIdentity): string {
  return staff.displayName;
}

/** Registers the beheer pages of the e-forms. */
export function registerFormulierenBeheer(app: FastifyInstance, db: Kysely<Database>): void {
  async function lijst(request: FastifyRequest, fout?: string) {
    const staff = staffOf(request);
    const formulieren = await listFormulieren(db, request.tenant.id);
    const taken = new Set(formulieren.map((row) => row.zaaktype_identificatie));
    const caller = { id: `eformulier-${randomUUID()}`, headers: {}, tenant: { id: request.tenant.id }, apiCaller: undefined, staff: undefined, url: '/catalogi/api/v1/zaaktypen', ...origin(request) };
    const zaaktypen = await listZaaktypePage(db, caller, `${request.protocol}://${request.host}/catalogi/api/v1`, { status: 'definitief', datumGeldigheid: vandaag() });
    const zonderFormulier = zaaktypen.results
      .map((zaaktype) => ({ identificatie: String(zaaktype.identificatie), omschrijving: String(zaaktype.omschrijving) }))
      .filter((zaaktype) => !taken.has(zaaktype.identificatie));
    return lijstPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, formulieren, zonderFormulier, ...(fout ? { fout } : {}) });
  }

  async function formulierOf(request: FastifyRequest, uuid: string): Promise<FormulierRow> {
    const row = await findFormulier(db, request.tenant.id, uuid);
    if (!row) throw new ProblemError('not_found', 'Dit formulier bestaat niet.');
    return row;
  }

  app.get(FORMULIEREN_PATH, { config: BEHEERDER }, async (request, reply) => sendPage(reply, 200, await lijst(request)));

  app.post<{ Body: { zaaktype?: string } }>(FORMULIEREN_PATH, { config: BEHEERDER }, async (request, reply) => {
    const staff = staffOf(request);
    const made = await maakFormulier(db, request.tenant.id, origin(request), String(request.body?.zaaktype ?? ''), door(staff));
    if (!made.formulier) return sendPage(reply, 400, await lijst(request, made.problemen.map((probleem) => probleem.melding).join(' ')));
    return reply.redirect(formulierPath(made.formulier.uuid), 303);
  });

  app.get<{ Params: { uuid: string }; Querystring: { bewaard?: 'ja' | 'gepubliceerd' } }>(
    `${FORMULIEREN_PATH}/:uuid`,
    { config: BEHEERDER, schema: { params: UUID_PARAMS, querystring: { type: 'object', additionalProperties: false, properties: { bewaard: { type: 'string', enum: ['ja', 'gepubliceerd'] } } } } },
    async (request, reply) => {
      const staff = staffOf(request);
      const row = await formulierOf(request, request.params.uuid);
      const zaaktype = await zaaktypeOpDatum(db, request.tenant.id, origin(request), row.zaaktype_identificatie, vandaag());
      const melding = request.query.bewaard === 'ja' ? 'Het concept is bewaard.' : request.query.bewaard === 'gepubliceerd' ? 'Het formulier is gepubliceerd.' : undefined;
      return sendPage(reply, 200, editorPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, row, definitie: row.concept as FormulierDefinitie, zaaktype, problemen: [], ...(melding ? { melding } : {}) }));
    },
  );

  app.post<{ Params: { uuid: string }; Body: Body }>(`${FORMULIEREN_PATH}/:uuid`, { config: BEHEERDER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const row = await formulierOf(request, request.params.uuid);
    const body = request.body ?? {};
    const actie = typeof body.actie === 'string' ? body.actie : 'bewaren';
    const raw = pasActieToe(leesEditor(body), actie);
    const saved = await bewaarConcept(db, request.tenant.id, origin(request), row.uuid, raw, door(staff));
    if (saved.formulier) {
      // Structural buttons stay on the page (at the editor); Bewaren confirms.
      return reply.redirect(formulierPath(row.uuid, actie === 'bewaren' ? '?bewaard=ja' : ''), 303);
    }
    const zaaktype = await zaaktypeOpDatum(db, request.tenant.id, origin(request), row.zaaktype_identificatie, vandaag());
    return sendPage(reply, 400, editorPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, row, definitie: alsDefinitie(raw), zaaktype, problemen: saved.problemen }));
  });

  app.post<{ Params: { uuid: string } }>(`${FORMULIEREN_PATH}/:uuid/publiceren`, { config: BEHEERDER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const row = await formulierOf(request, request.params.uuid);
    const published = await publiceerFormulier(db, request.tenant.id, origin(request), row.uuid, door(staff));
    if (published.formulier) return reply.redirect(formulierPath(row.uuid, '?bewaard=gepubliceerd'), 303);
    const zaaktype = await zaaktypeOpDatum(db, request.tenant.id, origin(request), row.zaaktype_identificatie, vandaag());
    return sendPage(reply, 400, editorPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, row, definitie: row.concept as FormulierDefinitie, zaaktype, problemen: published.problemen }));
  });

  app.get<{ Params: { uuid: string } }>(`${FORMULIEREN_PATH}/:uuid/voorbeeld`, { config: BEHEERDER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    staffOf(request);
    const row = await formulierOf(request, request.params.uuid);
    return sendPage(reply, 200, voorbeeldPage({ tenantName: request.tenant.name, row, definitie: row.concept as FormulierDefinitie }));
  });

  app.get<{ Params: { uuid: string } }>(`${FORMULIEREN_PATH}/:uuid/export`, { config: BEHEERDER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    staffOf(request);
    const row = await formulierOf(request, request.params.uuid);
    const file = { formaat: 'loket-eformulier', versie: 1, zaaktype: row.zaaktype_identificatie, formulier: row.concept };
    return reply
      .type('application/json; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="formulier-${row.zaaktype_identificatie.toLowerCase().replace(/[^a-z0-9-]/g, '-')}.json"`)
      .send(JSON.stringify(file, null, 2));
  });

  app.get<{ Params: { uuid: string } }>(`${FORMULIEREN_PATH}/:uuid/import`, { config: BEHEERDER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const row = await formulierOf(request, request.params.uuid);
    return sendPage(reply, 200, importPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, row, tekst: '', problemen: [] }));
  });

  app.post<{ Params: { uuid: string }; Body: { json?: string } }>(`${FORMULIEREN_PATH}/:uuid/import`, { config: BEHEERDER, schema: { params: UUID_PARAMS } }, async (request, reply) => {
    const staff = staffOf(request);
    const row = await formulierOf(request, request.params.uuid);
    const tekst = String(request.body?.json ?? '');
    let parsed: unknown;
    try {
      parsed = JSON.parse(tekst);
    } catch {
      return sendPage(reply, 400, importPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, row, tekst, problemen: [{ plaats: '', melding: 'Dit is geen geldige JSON.' }] }));
    }
    // An export file wraps the definition; a bare definition is accepted too.
    const wrapped = typeof parsed === 'object' && parsed !== null && (parsed as { formaat?: unknown }).formaat === 'loket-eformulier';
    const definitie = wrapped ? (parsed as { formulier?: unknown }).formulier : parsed;
    const saved = await bewaarConcept(db, request.tenant.id, origin(request), row.uuid, definitie, door(staff));
    if (!saved.formulier) return sendPage(reply, 400, importPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, row, tekst, problemen: saved.problemen }));
    return reply.redirect(formulierPath(row.uuid, '?bewaard=ja'), 303);
  });
}
