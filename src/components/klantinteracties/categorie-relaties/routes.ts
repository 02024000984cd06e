import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { categorieRelatieBodies, categorieRelaties } from './service.ts';

/** `/categorie-relaties` and `/categorie-relaties/{uuid}`. */
export function registerCategorieRelaties(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, categorieRelaties, categorieRelatieBodies);
}
