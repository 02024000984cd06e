import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';

/** The parts of an informatieobjecttype the Documenten API's rules need (drc-001, drc-007). */
export interface InformatieobjecttypeFacts {
  uuid: string;
  concept: boolean;
  vertrouwelijkheidaanduiding: string;
}

/** The tenant's informatieobjecttype with this uuid, or undefined. */
export async function findInformatieobjecttypeFacts(db: Kysely<Database>, tenantId: string, uuid: string): Promise<InformatieobjecttypeFacts | undefined> {
  return db
    .selectFrom('informatieobjecttypen')
    .select(['uuid', 'concept', 'vertrouwelijkheidaanduiding'])
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
}
