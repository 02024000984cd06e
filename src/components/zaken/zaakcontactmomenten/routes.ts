import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { zaakcontactmomentBody, zaakcontactmomentListQuery, type ZaakcontactmomentInput, type ZaakcontactmomentListQuery } from './schemas.ts';
import { createZaakcontactmoment, destroyZaakcontactmoment, listZaakcontactmomentAll, retrieveZaakcontactmoment, WRITE_SCOPES } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const WRITE = { scopes: WRITE_SCOPES } as const;

/** The zaakcontactmomenten operations of the Zaken API (list, create, retrieve, destroy), inside the Zaken plugin. */
export function registerZaakcontactmomenten(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: ZaakcontactmomentListQuery }>('/zaakcontactmomenten', { config: READ, schema: { querystring: zaakcontactmomentListQuery } }, async (request) =>
    listZaakcontactmomentAll(db, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: ZaakcontactmomentInput }>(
    '/zaakcontactmomenten',
    { config: WRITE, attachValidation: true, schema: { querystring: NO_QUERY, body: zaakcontactmomentBody } },
    async (request, reply) => {
      assertValidBody(request);
      const relation = await createZaakcontactmoment(db, relationCaller(request), zakenBaseUrl(request), request.body);
      return reply.code(201).header('Location', relation.url).send(relation);
    },
  );

  app.get<{ Params: { uuid: string } }>('/zaakcontactmomenten/:uuid', { config: READ, schema: { querystring: NO_QUERY } }, async (request) =>
    retrieveZaakcontactmoment(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid),
  );

  app.delete<{ Params: { uuid: string } }>('/zaakcontactmomenten/:uuid', { config: WRITE, schema: { querystring: NO_QUERY } }, async (request, reply) => {
    await destroyZaakcontactmoment(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid);
    return reply.code(204).send();
  });
}
