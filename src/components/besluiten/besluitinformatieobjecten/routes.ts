import type { FastifyInstance } from 'fastify';
import { BESLUITEN_AANMAKEN, BESLUITEN_LEZEN, BESLUITEN_VERWIJDEREN } from '../scopes.ts';
import { assertValidBody, besluitenCaller } from '../shared/caller.ts';
import { besluitenBaseUrl } from '../shared/urls.ts';
import { noQuery } from '../besluiten/schemas.ts';
import type { BesluitenDeps } from '../besluiten/service.ts';
import {
  besluitinformatieobjectBody,
  besluitinformatieobjectListQuery,
  besluitinformatieobjectRetrieveQuery,
  type BesluitinformatieobjectInput,
  type BesluitinformatieobjectListQuery,
  type BesluitinformatieobjectRetrieveQuery,
} from './schemas.ts';
import { createBesluitinformatieobject, destroyBesluitinformatieobject, listBesluitinformatieobjectList, retrieveBesluitinformatieobject } from './service.ts';

// The token must hold the scope; the service checks it again for the besluittype of the relation's besluit.
const READ = { scopes: [BESLUITEN_LEZEN] } as const;
const CREATE = { scopes: [BESLUITEN_AANMAKEN] } as const;
const DESTROY = { scopes: [BESLUITEN_VERWIJDEREN] } as const;

/** The besluitinformatieobjecten operations of the Besluiten API, registered inside the Besluiten plugin. */
export function registerBesluitinformatieobjecten(app: FastifyInstance, deps: BesluitenDeps): void {
  app.get<{ Querystring: BesluitinformatieobjectListQuery }>(
    '/besluitinformatieobjecten',
    { config: READ, schema: { querystring: besluitinformatieobjectListQuery } },
    async (request) => listBesluitinformatieobjectList(deps, besluitenCaller(request), besluitenBaseUrl(request), request.query),
  );

  app.post<{ Body: BesluitinformatieobjectInput }>(
    '/besluitinformatieobjecten',
    { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: besluitinformatieobjectBody } },
    async (request, reply) => {
      assertValidBody(request);
      const relation = await createBesluitinformatieobject(deps, besluitenCaller(request), besluitenBaseUrl(request), request.body);
      return reply.code(201).header('Location', relation.url).send(relation);
    },
  );

  // GET (and Fastify's automatic HEAD) with an ETag and If-None-Match, as the reference implementation serves it.
  app.get<{ Params: { uuid: string }; Querystring: BesluitinformatieobjectRetrieveQuery }>(
    '/besluitinformatieobjecten/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: besluitinformatieobjectRetrieveQuery } },
    async (request) => retrieveBesluitinformatieobject(deps, besluitenCaller(request), besluitenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.delete<{ Params: { uuid: string } }>('/besluitinformatieobjecten/:uuid', { config: DESTROY, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyBesluitinformatieobject(deps, besluitenCaller(request), besluitenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
