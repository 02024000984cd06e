import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { text, type FilterSet } from '../shared/filters.ts';

/** The filters of `partijIdentificatorenList`. */
export const PARTIJ_IDENTIFICATOR_FILTERS: FilterSet = {
  anderePartijIdentificator: text('andere_partij_identificator'),
  partijIdentificatorCodeObjecttype: text('code_objecttype'),
  partijIdentificatorCodeRegister: text('code_register'),
  partijIdentificatorCodeSoortObjectId: text('code_soort_object_id'),
  partijIdentificatorObjectId: text('object_id'),
};

/** Removes the partij's identificatoren other than these (a partij's list was replaced). */
export async function deleteOtherIdentificatoren(db: Kysely<Database>, tenantId: string, partijUuid: string, keep: readonly string[]): Promise<void> {
  await sql`DELETE FROM ki_partij_identificatoren WHERE tenant_id = ${tenantId} AND partij_uuid = ${partijUuid} AND NOT (uuid = ANY(${[...keep]}::uuid[]))`.execute(db);
}
