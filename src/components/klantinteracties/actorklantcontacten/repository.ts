import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { byUrl, byUuid, type FilterSet } from '../shared/filters.ts';

/** The filters of `actorklantcontactenList`. */
export const ACTOR_KLANTCONTACT_FILTERS: FilterSet = {
  actor__url: byUrl('actor_uuid', 'actoren'),
  actor__uuid: byUuid('actor_uuid'),
  klantcontact__url: byUrl('klantcontact_uuid', 'klantcontacten'),
  klantcontact__uuid: byUuid('klantcontact_uuid'),
};

/** Whether the actor is already linked to the klantcontact (other than through `except`). */
export async function actorKlantcontactTaken(db: Kysely<Database>, tenantId: string, actor: string, klantcontact: string, except: string | undefined): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM ki_actor_klantcontacten WHERE tenant_id = ${tenantId} AND actor_uuid = ${actor} AND klantcontact_uuid = ${klantcontact} AND uuid IS DISTINCT FROM ${except ?? null}::uuid`.execute(db);
  return rows.length > 0;
}
