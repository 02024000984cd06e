import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { bodySchemaProblems, DELETE, READ, UPDATE } from '../shared/routes.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import {
  NO_QUERY,
  RETRIEVE_QUERY,
  resultaattypeBody,
  resultaattypeListQuery,
  resultaattypePatchBody,
  type ResultaattypeInput,
  type ResultaattypeListQuery,
  type ResultaattypePatch,
  type ResultaattypeRetrieveQuery,
} from './schemas.ts';
import { changeResultaattype, createResultaattype, destroyResultaattype, listResultaattypePage, retrieveResultaattype } from './service.ts';

type ByUuid = { Params: { uuid: string } };

/**
 * The resultaattype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). Creating a
 * part takes `catalogi.schrijven` or `catalogi.geforceerd-schrijven` (a correctie), as the spec's security says.
 */
export function registerResultaattypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ResultaattypeListQuery }>('/resultaattypen', { config: READ, schema: { querystring: resultaattypeListQuery } }, async (request) =>
    listResultaattypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: ResultaattypeInput }>('/resultaattypen', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: resultaattypeBody } }, async (request, reply) => {
    const resultaattype = await createResultaattype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
    return reply.code(201).header('Location', resultaattype.url).send(resultaattype);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `resultaattype_headers`: ETag + If-None-Match.
  app.get<ByUuid & { Querystring: ResultaattypeRetrieveQuery }>('/resultaattypen/:uuid', { config: { ...READ, etag: true }, schema: { querystring: RETRIEVE_QUERY } }, async (request) =>
    retrieveResultaattype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: ResultaattypeInput }>('/resultaattypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: resultaattypeBody } }, async (request) =>
    changeResultaattype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: ResultaattypePatch }>('/resultaattypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: resultaattypePatchBody } }, async (request) =>
    changeResultaattype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/resultaattypen/:uuid', { config: DELETE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyResultaattype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
