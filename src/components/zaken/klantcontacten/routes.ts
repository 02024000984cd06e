import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenBaseUrl } from '../shared/urls.ts';
import { assertValidBody, relationCaller } from '../shared/zaak-relation.ts';
import { klantcontactBody, klantcontactListQuery, type KlantcontactInput, type KlantcontactListQuery } from './schemas.ts';
import { createKlantcontact, CREATE_SCOPES, klantcontactBodyProblems, listKlantcontactPage, retrieveKlantcontact } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

// The token must hold the scope; the service checks it again for the zaak's zaaktype and vertrouwelijkheid.
const READ = { scopes: ['zaken.lezen'] } as const;
const CREATE = { scopes: [], anyOfScopes: CREATE_SCOPES } as const;

/** The klantcontacten operations of the Zaken API (list, create, retrieve), inside the Zaken plugin. */
export function registerKlantcontacten(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: KlantcontactListQuery }>('/klantcontacten', { config: READ, schema: { querystring: klantcontactListQuery } }, async (request) =>
    listKlantcontactPage(db, relationCaller(request), zakenBaseUrl(request), request.query),
  );

  app.post<{ Body: KlantcontactInput }>('/klantcontacten', { config: CREATE, attachValidation: true, schema: { querystring: NO_QUERY, body: klantcontactBody } }, async (request, reply) => {
    assertValidBody(request, (body) => klantcontactBodyProblems(body));
    const klantcontact = await createKlantcontact(db, relationCaller(request), zakenBaseUrl(request), request.body);
    return reply.code(201).header('Location', klantcontact.url).send(klantcontact);
  });

  app.get<{ Params: { uuid: string } }>('/klantcontacten/:uuid', { config: READ, schema: { querystring: NO_QUERY } }, async (request) =>
    retrieveKlantcontact(db, relationCaller(request), zakenBaseUrl(request), request.params.uuid),
  );
}
