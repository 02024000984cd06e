import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ObjectinformatieobjectenTable } from '../../../platform/database/tables/documenten.ts';
import type { DocumentAccess } from '../shared/access.ts';
import { accessCondition } from '../informatieobjecten/repository.ts';

export type ObjectinformatieobjectRow = Selectable<ObjectinformatieobjectenTable>;

/** An object a relation points to: a zaak or besluit of this Loket by uuid, or any other object by URL. */
export type ObjectReference = { type: string; uuid: string; url?: undefined } | { type: string; url: string; uuid?: undefined };

/** The list filters, resolved: `documentUuid` null names nothing of ours and matches nothing. */
export interface ObjectinformatieobjectFilter {
  documentUuid?: string | null;
  /** A filter on `object`: its uuid when it may be one of ours, and the URL as given. */
  object?: { uuid: string | null; url: string };
  /** The documents the caller may read; undefined when it may read all. */
  access?: DocumentAccess;
}

export async function listObjectinformatieobjecten(db: Kysely<Database>, tenantId: string, filter: ObjectinformatieobjectFilter): Promise<ObjectinformatieobjectRow[]> {
  let query = db
    .selectFrom('objectinformatieobjecten as oio')
    .innerJoin('documenten', 'documenten.uuid', 'oio.document_uuid')
    .selectAll('oio')
    .where('oio.tenant_id', '=', tenantId);
  if (filter.documentUuid !== undefined) query = filter.documentUuid === null ? query.where((eb) => eb.val(false)) : query.where('oio.document_uuid', '=', filter.documentUuid);
  const object = filter.object;
  if (object !== undefined) {
    query = query.where((eb) => (object.uuid === null ? eb('oio.object_url', '=', object.url) : eb.or([eb('oio.object_uuid', '=', object.uuid), eb('oio.object_url', '=', object.url)])));
  }
  if (filter.access !== undefined) {
    const access = filter.access;
    query = query.where((eb) => accessCondition(eb, access));
  }
  return query.orderBy('oio.created_at').orderBy('oio.uuid').execute();
}

export async function findObjectinformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ObjectinformatieobjectRow | undefined> {
  return db.selectFrom('objectinformatieobjecten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

function matching(db: Kysely<Database>, tenantId: string, documentUuid: string, object: ObjectReference) {
  const query = db.selectFrom('objectinformatieobjecten').where('tenant_id', '=', tenantId).where('document_uuid', '=', documentUuid).where('object_type', '=', object.type);
  return object.uuid !== undefined ? query.where('object_uuid', '=', object.uuid) : query.where('object_url', '=', object.url);
}

/** drc-003: whether the document already has a relation with this object. */
export async function relationExists(db: Kysely<Database>, tenantId: string, documentUuid: string, object: ObjectReference): Promise<boolean> {
  return (await matching(db, tenantId, documentUuid, object).select('uuid').executeTakeFirst()) !== undefined;
}

export async function insertObjectinformatieobject(db: Kysely<Database>, tenantId: string, documentUuid: string, object: ObjectReference): Promise<ObjectinformatieobjectRow> {
  return db
    .insertInto('objectinformatieobjecten')
    .values({ tenant_id: tenantId, document_uuid: documentUuid, object_type: object.type, object_uuid: object.uuid ?? null, object_url: object.url ?? null })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteObjectinformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('objectinformatieobjecten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** Removes the relation between a document and an object (the mirror of a removed zaak- or besluitinformatieobject). */
export async function deleteRelation(db: Kysely<Database>, tenantId: string, documentUuid: string, object: ObjectReference): Promise<void> {
  let query = db.deleteFrom('objectinformatieobjecten').where('tenant_id', '=', tenantId).where('document_uuid', '=', documentUuid).where('object_type', '=', object.type);
  query = object.uuid !== undefined ? query.where('object_uuid', '=', object.uuid) : query.where('object_url', '=', object.url);
  await query.execute();
}
