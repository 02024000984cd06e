import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Filters } from '../filters.ts';

/* KCC figures: contacts from their aggregate; contactverzoeken from theirs, and the open ones live (see below). */

export interface ContactenPerUur {
  uur: number;
  perKanaal: Map<string, number>;
  totaal: number;
}

/** Contacts per hour of the day (Europe/Amsterdam) and channel over the period: when the KCC needs people. */
export async function contactenPerUur(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<ContactenPerUur[]> {
  const rows = await sql<{ uur: number; kanaal: string; aantal: number }>`SELECT a.uur, a.kanaal, sum(a.aantal)::int AS aantal FROM inzicht_kcc_per_uur a
    WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date ${filters.kanaal ? sql`AND a.kanaal = ${filters.kanaal}` : sql``}
    GROUP BY 1, 2 ORDER BY 1`.execute(db);
  const per = new Map<number, ContactenPerUur>();
  for (const row of rows.rows) {
    const uur = per.get(row.uur) ?? { uur: row.uur, perKanaal: new Map<string, number>(), totaal: 0 };
    uur.perKanaal.set(row.kanaal, row.aantal);
    uur.totaal += row.aantal;
    per.set(row.uur, uur);
  }
  return [...per.values()];
}

export interface ContactenPerKanaal {
  kanaal: string;
  aantal: number;
  gesloten: number;
  eersteContact: number;
}

/** Contacts per channel, with how many were closed and how many of those were resolved at first contact. */
export async function contactenPerKanaal(db: Kysely<Database>, tenantId: string, filters: Filters): Promise<ContactenPerKanaal[]> {
  const rows = await sql<{ kanaal: string; aantal: number; gesloten: number; eerste_contact: number }>`SELECT a.kanaal, sum(a.aantal)::int AS aantal,
      sum(a.gesloten)::int AS gesloten, sum(a.eerste_contact)::int AS eerste_contact FROM inzicht_kcc_per_uur a
    WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date ${filters.kanaal ? sql`AND a.kanaal = ${filters.kanaal}` : sql``}
    GROUP BY 1 ORDER BY 2 DESC, 1`.execute(db);
  return rows.rows.map((row) => ({ kanaal: row.kanaal, aantal: row.aantal, gesloten: row.gesloten, eersteContact: row.eerste_contact }));
}

export interface Contactverzoekcijfers {
  aangemaakt: number;
  opgepakt: number;
  binnenDagOpgepakt: number;
  /** Average minutes from hand-over to pick-up (null when none was picked up). */
  gemiddeldOppakMinuten: number | null;
  afgehandeld: number;
  teLaatAfgehandeld: number;
  /** Now, whatever the period: still open, and open past their deadline. */
  openNu: number;
  teLaatNu: number;
}

/**
 * Contactverzoeken made in the period (from the aggregate) and those open now. The open ones are counted live through
 * the partial indexes on open contactverzoeken: a small, current set that an aggregate would only make stale.
 */
export async function contactverzoekcijfers(db: Kysely<Database>, tenantId: string, filters: Filters, vandaag: string): Promise<Contactverzoekcijfers> {
  const team = filters.team ? sql`AND a.team = ${filters.team}` : sql``;
  const periode = await sql<{ aangemaakt: number; opgepakt: number; binnen_dag: number; minuten: number; afgehandeld: number; te_laat: number }>`
    SELECT COALESCE(sum(a.aangemaakt), 0)::int AS aangemaakt, COALESCE(sum(a.opgepakt), 0)::int AS opgepakt, COALESCE(sum(a.binnen_dag_opgepakt), 0)::int AS binnen_dag,
      COALESCE(sum(a.oppak_minuten), 0)::bigint AS minuten, COALESCE(sum(a.afgehandeld), 0)::int AS afgehandeld, COALESCE(sum(a.te_laat_afgehandeld), 0)::int AS te_laat
    FROM inzicht_contactverzoeken_per_dag a WHERE a.tenant_id = ${tenantId} AND a.dag BETWEEN ${filters.van}::date AND ${filters.tot}::date ${team}`.execute(db);
  const open = await sql<{ open: number; te_laat: number }>`SELECT count(*)::int AS open, count(*) FILTER (WHERE c.deadline < ${vandaag}::date)::int AS te_laat
    FROM contactverzoeken c WHERE c.tenant_id = ${tenantId} AND c.afgehandeld_op IS NULL ${filters.team ? sql`AND c.team_id = ${filters.team}::uuid` : sql``}`.execute(db);
  const p = periode.rows[0] ?? { aangemaakt: 0, opgepakt: 0, binnen_dag: 0, minuten: 0, afgehandeld: 0, te_laat: 0 };
  return {
    aangemaakt: p.aangemaakt,
    opgepakt: p.opgepakt,
    binnenDagOpgepakt: p.binnen_dag,
    gemiddeldOppakMinuten: p.opgepakt === 0 ? null : Math.round(Number(p.minuten) / p.opgepakt),
    afgehandeld: p.afgehandeld,
    teLaatAfgehandeld: p.te_laat,
    openNu: open.rows[0]?.open ?? 0,
    teLaatNu: open.rows[0]?.te_laat ?? 0,
  };
}
