import { sql, type Kysely, type Selectable, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { BesluittypenTable } from '../../../platform/database/tables/catalogi-typen.ts';

/** A stored besluittype. Its `data` holds the attributes without a column, under the API's names. */
export type BesluittypeRow = Selectable<BesluittypenTable>;

/** The columns a write sets. */
export interface BesluittypeValues {
  catalogus_uuid: string;
  omschrijving: string;
  reactietermijn: string | null;
  publicatie_indicatie: boolean;
  publicatietermijn: string | null;
  begin_geldigheid: string;
  einde_geldigheid: string | null;
  data: Record<string, unknown>;
}

/** The list filters, already resolved. */
export interface BesluittypeFilter {
  catalogusUuid?: string | null;
  omschrijving?: string;
  concept?: boolean;
  datumGeldigheid?: string;
  /** Besluittypen named by this zaaktype (same catalogus, omschrijving in its `besluittypen`); null: none. */
  zaaktypeUuid?: string | null;
  /** Besluittypen naming this informatieobjecttype's omschrijving (same catalogus); null: none. */
  informatieobjecttypeUuid?: string | null;
}

type Query = SelectQueryBuilder<Database, 'besluittypen', object>;

function filtered(db: Kysely<Database>, tenantId: string, filter: BesluittypeFilter): Query {
  let query: Query = db.selectFrom('besluittypen').where('besluittypen.tenant_id', '=', tenantId);
  if (filter.catalogusUuid === null || filter.zaaktypeUuid === null || filter.informatieobjecttypeUuid === null) query = query.where(sql<boolean>`false`);
  if (typeof filter.catalogusUuid === 'string') query = query.where('besluittypen.catalogus_uuid', '=', filter.catalogusUuid);
  if (filter.omschrijving !== undefined) query = query.where('besluittypen.omschrijving', '=', filter.omschrijving);
  if (filter.concept !== undefined) query = query.where('besluittypen.concept', '=', filter.concept);
  if (filter.datumGeldigheid !== undefined) {
    const date = filter.datumGeldigheid;
    query = query
      .where('besluittypen.begin_geldigheid', '<=', date)
      .where((eb) => eb.or([eb('besluittypen.einde_geldigheid', 'is', null), eb('besluittypen.einde_geldigheid', '>=', date)]));
  }
  if (typeof filter.zaaktypeUuid === 'string') {
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM zaaktypen z WHERE z.uuid = ${filter.zaaktypeUuid} AND z.tenant_id = besluittypen.tenant_id
        AND z.catalogus_uuid = besluittypen.catalogus_uuid
        AND z.data @> jsonb_build_object('besluittypen', jsonb_build_array(besluittypen.omschrijving)))`,
    );
  }
  if (typeof filter.informatieobjecttypeUuid === 'string') {
    query = query.where(
      sql<boolean>`EXISTS (SELECT 1 FROM informatieobjecttypen i WHERE i.uuid = ${filter.informatieobjecttypeUuid} AND i.tenant_id = besluittypen.tenant_id
        AND i.catalogus_uuid = besluittypen.catalogus_uuid
        AND besluittypen.data @> jsonb_build_object('informatieobjecttypen', jsonb_build_array(i.omschrijving)))`,
    );
  }
  return query;
}

/** One page of a tenant's besluittypen matching the filter, oldest first, with the total. */
export async function listBesluittypen(
  db: Kysely<Database>,
  tenantId: string,
  filter: BesluittypeFilter,
  window: { limit: number; offset: number },
): Promise<{ count: number; rows: BesluittypeRow[] }> {
  const [counted, rows] = await Promise.all([
    filtered(db, tenantId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
    filtered(db, tenantId, filter).selectAll('besluittypen').orderBy('besluittypen.created_at').orderBy('besluittypen.uuid').limit(window.limit).offset(window.offset).execute(),
  ]);
  return { count: Number(counted.count), rows };
}

/** One besluittype of the tenant, or undefined; `forUpdate` locks it. */
export async function findBesluittype(db: Kysely<Database>, tenantId: string, uuid: string, options: { forUpdate?: boolean } = {}): Promise<BesluittypeRow | undefined> {
  const query = db.selectFrom('besluittypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', '=', uuid);
  return (options.forUpdate ? query.forUpdate() : query).executeTakeFirst();
}

/** The tenant's besluittypen with these uuids, oldest first. */
export async function findBesluittypen(db: Kysely<Database>, tenantId: string, uuids: readonly string[]): Promise<BesluittypeRow[]> {
  if (uuids.length === 0) return [];
  return db.selectFrom('besluittypen').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', uuids).orderBy('created_at').orderBy('uuid').execute();
}

/** Every besluittype (all versions) of these catalogi, oldest first. */
export async function besluittypenOfCatalogi(db: Kysely<Database>, tenantId: string, catalogusUuids: readonly string[]): Promise<BesluittypeRow[]> {
  if (catalogusUuids.length === 0) return [];
  return db.selectFrom('besluittypen').selectAll().where('tenant_id', '=', tenantId).where('catalogus_uuid', 'in', catalogusUuids).orderBy('created_at').orderBy('uuid').execute();
}

function columns(values: BesluittypeValues) {
  return { ...values, data: JSON.stringify(values.data) };
}

/** Stores a new besluittype (a concept). */
export async function insertBesluittype(db: Kysely<Database>, tenantId: string, values: BesluittypeValues): Promise<BesluittypeRow> {
  return db.insertInto('besluittypen').values({ tenant_id: tenantId, concept: true, ...columns(values) }).returningAll().executeTakeFirstOrThrow();
}

/** Overwrites a besluittype's columns; undefined when it is not the tenant's. */
export async function updateBesluittype(db: Kysely<Database>, tenantId: string, uuid: string, values: BesluittypeValues): Promise<BesluittypeRow | undefined> {
  return db.updateTable('besluittypen').set(columns(values)).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Marks a besluittype published. */
export async function markBesluittypePublished(db: Kysely<Database>, tenantId: string, uuid: string): Promise<BesluittypeRow | undefined> {
  return db.updateTable('besluittypen').set({ concept: false }).where('tenant_id', '=', tenantId).where('uuid', '=', uuid).returningAll().executeTakeFirst();
}

/** Deletes a besluittype. */
export async function deleteBesluittype(db: Kysely<Database>, tenantId: string, uuid: string): Promise<void> {
  await db.deleteFrom('besluittypen').where('tenant_id', '=', tenantId).where('uuid', '=', uuid).execute();
}

/**
 * The published besluittypen valid on `date` in these catalogi that name one of these informatieobjecttype
 * omschrijvingen: the besluittypen an informatieobjecttype presents.
 */
export async function publishedBesluittypenNamingInformatieobjecttypen(
  db: Kysely<Database>,
  tenantId: string,
  catalogusUuids: readonly string[],
  omschrijvingen: readonly string[],
  date: string,
): Promise<{ uuid: string; catalogus_uuid: string; omschrijving: string; names: string[] }[]> {
  if (catalogusUuids.length === 0 || omschrijvingen.length === 0) return [];
  const { rows } = await sql<{ uuid: string; catalogus_uuid: string; omschrijving: string; names: string[] }>`
    SELECT b.uuid, b.catalogus_uuid, b.omschrijving,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(b.data -> 'informatieobjecttypen', '[]'::jsonb))) AS names
    FROM besluittypen b
    WHERE b.tenant_id = ${tenantId}
      AND b.catalogus_uuid IN (${sql.join(catalogusUuids)})
      AND b.concept = false
      AND b.begin_geldigheid <= ${date}::date
      AND (b.einde_geldigheid IS NULL OR b.einde_geldigheid >= ${date}::date)
      AND (${sql.join(
        omschrijvingen.map((name) => sql`b.data @> ${JSON.stringify({ informatieobjecttypen: [name] })}::jsonb`),
        sql` OR `,
      )})
    ORDER BY b.omschrijving, b.begin_geldigheid, b.uuid`.execute(db);
  return rows;
}

/**
 * The resultaattypen of zaaktypen in these catalogi that relate to one of these besluittypen: by uuid
 * (`besluittype_uuids`) or by omschrijving (`data.besluittypen`, the 1.3 way).
 */
export async function resultaattypenNamingBesluittypen(
  db: Kysely<Database>,
  tenantId: string,
  besluittypen: readonly { uuid: string; catalogusUuid: string; omschrijving: string }[],
): Promise<{ uuid: string; omschrijving: string; besluittype_uuid: string }[]> {
  if (besluittypen.length === 0) return [];
  const { rows } = await sql<{ uuid: string; omschrijving: string; besluittype_uuid: string }>`
    SELECT r.uuid, r.omschrijving, b.uuid AS besluittype_uuid
    FROM resultaattypen r
    JOIN zaaktypen z ON z.uuid = r.zaaktype_uuid AND z.tenant_id = r.tenant_id
    JOIN besluittypen b ON b.tenant_id = r.tenant_id AND b.catalogus_uuid = z.catalogus_uuid
    WHERE r.tenant_id = ${tenantId}
      AND b.uuid IN (${sql.join(besluittypen.map((besluittype) => besluittype.uuid))})
      AND (b.uuid = ANY(r.besluittype_uuids) OR r.data @> jsonb_build_object('besluittypen', jsonb_build_array(b.omschrijving)))
    ORDER BY r.created_at, r.uuid`.execute(db);
  return rows;
}
