import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { amsterdamToday } from '../dates.ts';
import { lastDays } from './reports.ts';
import { mostClickedProducts, publishedProductSummaries, type UsedProduct } from './repository.ts';
import { completeSearchLog } from './service.ts';

export type { UsedProduct } from './repository.ts';

/**
 * The products people use most: the published products clicked most often in search results over the last `days`
 * days, topped up from `fallbackSlugs` (in that order, published ones only) while the log is young. A channel's home
 * page shows them as its top tasks.
 */
export async function mostUsedProducts(
  db: Kysely<Database>,
  tenantId: string,
  options: { limit: number; fallbackSlugs: readonly string[]; days?: number; today?: string; now?: Date },
): Promise<UsedProduct[]> {
  const today = options.today ?? amsterdamToday();
  await completeSearchLog(db);
  const clicked = await mostClickedProducts(db, tenantId, lastDays(options.days ?? 90, options.now), today, options.limit);
  if (clicked.length >= options.limit) return clicked;
  const taken = new Set(clicked.map((product) => product.slug));
  const wanted = options.fallbackSlugs.filter((slug) => !taken.has(slug));
  const found = new Map((await publishedProductSummaries(db, tenantId, wanted, today)).map((product) => [product.slug, product]));
  const fallback = wanted.flatMap((slug) => found.get(slug) ?? []);
  return [...clicked, ...fallback].slice(0, options.limit);
}
