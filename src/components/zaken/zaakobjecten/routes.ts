import type { FastifyInstance } from 'fastify';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import {
  zaakobjectBody,
  zaakobjectListQuery,
  zaakobjectPatchBody,
  zaakobjectRetrieveQuery,
  type ZaakobjectInput,
  type ZaakobjectListQuery,
  type ZaakobjectPatch,
  type ZaakobjectRetrieveQuery,
} from './schemas.ts';
import {
  changeZaakobject,
  createZaakobject,
  CREATE_SCOPES,
  DESTROY_SCOPES,
  destroyZaakobject,
  listZaakobjectPage,
  retrieveZaakobject,
  UPDATE_SCOPES,
  zaakobjectCreateProblems,
  type ZaakobjectDeps,
} from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const CREATE = { scopes: [], anyOfScopes: CREATE_SCOPES } as const;
const UPDATE = { scopes: [], anyOfScopes: UPDATE_SCOPES } as const;
const DESTROY = { scopes: [], anyOfScopes: DESTROY_SCOPES } as const;

/** The zaakobjecten operations of the Zaken API, registered inside the Zaken plugin (prefix included). */
export function registerZaakobjecten(app: FastifyInstance, deps: ZaakobjectDeps): void {
  app.get<{ Querystring: ZaakobjectListQuery }>('/zaakobjecten', { config: READ, schema: { querystring: zaakobjectListQuery } }, async (request) =>
    listZaakobjectPage(deps, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaakobjectInput }>('/zaakobjecten', { config: CREATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakobjectBody } }, async (request, reply) => {
    assertValidBody(request, zaakobjectCreateProblems);
    const zaakobject = await createZaakobject(deps, relationCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', zaakobject.url).send(zaakobject);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `zaakobject_headers`: ETag + If-None-Match.
  app.get<{ Params: { uuid: string }; Querystring: ZaakobjectRetrieveQuery }>(
    '/zaakobjecten/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: zaakobjectRetrieveQuery } },
    async (request) => retrieveZaakobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: ZaakobjectInput }>(
    '/zaakobjecten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakobjectBody } },
    async (request) => {
      assertValidBody(request);
      return changeZaakobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: ZaakobjectPatch }>(
    '/zaakobjecten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakobjectPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeZaakobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/zaakobjecten/:uuid', { config: DESTROY, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaakobject(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
