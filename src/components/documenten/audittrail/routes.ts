import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { findAuditRecord, listAuditTrail } from '../../../platform/audit/repository.ts';
import { presentAuditTrail } from '../../../platform/audit/present.ts';
import { AUDITTRAILS_LEZEN } from '../scopes.ts';
import { noQuery } from '../informatieobjecten/schemas.ts';
import { documentenBaseUrl, informatieobjectUrl, isUuid } from '../shared/urls.ts';

const READ = { scopes: [AUDITTRAILS_LEZEN] } as const;

/**
 * `audittrail_list` and `audittrail_retrieve` under a document: the history of the document and its gebruiksrechten
 * (bron drc), oldest first. The records name the document by the URL of the host the writes came through.
 */
export function registerInformatieobjectAudittrail(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Params: { enkelvoudiginformatieobject_uuid: string } }>(
    '/enkelvoudiginformatieobjecten/:enkelvoudiginformatieobject_uuid/audittrail',
    { config: READ, schema: { querystring: noQuery } },
    async (request) => {
      const uuid = request.params.enkelvoudiginformatieobject_uuid;
      if (!isUuid(uuid)) return [];
      const records = await listAuditTrail(db, request.tenant.id, informatieobjectUrl(documentenBaseUrl(request), uuid.toLowerCase()));
      return records.map(presentAuditTrail);
    },
  );

  app.get<{ Params: { enkelvoudiginformatieobject_uuid: string; uuid: string } }>(
    '/enkelvoudiginformatieobjecten/:enkelvoudiginformatieobject_uuid/audittrail/:uuid',
    { config: READ, schema: { querystring: noQuery } },
    async (request) => {
      const { enkelvoudiginformatieobject_uuid: documentUuid, uuid } = request.params;
      const record = isUuid(documentUuid) && isUuid(uuid) ? await findAuditRecord(db, request.tenant.id, uuid, informatieobjectUrl(documentenBaseUrl(request), documentUuid.toLowerCase())) : undefined;
      if (!record) throw new ProblemError('not_found', `Auditregel ${uuid} bestaat niet bij dit informatieobject.`);
      return presentAuditTrail(record);
    },
  );
}
