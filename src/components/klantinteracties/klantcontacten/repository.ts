import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { contains, custom, customFlag, flag, relatedUuid, text, type Condition, type FilterSet } from '../shared/filters.ts';

const STRING = { type: 'string' } as const;

function betrokkeneExists(condition: Condition): Condition {
  return sql<boolean>`EXISTS (SELECT 1 FROM ki_betrokkenen b WHERE b.klantcontact_uuid = r.uuid AND ${condition})`;
}

function partijIdentificatorFilter(codeColumn: string): FilterSet[string] {
  return custom(STRING, (value) => betrokkeneExists(sql<boolean>`EXISTS (SELECT 1 FROM ki_partij_identificatoren i WHERE i.partij_uuid = b.partij_uuid AND ${sql.ref(`i.${codeColumn}`)} = ${value})`));
}

function onderwerpobjectFilters(prefix: 'onderwerpobject' | 'wasOnderwerpobject', link: 'klantcontact_uuid' | 'was_klantcontact_uuid'): FilterSet {
  const exists = (condition: Condition): Condition => sql<boolean>`EXISTS (SELECT 1 FROM ki_onderwerpobjecten o WHERE ${sql.ref(`o.${link}`)} = r.uuid AND ${condition})`;
  const code = (codeColumn: string): FilterSet[string] => custom(STRING, (value) => exists(sql<boolean>`${sql.ref(`o.${codeColumn}`)} = ${value}`));
  const byUuid = relatedUuid('onderwerpobjecten', (uuid) => exists(sql<boolean>`o.uuid = ${uuid}`));
  return {
    [`${prefix}__onderwerpobjectidentificatorCodeObjecttype`]: code('code_objecttype'),
    [`${prefix}__onderwerpobjectidentificatorCodeRegister`]: code('code_register'),
    [`${prefix}__onderwerpobjectidentificatorCodeSoortObjectId`]: code('code_soort_object_id'),
    [`${prefix}__onderwerpobjectidentificatorObjectId`]: code('object_id'),
    [`${prefix}__url`]: byUuid.url,
    [`${prefix}__uuid`]: byUuid.uuid,
  };
}

const betrokkene = relatedUuid('betrokkenen', (uuid) => betrokkeneExists(sql<boolean>`b.uuid = ${uuid}`));
const partij = relatedUuid('partijen', (uuid) => betrokkeneExists(sql<boolean>`b.partij_uuid = ${uuid}`));

/** The filters of `klantcontactenList`. */
export const KLANTCONTACT_FILTERS: FilterSet = {
  hadBetrokkene__digitaaladres__adres__icontains: custom(STRING, (value) =>
    betrokkeneExists(sql<boolean>`EXISTS (SELECT 1 FROM ki_digitale_adressen d WHERE d.verstrekt_door_betrokkene_uuid = b.uuid AND d.adres ILIKE ${`%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`})`),
  ),
  hadBetrokkene__url: betrokkene.url,
  hadBetrokkene__uuid: betrokkene.uuid,
  hadBetrokkene__wasPartij: customFlag((value) => (value ? betrokkeneExists(sql<boolean>`b.partij_uuid IS NOT NULL`) : sql<boolean>`NOT ${betrokkeneExists(sql<boolean>`b.partij_uuid IS NOT NULL`)}`)),
  hadBetrokkene__wasPartij__partijIdentificator__codeObjecttype: partijIdentificatorFilter('code_objecttype'),
  hadBetrokkene__wasPartij__partijIdentificator__codeRegister: partijIdentificatorFilter('code_register'),
  hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId: partijIdentificatorFilter('code_soort_object_id'),
  hadBetrokkene__wasPartij__partijIdentificator__objectId: partijIdentificatorFilter('object_id'),
  hadBetrokkene__wasPartij__url: partij.url,
  hadBetrokkene__wasPartij__uuid: partij.uuid,
  indicatieContactGelukt: flag('indicatie_contact_gelukt'),
  inhoud: contains('inhoud'),
  kanaal: text('kanaal'),
  leiddeTotInterneTaken: customFlag((value) => sql<boolean>`${sql.raw(value ? '' : 'NOT ')}EXISTS (SELECT 1 FROM ki_interne_taken t WHERE t.klantcontact_uuid = r.uuid)`),
  nummer: text('nummer'),
  onderwerp: contains('onderwerp'),
  ...onderwerpobjectFilters('onderwerpobject', 'klantcontact_uuid'),
  plaatsgevondenOp: custom({ type: 'string', format: 'date-time' }, (value) => sql<boolean>`r.plaatsgevonden_op = ${value}::timestamptz`),
  reactie: contains('reactie'),
  referentienummer: text('referentienummer'),
  vertrouwelijk: flag('vertrouwelijk'),
  ...onderwerpobjectFilters('wasOnderwerpobject', 'was_klantcontact_uuid'),
};

/** The partijen that took part in these klantcontacten (for the processing log). */
export async function partijenOfKlantcontacten(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<string[]> {
  if (uuids.length === 0) return [];
  const { rows } = await sql<{ partij_uuid: string }>`
    SELECT DISTINCT partij_uuid FROM ki_betrokkenen WHERE tenant_id = ${tenantId} AND klantcontact_uuid = ANY(${[...uuids]}::uuid[]) AND partij_uuid IS NOT NULL`.execute(db);
  return rows.map((row) => row.partij_uuid);
}
