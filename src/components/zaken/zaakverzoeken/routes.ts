import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { zaakverzoekBody, zaakverzoekListQuery, type ZaakverzoekInput, type ZaakverzoekListQuery } from './schemas.ts';
import { createZaakverzoek, destroyZaakverzoek, listZaakverzoekAll, retrieveZaakverzoek, WRITE_SCOPES } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const WRITE = { scopes: WRITE_SCOPES } as const;

/** The zaakverzoeken operations of the Zaken API (list, create, retrieve, destroy), inside the Zaken plugin. */
export function registerZaakverzoeken(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZaakverzoekListQuery }>('/zaakverzoeken', { config: READ, schema: { querystring: zaakverzoekListQuery } }, async (request) =>
    listZaakverzoekAll(db, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaakverzoekInput }>(
    '/zaakverzoeken',
    { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakverzoekBody } },
    async (request, reply) => {
      assertValidBody(request);
      const relation = await createZaakverzoek(db, relationCaller(request), zakenBaseUrl(request), request.body);
      return reply.code(201).header('Location', relation.url).send(relation);
    },
  );

  app.get<{ Params: { uuid: string } }>('/zaakverzoeken/:uuid', { config: READ, schema: { querystring: NO_QUERY } }, async (request) =>
    retrieveZaakverzoek(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid),
  );

  app.delete<{ Params: { uuid: string } }>('/zaakverzoeken/:uuid', { config: WRITE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaakverzoek(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
