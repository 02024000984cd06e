import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { ZaakinformatieobjectRow } from './present.ts';

/** The columns a write sets (`aard_relatie` and `registratiedatum` are the server's, zrc-004). */
export interface ZaakinformatieobjectValues {
  zaak_uuid: string;
  informatieobject: string;
  titel: string;
  beschrijving: string;
  vernietigingsdatum: string | null;
  status_uuid: string | null;
}

/** The list filters; `zaakUuid` null means a `zaak` value that is no zaak of this API (nothing matches). */
export interface ZaakinformatieobjectFilter {
  zaakUuid?: string | null;
  informatieobject?: string;
}

type Query = SelectQueryBuilder<Database, 'zaakinformatieobjecten', object>;

/** The tenant's zaakinformatieobjecten matching the filter and readable by the caller, oldest first (not paginated). */
export async function listZaakinformatieobjecten(db: Kysely<Database>, tenantId: string, filter: ZaakinformatieobjectFilter, readable: ReadableZaken): Promise<ZaakinformatieobjectRow[]> {
  let query: Query = db.selectFrom('zaakinformatieobjecten').where('zaakinformatieobjecten.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.zaakUuid !== undefined) query = query.where('zaakinformatieobjecten.zaak_uuid', '=', filter.zaakUuid);
  if (filter.informatieobject !== undefined) query = query.where('zaakinformatieobjecten.informatieobject', '=', filter.informatieobject);
  if (readable) query = query.where('zaakinformatieobjecten.zaak_uuid', 'in', readable);
  return query.selectAll('zaakinformatieobjecten').orderBy('zaakinformatieobjecten.created_at').orderBy('zaakinformatieobjecten.uuid').execute();
}

/** One zaakinformatieobject of the tenant, or undefined. */
export async function findZaakinformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakinformatieobjectRow | undefined> {
  return db.selectFrom('zaakinformatieobjecten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Whether the zaak already has a relation with this informatieobject (they are unique together). */
export async function informatieobjectLinked(db: Kysely<Database>, tenantId: string, zaakUuid: string, informatieobject: string): Promise<boolean> {
  const row = await db
    .selectFrom('zaakinformatieobjecten')
    .select('uuid')
    .where('tenant_id', '=', tenantId)
    .where('zaak_uuid', '=', zaakUuid).where('informatieobject', '=', informatieobject).executeTakeFirst();
  return row !== undefined;
}

/** Stores a new relation, registered now as hoort_bij (zrc-004). */
export async function insertZaakinformatieobject(db: Kysely<Database>, tenantId: string, values: ZaakinformatieobjectValues): Promise<ZaakinformatieobjectRow> {
  return db
    .insertInto('zaakinformatieobjecten')
    .values({ tenant_id: tenantId, ...values, aard_relatie: 'hoort_bij', registratiedatum: sql<Date>`now()` })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Overwrites the relation information; undefined when it is not the tenant's. */
export async function updateZaakinformatieobject(
  db: Kysely<Database>,
  tenantId: string,
  uuid: string,
  values: Pick<ZaakinformatieobjectValues, 'titel' | 'beschrijving' | 'vernietigingsdatum' | 'status_uuid'>,
): Promise<ZaakinformatieobjectRow | undefined> {
  return db.updateTable('zaakinformatieobjecten').set(values).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Removes a relation of the tenant. */
export async function deleteZaakinformatieobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaakinformatieobjecten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** The zaak a status of the tenant belongs to, or undefined when there is no such status. */
export async function zaakOfStatus(db: Kysely<Database>, tenantId: string, statusUuid: string): Promise<string | undefined> {
  const row = await db.selectFrom('statussen').select('zaak_uuid').where('tenant_id', '=', tenantId).where('uuid', '=', statusUuid).executeTakeFirst();
  return row?.zaak_uuid;
}

/**
 * zrc-017: whether the zaaktype lists this informatieobjecttype (Catalogi 1.3 relates them by the
 * informatieobjecttype's omschrijving within the zaaktype's catalogus).
 */
export async function zaaktypeKnowsInformatieobjecttype(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string, informatieobjecttypeUuid: string): Promise<boolean> {
  const row = await db
    .selectFrom('informatieobjecttypen as iot')
    .innerJoin('zaaktypen as zt', (join) => join.onRef('zt.catalogus_uuid', '=', 'iot.catalogus_uuid').onRef('zt.tenant_id', '=', 'iot.tenant_id'))
    .innerJoin('zaaktype_informatieobjecttypen as zit', (join) => join.onRef('zit.zaaktype_uuid', '=', 'zt.uuid').onRef('zit.informatieobjecttype_omschrijving', '=', 'iot.omschrijving'))
    .select('zit.uuid')
    .where('iot.tenant_id', '=', tenantId)
    .where('iot.uuid', '=', informatieobjecttypeUuid)
    .where('zt.uuid', '=', zaaktypeUuid)
    .executeTakeFirst();
  return row !== undefined;
}
