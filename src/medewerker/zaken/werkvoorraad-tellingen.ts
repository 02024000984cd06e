import { sql, type RawBuilder } from 'kysely';
import type { StaffZaakToegang } from '../toegang/zaak-toegang.ts';

/*
 * The exact number of open zaken a member may handle (or of those no one is assigned to), optionally of one zaaktype:
 * a sum over the Zaken component's kept counts per (zaaktype, vertrouwelijkheid) (migrations/0017, 0097 and 0106),
 * filtered by the same parts of the member's view as zaakToegangFilter applies to the zaken themselves, so a team's
 * whole open stock is counted from a few rows. Returned as a scalar subquery, read beside the werkvoorraad's other
 * counts in one statement.
 */
export function openInReach(
  tenantId: string,
  toegang: StaffZaakToegang,
  zaaktypeUuids: readonly string[] | undefined,
  which: 'open' | 'niet-toegewezen' = 'open',
): RawBuilder<string | number> {
  const delen = toegang.delen.filter((deel) => deel.behandelen);
  const parts = delen.flatMap((deel) => {
    if (deel.zaaktypeUuids === null) return [sql`vertrouwelijkheid_rank <= ${deel.maxRank}`];
    if (deel.zaaktypeUuids.length === 0) return [];
    return [sql`(zaaktype_uuid = ANY (${[...deel.zaaktypeUuids]}::uuid[]) AND vertrouwelijkheid_rank <= ${deel.maxRank})`];
  });
  if (parts.length === 0 || zaaktypeUuids?.length === 0) return sql<number>`0`;
  const zaaktype = zaaktypeUuids === undefined ? sql`true` : sql`zaaktype_uuid = ANY (${[...zaaktypeUuids]}::uuid[])`;
  const counted = which === 'open' ? sql`open` : sql`open - open_toegewezen`;
  return sql<string | number>`(SELECT coalesce(sum(${counted}), 0) FROM zaak_counts WHERE tenant_id = ${tenantId} AND ${zaaktype} AND (${sql.join(parts, sql` OR `)}))`;
}
