import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Filters } from '../filters.ts';
import { vakken, vakVan, type Indeling } from '../periode.ts';
import { zaakVoorwaarden } from './zaak-voorwaarden.ts';

/* The channel mix: requests (zaken) and KCC contacts per channel, read from the aggregates (migrations/0100). */

export interface KanaalVak {
  vak: string;
  /** Per channel: requests and contacts. */
  aanvragen: Map<string, number>;
  contacten: Map<string, number>;
}

/** Requests and contacts per channel per week or month. Contacts have no zaaktype or team: those filters skip them. */
export async function kanalenPerVak(db: Kysely<Database>, tenantId: string, filters: Filters, indeling: Indeling): Promise<KanaalVak[]> {
  const aanvragen = await sql<{ dag: string; kanaal: string; aantal: number }>`SELECT a.dag, a.kanaal, sum(a.geopend)::int AS aantal
    FROM inzicht_zaken_per_dag a WHERE ${zaakVoorwaarden(tenantId, filters, 'dag')} GROUP BY 1, 2`.execute(db);
  const contacten = await sql<{ dag: string; kanaal: string; aantal: number }>`SELECT a.dag, a.kanaal, sum(a.aantal)::int AS aantal
    FROM inzicht_kcc_per_uur a WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date
      ${filters.kanaal ? sql`AND a.kanaal = ${filters.kanaal}` : sql``} GROUP BY 1, 2`.execute(db);
  const per = new Map(vakken(filters, indeling).map((vak): [string, KanaalVak] => [vak, { vak, aanvragen: new Map(), contacten: new Map() }]));
  const tel = (map: Map<string, number>, kanaal: string, aantal: number) => map.set(kanaal, (map.get(kanaal) ?? 0) + aantal);
  for (const row of aanvragen.rows) {
    const vak = per.get(vakVan(row.dag, indeling));
    if (vak) tel(vak.aanvragen, row.kanaal, row.aantal);
  }
  for (const row of contacten.rows) {
    const vak = per.get(vakVan(row.dag, indeling));
    if (vak) tel(vak.contacten, row.kanaal, row.aantal);
  }
  return [...per.values()];
}

export interface ProductKanalen {
  zaaktype: string;
  perKanaal: Map<string, number>;
  totaal: number;
  online: number;
  /** Online requests as a share of those whose channel Loket knows (null when none is known). */
  aandeelDigitaal: number | null;
}

/** Requests per zaaktype (product) and channel in the period, with the share that came in online. */
export async function kanalenPerProduct(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<ProductKanalen[]> {
  const rows = await sql<{ zaaktype: string; kanaal: string; aantal: number }>`SELECT a.zaaktype_identificatie AS zaaktype, a.kanaal, sum(a.geopend)::int AS aantal
    FROM inzicht_zaken_per_dag a WHERE ${zaakVoorwaarden(tenantId, filters, 'dag')} GROUP BY 1, 2 HAVING sum(a.geopend) > 0`.execute(db);
  const per = new Map<string, ProductKanalen>();
  for (const row of rows.rows) {
    const product = per.get(row.zaaktype) ?? { zaaktype: row.zaaktype, perKanaal: new Map<string, number>(), totaal: 0, online: 0, aandeelDigitaal: null };
    product.perKanaal.set(row.kanaal, row.aantal);
    product.totaal += row.aantal;
    if (row.kanaal === 'online') product.online += row.aantal;
    per.set(row.zaaktype, product);
  }
  for (const product of per.values()) {
    const bekend = product.totaal - (product.perKanaal.get('onbekend') ?? 0);
    product.aandeelDigitaal = bekend === 0 ? null : product.online / bekend;
  }
  return [...per.values()].sort((a, b) => b.totaal - a.totaal || a.zaaktype.localeCompare(b.zaaktype));
}

/** The products that can be requested online but still come in by phone or at the counter, most such requests first. */
export function nogNietDigitaal(producten: readonly ProductKanalen[], onlineZaaktypen: ReadonlySet<string>): { zaaktype: string; telefoon: number; balie: number; online: number }[] {
  return producten
    .filter((product) => onlineZaaktypen.has(product.zaaktype))
    .map((product) => ({ zaaktype: product.zaaktype, telefoon: product.perKanaal.get('telefoon') ?? 0, balie: product.perKanaal.get('balie') ?? 0, online: product.online }))
    .filter((product) => product.telefoon + product.balie > 0)
    .sort((a, b) => b.telefoon + b.balie - (a.telefoon + a.balie) || a.zaaktype.localeCompare(b.zaaktype));
}
