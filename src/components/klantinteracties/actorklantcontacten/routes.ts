import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { actorKlantcontactBodies } from './schemas.ts';
import { actorKlantcontacten } from './service.ts';

/** `/actorklantcontacten` and `/actorklantcontacten/{uuid}`. */
export function registerActorKlantcontacten(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, actorKlantcontacten, actorKlantcontactBodies);
}
