import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { amsterdamToday } from '../dates.ts';
import { completeSearchLog } from './service.ts';
import {
  lowestRated,
  noClickQueries,
  pastReviewDate,
  topQueries,
  zeroResultQueries,
  type MissedQuery,
  type OverdueProduct,
  type Periode,
  type QueryCount,
  type RatedProduct,
} from './repository.ts';

/** What the beheerder learns from the search log and the ratings over one period. */
export interface KennisbankRapportage {
  periode: Periode;
  topZoektermenPerKanaal: QueryCount[];
  zonderResultaat: MissedQuery[];
  zonderKlik: MissedQuery[];
  laagstBeoordeeld: RatedProduct[];
  reviewVerlopen: OverdueProduct[];
}

/** The default period of the reports: the 30 days up to now. */
export function lastDays(days: number, now: Date = new Date()): Periode {
  return { van: new Date(now.getTime() - days * 24 * 60 * 60 * 1000), tot: now };
}

/**
 * The beheerder's reports: top queries per channel, queries without results, queries where nobody clicked, the
 * lowest-rated products and the published products past their review date. `limit` rows per list (per channel for
 * the top queries).
 */
export async function kennisbankRapportage(
  db: Kysely<Database>,
  tenantId: string,
  options: { periode?: Periode; today?: string; limit?: number } = {},
): Promise<KennisbankRapportage> {
  const periode = options.periode ?? lastDays(30);
  const limit = options.limit ?? 20;
  await completeSearchLog(db);
  const [topZoektermenPerKanaal, zonderResultaat, zonderKlik, laagstBeoordeeld, reviewVerlopen] = await Promise.all([
    topQueries(db, tenantId, periode, limit),
    zeroResultQueries(db, tenantId, periode, limit),
    noClickQueries(db, tenantId, periode, limit),
    lowestRated(db, tenantId, periode, limit),
    pastReviewDate(db, tenantId, options.today ?? amsterdamToday()),
  ]);
  return { periode, topZoektermenPerKanaal, zonderResultaat, zonderKlik, laagstBeoordeeld, reviewVerlopen };
}
