import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Filters } from '../filters.ts';
import { zaaktypeNaam, type ZaaktypeInfo } from './zaaktypen.ts';

/*
 * The open-data export: requests (zaken started) and zaken closed per product, channel and month. A count below the
 * threshold is not published (null), so no small group of people can be singled out; the row still says there were
 * some, because a zero would be false.
 */

/** Counts below this are suppressed. */
export const ONDERDRUKKINGSGRENS = 10;

export interface OpenDataRij {
  maand: string;
  zaaktype: string;
  product: string;
  kanaal: string;
  /** Null: fewer than ONDERDRUKKINGSGRENS (and more than zero). */
  aanvragen: number | null;
  afgehandeld: number | null;
}

/** A count as it may be published. */
export function onderdruk(aantal: number): number | null {
  return aantal > 0 && aantal < ONDERDRUKKINGSGRENS ? null : aantal;
}

/** The export rows over the filters' period (whole months are what the rows describe; the filter picks which days count). */
export async function openDataRijen(db: Kysely<Database>, tenantId: string, filters: Filters, zaaktypen: ReadonlyMap<string, ZaaktypeInfo>): Promise<OpenDataRij[]> {
  const rows = await sql<{ maand: string; zaaktype: string; kanaal: string; aanvragen: number; afgehandeld: number }>`
    SELECT to_char(maand, 'YYYY-MM') AS maand, zaaktype, kanaal, sum(aanvragen)::int AS aanvragen, sum(afgehandeld)::int AS afgehandeld FROM (
      SELECT date_trunc('month', a.dag)::date AS maand, a.zaaktype_identificatie AS zaaktype, a.kanaal, a.geopend AS aanvragen, 0 AS afgehandeld
      FROM inzicht_zaken_per_dag a WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date
      UNION ALL
      SELECT date_trunc('month', a.dag)::date, a.zaaktype_identificatie, a.kanaal, 0, a.aantal
      FROM inzicht_afgehandeld_per_dag a WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date
    ) x GROUP BY 1, 2, 3 HAVING sum(aanvragen) + sum(afgehandeld) > 0 ORDER BY 1, 2, 3`.execute(db);
  return rows.rows.map((row) => ({
    maand: row.maand,
    zaaktype: row.zaaktype,
    product: zaaktypeNaam(zaaktypen, row.zaaktype),
    kanaal: row.kanaal,
    aanvragen: onderdruk(row.aanvragen),
    afgehandeld: onderdruk(row.afgehandeld),
  }));
}
