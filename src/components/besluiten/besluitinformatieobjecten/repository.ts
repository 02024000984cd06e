import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { BesluitinformatieobjectenTable } from '../../../platform/database/tables/besluiten.ts';

/** A stored besluitinformatieobject. */
export type BesluitinformatieobjectRow = Selectable<BesluitinformatieobjectenTable>;

/** The list filters, already resolved: a URL filter that names nothing of ours is `null` and matches nothing. */
export interface BesluitinformatieobjectFilter {
  besluitUuid?: string | null;
  informatieobjectUuid?: string | null;
  /** The besluittypen whose besluiten the caller may read; undefined when it may read them all. */
  allowedBesluittypen?: readonly string[];
}

const COLUMNS = ['bio.uuid', 'bio.tenant_id', 'bio.besluit_uuid', 'bio.informatieobject_uuid', 'bio.created_at'] as const;

/** The tenant's besluitinformatieobjecten matching the filter, oldest first (the spec's list is not paginated). */
export async function listBesluitinformatieobjecten(db: Kysely<Database>, tenantId: string, filter: BesluitinformatieobjectFilter): Promise<BesluitinformatieobjectRow[]> {
  let query = db.selectFrom('besluitinformatieobjecten as bio').select(COLUMNS).where('bio.tenant_id', '=', tenantId);
  if (filter.besluitUuid !== undefined) query = filter.besluitUuid === null ? query.where((eb) => eb.val(false)) : query.where('bio.besluit_uuid', '=', filter.besluitUuid);
  if (filter.informatieobjectUuid !== undefined) {
    query = filter.informatieobjectUuid === null ? query.where((eb) => eb.val(false)) : query.where('bio.informatieobject_uuid', '=', filter.informatieobjectUuid);
  }
  const allowed = filter.allowedBesluittypen;
  if (allowed !== undefined) {
    // Authorisation in SQL: only relations of besluiten whose besluittype the caller may read.
    query =
      allowed.length === 0
        ? query.where((eb) => eb.val(false))
        : query.where((eb) =>
            eb.exists(
              eb
                .selectFrom('besluiten')
                .select('besluiten.uuid')
                .whereRef('besluiten.uuid', '=', 'bio.besluit_uuid')
                .where('besluiten.tenant_id', '=', tenantId)
                .where('besluiten.besluittype_uuid', 'in', allowed),
            ),
          );
  }
  return query.orderBy('bio.created_at').orderBy('bio.uuid').execute();
}

/** One besluitinformatieobject of the tenant, or undefined. */
export async function findBesluitinformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<BesluitinformatieobjectRow | undefined> {
  return db.selectFrom('besluitinformatieobjecten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** The besluitinformatieobjecten of one besluit. */
export async function besluitinformatieobjectenOf(db: Kysely<Database>, tenantId: string, besluitUuid: string): Promise<BesluitinformatieobjectRow[]> {
  return db.selectFrom('besluitinformatieobjecten').selectAll().where('tenant_id', '=', tenantId).where('besluit_uuid', '=', besluitUuid).execute();
}

/** Whether this informatieobject is already related to this besluit. */
export async function relationExists(db: Kysely<Database>, tenantId: string, besluitUuid: string, informatieobjectUuid: string): Promise<boolean> {
  const row = await db
    .selectFrom('besluitinformatieobjecten')
    .select('uuid')
    .where('tenant_id', '=', tenantId)
    .where('besluit_uuid', '=', besluitUuid)
    .where('informatieobject_uuid', '=', informatieobjectUuid)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a new besluitinformatieobject. */
export async function insertBesluitinformatieobject(db: Kysely<Database>, tenantId: string, besluitUuid: string, informatieobjectUuid: string): Promise<BesluitinformatieobjectRow> {
  return db
    .insertInto('besluitinformatieobjecten')
    .values({ tenant_id: tenantId, besluit_uuid: besluitUuid, informatieobject_uuid: informatieobjectUuid })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes one besluitinformatieobject of the tenant. */
export async function deleteBesluitinformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('besluitinformatieobjecten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
