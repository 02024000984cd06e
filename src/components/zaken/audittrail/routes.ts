import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { zakenCaller } from '../shared/caller.ts';
import { listZaakAudit, retrieveZaakAudit } from './service.ts';

const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;
const READ = { scopes: ['audittrails.lezen'] } as const;

/** `GET /zaken/{zaak_uuid}/audittrail[/{uuid}]`, registered inside the Zaken plugin (prefix included). */
export function registerZaakAudittrail(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Params: { zaak_uuid: string } }>('/zaken/:zaak_uuid/audittrail', { config: READ, schema: { querystring: NO_QUERY } }, async (request) =>
    listZaakAudit(db, zakenCaller(request), request.params.zaak_uuid),
  );
  app.get<{ Params: { zaak_uuid: string; uuid: string } }>('/zaken/:zaak_uuid/audittrail/:uuid', { config: READ, schema: { querystring: NO_QUERY } }, async (request) =>
    retrieveZaakAudit(db, zakenCaller(request), request.params.zaak_uuid, request.params.uuid),
  );
}
