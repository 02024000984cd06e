import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { byUrl, byUuid, type FilterSet } from '../shared/filters.ts';
import { objectIdentificatorFilters } from '../shared/object-identificator-filters.ts';

/** The filters of `onderwerpobjectenList`. */
export const ONDERWERPOBJECT_FILTERS: FilterSet = {
  klantcontact__url: byUrl('klantcontact_uuid', 'klantcontacten'),
  klantcontact__uuid: byUuid('klantcontact_uuid'),
  ...objectIdentificatorFilters('onderwerpobjectidentificator'),
  wasKlantcontact__url: byUrl('was_klantcontact_uuid', 'klantcontacten'),
  wasKlantcontact__uuid: byUuid('was_klantcontact_uuid'),
};

/** Of these klantcontacten, those another onderwerpobject (not `except`) is still about. */
export async function klantcontactenStillUsed(db: Kysely<Database>, tenantId: string, klantcontacten: readonly string[], except: string): Promise<Set<string>> {
  if (klantcontacten.length === 0) return new Set();
  const { rows } = await sql<{ uuid: string }>`
    SELECT DISTINCT k AS uuid FROM ki_onderwerpobjecten o, LATERAL (VALUES (o.klantcontact_uuid), (o.was_klantcontact_uuid)) AS used(k)
    WHERE o.tenant_id = ${tenantId} AND o.uuid <> ${except} AND k = ANY(${[...klantcontacten]}::uuid[])`.execute(db);
  return new Set(rows.map((row) => row.uuid));
}

/**
 * Removes these klantcontacten (their betrokkenen, bijlagen and interne taken go with them) and the digitale
 * adressen their betrokkenen gave that belong to no partij: those would be left pointing at nobody.
 */
export async function deleteKlantcontactenWithAdressen(db: Kysely<Database>, tenantId: string, klantcontacten: readonly string[]): Promise<void> {
  if (klantcontacten.length === 0) return;
  await sql`DELETE FROM ki_digitale_adressen d USING ki_betrokkenen b
    WHERE d.tenant_id = ${tenantId} AND d.verstrekt_door_betrokkene_uuid = b.uuid AND d.verstrekt_door_partij_uuid IS NULL AND b.klantcontact_uuid = ANY(${[...klantcontacten]}::uuid[])`.execute(db);
  await sql`DELETE FROM ki_klantcontacten WHERE tenant_id = ${tenantId} AND uuid = ANY(${[...klantcontacten]}::uuid[])`.execute(db);
}
