import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ZoekKanaal } from '../../platform/database/tables/kennisbank.ts';

/** Records the result clicked for a logged search; false when the search is not the tenant's. */
export async function recordClick(db: Kysely<Database>, tenantId: string, zoekopdrachtUuid: string, productUuid: string, positie: number | null): Promise<boolean> {
  const result = await db
    .updateTable('kennisbank_zoekopdrachten')
    .set({ geklikt_product_uuid: productUuid, geklikte_positie: positie, geklikt_op: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('uuid', '=', zoekopdrachtUuid)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Stores a reader's rating of a product (the remark already masked). */
export async function insertBeoordeling(db: Kysely<Database>, tenantId: string, entry: { productUuid: string; nuttig: boolean; opmerking: string; kanaal: ZoekKanaal }): Promise<void> {
  await db
    .insertInto('kennisbank_beoordelingen')
    .values({ tenant_id: tenantId, product_uuid: entry.productUuid, nuttig: entry.nuttig, opmerking: entry.opmerking, kanaal: entry.kanaal })
    .execute();
}

/** A reporting period: from `van` (inclusive) to `tot` (exclusive). */
export interface Periode {
  van: Date;
  tot: Date;
}

export interface QueryCount {
  kanaal: ZoekKanaal;
  zoekterm: string;
  aantal: number;
}

/** The most frequent queries per channel in the period, `limit` per channel. */
export async function topQueries(db: Kysely<Database>, tenantId: string, periode: Periode, limit: number): Promise<QueryCount[]> {
  const result = await sql<QueryCount>`
    SELECT kanaal, zoekterm, aantal FROM (
      SELECT kanaal, zoekterm, count(*)::int AS aantal,
             row_number() OVER (PARTITION BY kanaal ORDER BY count(*) DESC, zoekterm) AS plaats
      FROM kennisbank_zoekopdrachten
      WHERE tenant_id = ${tenantId} AND gezocht_op >= ${periode.van} AND gezocht_op < ${periode.tot}
      GROUP BY kanaal, zoekterm
    ) geteld
    WHERE plaats <= ${limit}
    ORDER BY kanaal, aantal DESC, zoekterm`.execute(db);
  return result.rows;
}

export interface MissedQuery {
  zoekterm: string;
  aantal: number;
  laatst: Date;
}

/** Logged queries of the period grouped by term, most frequent first; `narrow` picks which searches count. */
async function groupedQueries(
  db: Kysely<Database>,
  tenantId: string,
  periode: Periode,
  limit: number,
  narrow: (query: SelectQueryBuilder<Database, 'kennisbank_zoekopdrachten', MissedQuery>) => SelectQueryBuilder<Database, 'kennisbank_zoekopdrachten', MissedQuery>,
): Promise<MissedQuery[]> {
  const base = db
    .selectFrom('kennisbank_zoekopdrachten')
    .select((eb) => ['zoekterm', eb.fn.countAll<number>().as('aantal'), eb.fn.max('gezocht_op').as('laatst')])
    .where('tenant_id', '=', tenantId)
    .where('gezocht_op', '>=', periode.van)
    .where('gezocht_op', '<', periode.tot)
    .groupBy('zoekterm');
  const rows = await narrow(base).orderBy('aantal', 'desc').orderBy('zoekterm').limit(limit).execute();
  return rows.map((row) => ({ ...row, aantal: Number(row.aantal) }));
}

/** Queries that found nothing, most frequent first. */
export async function zeroResultQueries(db: Kysely<Database>, tenantId: string, periode: Periode, limit: number): Promise<MissedQuery[]> {
  return groupedQueries(db, tenantId, periode, limit, (query) => query.where('aantal_resultaten', '=', 0));
}

/** Queries that found results of which nobody clicked any, most frequent first. */
export async function noClickQueries(db: Kysely<Database>, tenantId: string, periode: Periode, limit: number): Promise<MissedQuery[]> {
  return groupedQueries(db, tenantId, periode, limit, (query) => query.where('aantal_resultaten', '>', 0).having((eb) => eb.fn.count('geklikt_product_uuid'), '=', 0));
}

export interface RatedProduct {
  product_uuid: string;
  slug: string;
  titel: string;
  beoordelingen: number;
  nuttig: number;
  /** Share of "helpful" ratings, 0…1. */
  score: number;
  opmerkingen: string[];
}

/** Products with the lowest share of helpful ratings in the period (ties: more ratings first). */
export async function lowestRated(db: Kysely<Database>, tenantId: string, periode: Periode, limit: number): Promise<RatedProduct[]> {
  const result = await sql<RatedProduct>`
    SELECT b.product_uuid, p.slug, coalesce(v.titel, p.slug) AS titel,
           count(*)::int AS beoordelingen, count(*) FILTER (WHERE b.nuttig)::int AS nuttig,
           (count(*) FILTER (WHERE b.nuttig))::float8 / count(*) AS score,
           coalesce((array_agg(b.opmerking ORDER BY b.beoordeeld_op DESC) FILTER (WHERE b.opmerking <> ''))[1:5], '{}') AS opmerkingen
    FROM kennisbank_beoordelingen b
    JOIN kennisbank_producten p ON p.uuid = b.product_uuid
    LEFT JOIN kennisbank_versies v ON v.uuid = p.gepubliceerde_versie_uuid
    WHERE b.tenant_id = ${tenantId} AND b.beoordeeld_op >= ${periode.van} AND b.beoordeeld_op < ${periode.tot}
    GROUP BY b.product_uuid, p.slug, v.titel
    ORDER BY score, beoordelingen DESC, titel
    LIMIT ${limit}`.execute(db);
  return result.rows.map((row) => ({ ...row, score: Number(row.score) }));
}

export interface OverdueProduct {
  product_uuid: string;
  slug: string;
  titel: string;
  review_voor: string;
  gewijzigd_door: string;
}

/** Published products whose "review before" date has passed, longest overdue first. */
export async function pastReviewDate(db: Kysely<Database>, tenantId: string, today: string): Promise<OverdueProduct[]> {
  const rows = await db
    .selectFrom('kennisbank_producten as p')
    .innerJoin('kennisbank_versies as v', 'v.uuid', 'p.gepubliceerde_versie_uuid')
    .select(['p.uuid as product_uuid', 'p.slug', 'v.titel', 'v.review_voor', 'v.gewijzigd_door'])
    .where('p.tenant_id', '=', tenantId)
    .where('v.review_voor', '<', today)
    .orderBy('v.review_voor')
    .orderBy('v.titel')
    .execute();
  return rows.map((row) => ({ ...row, review_voor: row.review_voor ?? '' }));
}

export interface UsedProduct {
  slug: string;
  titel: string;
  samenvatting: string;
}

/** Published products whose result was clicked most often in the period, in any channel (most clicks first). */
export async function mostClickedProducts(db: Kysely<Database>, tenantId: string, periode: Periode, today: string, limit: number): Promise<UsedProduct[]> {
  const result = await sql<UsedProduct>`
    SELECT i.slug, i.titel, i.samenvatting
    FROM kennisbank_zoekopdrachten z
    JOIN kennisbank_zoekindex i ON i.tenant_id = z.tenant_id AND i.product_uuid = z.geklikt_product_uuid
    WHERE z.tenant_id = ${tenantId} AND z.geklikt_op >= ${periode.van} AND z.geklikt_op < ${periode.tot} AND i.publicatiedatum <= ${today}
    GROUP BY i.slug, i.titel, i.samenvatting
    ORDER BY count(*) DESC, i.titel
    LIMIT ${limit}`.execute(db);
  return result.rows;
}

/** The published products among `slugs` (in no particular order). */
export async function publishedProductSummaries(db: Kysely<Database>, tenantId: string, slugs: readonly string[], today: string): Promise<UsedProduct[]> {
  if (slugs.length === 0) return [];
  return db
    .selectFrom('kennisbank_zoekindex')
    .select(['slug', 'titel', 'samenvatting'])
    .where('tenant_id', '=', tenantId)
    .where('slug', 'in', [...slugs])
    .where('publicatiedatum', '<=', today)
    .execute();
}
