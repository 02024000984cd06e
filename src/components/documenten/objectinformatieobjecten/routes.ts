import type { FastifyInstance } from 'fastify';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertValidBody, documentenCaller } from '../shared/caller.ts';
import { documentenBaseUrl } from '../shared/urls.ts';
import { noQuery } from '../informatieobjecten/schemas.ts';
import { expandQuery } from '../gebruiksrechten/schemas.ts';
import { createObjectinformatieobject, destroyObjectinformatieobject, listObjectinformatieobjectAll, retrieveObjectinformatieobject, type ObjectinformatieobjectDeps } from './service.ts';

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { object: { type: 'string', format: 'uri' }, informatieobject: { type: 'string', format: 'uri' }, expand: { type: 'string' } },
} as const;

const body = {
  type: 'object',
  required: ['informatieobject', 'object', 'objectType'],
  properties: {
    informatieobject: { type: 'string', format: 'uri' },
    object: { type: 'string', format: 'uri', minLength: 1, maxLength: 1000 },
    objectType: { type: 'string', enum: ['besluit', 'zaak', 'verzoek'] },
  },
} as const;

/** The objectinformatieobjecten operations of the Documenten API, registered inside its plugin (prefix included). */
export function registerObjectinformatieobjecten(app: FastifyInstance, deps: ObjectinformatieobjectDeps): void {
  app.get<{ Querystring: { object?: string; informatieobject?: string; expand?: string } }>(
    '/objectinformatieobjecten',
    { config: { scopes: [DOCUMENTEN_LEZEN] }, schema: { querystring: listQuery } },
    async (request) => listObjectinformatieobjectAll(deps, documentenCaller(request), documentenBaseUrl(request), request.query),
  );

  app.post<{ Body: { informatieobject: string; object: string; objectType: 'zaak' | 'besluit' | 'verzoek' } }>(
    '/objectinformatieobjecten',
    { config: { scopes: [DOCUMENTEN_AANMAKEN] }, attachValidation: true, schema: { querystring: noQuery, body } },
    async (request, reply) => {
      assertValidBody(request);
      const json = await createObjectinformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.body);
      return reply.code(201).header('Location', json.url).send(json);
    },
  );

  app.get<{ Params: { uuid: string }; Querystring: { expand?: string } }>(
    '/objectinformatieobjecten/:uuid',
    { config: { scopes: [DOCUMENTEN_LEZEN], etag: true }, schema: { querystring: expandQuery } },
    async (request) => retrieveObjectinformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid, request.query.expand),
  );

  app.delete<{ Params: { uuid: string } }>('/objectinformatieobjecten/:uuid', { config: { scopes: [DOCUMENTEN_VERWIJDEREN] }, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyObjectinformatieobject(deps, documentenCaller(request), documentenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
