import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { rekeningnummerBodies } from './schemas.ts';
import { rekeningnummers } from './service.ts';

/** `/rekeningnummers` and `/rekeningnummers/{uuid}`. */
export function registerRekeningnummers(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, rekeningnummers, rekeningnummerBodies);
}
