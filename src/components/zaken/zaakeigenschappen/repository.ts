import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakeigenschapRow } from './present.ts';

/** What a zaakeigenschap needs of its eigenschap in the catalogue. */
export interface EigenschapRow {
  uuid: string;
  zaaktype_uuid: string;
  naam: string;
  specificatie: Record<string, unknown>;
}

/** The zaakeigenschappen of one zaak of the tenant, oldest first. */
export async function listZaakeigenschappen(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<ZaakeigenschapRow[]> {
  return db.selectFrom('zaakeigenschappen').selectAll().where('tenant_id', '=', tenantId).where('zaak_uuid', '=', zaakUuid).orderBy('created_at').orderBy('uuid').execute();
}

/** One zaakeigenschap of a zaak of the tenant, or undefined. */
export async function findZaakeigenschap(db: Kysely<Database>, tenantId: string, zaakUuid: string, uuid: string): Promise<ZaakeigenschapRow | undefined> {
  return db.selectFrom('zaakeigenschappen').selectAll().where('tenant_id', '=', tenantId).where('zaak_uuid', '=', zaakUuid).where('uuid', '=', uuid).executeTakeFirst();
}

/** An eigenschap of the tenant's catalogue, or undefined. */
export async function findEigenschap(db: Kysely<Database>, tenantId: string, uuid: string): Promise<EigenschapRow | undefined> {
  return db.selectFrom('eigenschappen').select(['uuid', 'zaaktype_uuid', 'naam', 'specificatie']).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
}

/** Stores a new zaakeigenschap. */
export async function insertZaakeigenschap(
  db: Kysely<Database>,
  tenantId: string,
  values: { zaak_uuid: string; eigenschap_uuid: string; naam: string; waarde: string },
): Promise<ZaakeigenschapRow> {
  return db.insertInto('zaakeigenschappen').values({ tenant_id: tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
}

/** Sets a zaakeigenschap's waarde, the only thing about it that changes; undefined when it is not the tenant's. */
export async function updateWaarde(db: Kysely<Database>, tenantId: string, uuid: string, waarde: string): Promise<ZaakeigenschapRow | undefined> {
  return db.updateTable('zaakeigenschappen').set({ waarde }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Removes a zaakeigenschap of the tenant. */
export async function deleteZaakeigenschap(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('zaakeigenschappen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}
