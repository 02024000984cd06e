import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { LoketDatabase } from '../database/connection.ts';
import { ProblemError } from '../errors/problem.ts';

/** Liveness (the process answers) and readiness (the database answers) for load balancers and orchestrators. */
export function registerHealthRoutes(app: FastifyInstance, database: LoketDatabase): void {
  const probe = { public: true, tenantless: true } as const;
  app.get('/health/live', { config: probe, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { config: probe, logLevel: 'warn' }, async () => {
    try {
      await sql`SELECT 1`.execute(database.db);
    } catch {
      throw new ProblemError('service_unavailable', 'De database is niet bereikbaar.');
    }
    return { status: 'ok', database: database.engine };
  });
}
