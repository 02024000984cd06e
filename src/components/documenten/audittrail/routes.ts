import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { AUDITTRAILS_LEZEN } from '../scopes.ts';
import { noQuery } from '../informatieobjecten/schemas.ts';
import { documentenCaller } from '../shared/caller.ts';
import { documentenBaseUrl } from '../shared/urls.ts';
import { listInformatieobjectAudit, retrieveInformatieobjectAudit } from './service.ts';

const READ = { scopes: [AUDITTRAILS_LEZEN] } as const;

/** `audittrail_list` and `audittrail_retrieve` under a document (see ./service.ts). */
export function registerInformatieobjectAudittrail(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Params: { enkelvoudiginformatieobject_uuid: string } }>(
    '/enkelvoudiginformatieobjecten/:enkelvoudiginformatieobject_uuid/audittrail',
    { config: READ, schema: { querystring: noQuery } },
    async (request) => listInformatieobjectAudit(db, documentenCaller(request), documentenBaseUrl(request), request.params.enkelvoudiginformatieobject_uuid),
  );

  app.get<{ Params: { enkelvoudiginformatieobject_uuid: string; uuid: string } }>(
    '/enkelvoudiginformatieobjecten/:enkelvoudiginformatieobject_uuid/audittrail/:uuid',
    { config: READ, schema: { querystring: noQuery } },
    async (request) => {
      const { enkelvoudiginformatieobject_uuid: documentUuid, uuid } = request.params;
      return retrieveInformatieobjectAudit(db, documentenCaller(request), documentenBaseUrl(request), documentUuid, uuid);
    },
  );
}
