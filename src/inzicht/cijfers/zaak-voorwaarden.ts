import { sql, type RawBuilder } from 'kysely';
import type { Filters } from '../filters.ts';

/**
 * The WHERE conditions of a query on a zaak aggregate (alias `a`): the tenant, the period on `dagKolom` (none for the
 * backlog, which is a current state), and the zaaktype, channel and team filters. A team stands for its zaaktypen.
 */
export function zaakVoorwaarden(tenantId: string, filters: Filters, dagKolom: 'dag' | null): RawBuilder<unknown> {
  const delen: RawBuilder<unknown>[] = [sql`a.tenant_id = ${tenantId}`];
  if (dagKolom) delen.push(sql`a.${sql.ref(dagKolom)} BETWEEN ${filters.van}::date AND ${filters.tot}::date`);
  if (filters.zaaktype) delen.push(sql`a.zaaktype_identificatie = ${filters.zaaktype}`);
  if (filters.kanaal) delen.push(sql`a.kanaal = ${filters.kanaal}`);
  if (filters.team) {
    delen.push(sql`a.zaaktype_identificatie IN (SELECT tz.zaaktype_identificatie FROM team_zaaktypen tz WHERE tz.tenant_id = ${tenantId} AND tz.team_id = ${filters.team}::uuid)`);
  }
  return sql.join(delen, sql` AND `);
}
