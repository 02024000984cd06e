import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Filters } from '../filters.ts';

/* Kennisbank figures: searches and ratings from their aggregates; review dates live from the (small) catalogue. */

export interface Zoekterm {
  zoekterm: string;
  aantal: number;
  zonderResultaat: number;
  zonderKlik: number;
}

const LIJST = 20;
/**
 * A query is listed only when it was asked at least this often in the period: a one-off query may hold what one person
 * typed about themselves (a name, an address), which the masking of BSN, e-mail and phone numbers does not catch.
 */
export const ZOEKTERM_MINIMUM = 2;

/**
 * The queries asked most, most often without a result, and most often without a click on a result: one pass over the
 * period's rows (summed per query once), then the three top lists.
 */
export async function zoektermen(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<{ top: Zoekterm[]; zonderResultaat: Zoekterm[]; zonderKlik: Zoekterm[] }> {
  const rows = await sql<{ lijst: 'top' | 'zonderResultaat' | 'zonderKlik'; zoekterm: string; aantal: number; zonder_resultaat: number; zonder_klik: number }>`
    WITH termen AS MATERIALIZED (
      SELECT a.zoekterm, sum(a.aantal)::int AS aantal, sum(a.zonder_resultaat)::int AS zonder_resultaat, sum(a.zonder_klik)::int AS zonder_klik
      FROM inzicht_zoekopdrachten_per_dag a
      WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date ${filters.zoekkanaal ? sql`AND a.kanaal = ${filters.zoekkanaal}` : sql``}
      GROUP BY a.zoekterm HAVING sum(a.aantal) >= ${ZOEKTERM_MINIMUM})
    (SELECT 'top' AS lijst, * FROM termen ORDER BY aantal DESC, zoekterm LIMIT ${LIJST})
    UNION ALL (SELECT 'zonderResultaat', * FROM termen WHERE zonder_resultaat > 0 ORDER BY zonder_resultaat DESC, zoekterm LIMIT ${LIJST})
    UNION ALL (SELECT 'zonderKlik', * FROM termen WHERE zonder_klik > 0 ORDER BY zonder_klik DESC, zoekterm LIMIT ${LIJST})`.execute(db);
  const lijst = (naam: 'top' | 'zonderResultaat' | 'zonderKlik') =>
    rows.rows.filter((row) => row.lijst === naam).map((row) => ({ zoekterm: row.zoekterm, aantal: row.aantal, zonderResultaat: row.zonder_resultaat, zonderKlik: row.zonder_klik }));
  return { top: lijst('top'), zonderResultaat: lijst('zonderResultaat'), zonderKlik: lijst('zonderKlik') };
}

export interface Beoordeling {
  slug: string;
  titel: string;
  nuttig: number;
  nietNuttig: number;
}

/** The answers readers rated least helpful in the period (share of "niet nuttig" first, then their number). */
export async function laagstBeoordeeld(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<Beoordeling[]> {
  const rows = await sql<{ slug: string; titel: string; nuttig: number; niet_nuttig: number }>`
    SELECT p.slug, COALESCE(v.titel, p.slug) AS titel, sum(a.nuttig)::int AS nuttig, sum(a.niet_nuttig)::int AS niet_nuttig
    FROM inzicht_beoordelingen_per_dag a
    JOIN kennisbank_producten p ON p.uuid = a.product_uuid
    LEFT JOIN kennisbank_versies v ON v.uuid = p.gepubliceerde_versie_uuid
    WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date
    GROUP BY p.slug, v.titel HAVING sum(a.niet_nuttig) > 0
    ORDER BY sum(a.niet_nuttig)::float / sum(a.nuttig + a.niet_nuttig) DESC, sum(a.niet_nuttig) DESC, p.slug LIMIT ${LIJST}`.execute(db);
  return rows.rows.map((row) => ({ slug: row.slug, titel: row.titel, nuttig: row.nuttig, nietNuttig: row.niet_nuttig }));
}

export interface ReviewVerlopen {
  slug: string;
  titel: string;
  reviewVoor: string;
}

/** Published articles whose review date has passed, longest overdue first. */
export async function reviewVerlopen(db: Kysely<Database>, tenantId: string, vandaag: string): Promise<ReviewVerlopen[]> {
  const rows = await sql<{ slug: string; titel: string; review_voor: string }>`SELECT p.slug, v.titel, v.review_voor FROM kennisbank_producten p
    JOIN kennisbank_versies v ON v.uuid = p.gepubliceerde_versie_uuid
    WHERE p.tenant_id = ${tenantId} AND v.review_voor < ${vandaag}::date ORDER BY v.review_voor, p.slug`.execute(db);
  return rows.rows.map((row) => ({ slug: row.slug, titel: row.titel, reviewVoor: row.review_voor }));
}
