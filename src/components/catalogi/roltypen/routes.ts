import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { bodySchemaProblems, DELETE, READ, UPDATE } from '../shared/routes.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import {
  NO_QUERY,
  RETRIEVE_QUERY,
  roltypeBody,
  roltypeListQuery,
  roltypePatchBody,
  type RoltypeInput,
  type RoltypeListQuery,
  type RoltypePatch,
  type RoltypeRetrieveQuery,
} from './schemas.ts';
import { changeRoltype, createRoltype, destroyRoltype, listRoltypePage, retrieveRoltype } from './service.ts';

type ByUuid = { Params: { uuid: string } };

/**
 * The roltype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). Creating a
 * part takes `catalogi.schrijven` or `catalogi.geforceerd-schrijven` (a correctie), as the spec's security says.
 */
export function registerRoltypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: RoltypeListQuery }>('/roltypen', { config: READ, schema: { querystring: roltypeListQuery } }, async (request) =>
    listRoltypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: RoltypeInput }>('/roltypen', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: roltypeBody } }, async (request, reply) => {
    const roltype = await createRoltype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
    return reply.code(201).header('Location', roltype.url).send(roltype);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `roltype_headers`: ETag + If-None-Match.
  app.get<ByUuid & { Querystring: RoltypeRetrieveQuery }>('/roltypen/:uuid', { config: { ...READ, etag: true }, schema: { querystring: RETRIEVE_QUERY } }, async (request) =>
    retrieveRoltype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: RoltypeInput }>('/roltypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: roltypeBody } }, async (request) =>
    changeRoltype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: RoltypePatch }>('/roltypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: roltypePatchBody } }, async (request) =>
    changeRoltype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/roltypen/:uuid', { config: DELETE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyRoltype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
