import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { byUrl, byUuid, column, compared, contains, custom, customFlag, flag, text, type FilterSet } from '../shared/filters.ts';

const STRING = { type: 'string' } as const;

function partijIdentificatorFilter(codeColumn: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partij_identificatoren i WHERE i.partij_uuid = r.verstrekt_door_partij_uuid AND ${sql.ref(`i.${codeColumn}`)} = ${value})`);
}

/** The filters of `digitaleadressenList`. */
export const DIGITAAL_ADRES_FILTERS: FilterSet = {
  adres: text('adres'),
  adres__icontains: contains('adres'),
  isGeverifieerd: customFlag((value) => (value ? sql<boolean>`${column('verificatie_datum')} IS NOT NULL` : sql<boolean>`${column('verificatie_datum')} IS NULL`)),
  isStandaardAdres: flag('is_standaard_adres'),
  omschrijving: contains('omschrijving'),
  referentie: text('referentie'),
  soortDigitaalAdres: text('soort_digitaal_adres', { type: 'string', enum: ['email', 'overig', 'telefoonnummer'] }),
  ...compared('verificatieDatum', 'verificatie_datum', 'date'),
  verstrektDoorBetrokkene__rol: custom(
    { type: 'string', enum: ['klant', 'vertegenwoordiger'] },
    (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_betrokkenen b WHERE b.uuid = r.verstrekt_door_betrokkene_uuid AND b.rol = ${value})`,
  ),
  verstrektDoorBetrokkene__url: byUrl('verstrekt_door_betrokkene_uuid', 'betrokkenen'),
  verstrektDoorBetrokkene__uuid: byUuid('verstrekt_door_betrokkene_uuid'),
  verstrektDoorPartij__partijIdentificator__codeObjecttype: partijIdentificatorFilter('code_objecttype'),
  verstrektDoorPartij__partijIdentificator__codeRegister: partijIdentificatorFilter('code_register'),
  verstrektDoorPartij__partijIdentificator__codeSoortObjectId: partijIdentificatorFilter('code_soort_object_id'),
  verstrektDoorPartij__partijIdentificator__objectId: partijIdentificatorFilter('object_id'),
  verstrektDoorPartij__soortPartij: custom(
    { type: 'string', enum: ['contactpersoon', 'organisatie', 'persoon'] },
    (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partijen p WHERE p.uuid = r.verstrekt_door_partij_uuid AND p.soort_partij = ${value})`,
  ),
  verstrektDoorPartij__url: byUrl('verstrekt_door_partij_uuid', 'partijen'),
  verstrektDoorPartij__uuid: byUuid('verstrekt_door_partij_uuid'),
};

/** Makes this adres the partij's only standaard adres of its soort. */
export async function clearOtherStandaardAdressen(db: Kysely<Database>, tenantId: string, partijUuid: string, soort: string, keep: string): Promise<void> {
  await sql`UPDATE ki_digitale_adressen SET is_standaard_adres = false
    WHERE tenant_id = ${tenantId} AND verstrekt_door_partij_uuid = ${partijUuid} AND soort_digitaal_adres = ${soort} AND uuid <> ${keep} AND is_standaard_adres`.execute(db);
}

/** The partijen of the betrokkenen who gave these adressen (for the processing log). */
export async function partijenOfBetrokkenen(db: Kysely<Database>, tenantId: string, betrokkenen: readonly string[]): Promise<string[]> {
  if (betrokkenen.length === 0) return [];
  const { rows } = await sql<{ partij_uuid: string }>`SELECT partij_uuid FROM ki_betrokkenen WHERE tenant_id = ${tenantId} AND uuid = ANY(${[...betrokkenen]}::uuid[]) AND partij_uuid IS NOT NULL`.execute(db);
  return rows.map((row) => row.partij_uuid);
}
