import { sql, type RawBuilder } from 'kysely';
import type { ZaakScopePart } from './repository.ts';

/*
 * How a list over a scope of several parts reads its page. A caller authorised for a few small zaaktypen is served
 * best by one index range per zaaktype, merged in list order: each range holds only that zaaktype's zaken. A caller
 * whose zaaktypen hold most of the tenant's zaken is served best by one walk of the tenant's list order that skips
 * the zaken outside the scope: it reads only a few rows more than the page, where the merge descends into every
 * part's range. Which of the two applies follows from the kept counts the list statement reads anyway, so the choice
 * for the next page costs no statement of its own; the first page of a scope merges. The tenant's total, which the
 * share also needs, is read along only while the scope's share is unknown or older than SHARE_VALID_MS: a scope's share
 * of the tenant changes slowly, and a stale one only chooses the other plan, never another result.
 */

/** A walk over the list order reads about page / share rows; above this share it is cheaper than merging the parts. */
const WIDE_SHARE = 0.25;

/** How many scopes the choices are kept for (per process; a scope forgotten merely merges once more). */
const KEPT_SCOPES = 10_000;

/** How long a scope's share is trusted before a list reads the tenant's total again. */
const SHARE_VALID_MS = 60_000;

const wideScopes = new Map<string, { wide: boolean; notedAt: number }>();

function scopeKey(tenantId: string, scope: readonly ZaakScopePart[]): string {
  return `${tenantId} ${scope.map((part) => `${part.zaaktype ?? '*'}:${part.maxRank ?? '*'}`).join(',')}`;
}

/** Whether the scope was found to hold a wide share of the tenant's zaken, so its page walks the list order. */
export function walksListOrder(tenantId: string, scope: readonly ZaakScopePart[]): boolean {
  return wideScopes.get(scopeKey(tenantId, scope))?.wide ?? false;
}

/** Whether a list over the scope should read the tenant's total along, to note the scope's share (again). */
export function scopeShareDue(tenantId: string, scope: readonly ZaakScopePart[], now: number = Date.now()): boolean {
  const noted = wideScopes.get(scopeKey(tenantId, scope));
  return noted === undefined || now - noted.notedAt >= SHARE_VALID_MS;
}

/** Notes how many of the tenant's zaken the scope holds, for the next pages' choice. */
export function noteScopeShare(tenantId: string, scope: readonly ZaakScopePart[], inScope: number, inTenant: number, now: number = Date.now()): void {
  if (wideScopes.size >= KEPT_SCOPES) wideScopes.clear();
  wideScopes.set(scopeKey(tenantId, scope), { wide: inTenant > 0 && inScope >= inTenant * WIDE_SHARE, notedAt: now });
}

/**
 * The scope as one condition on `table` (zaken, or the counts kept per zaaktype and rank, which name their columns
 * alike): the parts grouped by vertrouwelijkheid rank, each group one array of zaaktypen, so the statement's text
 * depends on the number of ranks and not on the number of zaaktypen.
 */
export function scopeCondition(scope: readonly ZaakScopePart[], table: 'zaken' | 'zaak_counts' = 'zaken'): RawBuilder<boolean> {
  const byRank = new Map<number | undefined, (string | undefined)[]>();
  for (const part of scope) byRank.set(part.maxRank, [...(byRank.get(part.maxRank) ?? []), part.zaaktype]);
  const column = (name: string) => sql.raw(`${table}.${name}`);
  const groups = [...byRank].map(([maxRank, zaaktypen]) => {
    const rank = maxRank === undefined ? sql`true` : sql`${column('vertrouwelijkheid_rank')} <= ${maxRank}`;
    // A part without a zaaktype covers every zaaktype up to its rank.
    if (zaaktypen.includes(undefined)) return sql`(${rank})`;
    return sql`(${column('zaaktype_uuid')} = ANY (${zaaktypen}::uuid[]) AND ${rank})`;
  });
  return sql<boolean>`(${sql.join(groups, sql` OR `)})`;
}
