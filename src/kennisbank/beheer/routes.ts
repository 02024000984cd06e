import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import type { Database } from '../../platform/database/schema.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { SafeHtml } from '../../platform/http/html.ts';
import { SLUG_PATTERN } from '../producten/content.ts';
import { findProductBySlug, inhoudOf, listProductOverzicht, newestVersion, wijzigingenOf } from '../producten/repository.ts';
import { archiveProduct, createProduct, publishProduct, saveConcept, submitForReview } from '../producten/service.ts';
import { kennisbankRapportage } from '../zoeklog/reports.ts';
import { fieldIdOf, formOf, PRODUCT_FORM_BODY, readProductForm, type ProductForm } from './form.ts';
import { BEHEER_PATH, overzichtPage, previewPage, productFormPage, productPath, rapportagePage } from './pages.ts';

// Maintaining the catalogue is the functioneel beheerder's work.
const BEHEERDER = { staffRoles: ['beheerder'] } as const;
const SLUG_PARAMS = { type: 'object', required: ['slug'], properties: { slug: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } } } as const;
const CSRF_ONLY = { type: 'object', additionalProperties: false, properties: { _csrf: { type: 'string' } } } as const;
const NOTICE_QUERY = { type: 'object', additionalProperties: false, properties: { melding: { type: 'string', enum: ['opgeslagen', 'review', 'gepubliceerd', 'gearchiveerd', 'aangemaakt'] } } } as const;
const NOTICES: Record<string, string> = {
  aangemaakt: 'Het product is aangemaakt als concept.',
  opgeslagen: 'Het concept is opgeslagen.',
  review: 'Het concept is ter review aangeboden.',
  gepubliceerd: 'Het product is gepubliceerd.',
  gearchiveerd: 'Het product is gearchiveerd en niet meer online.',
};

function staffOf(request: FastifyRequest): StaffIdentity {
  // The staffRoles policy sets request.staff before any handler runs.
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

/** Who the history names: the staff member's name and e-mail address. */
function door(staff: StaffIdentity): string {
  return `${staff.displayName} (${staff.email})`;
}

function send(reply: FastifyReply, status: number, document: SafeHtml): FastifyReply {
  // Never cached: the pages carry a CSRF token and unpublished text.
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(document.value);
}

function fieldErrors(problems: InvalidParam[]): { fieldId: string; message: string }[] {
  return problems.map((problem) => ({ fieldId: fieldIdOf(problem.name), message: problem.reason }));
}

/**
 * The kennisbank beheer pages in the staff workspace (beheerder): the product list, create and edit (a concept,
 * sanitised on save), preview, review, publish, archive, and the reports over the search log and ratings.
 * Forms work without JavaScript; CSRF and roles are enforced centrally for every route.
 */
export function registerKennisbankBeheer(app: FastifyInstance, db: Kysely<Database>): void {
  app.get(BEHEER_PATH, { config: BEHEERDER }, async (request, reply) => {
    staffOf(request);
    return send(reply, 200, overzichtPage({ tenantName: request.tenant.name, products: await listProductOverzicht(db, request.tenant.id) }));
  });

  app.get(`${BEHEER_PATH}/rapportage`, { config: BEHEERDER }, async (request, reply) => {
    staffOf(request);
    return send(reply, 200, rapportagePage({ tenantName: request.tenant.name, report: await kennisbankRapportage(db, request.tenant.id) }));
  });

  app.get(`${BEHEER_PATH}/nieuw`, { config: BEHEERDER }, async (request, reply) => {
    const staff = staffOf(request);
    return send(reply, 200, productFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, values: { doelgroepen: ['inwoner'] }, errors: [] }));
  });

  app.post<{ Body: ProductForm }>(`${BEHEER_PATH}/nieuw`, { config: BEHEERDER, schema: { body: PRODUCT_FORM_BODY } }, async (request, reply) => {
    const staff = staffOf(request);
    const form = request.body;
    const slug = typeof form.slug === 'string' ? form.slug.trim() : '';
    const read = readProductForm(form);
    const view = { tenantName: request.tenant.name, csrfToken: staff.csrfToken, values: form as Record<string, string | string[]> };
    const slugProblems: InvalidParam[] = SLUG_PATTERN.test(slug) ? [] : [{ name: 'slug', code: 'invalid', reason: 'Gebruik kleine letters, cijfers en streepjes, zoals paspoort-aanvragen.' }];
    if (!read.inhoud || slugProblems.length > 0) return send(reply, 400, productFormPage({ ...view, errors: fieldErrors([...slugProblems, ...read.problems]) }));
    try {
      await createProduct(db, request.tenant.id, door(staff), slug, read.inhoud);
    } catch (error) {
      if (error instanceof ProblemError && error.invalidParams.length > 0) return send(reply, 400, productFormPage({ ...view, errors: fieldErrors(error.invalidParams) }));
      throw error;
    }
    return reply.redirect(`${productPath(slug)}?melding=aangemaakt`, 303);
  });

  app.get<{ Params: { slug: string }; Querystring: { melding?: string } }>(
    `${BEHEER_PATH}/producten/:slug`,
    { config: BEHEERDER, schema: { params: SLUG_PARAMS, querystring: NOTICE_QUERY } },
    async (request, reply) => {
      const staff = staffOf(request);
      const view = await editView(db, request.tenant.id, request.params.slug);
      const notice = request.query.melding === undefined ? undefined : NOTICES[request.query.melding];
      return send(reply, 200, productFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, slug: request.params.slug, values: formOf(inhoudOf(view.versie)), errors: [], ...view, notice }));
    },
  );

  app.post<{ Params: { slug: string }; Body: ProductForm }>(
    `${BEHEER_PATH}/producten/:slug`,
    { config: BEHEERDER, schema: { params: SLUG_PARAMS, body: PRODUCT_FORM_BODY } },
    async (request, reply) => {
      const staff = staffOf(request);
      const { slug } = request.params;
      const current = await editView(db, request.tenant.id, slug);
      const page = (errors: InvalidParam[]) =>
        productFormPage({ tenantName: request.tenant.name, csrfToken: staff.csrfToken, slug, values: request.body as Record<string, string | string[]>, errors: fieldErrors(errors), ...current });
      const read = readProductForm(request.body);
      if (!read.inhoud) return send(reply, 400, page(read.problems));
      try {
        await saveConcept(db, request.tenant.id, door(staff), slug, read.inhoud);
      } catch (error) {
        if (error instanceof ProblemError && error.invalidParams.length > 0) return send(reply, 400, page(error.invalidParams));
        throw error;
      }
      return reply.redirect(`${productPath(slug)}?melding=opgeslagen`, 303);
    },
  );

  const statusAction = (path: string, melding: string, act: (tenantId: string, who: string, slug: string) => Promise<unknown>) =>
    app.post<{ Params: { slug: string } }>(`${BEHEER_PATH}/producten/:slug/${path}`, { config: BEHEERDER, schema: { params: SLUG_PARAMS, body: CSRF_ONLY } }, async (request, reply) => {
      const staff = staffOf(request);
      await act(request.tenant.id, door(staff), request.params.slug);
      return reply.redirect(`${productPath(request.params.slug)}?melding=${melding}`, 303);
    });
  statusAction('review', 'review', (tenantId, who, slug) => submitForReview(db, tenantId, who, slug));
  statusAction('publiceren', 'gepubliceerd', (tenantId, who, slug) => publishProduct(db, tenantId, who, slug));
  statusAction('archiveren', 'gearchiveerd', (tenantId, who, slug) => archiveProduct(db, tenantId, who, slug));

  app.get<{ Params: { slug: string } }>(`${BEHEER_PATH}/producten/:slug/voorbeeld`, { config: BEHEERDER, schema: { params: SLUG_PARAMS } }, async (request, reply) => {
    staffOf(request);
    const view = await editView(db, request.tenant.id, request.params.slug);
    return send(reply, 200, previewPage({ tenantName: request.tenant.name, slug: request.params.slug, inhoud: inhoudOf(view.versie), versie: view.versie }));
  });
}

/** The newest version, publication state and history of a product for its edit page; 404 when it is not the tenant's. */
async function editView(db: Kysely<Database>, tenantId: string, slug: string) {
  const product = await findProductBySlug(db, tenantId, slug);
  const versie = product ? await newestVersion(db, tenantId, product.uuid) : undefined;
  if (!product || !versie) throw new ProblemError('not_found', `Product ${slug} bestaat niet.`);
  return { versie, gepubliceerd: product.gepubliceerde_versie_uuid !== null, history: await wijzigingenOf(db, tenantId, product.uuid, 50) };
}
