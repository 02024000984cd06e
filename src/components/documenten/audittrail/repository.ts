import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { AuditRecord } from '../../../platform/audit/record.ts';

/** Which records of a document's audit trail a caller may read. */
export interface DocumentAuditFilter {
  /**
   * Leave out the records of the document itself whose `oud` or `nieuw` shows a state that was not gereed voor
   * publicatie (an applicatie with alleenIsGereedVoorPublicatie may not read those states).
   */
  alleenGereedVoorPublicatie: boolean;
}

// A body that exists must say isGereedVoorPublicatie: true; `->>` gives 'true' for JSON true only.
const ONLY_GEREED_STATES = sql<boolean>`(resource <> 'enkelvoudiginformatieobject' OR (
  (oud IS NULL OR oud ->> 'isGereedVoorPublicatie' = 'true') AND (nieuw IS NULL OR nieuw ->> 'isGereedVoorPublicatie' = 'true')
))`;

function recordsOf(db: Kysely<Database>, tenantId: string, hoofdObject: string, filter: DocumentAuditFilter) {
  return db
    .selectFrom('audittrail')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('hoofd_object', '=', hoofdObject)
    .$if(filter.alleenGereedVoorPublicatie, (query) => query.where(ONLY_GEREED_STATES));
}

/** The document's audit trail (`hoofdObject` its URL), oldest first, as far as the filter lets the caller read it. */
export async function listDocumentAuditTrail(db: Kysely<Database>, tenantId: string, hoofdObject: string, filter: DocumentAuditFilter): Promise<AuditRecord[]> {
  // uuid breaks a tie between records written at the same microsecond, so the order is stable.
  return recordsOf(db, tenantId, hoofdObject, filter).orderBy('aanmaakdatum').orderBy('uuid').execute();
}

/** One record of the document's audit trail, or undefined (also when the filter hides it). */
export async function findDocumentAuditRecord(db: Kysely<Database>, tenantId: string, hoofdObject: string, uuid: string, filter: DocumentAuditFilter): Promise<AuditRecord | undefined> {
  return recordsOf(db, tenantId, hoofdObject, filter).where('uuid', '=', uuid).executeTakeFirst();
}
