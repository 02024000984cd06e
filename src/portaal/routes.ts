import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { issueFormToken, verifyFormToken, type FormTokenScope } from '../platform/auth/csrf-form-token.ts';
import { ProblemError } from '../platform/errors/problem.ts';
import { RateLimiter } from '../platform/http/rate-limit.ts';
import { MAX_QUERY_LENGTH } from '../kennisbank/zoeken/query.ts';
import { searchKennisbank } from '../kennisbank/zoeken/service.ts';
import { findPublishedProduct } from '../kennisbank/producten/service.ts';
import { logClick, MAX_REMARK_LENGTH, rateProduct } from '../kennisbank/zoeklog/service.ts';
import { mostUsedProducts } from '../kennisbank/zoeklog/most-used.ts';
import { homePage } from './home-page.ts';
import { notFoundPage, productPage, type BeoordelingState } from './product-page.ts';
import { sendPortaalPage } from './portaal-page.ts';
import { isProductSlug, productPath } from './paths.ts';
import { zoekenPage } from './zoeken-page.ts';
import { registerResidentSignIn } from './inloggen/routes.ts';
import { registerMijnOmgeving } from './mijn/routes.ts';
import { findBookableProductBySlug } from '../afspraken/repository.ts';
import { zaaktypenMetGepubliceerdFormulier } from '../formulieren/repository.ts';

const PUBLIC = { public: true } as const;
const PAGE_SIZE = 10;
const TOP_TASKS = 6;
/** Shown as the most-used products while the search log is too young to say (the demo municipality's top tasks). */
export const FALLBACK_TOP_TASKS = ['paspoort-aanvragen', 'verhuizing-doorgeven', 'afvalcontainer-aanvragen', 'parkeervergunning-bewoners', 'rijbewijs-verlengen', 'melding-openbare-ruimte'];
/** Per client address and tenant, as the kennisbank API counts them: a person stays far below these. */
const RATINGS_PER_MINUTE = 10;
const CLICKS_PER_MINUTE = 60;
/** The rating form's double-submit cookie, sent only to product pages. */
const RATING_FORM_SCOPE: FormTokenScope = { cookie: 'loket_portaal_formulier', path: '/producten' };

const SLUG = { type: 'string', minLength: 1, maxLength: 200 } as const;
const UUID = { type: 'string', format: 'uuid' } as const;

interface ZoekenQuery {
  q?: string;
  pagina?: number;
  zoekopdracht?: string;
}

interface KlikQuery {
  zoekopdracht: string;
  product: string;
  positie?: number;
}

interface BeoordelingBody {
  nuttig?: string;
  opmerking?: string;
}

/**
 * The residents' portal at `/` of the tenant's host: home, search (through the one kennisbank search, channel
 * "portaal") with click logging, product pages and their rating form. Public pages, server-rendered, no script.
 */
export async function registerPortaal(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  const { keys } = context;
  const ratings = new RateLimiter({ limit: RATINGS_PER_MINUTE, windowMs: 60_000 });
  const clicks = new RateLimiter({ limit: CLICKS_PER_MINUTE, windowMs: 60_000 });
  const client = (request: FastifyRequest) => `${request.tenant.id} ${request.ip}`;
  await registerResidentSignIn(app, context);
  const topTasks = (tenantId: string) => mostUsedProducts(db, tenantId, { limit: TOP_TASKS, fallbackSlugs: FALLBACK_TOP_TASKS });

  await registerMijnOmgeving(app, context);

  app.get('/', { config: PUBLIC }, async (request, reply) => sendPortaalPage(reply, 200, homePage(request.tenant, await topTasks(request.tenant.id))));

  app.get<{ Querystring: ZoekenQuery }>(
    '/zoeken',
    {
      config: PUBLIC,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { q: { type: 'string', maxLength: MAX_QUERY_LENGTH }, pagina: { type: 'integer', minimum: 1, maximum: 1000 }, zoekopdracht: UUID },
        },
      },
    },
    async (request, reply) => {
      const q = (request.query.q ?? '').trim();
      const pagina = request.query.pagina ?? 1;
      const answer = q === '' ? undefined : await searchKennisbank(db, request.tenant.id, { q, kanaal: 'portaal', limit: PAGE_SIZE, offset: (pagina - 1) * PAGE_SIZE });
      const suggestions = answer === undefined || answer.count === 0 ? await topTasks(request.tenant.id) : [];
      // Page 1 logs the search; later pages carry its uuid along so their clicks still count for it.
      const zoekopdracht = answer?.zoekopdracht ?? (pagina > 1 ? request.query.zoekopdracht : undefined);
      return sendPortaalPage(reply, 200, zoekenPage(request.tenant, { q, pagina, pageSize: PAGE_SIZE, answer, zoekopdracht, suggestions }));
    },
  );

  // A result link goes through here: the click is logged, then the browser goes on to the product page. The target is
  // always this site's own product path built from a checked slug, never a URL from the request (no open redirect).
  app.get<{ Querystring: KlikQuery }>(
    '/zoeken/klik',
    {
      config: PUBLIC,
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['zoekopdracht', 'product'],
          properties: { zoekopdracht: UUID, product: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 }, positie: { type: 'integer', minimum: 1, maximum: 1000 } },
        },
      },
    },
    async (request, reply) => {
      const { zoekopdracht, product, positie } = request.query;
      let counted = true;
      try {
        clicks.take(client(request));
      } catch {
        // Over the limit: the resident still gets the page, the log is spared the flood.
        counted = false;
      }
      if (counted) {
        try {
          await logClick(db, request.tenant.id, zoekopdracht, product, positie ?? null);
        } catch (error) {
          // A stale or altered link (unknown search or product) is not the resident's problem: the page says the rest.
          if (!(error instanceof ProblemError) || (error.code !== 'not_found' && error.code !== 'invalid')) throw error;
        }
      }
      return reply.code(303).header('Cache-Control', 'no-store').redirect(productPath(product), 303);
    },
  );

  async function showProduct(request: FastifyRequest, reply: FastifyReply, slug: string, status: number, state: (token: string) => BeoordelingState): Promise<FastifyReply> {
    const product = isProductSlug(slug) ? await findPublishedProduct(db, request.tenant.id, slug, { intern: false }) : undefined;
    if (!product) return sendPortaalPage(reply, 404, notFoundPage(request.tenant));
    const token = issueFormToken(request, reply, keys, Date.now(), RATING_FORM_SCOPE);
    const zaaktype = product.inhoud.zaaktypeIdentificatie;
    const [eformulier, afspraak] = await Promise.all([
      zaaktype === null ? false : zaaktypenMetGepubliceerdFormulier(db, request.tenant.id, [zaaktype]).then((found) => found.has(zaaktype)),
      findBookableProductBySlug(db, request.tenant.id, slug),
    ]);
    return sendPortaalPage(reply, status, productPage(request.tenant, product, state(token), { eformulier, afspraak }), { privateForm: true });
  }

  app.get<{ Params: { slug: string }; Querystring: { bedankt?: 'ja' } }>(
    '/producten/:slug',
    { config: PUBLIC, schema: { params: { type: 'object', required: ['slug'], properties: { slug: SLUG } }, querystring: { type: 'object', additionalProperties: false, properties: { bedankt: { type: 'string', enum: ['ja'] } } } } },
    async (request, reply) =>
      showProduct(request, reply, request.params.slug, 200, (csrfToken) => (request.query.bedankt === 'ja' ? { kind: 'bedankt' } : { kind: 'form', csrfToken })),
  );

  app.post<{ Params: { slug: string }; Body: BeoordelingBody }>(
    '/producten/:slug/beoordeling',
    {
      config: PUBLIC,
      schema: {
        params: { type: 'object', required: ['slug'], properties: { slug: SLUG } },
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { _csrf: { type: 'string', maxLength: 200 }, nuttig: { type: 'string', maxLength: 10 }, opmerking: { type: 'string', maxLength: MAX_REMARK_LENGTH } },
        },
      },
    },
    async (request, reply) => {
      verifyFormToken(request, keys, Date.now(), RATING_FORM_SCOPE);
      ratings.take(client(request));
      const { slug } = request.params;
      const { nuttig, opmerking } = request.body;
      if (nuttig !== 'ja' && nuttig !== 'nee') {
        return showProduct(request, reply, slug, 400, (csrfToken) => ({ kind: 'form', csrfToken, fout: 'Kies ja of nee.', opmerking }));
      }
      if (!isProductSlug(slug)) return sendPortaalPage(reply, 404, notFoundPage(request.tenant));
      try {
        await rateProduct(db, request.tenant.id, slug, { nuttig: nuttig === 'ja', opmerking, kanaal: 'portaal' });
      } catch (error) {
        if (error instanceof ProblemError && error.code === 'not_found') return sendPortaalPage(reply, 404, notFoundPage(request.tenant));
        throw error;
      }
      // Post, redirect, get: reloading the thank-you page sends nothing twice.
      return reply.redirect(`${productPath(slug)}?bedankt=ja#beoordeling`, 303);
    },
  );
}
