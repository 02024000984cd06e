import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource } from '../shared/resource-routes.ts';
import { vertegenwoordigingBodies } from './schemas.ts';
import { vertegenwoordigingen } from './service.ts';

/** `/vertegenwoordigingen` and `/vertegenwoordigingen/{uuid}`. */
export function registerVertegenwoordigingen(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, vertegenwoordigingen, vertegenwoordigingBodies);
}
