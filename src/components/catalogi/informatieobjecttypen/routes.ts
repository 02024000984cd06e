import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import { bodySchemaProblems, CREATE, DELETE, READ, UPDATE } from '../shared/routes.ts';
import {
  informatieobjecttypeBody,
  informatieobjecttypeListQuery,
  informatieobjecttypePatchBody,
  informatieobjecttypeRetrieveQuery,
  noQuery,
  type InformatieobjecttypeInput,
  type InformatieobjecttypeListQuery,
  type InformatieobjecttypePatch,
  type InformatieobjecttypeRetrieveQuery,
} from './schemas.ts';
import {
  changeInformatieobjecttype,
  createInformatieobjecttype,
  destroyInformatieobjecttype,
  listInformatieobjecttypePage,
  publishInformatieobjecttype,
  retrieveInformatieobjecttype,
} from './service.ts';

type ByUuid = { Params: { uuid: string } };

/** The informatieobjecttype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). */
export function registerInformatieobjecttypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: InformatieobjecttypeListQuery }>(
    '/informatieobjecttypen',
    { config: READ, schema: { querystring: informatieobjecttypeListQuery } },
    async (request) => listInformatieobjecttypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  // Created answers 201 with Location, as every ZGW create and the reference implementation do (the spec's 200 is
  // a generator slip; see the erratum in informatieobjecttypen.test.ts).
  app.post<{ Body: InformatieobjecttypeInput }>(
    '/informatieobjecttypen',
    { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: informatieobjecttypeBody } },
    async (request, reply) => {
      const created = await createInformatieobjecttype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
      return reply.code(201).header('Location', created.url).send(created);
    },
  );

  // GET and, through Fastify's automatic HEAD route (same config), `informatieobjecttype_headers`.
  app.get<ByUuid & { Querystring: InformatieobjecttypeRetrieveQuery }>(
    '/informatieobjecttypen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: informatieobjecttypeRetrieveQuery } },
    async (request) => retrieveInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: InformatieobjecttypeInput }>(
    '/informatieobjecttypen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: informatieobjecttypeBody } },
    async (request) => changeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: InformatieobjecttypePatch }>(
    '/informatieobjecttypen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: informatieobjecttypePatchBody } },
    async (request) => changeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/informatieobjecttypen/:uuid', { config: DELETE, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });

  app.post<ByUuid>('/informatieobjecttypen/:uuid/publish', { config: CREATE, schema: { querystring: noQuery } }, async (request) =>
    publishInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid),
  );
}
