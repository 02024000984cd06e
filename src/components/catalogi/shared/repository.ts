import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Geldigheid } from './geldigheid.ts';

/*
 * Versions of zaaktypen, besluittypen and informatieobjecttypen. Catalogi 1.3 relates these types by name
 * (a zaaktype's identificatie, the others' omschrijving) within one catalogus; all versions with that name form
 * one family. These queries are the same for the three tables, named by `VersionedType`.
 */

/** A versioned catalogue type: its table and the column that names its family. */
export type VersionedType = 'zaaktypen' | 'besluittypen' | 'informatieobjecttypen';

const NAME_COLUMN: Record<VersionedType, string> = {
  zaaktypen: 'identificatie',
  besluittypen: 'omschrijving',
  informatieobjecttypen: 'omschrijving',
};

/** One version, as the lookups below return it. */
export interface VersionRef {
  uuid: string;
  catalogusUuid: string;
  name: string;
  concept: boolean;
  beginGeldigheid: string;
  eindeGeldigheid: string | null;
}

interface VersionDbRow {
  uuid: string;
  catalogus_uuid: string;
  name: string;
  concept: boolean;
  begin_geldigheid: string;
  einde_geldigheid: string | null;
}

function toRef(row: VersionDbRow): VersionRef {
  return {
    uuid: row.uuid,
    catalogusUuid: row.catalogus_uuid,
    name: row.name,
    concept: row.concept,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
  };
}

function columns(type: VersionedType) {
  return sql`uuid, catalogus_uuid, ${sql.ref(NAME_COLUMN[type])} AS name, concept, begin_geldigheid, einde_geldigheid`;
}

/**
 * The published versions valid on `date` of the named types in the given catalogi: what a relation by name
 * presents as URLs ("De url's die moeten worden teruggegeven"). Oldest version first.
 */
export async function publishedVersionsValidOn(
  db: Kysely<Database>,
  tenantId: string,
  type: VersionedType,
  catalogusUuids: readonly string[],
  names: readonly string[],
  date: string,
): Promise<VersionRef[]> {
  if (catalogusUuids.length === 0 || names.length === 0) return [];
  const { rows } = await sql<VersionDbRow>`
    SELECT ${columns(type)} FROM ${sql.table(type)}
    WHERE tenant_id = ${tenantId}
      AND catalogus_uuid IN (${sql.join(catalogusUuids)})
      AND ${sql.ref(NAME_COLUMN[type])} IN (${sql.join(names)})
      AND concept = false
      AND begin_geldigheid <= ${date}::date
      AND (einde_geldigheid IS NULL OR einde_geldigheid >= ${date}::date)
    ORDER BY begin_geldigheid, uuid`.execute(db);
  return rows.map(toRef);
}

/** Every version (concept or not) of the named types in one catalogus. */
export async function versionsByName(db: Kysely<Database>, tenantId: string, type: VersionedType, catalogusUuid: string, names: readonly string[]): Promise<VersionRef[]> {
  if (names.length === 0) return [];
  const { rows } = await sql<VersionDbRow>`
    SELECT ${columns(type)} FROM ${sql.table(type)}
    WHERE tenant_id = ${tenantId} AND catalogus_uuid = ${catalogusUuid} AND ${sql.ref(NAME_COLUMN[type])} IN (${sql.join(names)})
    ORDER BY begin_geldigheid, uuid`.execute(db);
  return rows.map(toRef);
}

/**
 * The published versions of one family whose geldigheid overlaps `period` (ztc-016), other than `exceptUuid`.
 * Locks the family's rows first, so two versions published at once cannot both pass the check.
 */
export async function overlappingPublishedVersions(
  db: Kysely<Database>,
  tenantId: string,
  type: VersionedType,
  family: { catalogusUuid: string; name: string },
  period: Geldigheid,
  exceptUuid?: string,
): Promise<VersionRef[]> {
  const name = sql.ref(NAME_COLUMN[type]);
  await sql`SELECT uuid FROM ${sql.table(type)} WHERE tenant_id = ${tenantId} AND catalogus_uuid = ${family.catalogusUuid} AND ${name} = ${family.name} FOR UPDATE`.execute(db);
  const { rows } = await sql<VersionDbRow>`
    SELECT ${columns(type)} FROM ${sql.table(type)}
    WHERE tenant_id = ${tenantId} AND catalogus_uuid = ${family.catalogusUuid} AND ${name} = ${family.name}
      AND concept = false
      AND (${exceptUuid ?? null}::uuid IS NULL OR uuid <> ${exceptUuid ?? null}::uuid)
      AND (${period.eindeGeldigheid}::date IS NULL OR begin_geldigheid <= ${period.eindeGeldigheid}::date)
      AND (einde_geldigheid IS NULL OR einde_geldigheid >= ${period.beginGeldigheid}::date)
    ORDER BY begin_geldigheid, uuid`.execute(db);
  return rows.map(toRef);
}

/**
 * The first beginGeldigheid and the last eindeGeldigheid of each family (the deprecated beginObject/eindeObject:
 * the object's "birth" and "death" over all its versions; no end while any version is open-ended).
 */
export async function familyLifetimes(
  db: Kysely<Database>,
  tenantId: string,
  type: VersionedType,
  families: readonly { catalogusUuid: string; name: string }[],
): Promise<Map<string, { beginObject: string; eindeObject: string | null }>> {
  const result = new Map<string, { beginObject: string; eindeObject: string | null }>();
  if (families.length === 0) return result;
  const name = sql.ref(NAME_COLUMN[type]);
  const { rows } = await sql<{ catalogus_uuid: string; name: string; begin_object: string; einde_object: string | null }>`
    SELECT catalogus_uuid, ${name} AS name, min(begin_geldigheid) AS begin_object,
           CASE WHEN bool_or(einde_geldigheid IS NULL) THEN NULL ELSE max(einde_geldigheid) END AS einde_object
    FROM ${sql.table(type)}
    WHERE tenant_id = ${tenantId}
      AND catalogus_uuid IN (${sql.join([...new Set(families.map((family) => family.catalogusUuid))])})
      AND ${name} IN (${sql.join([...new Set(families.map((family) => family.name))])})
    GROUP BY catalogus_uuid, ${name}`.execute(db);
  for (const row of rows) result.set(familyKey(row.catalogus_uuid, row.name), { beginObject: row.begin_object, eindeObject: row.einde_object });
  return result;
}

/** The key of a family in maps: catalogus and name. */
export function familyKey(catalogusUuid: string, name: string): string {
  return `${catalogusUuid}\u0000${name}`;
}

/**
 * Keeps the uuid columns other components read in step with the names the 1.3 API relates by: a zaaktype's
 * `besluittype_uuids` and a besluittype's `informatieobjecttype_uuids` hold every version (concept or not) of the
 * types named, in the same catalogus. Run in the transaction of any write that changes names or versions. Only
 * rows whose value changes are written, so a write locks no more rows than it affects.
 */
export async function refreshRelationUuids(db: Kysely<Database>, tenantId: string, catalogusUuid: string): Promise<void> {
  await sql`
    UPDATE zaaktypen z SET besluittype_uuids = derived.uuids
    FROM (
      SELECT z2.uuid, coalesce((
        SELECT array_agg(b.uuid ORDER BY b.begin_geldigheid, b.uuid) FROM besluittypen b
        WHERE b.tenant_id = z2.tenant_id AND b.catalogus_uuid = z2.catalogus_uuid
          AND b.omschrijving IN (SELECT jsonb_array_elements_text(coalesce(z2.data -> 'besluittypen', '[]'::jsonb)))
      ), '{}'::uuid[]) AS uuids
      FROM zaaktypen z2 WHERE z2.tenant_id = ${tenantId} AND z2.catalogus_uuid = ${catalogusUuid}
    ) derived
    WHERE z.uuid = derived.uuid AND z.besluittype_uuids IS DISTINCT FROM derived.uuids`.execute(db);
  await sql`
    UPDATE besluittypen b SET informatieobjecttype_uuids = derived.uuids
    FROM (
      SELECT b2.uuid, coalesce((
        SELECT array_agg(i.uuid ORDER BY i.begin_geldigheid, i.uuid) FROM informatieobjecttypen i
        WHERE i.tenant_id = b2.tenant_id AND i.catalogus_uuid = b2.catalogus_uuid
          AND i.omschrijving IN (SELECT jsonb_array_elements_text(coalesce(b2.data -> 'informatieobjecttypen', '[]'::jsonb)))
      ), '{}'::uuid[]) AS uuids
      FROM besluittypen b2 WHERE b2.tenant_id = ${tenantId} AND b2.catalogus_uuid = ${catalogusUuid}
    ) derived
    WHERE b.uuid = derived.uuid AND b.informatieobjecttype_uuids IS DISTINCT FROM derived.uuids`.execute(db);
}
