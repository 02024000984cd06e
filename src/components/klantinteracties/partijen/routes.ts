import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { partijBodies } from './schemas.ts';
import { partijen } from './service.ts';

/** `/partijen` and `/partijen/{uuid}`. */
export function registerPartijen(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, partijen, partijBodies);
}
