import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { bodySchemaProblems, DELETE, READ, UPDATE } from '../shared/routes.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import {
  NO_QUERY,
  RETRIEVE_QUERY,
  zaakobjecttypeBody,
  zaakobjecttypeListQuery,
  zaakobjecttypePatchBody,
  type ZaakobjecttypeInput,
  type ZaakobjecttypeListQuery,
  type ZaakobjecttypePatch,
  type ZaakobjecttypeRetrieveQuery,
} from './schemas.ts';
import { changeZaakobjecttype, createZaakobjecttype, destroyZaakobjecttype, listZaakobjecttypePage, retrieveZaakobjecttype } from './service.ts';

type ByUuid = { Params: { uuid: string } };

/**
 * The zaakobjecttype operations of the Catalogi API, registered inside the Catalogi plugin (prefix included). Creating a
 * part takes `catalogi.schrijven` or `catalogi.geforceerd-schrijven` (a correctie), as the spec's security says.
 */
export function registerZaakobjecttypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZaakobjecttypeListQuery }>('/zaakobjecttypen', { config: READ, schema: { querystring: zaakobjecttypeListQuery } }, async (request) =>
    listZaakobjecttypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaakobjecttypeInput }>('/zaakobjecttypen', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakobjecttypeBody } }, async (request, reply) => {
    const zaakobjecttype = await createZaakobjecttype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
    return reply.code(201).header('Location', zaakobjecttype.url).send(zaakobjecttype);
  });

  // GET and, through Fastify's automatic HEAD route (same config), `zaakobjecttype_headers`: ETag + If-None-Match.
  app.get<ByUuid & { Querystring: ZaakobjecttypeRetrieveQuery }>('/zaakobjecttypen/:uuid', { config: { ...READ, etag: true }, schema: { querystring: RETRIEVE_QUERY } }, async (request) =>
    retrieveZaakobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: ZaakobjecttypeInput }>('/zaakobjecttypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakobjecttypeBody } }, async (request) =>
    changeZaakobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: ZaakobjecttypePatch }>('/zaakobjecttypen/:uuid', { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakobjecttypePatchBody } }, async (request) =>
    changeZaakobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>('/zaakobjecttypen/:uuid', { config: DELETE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaakobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
