import type { FastifyInstance } from 'fastify';
import { DOCUMENTEN_API_PENDING, type Documenten } from './documenten.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import {
  zaakinformatieobjectBody,
  zaakinformatieobjectListQuery,
  zaakinformatieobjectPatchBody,
  zaakinformatieobjectRetrieveQuery,
  type ZaakinformatieobjectInput,
  type ZaakinformatieobjectListQuery,
  type ZaakinformatieobjectPatch,
  type ZaakinformatieobjectRetrieveQuery,
} from './schemas.ts';
import {
  changeZaakinformatieobject,
  createZaakinformatieobject,
  CREATE_SCOPES,
  DESTROY_SCOPES,
  destroyZaakinformatieobject,
  listZaakinformatieobjectAll,
  retrieveZaakinformatieobject,
  UPDATE_SCOPES,
  zaakinformatieobjectBodyProblems,
  type ZaakinformatieobjectDeps,
} from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const CREATE = { scopes: [], anyOfScopes: CREATE_SCOPES } as const;
const UPDATE = { scopes: [], anyOfScopes: UPDATE_SCOPES } as const;
const DESTROY = { scopes: [], anyOfScopes: DESTROY_SCOPES } as const;

/**
 * The zaakinformatieobjecten operations of the Zaken API, registered inside the Zaken plugin (prefix included).
 * Without a `documenten`, the stand-in that can verify nothing serves until Loket has a Documenten API.
 */
export function registerZaakinformatieobjecten(app: FastifyInstance, given: Omit<ZaakinformatieobjectDeps, 'documenten'> & { documenten?: Documenten }): void {
  const deps: ZaakinformatieobjectDeps = { ...given, documenten: given.documenten ?? DOCUMENTEN_API_PENDING };
  app.get<{ Querystring: ZaakinformatieobjectListQuery }>(
    '/zaakinformatieobjecten',
    { config: READ, schema: { querystring: zaakinformatieobjectListQuery } },
    async (request) => listZaakinformatieobjectAll(deps, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaakinformatieobjectInput }>(
    '/zaakinformatieobjecten',
    { config: CREATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakinformatieobjectBody } },
    async (request, reply) => {
      assertValidBody(request, zaakinformatieobjectBodyProblems);
      const relation = await createZaakinformatieobject(deps, relationCaller(request), zakenBaseUrl(request), request.body);
      return reply.code(201).header('Location', relation.url).send(relation);
    },
  );

  // GET and, through Fastify's automatic HEAD route (same config), `zaakinformatieobject_headers`.
  app.get<{ Params: { uuid: string }; Querystring: ZaakinformatieobjectRetrieveQuery }>(
    '/zaakinformatieobjecten/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: zaakinformatieobjectRetrieveQuery } },
    async (request) => retrieveZaakinformatieobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: ZaakinformatieobjectInput }>(
    '/zaakinformatieobjecten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakinformatieobjectBody } },
    async (request) => {
      assertValidBody(request);
      return changeZaakinformatieobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: ZaakinformatieobjectPatch }>(
    '/zaakinformatieobjecten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakinformatieobjectPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeZaakinformatieobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/zaakinformatieobjecten/:uuid', { config: DESTROY, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaakinformatieobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
