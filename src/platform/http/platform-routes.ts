import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { findTenantById } from '../tenants/repository.ts';
import { ProblemError } from '../errors/problem.ts';

/**
 * `GET /platform/api/v1/gemeente`: the calling client's municipality (name, RSIN, theme), read
 * fresh from the database. Any authenticated client may read it; applications use it to label their screens.
 */
export function registerPlatformRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  app.get('/platform/api/v1/gemeente', { config: { scopes: [] } }, async (request) => {
    const tenant = await findTenantById(db, request.tenant.id);
    if (!tenant) throw new ProblemError('not_found');
    return { naam: tenant.name, rsin: tenant.rsin, slug: tenant.slug, thema: tenant.theme };
  });
}
