import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { ZaaktypenTable } from '../../../platform/database/tables/catalogi-typen.ts';

/** A stored zaaktype. Its `data` holds the attributes without a column, under the API's names. */
export type ZaaktypeRow = Selectable<ZaaktypenTable>;

/** The columns a write sets. */
export interface ZaaktypeValues {
  catalogus_uuid: string;
  identificatie: string;
  omschrijving: string;
  vertrouwelijkheidaanduiding: string;
  doorlooptijd: string;
  servicenorm: string | null;
  opschorting_en_aanhouding_mogelijk: boolean;
  verlenging_mogelijk: boolean;
  verlengingstermijn: string | null;
  begin_geldigheid: string;
  einde_geldigheid: string | null;
  data: Record<string, unknown>;
}

/** The list filters, already resolved. */
export interface ZaaktypeFilter {
  catalogusUuid?: string | null;
  identificatie?: string;
  trefwoorden?: string[];
  concept?: boolean;
  datumGeldigheid?: string;
}

type ZaaktypeQuery = SelectQueryBuilder<Database, 'zaaktypen', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: ZaaktypeFilter): ZaaktypeQuery {
  let query: ZaaktypeQuery = db.selectFrom('zaaktypen').where('tenant_id', '=', tenantId);
  // A catalogus URL of another endpoint selects nothing.
  if (filter.catalogusUuid === null) query = query.where(sql<boolean>`false`);
  else if (filter.catalogusUuid !== undefined) query = query.where('catalogus_uuid', '=', filter.catalogusUuid);
  if (filter.identificatie !== undefined) query = query.where('identificatie', '=', filter.identificatie);
  if (filter.trefwoorden !== undefined && filter.trefwoorden.length > 0) {
    // Containment, so the GIN index on data (migration 0011) serves it: every trefwoord asked for must be there.
    query = query.where(sql<boolean>`data @> ${JSON.stringify({ trefwoorden: filter.trefwoorden })}::jsonb`);
  }
  if (filter.concept !== undefined) query = query.where('concept', '=', filter.concept);
  if (filter.datumGeldigheid !== undefined) {
    const date = filter.datumGeldigheid;
    query = query
      .where('begin_geldigheid', '<=', date)
      .where((eb) => eb.or([eb('einde_geldigheid', 'is', null), eb('einde_geldigheid', '>=', date)]));
  }
  return query;
}

/** One page of a tenant's zaaktypen matching the filter, oldest first, with the total over all pages. */
export async function listZaaktypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: ZaaktypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: ZaaktypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll().orderBy('created_at').orderBy('uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One zaaktype of the tenant, or undefined; `forUpdate` locks it for the rest of the transaction. */
export async function findZaaktype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<ZaaktypeRow | undefined> {
  const query = db.selectFrom('zaaktypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's zaaktypen with these uuids (unknown ones left out), oldest first. */
export async function findZaaktypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<ZaaktypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('zaaktypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** Every zaaktype (all versions, concept or not) of these catalogi, oldest first. */
export async function zaaktypenOfCatalogi(db: Kysely<Database>, tenantId: string, catalogusUuids: readonly string[]): Promise<ZaaktypeRow[]> {
  if (catalogusUuids.length === 0) return [];
  return db.selectFrom('zaaktypen').selectAll().where('tenant_id', '=', tenantId).where('catalogus_uuid', 'in', catalogusUuids).orderBy('created_at').orderBy('uuid').execute();
}

function columns(values: ZaaktypeValues) {
  return { ...values, data: JSON.stringify(values.data) };
}

/** Stores a new zaaktype (a concept) for the tenant. */
export async function insertZaaktype(db: Kysely<Database>, tenantId: string, values: ZaaktypeValues): Promise<ZaaktypeRow> {
  return db.insertInto('zaaktypen').values({ tenant_id: tenantId, concept: true, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a zaaktype's columns; undefined when it is not the tenant's. */
export async function updateZaaktype(db: Kysely<Database>, tenantId: string, uuid: string, values: ZaaktypeValues): Promise<ZaaktypeRow | undefined> {
  return db.updateTable('zaaktypen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Marks a zaaktype published. */
export async function markZaaktypePublished(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ZaaktypeRow | undefined> {
  return db.updateTable('zaaktypen').set({ concept: false }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a zaaktype; its statustypen, resultaattypen, roltypen, … go with it (ON DELETE CASCADE). */
export async function deleteZaaktype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<boolean> {
  const deleted = await db.deleteFrom('zaaktypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}

/** The types that belong to one zaaktype alone, as its presentation and publication need them. */
export interface ZaaktypeParts {
  /** In volgnummer order. */
  statustypen: string[];
  resultaattypen: { uuid: string; omschrijving: string; selectielijstklasse: string }[];
  roltypen: string[];
  eigenschappen: string[];
  zaakobjecttypen: string[];
  /** The informatieobjecttype omschrijvingen of its zaaktype-informatieobjecttypen, in volgnummer order. */
  informatieobjecttypeOmschrijvingen: string[];
}

function emptyParts(): ZaaktypeParts {
  return { statustypen: [], resultaattypen: [], roltypen: [], eigenschappen: [], zaakobjecttypen: [], informatieobjecttypeOmschrijvingen: [] };
}

/** The parts of each zaaktype, by zaaktype uuid, one query per kind of part for all of them. */
export async function zaaktypeParts(db: Kysely<Database>, tenantId: string, zaaktypeUuids: readonly string[]): Promise<Map<string, ZaaktypeParts>> {
  const parts = new Map(zaaktypeUuids.map((uuid) => [uuid, emptyParts()]));
  if (zaaktypeUuids.length === 0) return parts;
  const part = (uuid: string): ZaaktypeParts => {
    const found = parts.get(uuid);
    if (!found) throw new Error(`unexpected zaaktype ${uuid}`);
    return found;
  };
  const [statustypen, resultaattypen, roltypen, eigenschappen, zaakobjecttypen, ziots] = await Promise.all([
    db.selectFrom('statustypen').select(['uuid', 'zaaktype_uuid']).where('tenant_id', '=', tenantId).where('zaaktype_uuid', 'in', zaaktypeUuids).orderBy('volgnummer').execute(),
    db
      .selectFrom('resultaattypen')
      .select(['uuid', 'zaaktype_uuid', 'omschrijving', 'selectielijstklasse'])
      .where('tenant_id', '=', tenantId)
      .where('zaaktype_uuid', 'in', zaaktypeUuids)
      .orderBy('created_at')
      .orderBy('uuid')
      .execute(),
    db.selectFrom('roltypen').select(['uuid', 'zaaktype_uuid']).where('tenant_id', '=', tenantId).where('zaaktype_uuid', 'in', zaaktypeUuids).orderBy('created_at').orderBy('uuid').execute(),
    db.selectFrom('eigenschappen').select(['uuid', 'zaaktype_uuid']).where('tenant_id', '=', tenantId).where('zaaktype_uuid', 'in', zaaktypeUuids).orderBy('created_at').orderBy('uuid').execute(),
    db.selectFrom('zaakobjecttypen').select(['uuid', 'zaaktype_uuid']).where('tenant_id', '=', tenantId).where('zaaktype_uuid', 'in', zaaktypeUuids).orderBy('created_at').orderBy('uuid').execute(),
    db
      .selectFrom('zaaktype_informatieobjecttypen')
      .select(['zaaktype_uuid', 'informatieobjecttype_omschrijving'])
      .where('tenant_id', '=', tenantId)
      .where('zaaktype_uuid', 'in', zaaktypeUuids)
      .orderBy('volgnummer')
      .execute(),
  ]);
  for (const row of statustypen) part(row.zaaktype_uuid).statustypen.push(row.uuid);
  for (const row of resultaattypen) part(row.zaaktype_uuid).resultaattypen.push({ uuid: row.uuid, omschrijving: row.omschrijving, selectielijstklasse: row.selectielijstklasse });
  for (const row of roltypen) part(row.zaaktype_uuid).roltypen.push(row.uuid);
  for (const row of eigenschappen) part(row.zaaktype_uuid).eigenschappen.push(row.uuid);
  for (const row of zaakobjecttypen) part(row.zaaktype_uuid).zaakobjecttypen.push(row.uuid);
  for (const row of ziots) {
    const names = part(row.zaaktype_uuid).informatieobjecttypeOmschrijvingen;
    if (!names.includes(row.informatieobjecttype_omschrijving)) names.push(row.informatieobjecttype_omschrijving);
  }
  return parts;
}

/**
 * The published zaaktypen valid on `date` in these catalogi whose data names one of `names` in the list attribute
 * `field` (`besluittypen`): the zaaktypen a besluittype presents.
 */
export async function publishedZaaktypenNaming(
  db: Kysely<Database>,
  tenantId: string,
  field: 'besluittypen',
  catalogusUuids: readonly string[],
  names: readonly string[],
  date: string,
): Promise<{ uuid: string; catalogus_uuid: string; identificatie: string; names: string[] }[]> {
  if (catalogusUuids.length === 0 || names.length === 0) return [];
  const { rows } = await sql<{ uuid: string; catalogus_uuid: string; identificatie: string; names: string[] }>`
    SELECT z.uuid, z.catalogus_uuid, z.identificatie,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(z.data -> ${field}, '[]'::jsonb))) AS names
    FROM zaaktypen z
    WHERE z.tenant_id = ${tenantId}
      AND z.catalogus_uuid IN (${sql.join(catalogusUuids)})
      AND z.concept = false
      AND z.begin_geldigheid <= ${date}::date
      AND (z.einde_geldigheid IS NULL OR z.einde_geldigheid >= ${date}::date)
      AND (${sql.join(
        names.map((name) => sql`z.data @> ${JSON.stringify({ [field]: [name] })}::jsonb`),
        sql` OR `,
      )})
    ORDER BY z.identificatie, z.begin_geldigheid, z.uuid`.execute(db);
  return rows;
}

/**
 * The published zaaktypen valid on `date` in these catalogi with a zaaktype-informatieobjecttype naming one of
 * the informatieobjecttype omschrijvingen: the zaaktypen an informatieobjecttype presents.
 */
export async function publishedZaaktypenUsingInformatieobjecttypen(
  db: Kysely<Database>,
  tenantId: string,
  catalogusUuids: readonly string[],
  omschrijvingen: readonly string[],
  date: string,
): Promise<{ uuid: string; catalogus_uuid: string; identificatie: string; omschrijving: string }[]> {
  if (catalogusUuids.length === 0 || omschrijvingen.length === 0) return [];
  const { rows } = await sql<{ uuid: string; catalogus_uuid: string; identificatie: string; omschrijving: string }>`
    SELECT DISTINCT z.uuid, z.catalogus_uuid, z.identificatie, z.begin_geldigheid, ziot.informatieobjecttype_omschrijving AS omschrijving
    FROM zaaktypen z
    JOIN zaaktype_informatieobjecttypen ziot ON ziot.zaaktype_uuid = z.uuid AND ziot.tenant_id = z.tenant_id
    WHERE z.tenant_id = ${tenantId}
      AND z.catalogus_uuid IN (${sql.join(catalogusUuids)})
      AND ziot.informatieobjecttype_omschrijving IN (${sql.join(omschrijvingen)})
      AND z.concept = false
      AND z.begin_geldigheid <= ${date}::date
      AND (z.einde_geldigheid IS NULL OR z.einde_geldigheid >= ${date}::date)
    ORDER BY z.identificatie, z.begin_geldigheid, z.uuid`.execute(db);
  return rows;
}
