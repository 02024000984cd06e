import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';

/*
 * "Lock while editing": which member holds a document's Documenten API lock, with the lock id (migrations/0091). The
 * lock id never leaves the server; the member proves who they are with their session, and only their own row gives
 * them the lock id to change or unlock the document with.
 */

/** Who locked a document through the zaak page, and since when. */
export interface Vergrendeling {
  staffUserId: string;
  door: string;
  sinds: Date;
  /** Whether the member looking at the page holds the lock. */
  doorMij: boolean;
}

/**
 * The page's locks of these documents, by document uuid: only records whose lock id is the document's current lock,
 * so a record left behind by a forced unlock (and perhaps a new lock by an application) never names the wrong person.
 */
export async function vergrendelingenVan(db: Kysely<Database>, tenantId: string, documentUuids: readonly string[], viewerId: string | undefined): Promise<Map<string, Vergrendeling>> {
  if (documentUuids.length === 0) return new Map();
  const rows = await db
    .selectFrom('zaak_document_vergrendelingen as v')
    .innerJoin('staff_users as s', 's.id', 'v.staff_user_id')
    .innerJoin('documenten as d', (join) => join.onRef('d.tenant_id', '=', 'v.tenant_id').onRef('d.uuid', '=', 'v.informatieobject_uuid').onRef('d.lock', '=', 'v.lock_id'))
    .select(['v.informatieobject_uuid', 'v.staff_user_id', 's.display_name', 'v.vergrendeld_op'])
    .where('v.tenant_id', '=', tenantId)
    .where('v.informatieobject_uuid', 'in', [...documentUuids])
    .execute();
  return new Map(
    rows.map((row) => [row.informatieobject_uuid, { staffUserId: row.staff_user_id, door: row.display_name, sinds: new Date(row.vergrendeld_op), doorMij: row.staff_user_id === viewerId }]),
  );
}

/** The lock id this member holds on the document, if they hold it. */
export async function eigenLockId(db: Kysely<Database>, tenantId: string, documentUuid: string, staffUserId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('zaak_document_vergrendelingen')
    .select('lock_id')
    .where('tenant_id', '=', tenantId)
    .where('informatieobject_uuid', '=', documentUuid)
    .where('staff_user_id', '=', staffUserId)
    .executeTakeFirst();
  return row?.lock_id;
}

/** Records that the member holds the document's lock (replacing a stale record of a lock that is gone). */
export async function bewaarVergrendeling(db: Kysely<Database>, tenantId: string, documentUuid: string, staffUserId: string, lockId: string): Promise<void> {
  await db
    .insertInto('zaak_document_vergrendelingen')
    .values({ tenant_id: tenantId, informatieobject_uuid: documentUuid, staff_user_id: staffUserId, lock_id: lockId })
    .onConflict((conflict) => conflict.columns(['tenant_id', 'informatieobject_uuid']).doUpdateSet({ staff_user_id: staffUserId, lock_id: lockId, vergrendeld_op: new Date() }))
    .execute();
}

/** Forgets the document's lock record (after unlocking, or when the Documenten API no longer has that lock). */
export async function vergeetVergrendeling(db: Kysely<Database>, tenantId: string, documentUuid: string): Promise<void> {
  await db.deleteFrom('zaak_document_vergrendelingen').where('tenant_id', '=', tenantId).where('informatieobject_uuid', '=', documentUuid).execute();
}
