import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { bodySchemaProblems, DELETE, READ, UPDATE } from '../shared/routes.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import {
  NO_QUERY,
  RETRIEVE_QUERY,
  eigenschapBody,
  eigenschapListQuery,
  eigenschapPatchBody,
  type EigenschapInput,
  type EigenschapListQuery,
  type EigenschapPatch,
  type EigenschapRetrieveQuery,
} from './schemas.ts';
import { changeEigenschap, createEigenschap, destroyEigenschap, listEigenschapPage, retrieveEigenschap } from './service.ts';

type ByUuid = { Params: { uuid: string } };

/**
 * The eigenschap operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). Creating
 * a part takes `catalogi.schrijven` or `catalogi.geforceerd-schrijven` (a correctie), as the spec's security says.
 */
export function registerEigenschappen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: EigenschapListQuery }>('/eigenschappen', { config: READ, schema: { querystring: eigenschapListQuery } }, async (request) =>
    listEigenschapPage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: EigenschapInput }>('/eigenschappen', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: eigenschapBody } }, async (request, reply) => {
    const eigenschap = await createEigenschap(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
    return reply.code(201).header('Location', eigenschap.url).send(eigenschap);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `eigenschap_headers`: ETag + If-None-Match.
  app.get<ByUuid & { Querystring: EigenschapRetrieveQuery }>(
    '/eigenschappen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: RETRIEVE_QUERY } },
    async (request) => retrieveEigenschap(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: EigenschapInput }>('/eigenschappen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: eigenschapBody } }, async (request) =>
    changeEigenschap(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: EigenschapPatch }>(
    '/eigenschappen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: eigenschapPatchBody } },
    async (request) => changeEigenschap(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/eigenschappen/:uuid', { config: DELETE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyEigenschap(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
