import type { FastifyInstance } from 'fastify';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import {
  resultaatBody,
  resultaatListQuery,
  resultaatPatchBody,
  resultaatRetrieveQuery,
  type ResultaatInput,
  type ResultaatListQuery,
  type ResultaatPatch,
  type ResultaatRetrieveQuery,
} from './schemas.ts';
import { changeResultaat, createResultaat, destroyResultaat, listResultaatPage, retrieveResultaat, WRITE_SCOPES, type ResultaatDeps } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const WRITE = { scopes: [], anyOfScopes: WRITE_SCOPES } as const;

/** The resultaten operations of the Zaken API, registered inside the Zaken plugin (prefix included). */
export function registerResultaten(app: FastifyInstance, deps: ResultaatDeps): void {
  app.get<{ Querystring: ResultaatListQuery }>('/resultaten', { config: READ, schema: { querystring: resultaatListQuery } }, async (request) =>
    listResultaatPage(deps, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: ResultaatInput }>('/resultaten', { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: resultaatBody } }, async (request, reply) => {
    assertValidBody(request);
    const resultaat = await createResultaat(deps, relationCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', resultaat.url).send(resultaat);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `resultaat_headers`: ETag + If-None-Match.
  app.get<{ Params: { uuid: string }; Querystring: ResultaatRetrieveQuery }>(
    '/resultaten/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: resultaatRetrieveQuery } },
    async (request) => retrieveResultaat(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: ResultaatInput }>(
    '/resultaten/:uuid',
    { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: resultaatBody } },
    async (request) => {
      assertValidBody(request);
      return changeResultaat(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: ResultaatPatch }>(
    '/resultaten/:uuid',
    { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: resultaatPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeResultaat(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/resultaten/:uuid', { config: WRITE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyResultaat(deps, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
