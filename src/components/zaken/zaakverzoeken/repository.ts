import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ReadableZaken } from '../shared/zaak-relation.ts';
import type { ZaakverzoekRow } from './present.ts';

/** The list filters; `zaakUuid` null means a `zaak` value that is no zaak of this API (nothing matches). */
export interface ZaakverzoekFilter {
  zaakUuid?: string | null;
  verzoek?: string;
}

/** The tenant's zaakverzoeken matching the filter and readable by the caller, oldest first (not paginated). */
export async function listZaakverzoeken(db: Kysely<Database>, tenantId: string, filter: ZaakverzoekFilter, readable: ReadableZaken): Promise<ZaakverzoekRow[]> {
  let query: SelectQueryBuilder<Database, 'zaakverzoeken', object> = db.selectFrom('zaakverzoeken').where('zaakverzoeken.tenant_id', '=', tenantId);
  if (filter.zaakUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.zaakUuid !== undefined) query = query.where('zaakverzoeken.zaak_uuid', '=', filter.zaakUuid);
  if (filter.verzoek !== undefined) query = query.where('zaakverzoeken.verzoek', '=', filter.verzoek);
  if (readable) query = query.where('zaakverzoeken.zaak_uuid', 'in', readable);
  return query.selectAll('zaakverzoeken').orderBy('zaakverzoeken.created_at').orderBy('zaakverzoeken.uuid').execute();
}

/** One zaakverzoek of the tenant, or undefined. */
export async function findZaakverzoek(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaakverzoekRow | undefined> {
  return db.selectFrom('zaakverzoeken').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Stores a new zaakverzoek. */
export async function insertZaakverzoek(db: Kysely<Database>, tenantId: string, values: { zaak_uuid: string; verzoek: string }): Promise<ZaakverzoekRow> {
  return db.insertInto('zaakverzoeken').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Removes a zaakverzoek of the tenant. */
export async function deleteZaakverzoek(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaakverzoeken').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
