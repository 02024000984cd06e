import type { FastifyInstance } from 'fastify';
import { zakenBaseUrl } from '../shared/urls.ts';
import { expandRollen } from '../rollen/expand.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { statusBody, statusListQuery, statusRetrieveQuery, type StatusInput, type StatusListQuery, type StatusRetrieveQuery } from './schemas.ts';
import { CREATE_SCOPES, createStatus, listStatusPage, retrieveStatus, statusCreateProblems, type StatusDeps } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const CREATE = { scopes: [], anyOfScopes: CREATE_SCOPES } as const;

/**
 * The statussen operations of the Zaken API (list, create, retrieve, HEAD), registered inside the Zaken plugin.
 * `gezetdoor` expands through the rollen resource; the other relations through the expanders handed in.
 */
export function registerStatussen(app: FastifyInstance, given: StatusDeps): void {
  const deps: StatusDeps = { ...given, expanders: { gezetdoor: expandRollen, ...given.expanders } };
  app.get<{ Querystring: StatusListQuery }>('/statussen', { config: READ, schema: { querystring: statusListQuery } }, async (request) =>
    listStatusPage(deps, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: StatusInput }>('/statussen', { config: CREATE, attachValidation: true, schema: { querystring: NO_QUERY, body: statusBody } }, async (request, reply) => {
    assertValidBody(request, (body) => statusCreateProblems(body));
    const status = await createStatus(deps, relationCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', status.url).send(status);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `status_headers`: ETag + If-None-Match.
  app.get<{ Params: { uuid: string }; Querystring: StatusRetrieveQuery }>(
    '/statussen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: statusRetrieveQuery } },
    async (request) => retrieveStatus(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.query.expand),
  );
}
