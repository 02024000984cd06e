import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { interneTaakBodies } from './schemas.ts';
import { interneTaken } from './service.ts';

/** `/internetaken` and `/internetaken/{uuid}`. */
export function registerInterneTaken(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, interneTaken, interneTaakBodies);
}
