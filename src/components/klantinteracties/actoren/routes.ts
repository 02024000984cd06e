import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { actorBodies } from './schemas.ts';
import { actoren } from './service.ts';

/** `/actoren` and `/actoren/{uuid}`. */
export function registerActoren(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, actoren, actorBodies);
}
