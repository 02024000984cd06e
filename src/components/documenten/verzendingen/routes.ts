import type { FastifyInstance } from 'fastify';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_BIJWERKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertValidBody, documentenCaller } from '../shared/caller.ts';
import { documentenBaseUrl } from '../shared/urls.ts';
import { noQuery } from '../informatieobjecten/schemas.ts';
import type { DocumentenDeps } from '../informatieobjecten/service.ts';
import { expandQuery } from '../gebruiksrechten/schemas.ts';
import { verzendingBody, verzendingListQuery, verzendingPatchBody, type VerzendingInput, type VerzendingListQuery, type VerzendingPatch } from './schemas.ts';
import { changeVerzending, createVerzending, destroyVerzending, listVerzendingPage, retrieveVerzending } from './service.ts';

/*
 * The verzendingen operations. The spec declares no scopes for them; like the reference implementation they take
 * the Documenten API's own (documenten.lezen, .aanmaken, .bijwerken, .verwijderen), checked again per document.
 */
export function registerVerzendingen(app: FastifyInstance, deps: DocumentenDeps): void {
  app.get<{ Querystring: VerzendingListQuery }>('/verzendingen', { config: { scopes: [DOCUMENTEN_LEZEN] }, schema: { querystring: verzendingListQuery } }, async (request) =>
    listVerzendingPage(deps, documentenCaller(request), documentenBaseUrl(request), request.query),
  );

  app.post<{ Body: VerzendingInput }>(
    '/verzendingen',
    { config: { scopes: [DOCUMENTEN_AANMAKEN] }, attachValidation: true, schema: { querystring: noQuery, body: verzendingBody } },
    async (request, reply) => {
      assertValidBody(request);
      const json = await createVerzending(deps, documentenCaller(request), documentenBaseUrl(request), request.body);
      return reply.code(201).header('Location', json.url).send(json);
    },
  );

  app.get<{ Params: { uuid: string }; Querystring: { expand?: string } }>(
    '/verzendingen/:uuid',
    { config: { scopes: [DOCUMENTEN_LEZEN], etag: true }, schema: { querystring: expandQuery } },
    async (request) => retrieveVerzending(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: VerzendingInput }>(
    '/verzendingen/:uuid',
    { config: { scopes: [DOCUMENTEN_BIJWERKEN] }, attachValidation: true, schema: { querystring: noQuery, body: verzendingBody } },
    async (request) => {
      assertValidBody(request);
      return changeVerzending(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: VerzendingPatch }>(
    '/verzendingen/:uuid',
    { config: { scopes: [DOCUMENTEN_BIJWERKEN] }, attachValidation: true, schema: { querystring: noQuery, body: verzendingPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeVerzending(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/verzendingen/:uuid', { config: { scopes: [DOCUMENTEN_VERWIJDEREN] }, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyVerzending(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
