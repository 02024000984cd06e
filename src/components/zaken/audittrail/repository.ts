import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { AuditRecord } from '../../../platform/audit/record.ts';
import { ZAKEN_ROOT } from '../shared/urls.ts';

/*
 * A zaak's audit trail: the records whose hoofdObject is the zaak. The hoofdObject is an absolute URL, written under
 * whichever host name the caller used; a zaak reached through another of the tenant's host names has the same trail,
 * so records are found by the zaak's uuid at the end of that URL (index audittrail_hoofd_object_uuid).
 */

function ofZaken(db: Kysely<Database>, tenantId: string, zaakUuids: readonly string[]) {
  return db
    .selectFrom('audittrail')
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`right(hoofd_object, 36)`, 'in', zaakUuids)
    .where((eb) => eb.or(zaakUuids.map((uuid) => eb('hoofd_object', 'like', `%${ZAKEN_ROOT}/zaken/${uuid}`))));
}

/** The audit trail of a zaak, oldest first. */
export async function listZaakAuditTrail(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<AuditRecord[]> {
  return ofZaken(db, tenantId, [zaakUuid]).selectAll().orderBy('aanmaakdatum').orderBy('uuid').execute();
}

/** One record of a zaak's audit trail; a record of another zaak is not found under this one. */
export async function findZaakAuditRecord(db: Kysely<Database>, tenantId: string, zaakUuid: string, uuid: string): Promise<AuditRecord | undefined> {
  return ofZaken(db, tenantId, [zaakUuid]).selectAll().where('uuid', '=', uuid).executeTakeFirst();
}

/** Removes the audit trails of deleted zaken (zrc-023: a destroyed zaak's history goes with it). */
export async function deleteZaakAuditTrails(db: Kysely<Database>, tenantId: string, zaakUuids: readonly string[]): Promise<void> {
  if (zaakUuids.length === 0) return;
  await db
    .deleteFrom('audittrail')
    .where('tenant_id', '=', tenantId)
    .where(sql<string>`right(hoofd_object, 36)`, 'in', zaakUuids)
    .where((eb) => eb.or(zaakUuids.map((uuid) => eb('hoofd_object', 'like', `%${ZAKEN_ROOT}/zaken/${uuid}`))))
    .execute();
}
