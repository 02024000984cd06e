import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { bodySchemaProblems, DELETE, READ, UPDATE } from '../shared/routes.ts';
import { catalogiBaseUrl } from '../shared/urls.ts';
import {
  NO_QUERY,
  RETRIEVE_QUERY,
  zaaktypeInformatieobjecttypeBody,
  zaaktypeInformatieobjecttypeListQuery,
  zaaktypeInformatieobjecttypePatchBody,
  type ZaaktypeInformatieobjecttypeInput,
  type ZaaktypeInformatieobjecttypeListQuery,
  type ZaaktypeInformatieobjecttypePatch,
  type ZaaktypeInformatieobjecttypeRetrieveQuery,
} from './schemas.ts';
import {
  changeZaaktypeInformatieobjecttype,
  createZaaktypeInformatieobjecttype,
  destroyZaaktypeInformatieobjecttype,
  listZaaktypeInformatieobjecttypePage,
  retrieveZaaktypeInformatieobjecttype,
} from './service.ts';

type ByUuid = { Params: { uuid: string } };

const PATH = '/zaaktype-informatieobjecttypen';

/**
 * The zaaktype-informatieobjecttype operations of the Catalogi API (`zaakinformatieobjecttype_*`), registered inside
 * the Catalogi plugin (prefix included). Creating a part takes `catalogi.schrijven` or
 * `catalogi.geforceerd-schrijven` (a correctie), as the spec's security says.
 */
export function registerZaaktypeInformatieobjecttypen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZaaktypeInformatieobjecttypeListQuery }>(PATH, { config: READ, schema: { querystring: zaaktypeInformatieobjecttypeListQuery } }, async (request) =>
    listZaaktypeInformatieobjecttypePage(db, request, catalogiBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaaktypeInformatieobjecttypeInput }>(
    PATH,
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaaktypeInformatieobjecttypeBody } },
    async (request, reply) => {
      const created = await createZaaktypeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.body, bodySchemaProblems(request));
      return reply.code(201).header('Location', created.url).send(created);
    },
  );

  // GET and, through Fastify's automatic HEAD route (same config), `zaakinformatieobjecttype_headers`.
  app.get<ByUuid & { Querystring: ZaaktypeInformatieobjecttypeRetrieveQuery }>(
    `${PATH}/:uuid`,
    { config: { ...READ, etag: true }, schema: { querystring: RETRIEVE_QUERY } },
    async (request) => retrieveZaaktypeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.query),
  );

  app.put<ByUuid & { Body: ZaaktypeInformatieobjecttypeInput }>(
    `${PATH}/:uuid`,
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaaktypeInformatieobjecttypeBody } },
    async (request) => changeZaaktypeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, false, bodySchemaProblems(request)),
  );

  app.patch<ByUuid & { Body: ZaaktypeInformatieobjecttypePatch }>(
    `${PATH}/:uuid`,
    { config: UPDATE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaaktypeInformatieobjecttypePatchBody } },
    async (request) => changeZaaktypeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid, request.body, true, bodySchemaProblems(request)),
  );

  app.delete<ByUuid>(`${PATH}/:uuid`, { config: DELETE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaaktypeInformatieobjecttype(db, request, catalogiBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
