import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { ZaakcontactmomentRow } from './present.ts';

/** The list filters; `zaakUuid` null means a `zaak` value that is no zaak of this API (nothing matches). */
export interface ZaakcontactmomentFilter {
  zaakUuid?: string | null;
  contactmoment?: string;
}

/** The tenant's zaakcontactmomenten matching the filter and readable by the caller, oldest first (not paginated). */
export async function listZaakcontactmomenten(db: Kysely<Database>, tenantId: string, filter: ZaakcontactmomentFilter, readable: ReadableZaken): Promise<ZaakcontactmomentRow[]> {
  let query: SelectQueryBuilder<Database, 'zaakcontactmomenten', object> = db.selectFrom('zaakcontactmomenten').where('zaakcontactmomenten.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.zaakUuid !== undefined) query = query.where('zaakcontactmomenten.zaak_uuid', '=', filter.zaakUuid);
  if (filter.contactmoment !== undefined) query = query.where('zaakcontactmomenten.contactmoment', '=', filter.contactmoment);
  if (readable) query = query.where('zaakcontactmomenten.zaak_uuid', 'in', readable);
  return query.selectAll('zaakcontactmomenten').orderBy('zaakcontactmomenten.created_at').orderBy('zaakcontactmomenten.uuid').execute();
}

/** One zaakcontactmoment of the tenant, or undefined. */
export async function findZaakcontactmoment(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakcontactmomentRow | undefined> {
  return db.selectFrom('zaakcontactmomenten').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Stores a new zaakcontactmoment. */
export async function insertZaakcontactmoment(db: Kysely<Database>, tenantId: string, values: { zaak_uuid: string; contactmoment: string }): Promise<ZaakcontactmomentRow> {
  return db.insertInto('zaakcontactmomenten').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Removes a zaakcontactmoment of the tenant. */
export async function deleteZaakcontactmoment(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaakcontactmomenten').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
