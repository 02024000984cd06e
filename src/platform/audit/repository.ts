import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { AuditRecord } from './record.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The audit trail of one main object (`/…/{uuid}/audittrail`), oldest first, within one tenant. */
export async function listAuditTrail(db: Kysely<Database>, tenantId: string, hoofdObject: string): Promise<AuditRecord[]> {
  return db
    .selectFrom('audittrail')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('hoofd_object', '=', hoofdObject)
    // uuid breaks a tie between records written at the same microsecond, so the order is stable.
    .orderBy('aanmaakdatum')
    .orderBy('uuid')
    .execute();
}

/**
 * One audit record (`/…/{uuid}/audittrail/{uuid}`), only when it belongs to this tenant and, when
 * given, to this main object: a record of another zaak is not found under this one.
 */
export async function findAuditRecord(db: Kysely<Database>, tenantId: string, uuid: string, hoofdObject?: string): Promise<AuditRecord | undefined> {
  // A malformed id cannot match and would make PostgreSQL raise on the uuid cast.
  if (!UUID.test(uuid)) return undefined;
  let query = db.selectFrom('audittrail').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid.toLowerCase());
  if (hoofdObject !== undefined) query = query.where('hoofd_object', '=', hoofdObject);
  return query.executeTakeFirst();
}
