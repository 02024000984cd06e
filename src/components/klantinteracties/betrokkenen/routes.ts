import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { betrokkeneBodies } from './schemas.ts';
import { betrokkenen } from './service.ts';

/** `/betrokkenen` and `/betrokkenen/{uuid}`. */
export function registerBetrokkenen(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, betrokkenen, betrokkeneBodies);
}
