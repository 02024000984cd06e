import type { FastifyInstance } from 'fastify';
import type { KlantDeps } from '../shared/caller.ts';
import { registerResource, TOKEN_POLICY } from '../shared/resource-routes.ts';
import { onderwerpobjectBodies, onderwerpobjectDestroyQuery } from './schemas.ts';
import { destroyOnderwerpobject, onderwerpobjecten } from './service.ts';

/** `/onderwerpobjecten` and `/onderwerpobjecten/{uuid}`, whose delete takes `cascade`. */
export function registerOnderwerpobjecten(app: FastifyInstance, deps: KlantDeps): void {
  registerResource(app, deps, onderwerpobjecten, onderwerpobjectBodies, { ownDestroy: true });
  app.delete<{ Params: { uuid: string }; Querystring: { cascade?: boolean } }>(
    '/onderwerpobjecten/:uuid',
    { config: TOKEN_POLICY, schema: { querystring: onderwerpobjectDestroyQuery } },
    async (request, reply) => {
      const kept = await destroyOnderwerpobject(deps, request, request.params.uuid, request.query.cascade === true);
      return kept ? reply.code(200).send(kept) : reply.code(204).send();
    },
  );
}
