import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { digitaalAdresBodies } from './schemas.ts';
import { digitaleAdressen } from './service.ts';

/** `/digitaleadressen` and `/digitaleadressen/{uuid}`. */
export function registerDigitaleAdressen(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, digitaleAdressen, digitaalAdresBodies);
}
