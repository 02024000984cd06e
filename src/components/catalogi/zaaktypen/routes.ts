import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import { bodySchemaProblems, CREATE, DELETE, READ, UPDATE } from '../shared/routes.ts';
import {
  noQuery,
  zaaktypeCreateBody,
  zaaktypeListQuery,
  zaaktypePatchBody,
  zaaktypeRetrieveQuery,
  zaaktypeUpdateBody,
  type ZaaktypeInput,
  type ZaaktypeListQuery,
  type ZaaktypePatch,
  type ZaaktypeRetrieveQuery,
} from './schemas.ts';
import { changeZaaktype, createZaaktype, destroyZaaktype, listZaaktypePage, publishZaaktype, retrieveZaaktype } from './service.ts';

type ByUuid = { Params: { uuid: string } };

/** The zaaktype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). */
export function registerZaaktypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZaaktypeListQuery }>('/zaaktypen', { config: READ, schema: { querystring: zaaktypeListQuery } }, async (request) =>
    listZaaktypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaaktypeInput }>('/zaaktypen', { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: zaaktypeCreateBody } }, async (request, reply) => {
    const zaaktype = await createZaaktype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
    return reply.code(201).header('Location', zaaktype.url).send(zaaktype);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `zaaktype_headers`: ETag + If-None-Match.
  app.get<ByUuid & { Querystring: ZaaktypeRetrieveQuery }>(
    '/zaaktypen/:uuid',
    { config: { ...READ, etag: true }, schema: { querystring: zaaktypeRetrieveQuery } },
    async (request) => retrieveZaaktype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: ZaaktypeInput }>('/zaaktypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: zaaktypeUpdateBody } }, async (request) =>
    changeZaaktype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: ZaaktypePatch }>('/zaaktypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: noQuery, body: zaaktypePatchBody } }, async (request) =>
    changeZaaktype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/zaaktypen/:uuid', { config: DELETE, schema: { querystring: noQuery } }, async (request, reply) => {
    await destroyZaaktype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });

  app.post<ByUuid>('/zaaktypen/:uuid/publish', { config: CREATE, schema: { querystring: noQuery } }, async (request) =>
    publishZaaktype(db, request, catalogiBaseUrl(request), request.params.uuid),
  );
}
