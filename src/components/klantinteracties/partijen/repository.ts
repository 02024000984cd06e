import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { custom, flag, relatedUuid, text, type Condition, type FilterSet } from '../shared/filters.ts';

const STRING = { type: 'string' } as const;

function adresFilter(columnName: 'bezoekadres' | 'correspondentieadres', field: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`${sql.ref(`r.${columnName}`)} ->> ${field} = ${value}`);
}

/** A partij with an identificator whose code column has this value. */
function identificatorFilter(codeColumn: string): FilterSet[string] {
  return custom(STRING, (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partij_identificatoren i WHERE i.partij_uuid = r.uuid AND ${sql.ref(`i.${codeColumn}`)} = ${value})`);
}

/** A partij with an identificator under a sub-identificator (a vestiging under a KvK-nummer) whose code has this value. */
function subIdentificatorFilter(codeColumn: string): FilterSet[string] {
  return custom(
    STRING,
    (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_partij_identificatoren i JOIN ki_partij_identificatoren s ON s.uuid = i.sub_identificator_van_uuid WHERE i.partij_uuid = r.uuid AND ${sql.ref(`s.${codeColumn}`)} = ${value})`,
  );
}

const vertegenwoordigt = relatedUuid('partijen', (uuid): Condition => sql<boolean>`EXISTS (SELECT 1 FROM ki_vertegenwoordigingen v WHERE v.vertegenwoordigende_partij_uuid = r.uuid AND v.vertegenwoordigde_partij_uuid = ${uuid})`);

/** The filters of `partijenList`. */
export const PARTIJ_FILTERS: FilterSet = {
  bezoekadresAdresregel1: adresFilter('bezoekadres', 'adresregel1'),
  bezoekadresAdresregel2: adresFilter('bezoekadres', 'adresregel2'),
  bezoekadresAdresregel3: adresFilter('bezoekadres', 'adresregel3'),
  bezoekadresLand: adresFilter('bezoekadres', 'land'),
  bezoekadresNummeraanduidingId: adresFilter('bezoekadres', 'nummeraanduidingId'),
  categorierelatie__categorie__naam: custom(
    STRING,
    (value) => sql<boolean>`EXISTS (SELECT 1 FROM ki_categorie_relaties cr JOIN ki_categorieen c ON c.uuid = cr.categorie_uuid WHERE cr.partij_uuid = r.uuid AND c.naam = ${value})`,
  ),
  correspondentieadresAdresregel1: adresFilter('correspondentieadres', 'adresregel1'),
  correspondentieadresAdresregel2: adresFilter('correspondentieadres', 'adresregel2'),
  correspondentieadresAdresregel3: adresFilter('correspondentieadres', 'adresregel3'),
  correspondentieadresLand: adresFilter('correspondentieadres', 'land'),
  correspondentieadresNummeraanduidingId: adresFilter('correspondentieadres', 'nummeraanduidingId'),
  indicatieActief: flag('indicatie_actief'),
  indicatieGeheimhouding: flag('indicatie_geheimhouding'),
  nummer: text('nummer'),
  partijIdentificator__codeObjecttype: identificatorFilter('code_objecttype'),
  partijIdentificator__codeRegister: identificatorFilter('code_register'),
  partijIdentificator__codeSoortObjectId: identificatorFilter('code_soort_object_id'),
  partijIdentificator__objectId: identificatorFilter('object_id'),
  soortPartij: text('soort_partij', { type: 'string', enum: ['contactpersoon', 'organisatie', 'persoon'] }),
  subIdentificatorVan__codeObjecttype: subIdentificatorFilter('code_objecttype'),
  subIdentificatorVan__codeRegister: subIdentificatorFilter('code_register'),
  subIdentificatorVan__codeSoortObjectId: subIdentificatorFilter('code_soort_object_id'),
  subIdentificatorVan__objectId: subIdentificatorFilter('object_id'),
  vertegenwoordigdePartij__url: vertegenwoordigt.url,
  vertegenwoordigdePartij__uuid: vertegenwoordigt.uuid,
};

/** Whether another partij of the tenant has this nummer. */
export async function partijNummerTaken(db: Kysely<Database>, tenantId: string, nummer: string, except: string | undefined): Promise<boolean> {
  const { rows } = await sql`SELECT 1 FROM ki_partijen WHERE tenant_id = ${tenantId} AND nummer = ${nummer} AND uuid IS DISTINCT FROM ${except ?? null}::uuid LIMIT 1`.execute(db);
  return rows.length > 0;
}

/** The partijen that these partijen represent (`vertegenwoordigden`), per representing partij. */
export async function vertegenwoordigdenOf(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<{ van: string; partij: string }[]> {
  if (uuids.length === 0) return [];
  const { rows } = await sql<{ van: string; partij: string }>`
    SELECT vertegenwoordigende_partij_uuid AS van, vertegenwoordigde_partij_uuid AS partij FROM ki_vertegenwoordigingen
    WHERE tenant_id = ${tenantId} AND vertegenwoordigende_partij_uuid = ANY(${[...uuids]}::uuid[]) ORDER BY created_at, uuid`.execute(db);
  return rows;
}

/** Makes these rows of `table` the partij's (the list given in a partij's body) and lets go of its others. */
export async function linkToPartij(db: Kysely<Database>, tenantId: string, table: 'ki_digitale_adressen' | 'ki_rekeningnummers', partijUuid: string, uuids: readonly string[]): Promise<void> {
  const column = table === 'ki_digitale_adressen' ? 'verstrekt_door_partij_uuid' : 'partij_uuid';
  await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = NULL WHERE tenant_id = ${tenantId} AND ${sql.ref(column)} = ${partijUuid} AND NOT (uuid = ANY(${[...uuids]}::uuid[]))`.execute(db);
  if (uuids.length > 0) await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${partijUuid} WHERE tenant_id = ${tenantId} AND uuid = ANY(${[...uuids]}::uuid[])`.execute(db);
}

/** Clears a partij's preferred adres and rekeningnummer before it is removed together with them. */
export async function clearVoorkeuren(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await sql`UPDATE ki_partijen SET voorkeurs_digitaal_adres_uuid = NULL, voorkeurs_rekeningnummer_uuid = NULL WHERE tenant_id = ${tenantId} AND uuid = ${uuid}`.execute(db);
}

