import type { FastifyInstance } from 'fastify';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_BIJWERKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertValidBody, documentenCaller } from '../shared/caller.ts';
import { documentenBaseUrl } from '../shared/urls.ts';
import { noQuery } from '../informatieobjecten/schemas.ts';
import type { DocumentenDeps } from '../informatieobjecten/service.ts';
import {
  expandQuery,
  gebruiksrechtenBody,
  gebruiksrechtenListQuery,
  gebruiksrechtenPatchBody,
  type GebruiksrechtenInput,
  type GebruiksrechtenListQuery,
  type GebruiksrechtenPatch,
} from './schemas.ts';
import { changeGebruiksrecht, createGebruiksrecht, destroyGebruiksrecht, listGebruiksrechtenAll, retrieveGebruiksrecht } from './service.ts';

/** The gebruiksrechten operations of the Documenten API, registered inside its plugin (prefix included). */
export function registerGebruiksrechten(app: FastifyInstance, deps: DocumentenDeps): void {
  app.get<{ Querystring: GebruiksrechtenListQuery }>('/gebruiksrechten', { config: { scopes: [DOCUMENTEN_LEZEN] }, schema: { querystring: gebruiksrechtenListQuery } }, async (request) =>
    listGebruiksrechtenAll(deps, documentenCaller(request), documentenBaseUrl(request), request.query),
  );

  app.post<{ Body: GebruiksrechtenInput }>(
    '/gebruiksrechten',
    { config: { scopes: [DOCUMENTEN_AANMAKEN] }, attachValidation: true, schema: { querystring: noQuery, body: gebruiksrechtenBody } },
    async (request, reply) => {
      assertValidBody(request);
      const json = await createGebruiksrecht(deps, documentenCaller(request), documentenBaseUrl(request), request.body);
      return reply.code(201).header('Location', json.url).send(json);
    },
  );

  app.get<{ Params: { uuid: string }; Querystring: { expand?: string } }>(
    '/gebruiksrechten/:uuid',
    { config: { scopes: [DOCUMENTEN_LEZEN], etag: true }, schema: { querystring: expandQuery } },
    async (request) => retrieveGebruiksrecht(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.put<{ Params: { uuid: string }; Body: GebruiksrechtenInput }>(
    '/gebruiksrechten/:uuid',
    { config: { scopes: [DOCUMENTEN_BIJWERKEN] }, attachValidation: true, schema: { querystring: noQuery, body: gebruiksrechtenBody } },
    async (request) => {
      assertValidBody(request);
      return changeGebruiksrecht(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: GebruiksrechtenPatch }>(
    '/gebruiksrechten/:uuid',
    { config: { scopes: [DOCUMENTEN_BIJWERKEN] }, attachValidation: true, schema: { querystring: noQuery, body: gebruiksrechtenPatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeGebruiksrecht(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/gebruiksrechten/:uuid', { config: { scopes: [DOCUMENTEN_VERWIJDEREN] }, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyGebruiksrecht(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
