import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import { bodySchemaProblems, CREATE, DELETE, READ, UPDATE } from '../shared/routes.ts';
import {
  besluittypeBody,
  besluittypeListQuery,
  besluittypePatchBody,
  besluittypeRetrieveQuery,
  noQuery,
  type BesluittypeInput,
  type BesluittypeListQuery,
  type BesluittypePatch,
  type BesluittypeRetrieveQuery,
} from './schemas.ts';
import {
  changeBesluittype,
  createBesluittype,
  destroyBesluittype,
  listBesluittypePage,
  publishBesluittype,
  retrieveBesluittype,
} from './service.ts';

type ByUuid = { Params: { uuid: string } };

/** The besluittype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). */
export function registerBesluittypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: BesluittypeListQuery }>(
    '/besluittypen',
    { config: READ, schema: { querystring: besluittypeListQuery } },
    async (request) => listBesluittypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: BesluittypeInput }>(
    '/besluittypen',
    { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: besluittypeBody } },
    async (request, reply) => {
      const created = await createBesluittype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
      return reply.code(201).header('Location', created.url).send(created);
    },
  );

  // GET and, through Fastify's automatic HEAD route (same config), `besluittype_headers`.
  app.get<ByUuid & { Querystring: BesluittypeRetrieveQuery }>(
    '/besluittypen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: besluittypeRetrieveQuery } },
    async (request) => retrieveBesluittype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: BesluittypeInput }>(
    '/besluittypen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: besluittypeBody } },
    async (request) => changeBesluittype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: BesluittypePatch }>(
    '/besluittypen/:uuid',
    { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: besluittypePatchBody } },
    async (request) => changeBesluittype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/besluittypen/:uuid', { config: DELETE, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyBesluittype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });

  app.post<ByUuid>('/besluittypen/:uuid/publish', { config: CREATE, schema: { querystring: noQuery } }, async (request) =>
    publishBesluittype(db, request, catalogiBaseUrl(request), request.params.uuid),
  );
}
