import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';

/*
 * What the Besluiten API reads from the tenant's catalogue (migration 0009 keeps these columns for it): whether a
 * besluittype exists and is published, which informatieobjecttypen it allows, and which besluittypen a zaaktype has.
 */

/** The parts of a besluittype the Besluiten API's rules need. */
export interface BesluittypeFacts {
  uuid: string;
  concept: boolean;
  informatieobjecttypeUuids: string[];
}

/** The tenant's besluittype with this uuid, or undefined. */
export async function findBesluittype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<BesluittypeFacts | undefined> {
  const row = await db
    .selectFrom('besluittypen')
    .select(['uuid', 'concept', 'informatieobjecttype_uuids'])
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  return row ? { uuid: row.uuid, concept: row.concept, informatieobjecttypeUuids: row.informatieobjecttype_uuids } : undefined;
}

/** The besluittypen a zaaktype of the tenant allows (`ZaakType.besluittypen`); empty for an unknown zaaktype. */
export async function besluittypenOfZaaktype(db: Kysely<Database>, tenantId: string, zaaktypeUuid: string): Promise<string[]> {
  const row = await db.selectFrom('zaaktypen').select('besluittype_uuids').where('tenant_id', '=', tenantId).where('uuid', '=', zaaktypeUuid).executeTakeFirst();
  return row?.besluittype_uuids ?? [];
}
