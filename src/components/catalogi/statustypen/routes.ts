import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { bodySchemaProblems, DELETE, READ, UPDATE } from '../shared/routes.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import {
  NO_QUERY,
  RETRIEVE_QUERY,
  statustypeBody,
  statustypeListQuery,
  statustypePatchBody,
  type StatustypeInput,
  type StatustypeListQuery,
  type StatustypePatch,
  type StatustypeRetrieveQuery,
} from './schemas.ts';
import { changeStatustype, createStatustype, destroyStatustype, listStatustypePage, retrieveStatustype } from './service.ts';

type ByUuid = { Params: { uuid: string } };

/**
 * The statustype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). Creating
 * a part takes `catalogi.schrijven` or `catalogi.geforceerd-schrijven` (a correctie), as the spec's security says.
 */
export function registerStatustypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: StatustypeListQuery }>('/statustypen', { config: READ, schema: { querystring: statustypeListQuery } }, async (request) =>
    listStatustypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: StatustypeInput }>('/statustypen', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: statustypeBody } }, async (request, reply) => {
    const statustype = await createStatustype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
    return reply.code(201).header('Location', statustype.url).send(statustype);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `statustype_headers`: ETag + If-None-Match.
  app.get<ByUuid & { Querystring: StatustypeRetrieveQuery }>(
    '/statustypen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: RETRIEVE_QUERY } },
    async (request) => retrieveStatustype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: StatustypeInput }>('/statustypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: statustypeBody } }, async (request) =>
    changeStatustype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: StatustypePatch }>(
    '/statustypen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: statustypePatchBody } },
    async (request) => changeStatustype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/statustypen/:uuid', { config: DELETE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyStatustype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
