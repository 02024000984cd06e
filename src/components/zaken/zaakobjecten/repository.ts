import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakobjectData, ZaakobjectRow } from './present.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';

/** The columns a write sets. */
export interface ZaakobjectValues {
  zaak_uuid: string;
  object: string;
  zaakobjecttype_uuid: string | null;
  object_type: string;
  object_type_overige: string;
  relatieomschrijving: string;
  data: ZaakobjectData;
}

/** The list filters; `zaakUuid` null means a `zaak` value that is no zaak of this API (nothing matches). */
export interface ZaakobjectFilter {
  zaakUuid?: string | null;
  object?: string;
  objectType?: string;
}

type ZaakobjectQuery = SelectQueryBuilder<Database, 'zaakobjecten', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaakobjectFilter, readable: ReadableZaken): ZaakobjectQuery {
  let query: ZaakobjectQuery = db.selectFrom('zaakobjecten').where('zaakobjecten.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.zaakUuid !== undefined) query = query.where('zaakobjecten.zaak_uuid', '=', filter.zaakUuid);
  if (filter.object !== undefined) query = query.where('zaakobjecten.object', '=', filter.object);
  if (filter.objectType !== undefined) query = query.where('zaakobjecten.object_type', '=', filter.objectType);
  if (readable) query = query.where('zaakobjecten.zaak_uuid', 'in', readable);
  return query;
}

/** One page of the tenant's zaakobjecten matching the filter and readable by the caller, oldest first, with the total. */
export async function listZaakobjecten(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaakobjectFilter,
  readable: ReadableZaken,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ZaakobjectRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter, readable).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter, readable).selectAll('zaakobjecten').orderBy('zaakobjecten.created_at').orderBy('zaakobjecten.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One zaakobject of the tenant, or undefined. */
export async function findZaakobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakobjectRow | undefined> {
  return db.selectFrom('zaakobjecten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Stores a new zaakobject. */
export async function insertZaakobject(db: Kysely<Database>, tenantId: string, values: ZaakobjectValues): Promise<ZaakobjectRow> {
  return db
    .insertInto('zaakobjecten')
    .values({ tenant_id: tenantId, ...values, data: JSON.stringify(values.data) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Overwrites a zaakobject's columns; undefined when it is not the tenant's. */
export async function updateZaakobject(db: Kysely<Database>, tenantId: string, uuid: string, values: ZaakobjectValues): Promise<ZaakobjectRow | undefined> {
  return db
    .updateTable('zaakobjecten')
    .set({ ...values, data: JSON.stringify(values.data) })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a zaakobject of the tenant. */
export async function deleteZaakobject(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaakobjecten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/** The zaaktype a zaakobjecttype of the tenant's catalogue belongs to, or undefined when there is no such type. */
export async function zaaktypeOfZaakobjecttype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<string | undefined> {
  const row = await db.selectFrom('zaakobjecttypen').select('zaaktype_uuid').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  return row?.zaaktype_uuid;
}
