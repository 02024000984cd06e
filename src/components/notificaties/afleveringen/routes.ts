import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { NOTIFICATIES_BEHEREN } from '../scopes.ts';
import { notificatiesBaseUrl } from '../shared/urls.ts';
import { allesOpnieuwAfleveren, listMislukteAfleveringen, opnieuwAfleveren, presentMislukteAflevering } from './service.ts';

const BEHEER = { scopes: [NOTIFICATIES_BEHEREN] } as const;
const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;
const listQuery = { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: 1000 } } } as const;

/**
 * Loket extension to the Notificaties API (documented in the README): failed deliveries for a beheerder, under the
 * scope `notificaties.beheren`.
 * - `GET /mislukte-afleveringen[?limit=N]`: the tenant's given-up deliveries, newest failure first (default 100).
 * - `POST /mislukte-afleveringen/{id}/opnieuw`: make one due again (204; 404 when there is no such failed delivery).
 * - `POST /mislukte-afleveringen/opnieuw`: make all due again (200 `{ "aantal": n }`).
 */
export function registerMislukteAfleveringen(app: FastifyInstance, deps: { db: Kysely<Database>; notify?: () => void }): void {
  app.get<{ Querystring: { limit?: number } }>('/mislukte-afleveringen', { config: BEHEER, schema: { querystring: listQuery } }, async (request) => {
    const base = notificatiesBaseUrl(request);
    return (await listMislukteAfleveringen(deps.db, request.tenant.id, request.query.limit)).map((aflevering) => presentMislukteAflevering(aflevering, base));
  });

  app.post<{ Params: { id: string } }>('/mislukte-afleveringen/:id/opnieuw', { config: BEHEER, schema: { querystring: noQuery } }, async (request, reply) => {
    const id = Number(request.params.id);
    if (!/^\d{1,15}$/.test(request.params.id) || !(await opnieuwAfleveren(deps.db, request.tenant.id, id))) {
      throw new ProblemError('not_found', `Er is geen mislukte aflevering ${request.params.id}.`);
    }
    deps.notify?.();
    return reply.code(204).send();
  });

  app.post('/mislukte-afleveringen/opnieuw', { config: BEHEER, schema: { querystring: noQuery } }, async (request) => {
    const aantal = await allesOpnieuwAfleveren(deps.db, request.tenant.id);
    if (aantal > 0) deps.notify?.();
    return { aantal };
  });
}
