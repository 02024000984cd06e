import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { RateLimiter } from '../../platform/http/rate-limit.ts';
import { findPublishedProduct } from '../producten/service.ts';
import { logClick, rateProduct } from '../zoeklog/service.ts';
import { searchKennisbank } from '../zoeken/service.ts';
import { presentProduct, presentZoekAntwoord, siteBase } from './present.ts';
import {
  BEOORDELING_BODY,
  KLIK_BODY,
  KLIK_PARAMS,
  NO_QUERY,
  SLUG_PARAMS,
  ZOEKEN_QUERY,
  type BeoordelingBody,
  type KlikBody,
  type ZoekenQuery,
} from './schemas.ts';

// Published kennisbank content is public information: anyone may search and read it, as on the website.
const PUBLIC = { public: true } as const;
const DEFAULT_PAGE_SIZE = 10;
/** Public writes, per client address and tenant: a reader rates a few answers, clicks a few results a minute. */
const RATINGS_PER_MINUTE = 10;
const CLICKS_PER_MINUTE = 60;

/**
 * The public kennisbank API (inside the plugin prefixed `/kennisbank/api/v1`): search, a published product, and the
 * search log's click and rating. Searches through this API are logged with channel "api".
 */
export function registerKennisbankApi(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZoekenQuery }>('/zoeken', { config: PUBLIC, schema: { querystring: ZOEKEN_QUERY } }, async (request) => {
    const page = request.query.page ?? 1;
    const pageSize = request.query.pageSize ?? DEFAULT_PAGE_SIZE;
    const answer = await searchKennisbank(db, request.tenant.id, {
      q: request.query.q,
      kanaal: 'api',
      doelgroep: request.query.doelgroep,
      aanvraagkanaal: request.query.aanvraagkanaal,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const query = new URLSearchParams(request.url.split('?')[1] ?? '');
    return presentZoekAntwoord(siteBase(request), answer, { page, pageSize, query });
  });

  app.get<{ Params: { slug: string } }>('/producten/:slug', { config: PUBLIC, schema: { params: SLUG_PARAMS, querystring: NO_QUERY } }, async (request) => {
    const product = await findPublishedProduct(db, request.tenant.id, request.params.slug, { intern: false });
    if (!product) throw new ProblemError('not_found', `Product ${request.params.slug} bestaat niet of is niet gepubliceerd.`);
    return presentProduct(siteBase(request), product);
  });

  const ratings = new RateLimiter({ limit: RATINGS_PER_MINUTE, windowMs: 60_000 });
  const clicks = new RateLimiter({ limit: CLICKS_PER_MINUTE, windowMs: 60_000 });

  app.post<{ Params: { uuid: string }; Body: KlikBody }>(
    '/zoekopdrachten/:uuid/klik',
    { config: PUBLIC, schema: { params: KLIK_PARAMS, querystring: NO_QUERY, body: KLIK_BODY } },
    async (request, reply) => {
      clicks.take(`${request.tenant.id} ${request.ip}`);
      await logClick(db, request.tenant.id, request.params.uuid, request.body.product, request.body.positie ?? null);
      return reply.code(204).send();
    },
  );

  app.post<{ Params: { slug: string }; Body: BeoordelingBody }>(
    '/producten/:slug/beoordelingen',
    { config: PUBLIC, schema: { params: SLUG_PARAMS, querystring: NO_QUERY, body: BEOORDELING_BODY } },
    async (request, reply) => {
      ratings.take(`${request.tenant.id} ${request.ip}`);
      await rateProduct(db, request.tenant.id, request.params.slug, { nuttig: request.body.nuttig, opmerking: request.body.opmerking, kanaal: 'api' });
      return reply.code(201).send({ nuttig: request.body.nuttig });
    },
  );
}
