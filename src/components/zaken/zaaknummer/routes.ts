import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenCaller } from '../shared/caller.ts';
import { assertValidBody } from '../shared/zaak-relation.ts';
import { reserveZaaknummers } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

/** ReserveZaakIdentificatieRequest. */
const reserveBody = {
  type: 'object',
  required: ['bronorganisatie'],
  properties: { bronorganisatie: { type: 'string', minLength: 9, maxLength: 9 }, aantal: { type: 'integer', minimum: 1 } },
} as const;

/** `POST /zaaknummer_reserveren`, registered inside the Zaken plugin (prefix included). */
export function registerZaaknummerReserveren(app: FastifyInstance, db: Kysely<Database>): void {
  app.post<{ Body: { bronorganisatie: string; aantal?: number } }>(
    '/zaaknummer_reserveren',
    { config: { scopes: ['zaken.aanmaken'] }, attachValidation: true, schema: { querystring: NO_QUERY, body: reserveBody } },
    async (request, reply) => {
      assertValidBody(request);
      return reply.code(201).send(await reserveZaaknummers(db, zakenCaller(request), request.body.bronorganisatie, request.body.aantal));
    },
  );
}
