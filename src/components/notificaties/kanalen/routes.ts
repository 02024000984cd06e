import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { NOTIFICATIES_CONSUMEREN, NOTIFICATIES_PUBLICEREN } from '../scopes.ts';
import { assertValidBody, notificatiesCaller } from '../shared/caller.ts';
import { notificatiesBaseUrl } from '../shared/urls.ts';
import { kanaalBody, kanaalListQuery, noQuery, type KanaalInput, type KanaalListQuery } from './schemas.ts';
import { createKanaal, listKanaalJson, retrieveKanaalJson } from './service.ts';

// `(notificaties.publiceren | notificaties.consumeren)` for reading, `notificaties.publiceren` for creating.
const READ = { scopes: [], anyOfScopes: [NOTIFICATIES_PUBLICEREN, NOTIFICATIES_CONSUMEREN] } as const;
const CREATE = { scopes: [NOTIFICATIES_PUBLICEREN] } as const;

/** The kanaal operations of the Notificaties API, registered inside the Notificaties plugin (prefix included). */
export function registerKanalen(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Querystring: KanaalListQuery }>('/kanaal', { config: READ, schema: { querystring: kanaalListQuery } }, async (request) =>
    listKanaalJson(db, notificatiesCaller(request), notificatiesBaseUrl(request), request.query),
  );

  app.post<{ Body: KanaalInput }>('/kanaal', { config: CREATE, attachValidation: true, schema: { querystring: noQuery, body: kanaalBody } }, async (request, reply) => {
    assertValidBody(request);
    const kanaal = await createKanaal(db, notificatiesCaller(request), notificatiesBaseUrl(request), request.body);
    return reply.code(201).header('Location', kanaal.url).send(kanaal);
  });

  app.get<{ Params: { uuid: string } }>('/kanaal/:uuid', { config: { ...READ, etag: true }, schema: { querystring: noQuery } }, async (request) =>
    retrieveKanaalJson(db, notificatiesCaller(request), notificatiesBaseUrl(request), request.params.uuid),
  );
}
