import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { bijlageBodies } from './schemas.ts';
import { bijlagen } from './service.ts';

/** `/bijlagen` and `/bijlagen/{uuid}`. */
export function registerBijlagen(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, bijlagen, bijlageBodies);
}
