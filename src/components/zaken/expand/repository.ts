import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaakeigenschapRow } from '../zaakeigenschappen/present.ts';
import type { ZaakobjectRow } from '../zaakobjecten/present.ts';
import type { ZaakinformatieobjectRow } from '../zaakinformatieobjecten/present.ts';

/* The zaak's sub-resources by uuid, a whole page's worth at once, for `expand`. */

/** The tenant's zaakeigenschappen with these uuids. */
export async function findZaakeigenschappen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaakeigenschapRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaakeigenschappen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', [...uuids]).execute();
}

/** The tenant's zaakobjecten with these uuids. */
export async function findZaakobjecten(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaakobjectRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaakobjecten').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', [...uuids]).execute();
}

/** The tenant's zaakinformatieobjecten with these uuids. */
export async function findZaakinformatieobjecten(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaakinformatieobjectRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaakinformatieobjecten').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', [...uuids]).execute();
}
