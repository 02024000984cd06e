import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { categorieBodies, categorieen } from './service.ts';

/** `/categorieen` and `/categorieen/{uuid}`. */
export function registerCategorieen(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, categorieen, categorieBodies);
}
