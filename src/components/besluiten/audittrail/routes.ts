import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { findAuditRecord, listAuditTrail } from '../../../platform/audit/repository.ts';
import { presentAuditTrail } from '../../../platform/audit/present.ts';
import { AUDITTRAILS_LEZEN } from '../scopes.ts';
import { noQuery } from '../besluiten/schemas.ts';
import { besluitenBaseUrl, besluitUrl, isUuid } from '../shared/urls.ts';

const READ = { scopes: [AUDITTRAILS_LEZEN] } as const;

/**
 * `audittrail_list` and `audittrail_read` under a besluit: the history of the besluit and its besluitinformatieobjecten
 * (bron brc), oldest first. The records name the besluit by the URL of the host the writes came through.
 */
export function registerBesluitAudittrail(app: FastifyInstance, db: Kysely<Database>): void {
  app.get<{ Params: { besluit_uuid: string } }>('/besluiten/:besluit_uuid/audittrail', { config: READ, schema: { querystring: noQuery } }, async (request) => {
    const { besluit_uuid: besluitUuid } = request.params;
    // Not a uuid, so no besluit: its trail is empty (the spec lists no 404 here).
    if (!isUuid(besluitUuid)) return [];
    const records = await listAuditTrail(db, request.tenant.id, besluitUrl(besluitenBaseUrl(request), besluitUuid.toLowerCase()));
    return records.map(presentAuditTrail);
  });

  app.get<{ Params: { besluit_uuid: string; uuid: string } }>('/besluiten/:besluit_uuid/audittrail/:uuid', { config: READ, schema: { querystring: noQuery } }, async (request) => {
    const { besluit_uuid: besluitUuid, uuid } = request.params;
    const record = isUuid(besluitUuid) ? await findAuditRecord(db, request.tenant.id, uuid, besluitUrl(besluitenBaseUrl(request), besluitUuid.toLowerCase())) : undefined;
    if (!record) throw new ProblemError('not_found', `Auditregel ${uuid} bestaat niet bij dit besluit.`);
    return presentAuditTrail(record);
  });
}
