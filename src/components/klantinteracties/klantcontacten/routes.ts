import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { klantcontactBodies } from './schemas.ts';
import { klantcontacten } from './service.ts';

/** `/klantcontacten` and `/klantcontacten/{uuid}`. */
export function registerKlantcontacten(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, klantcontacten, klantcontactBodies);
}
