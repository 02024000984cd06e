import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { zaaknotitieBody, zaaknotitieListQuery, zaaknotitiePatchBody, type ZaaknotitieInput, type ZaaknotitieListQuery, type ZaaknotitiePatch } from './schemas.ts';
import { changeZaaknotitie, createZaaknotitie, destroyZaaknotitie, listZaaknotitiePage, retrieveZaaknotitie, WRITE_SCOPES } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const WRITE = { scopes: WRITE_SCOPES } as const;

/** The zaaknotities operations of the Zaken API, registered inside the Zaken plugin (prefix included). */
export function registerZaaknotities(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZaaknotitieListQuery }>('/zaaknotities', { config: READ, schema: { querystring: zaaknotitieListQuery } }, async (request) =>
    listZaaknotitiePage(db, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaaknotitieInput }>('/zaaknotities', { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaaknotitieBody } }, async (request, reply) => {
    assertValidBody(request);
    const notitie = await createZaaknotitie(db, relationCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', notitie.url).send(notitie);
  });

  app.get<{ Params: { uuid: string } }>('/zaaknotities/:uuid', { config: READ, schema: { querystring: NO_QUERY } }, async (request) =>
    retrieveZaaknotitie(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid),
  );

  app.put<{ Params: { uuid: string }; Body: ZaaknotitieInput }>(
    '/zaaknotities/:uuid',
    { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaaknotitieBody } },
    async (request) => {
      assertValidBody(request);
      return changeZaaknotitie(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, false);
    },
  );

  app.patch<{ Params: { uuid: string }; Body: ZaaknotitiePatch }>(
    '/zaaknotities/:uuid',
    { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaaknotitiePatchBody } },
    async (request) => {
      assertValidBody(request);
      return changeZaaknotitie(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid, request.body, true);
    },
  );

  app.delete<{ Params: { uuid: string } }>('/zaaknotities/:uuid', { config: WRITE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaaknotitie(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
