import type { FastifyInstance } from 'fastify';
import { zakenBaseUrl } from '../shared/urls.ts';
import { expandStatussen } from '../statussen/expand.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { rolBody, rolListQuery, rolRetrieveQuery, type RolInput, type RolListQuery, type RolRetrieveQuery } from './schemas.ts';
import { CREATE_SCOPES, createRol, DESTROY_SCOPES, destroyRol, listRolPage, retrieveRol, rolCreateProblems, type RolDeps } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const CREATE = { scopes: [], anyOfScopes: CREATE_SCOPES } as const;
const DESTROY = { scopes: [], anyOfScopes: DESTROY_SCOPES } as const;

/**
 * The rollen operations of the Zaken API (list, create, retrieve, HEAD, delete), registered inside the Zaken plugin.
 * `statussen` expands through the statussen resource; the other relations through the expanders handed in.
 */
export function registerRollen(app: FastifyInstance, given: RolDeps): void {
  const deps: RolDeps = { ...given, expanders: { statussen: expandStatussen, ...given.expanders } };
  app.get<{ Querystring: RolListQuery }>('/rollen', { config: READ, schema: { querystring: rolListQuery } }, async (request) =>
    listRolPage(deps, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: RolInput }>('/rollen', { config: CREATE, attachValidation: true, schema: { querystring: NO_QUERY, body: rolBody } }, async (request, reply) => {
    assertValidBody(request, rolCreateProblems);
    const rol = await createRol(deps, relationCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', rol.url).send(rol);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `rol_headers`: ETag + If-None-Match.
  app.get<{ Params: { uuid: string }; Querystring: RolRetrieveQuery }>(
    '/rollen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: rolRetrieveQuery } },
    async (request) => retrieveRol(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.delete<{ Params: { uuid: string } }>('/rollen/:uuid', { config: DESTROY, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyRol(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
