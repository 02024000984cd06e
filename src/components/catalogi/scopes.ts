import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../../platform/errors/problem.ts';

/*
 * Catalogi scopes as the specification's `security` sections name them. Some operations accept one of several
 * scopes, which the platform's `config.scopes` (the caller needs all of them) cannot say: such routes declare
 * `scopes: []` (a verified JWT is required) plus `anyOfScopes`, checked by the hook below before the body is read.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The caller needs at least one of these scopes (or `heeftAlleAutorisaties`). */
    anyOfScopes?: readonly string[];
  }
}

/**
 * Reading the catalogue: `catalogi.lezen`, and by rule ztc-014 also `zaken.lezen` and `documenten.lezen`, because
 * the Zaken and Documenten APIs consult the catalogue with their own read scopes.
 */
export const CATALOGI_LEZEN = ['catalogi.lezen', 'zaken.lezen', 'documenten.lezen'] as const;

/** Creating in the catalogue (`catalogus_create`: `catalogi.schrijven`). */
export const CATALOGI_SCHRIJVEN = ['catalogi.schrijven'] as const;

/** Updating (`catalogus_update` / `_partial_update`: `(catalogi.schrijven | catalogi.geforceerd-schrijven)`). */
export const CATALOGI_BIJWERKEN = ['catalogi.schrijven', 'catalogi.geforceerd-schrijven'] as const;

/** Enforces `config.anyOfScopes` on the routes of `app` (the Catalogi plugin); runs after the platform's JWT check. */
export function registerAnyOfScopes(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const required = request.routeOptions.config.anyOfScopes;
    if (required === undefined) return;
    const caller = request.apiCaller;
    if (caller === undefined) throw new ProblemError('not_authenticated');
    if (caller.heeftAlleAutorisaties || required.some((scope) => caller.scopes.includes(scope))) return;
    throw new ProblemError('permission_denied', `Deze actie vereist een van de scopes: ${required.join(', ')}.`);
  });
}
