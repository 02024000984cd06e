import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { partijIdentificatorBodies } from './schemas.ts';
import { partijIdentificatoren } from './service.ts';

/** `/partij-identificatoren` and `/partij-identificatoren/{uuid}`. */
export function registerPartijIdentificatoren(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, partijIdentificatoren, partijIdentificatorBodies);
}
