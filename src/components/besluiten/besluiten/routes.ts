import type { FastifyInstance } from 'fastify';
import { BESLUITEN_AANMAKEN, BESLUITEN_BIJWERKEN, BESLUITEN_LEZEN, BESLUITEN_VERWIJDEREN } from '../scopes.ts';
import { assertValidBody, besluitenCaller } from '../shared/caller.ts';
import { besluitenBaseUrl } from '../shared/urls.ts';
import { besluitBodyProblems } from './rules.ts';
import {
  besluitBody,
  besluitListQuery,
  besluitPatchBody,
  besluitRetrieveQuery,
  noQuery,
  type BesluitInput,
  type BesluitListQuery,
  type BesluitPatch,
  type BesluitRetrieveQuery,
} from './schemas.ts';
import { changeBesluit, createBesluit, destroyBesluit, listBesluitPage, retrieveBesluit, type BesluitenDeps } from './service.ts';

// The token must hold the scope; the service checks it again for the besluit's besluittype.
const READ = { scopes: [BESLUITEN_LEZEN] } as const;
const CREATE = { scopes: [BESLUITEN_AANMAKEN] } as const;
const UPDATE = { scopes: [BESLUITEN_BIJWERKEN] } as const;
const DESTROY = { scopes: [BESLUITEN_VERWIJDEREN] } as const;

/** The besluiten operations of the Besluiten API, registered inside the Besluiten plugin (prefix included). */
export function registerBesluitenResource(app: FastifyInstance, deps: BesluitenDeps): void {
  app.get<{ Querystring: BesluitListQuery }>('/besluiten', { config: READ, schema: { querystring: besluitListQuery } }, async (request) =>
    listBesluitPage(deps, besluitenCaller(request), besluitenBaseUrl(request), request.query),
  );

  app.post<{ Body: BesluitInput }>('/besluiten', { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: besluitBody } }, async (request, reply) => {
    assertValidBody(request, besluitBodyProblems);
    const besluit = await createBesluit(deps, besluitenCaller(request), besluitenBaseUrl(request), request.body);
    return reply.code(201).header('Location', besluit.url).send(besluit);
  });

  // GET (and Fastify's automatic HEAD) with an ETag and If-None-Match: the standard's HTTP caching for besluiten.
  app.get<{ Params: { uuid: string }; Querystring: BesluitRetrieveQuery }>(
    '/besluiten/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: besluitRetrieveQuery } },
    async (request) => retrieveBesluit(deps, besluitenCaller(request), besluitenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: BesluitInput }>(
    '/besluiten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: besluitBody } },
    async (request) => {
      assertValidBody(request, besluitBodyProblems);
      return changeBesluit(deps, besluitenCaller(request), besluitenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: BesluitPatch }>(
    '/besluiten/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: besluitPatchBody } },
    async (request) => {
      assertValidBody(request, besluitBodyProblems);
      return changeBesluit(deps, besluitenCaller(request), besluitenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/besluiten/:uuid', { config: DESTROY, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyBesluit(deps, besluitenCaller(request), besluitenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
