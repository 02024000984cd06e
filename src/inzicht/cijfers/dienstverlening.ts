import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { addIsoDuration } from '../../components/zaken/shared/duration.ts';
import { daysBetween } from '../../components/zaken/termijnen/awb-termijnen.ts';
import type { Filters } from '../filters.ts';
import { vakken, vakVan, type Indeling } from '../periode.ts';
import { percentiel, type Histogramvak } from './percentielen.ts';
import { zaakVoorwaarden } from './zaak-voorwaarden.ts';
import type { ZaaktypeInfo } from './zaaktypen.ts';

/* Service delivery figures, read from the zaak aggregates (migrations/0100). */

/** One group of closed zaken: by zaaktype and doorlooptijd (a histogram bar), with how many met the norms. */
export interface AfgehandeldVak {
  zaaktype: string;
  dagen: number;
  aantal: number;
  metServicenorm: number;
  binnenServicenorm: number;
  metTermijn: number;
  binnenTermijn: number;
}

/** The zaken closed in the period, counted per day and as a histogram per zaaktype. */
export interface Afgehandeld {
  perDag: { dag: string; aantal: number }[];
  histogram: AfgehandeldVak[];
}

/** Reads the closed zaken of the period in one pass over their aggregate (two groupings of the same rows). */
export async function afgehandeldeZaken(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<Afgehandeld> {
  const rows = await sql<{ dag: string | null; zaaktype: string | null; dagen: number | null; aantal: number; met_sn: number; binnen_sn: number; met_t: number; binnen_t: number }>`
    SELECT a.dag, a.zaaktype_identificatie AS zaaktype, a.doorlooptijd_dagen AS dagen, sum(a.aantal)::int AS aantal,
      sum(a.met_servicenorm)::int AS met_sn, sum(a.binnen_servicenorm)::int AS binnen_sn, sum(a.met_termijn)::int AS met_t, sum(a.binnen_termijn)::int AS binnen_t
    FROM inzicht_afgehandeld_per_dag a WHERE ${zaakVoorwaarden(tenantId, filters, 'dag')}
    GROUP BY GROUPING SETS ((a.dag), (a.zaaktype_identificatie, a.doorlooptijd_dagen))`.execute(db);
  const perDag: Afgehandeld['perDag'] = [];
  const histogram: AfgehandeldVak[] = [];
  for (const row of rows.rows) {
    if (row.dag !== null) perDag.push({ dag: row.dag, aantal: row.aantal });
    else if (row.zaaktype !== null && row.dagen !== null) {
      histogram.push({ zaaktype: row.zaaktype, dagen: row.dagen, aantal: row.aantal, metServicenorm: row.met_sn, binnenServicenorm: row.binnen_sn, metTermijn: row.met_t, binnenTermijn: row.binnen_t });
    }
  }
  return { perDag, histogram };
}

export interface ZakenPerVak {
  vak: string;
  geopend: number;
  afgehandeld: number;
}

/** Zaken opened and closed per week or month of the period (empty buckets included). */
export async function zakenPerVak(db: Kysely<Database>, tenantId: string, filters: Filters, indeling: Indeling, afgehandeld: Afgehandeld): Promise<ZakenPerVak[]> {
  const geopend = await sql<{ dag: string; aantal: number }>`SELECT a.dag, sum(a.geopend)::int AS aantal FROM inzicht_zaken_per_dag a
    WHERE ${zaakVoorwaarden(tenantId, filters, 'dag')} GROUP BY a.dag`.execute(db);
  const per = new Map(vakken(filters, indeling).map((vak) => [vak, { vak, geopend: 0, afgehandeld: 0 }]));
  for (const row of geopend.rows) {
    const item = per.get(vakVan(row.dag, indeling));
    if (item) item.geopend += row.aantal;
  }
  for (const row of afgehandeld.perDag) {
    const item = per.get(vakVan(row.dag, indeling));
    if (item) item.afgehandeld += row.aantal;
  }
  return [...per.values()];
}

export interface Doorlooptijd {
  /** Null for the total over all zaaktypen. */
  zaaktype: string | null;
  afgehandeld: number;
  mediaan: number | null;
  p90: number | null;
  /** The zaaktype's norms in days (null: none, or the total row). */
  servicenormDagen: number | null;
  termijnDagen: number | null;
  metServicenorm: number;
  binnenServicenorm: number;
  metTermijn: number;
  binnenTermijn: number;
}

/** A zaaktype's ISO 8601 duration in days, counted from the start of the period (months differ in length). */
export function normInDagen(duur: string | null, vanaf: string): number | null {
  if (!duur) return null;
  const eind = addIsoDuration(vanaf, duur);
  return eind === undefined ? null : daysBetween(vanaf, eind);
}

/** The doorlooptijd of the zaken closed in the period per zaaktype (median, p90, share within the norms), and overall. */
export function doorlooptijden(histogram: readonly AfgehandeldVak[], filters: Filters, zaaktypen: ReadonlyMap<string, ZaaktypeInfo>): Doorlooptijd[] {
  const groepen = new Map<string | null, { histogram: Histogramvak[]; metServicenorm: number; binnenServicenorm: number; metTermijn: number; binnenTermijn: number }>();
  const voeg = (sleutel: string | null, vak: AfgehandeldVak) => {
    const groep = groepen.get(sleutel) ?? { histogram: [], metServicenorm: 0, binnenServicenorm: 0, metTermijn: 0, binnenTermijn: 0 };
    groep.histogram.push({ dagen: vak.dagen, aantal: vak.aantal });
    groep.metServicenorm += vak.metServicenorm;
    groep.binnenServicenorm += vak.binnenServicenorm;
    groep.metTermijn += vak.metTermijn;
    groep.binnenTermijn += vak.binnenTermijn;
    groepen.set(sleutel, groep);
  };
  for (const vak of histogram) {
    voeg(vak.zaaktype, vak);
    voeg(null, vak);
  }
  const result: Doorlooptijd[] = [];
  for (const [zaaktype, groep] of groepen) {
    const info = zaaktype === null ? undefined : zaaktypen.get(zaaktype);
    result.push({
      zaaktype,
      afgehandeld: groep.histogram.reduce((som, vak) => som + vak.aantal, 0),
      mediaan: percentiel(groep.histogram, 0.5),
      p90: percentiel(groep.histogram, 0.9),
      servicenormDagen: info ? normInDagen(info.servicenorm, filters.van) : null,
      termijnDagen: info ? normInDagen(info.doorlooptijd, filters.van) : null,
      metServicenorm: groep.metServicenorm,
      binnenServicenorm: groep.binnenServicenorm,
      metTermijn: groep.metTermijn,
      binnenTermijn: groep.binnenTermijn,
    });
  }
  return result.sort((a, b) => (a.zaaktype === null ? 1 : b.zaaktype === null ? -1 : a.zaaktype.localeCompare(b.zaaktype)));
}

export interface Werkvoorraad {
  /** A team's id and name; null for the zaaktypen no team handles. */
  team: { id: string; naam: string } | null;
  open: number;
  teLaat: number;
  opgeschort: number;
}

/**
 * The backlog now: open zaken and those past their legal deadline (before today), per team. A zaaktype that two teams
 * handle counts for both; zaaktypen no team handles have their own row.
 */
export async function werkvoorraadPerTeam(db: Kysely<Database>, tenantId: string, filters: Filters, vandaag: string): Promise<Werkvoorraad[]> {
  const rows = await sql<{ team_id: string | null; team_naam: string | null; open: number; te_laat: number; opgeschort: number }>`
    SELECT t.id AS team_id, t.naam AS team_naam, sum(a.aantal)::int AS open,
      COALESCE(sum(a.aantal) FILTER (WHERE a.termijn < ${vandaag}::date), 0)::int AS te_laat, sum(a.opgeschort)::int AS opgeschort
    FROM inzicht_openstaand a
    LEFT JOIN team_zaaktypen tz ON tz.tenant_id = a.tenant_id AND tz.zaaktype_identificatie = a.zaaktype_identificatie
    LEFT JOIN teams t ON t.id = tz.team_id
    WHERE ${zaakVoorwaarden(tenantId, filters, null)} ${filters.team ? sql`AND tz.team_id = ${filters.team}::uuid` : sql``}
    GROUP BY t.id, t.naam HAVING sum(a.aantal) > 0 ORDER BY t.naam NULLS LAST`.execute(db);
  return rows.rows.map((row) => ({ team: row.team_id && row.team_naam ? { id: row.team_id, naam: row.team_naam } : null, open: row.open, teLaat: row.te_laat, opgeschort: row.opgeschort }));
}

export interface Termijnbewaking {
  geopend: number;
  opgeschort: number;
  opschortingen: number;
  verlengd: number;
  heropend: number;
}

/** Of the zaken started in the period: how many were suspended (and how often in all), extended and reopened. */
export async function termijnbewaking(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<Termijnbewaking> {
  const rows = await sql<Termijnbewaking>`SELECT COALESCE(sum(a.geopend), 0)::int AS geopend, COALESCE(sum(a.opgeschort), 0)::int AS opgeschort,
      COALESCE(sum(a.opschortingen), 0)::int AS opschortingen, COALESCE(sum(a.verlengd), 0)::int AS verlengd, COALESCE(sum(a.heropend), 0)::int AS heropend
    FROM inzicht_zaken_per_dag a WHERE ${zaakVoorwaarden(tenantId, filters, 'dag')}`.execute(db);
  return rows.rows[0] ?? { geopend: 0, opgeschort: 0, opschortingen: 0, verlengd: 0, heropend: 0 };
}
