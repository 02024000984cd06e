import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { BegrotingStand } from '../begroting/saldo.ts';
import { JAARSCHIJVEN } from '../begroting/versies.ts';
import { KENGETAL_VELDEN, type KengetalInvoer, type KengetalVeld } from './invoer.ts';
import { berekenKengetallen, type ExploitatieCijfers, type Kengetal } from './kengetallen.ts';
import { signaalbandenVan } from './signaalbanden-instelling.ts';
import type { Signaalbanden } from './signaalwaarden.ts';
import { inTransaction } from '../../platform/database/transaction.ts';

interface ExploitatieRow {
  jaar: number;
  totale_baten: string | number | null;
  structurele_lasten: string | number | null;
  structurele_baten: string | number | null;
  toevoegingen: string | number | null;
  onttrekkingen: string | number | null;
}

const EMPTY: ExploitatieCijfers = { totaleBaten: 0, structureleLasten: 0, structureleBaten: 0, structureleToevoegingenReserves: 0, structureleOnttrekkingenReserves: 0 };

/** Sums per year over the versions the condition selects, reservemutaties apart. */
async function exploitatie(db: Kysely<Database>, tenantId: string, versies: ReturnType<typeof sql>): Promise<Map<number, ExploitatieCijfers>> {
  const result = await sql<ExploitatieRow>`
    SELECT r.jaar,
           sum(CASE WHEN r.soort = 'baten' AND NOT r.reservemutatie THEN r.bedrag_centen ELSE 0 END) AS totale_baten,
           sum(CASE WHEN r.soort = 'lasten' AND NOT r.reservemutatie AND r.structureel THEN r.bedrag_centen ELSE 0 END) AS structurele_lasten,
           sum(CASE WHEN r.soort = 'baten' AND NOT r.reservemutatie AND r.structureel THEN r.bedrag_centen ELSE 0 END) AS structurele_baten,
           sum(CASE WHEN r.soort = 'lasten' AND r.reservemutatie AND r.structureel THEN r.bedrag_centen ELSE 0 END) AS toevoegingen,
           sum(CASE WHEN r.soort = 'baten' AND r.reservemutatie AND r.structureel THEN r.bedrag_centen ELSE 0 END) AS onttrekkingen
    FROM begroting_jaartotalen r
    JOIN begrotingsversies v ON v.uuid = r.versie_uuid
    WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND ${versies}
    GROUP BY r.jaar`.execute(db);
  return new Map(
    result.rows.map((row) => [
      Number(row.jaar),
      {
        totaleBaten: Number(row.totale_baten ?? 0),
        structureleLasten: Number(row.structurele_lasten ?? 0),
        structureleBaten: Number(row.structurele_baten ?? 0),
        structureleToevoegingenReserves: Number(row.toevoegingen ?? 0),
        structureleOnttrekkingenReserves: Number(row.onttrekkingen ?? 0),
      },
    ]),
  );
}

export interface KengetallenJaar {
  jaar: number;
  /** Where the year's exploitatie comes from: the jaarrekening (t−1, when there is one) or the budget. */
  bron: 'jaarrekening' | 'begroting';
  kengetallen: Kengetal[];
}

/** What the kengetallen of one year are computed from. */
export interface KengetalGrondslag {
  jaar: number;
  /** Where the year's exploitatie comes from: the jaarrekening (t−1, when there is one) or the budget. */
  bron: 'jaarrekening' | 'begroting';
  invoer: KengetalInvoer;
  cijfers: ExploitatieCijfers;
}

/**
 * The inputs of the kengetallen for t−1 … t+3 of a budget as adopted on the peildatum: t−1 from its jaarrekening when
 * that exists (otherwise the budget of t−1 as adopted), the jaarschijven from the budget; balance positions and
 * woonlasten from the entered inputs of each year. Apart from the computation, so a scenario can change the cijfers.
 */
export async function kengetalGrondslag(db: Kysely<Database>, tenantId: string, stand: BegrotingStand): Promise<KengetalGrondslag[]> {
  const t = stand.begrotingsjaar;
  const peildatum = stand.peildatum ?? '9999-12-31';
  const [budget, rekening, invoerRows] = await Promise.all([
    exploitatie(db, tenantId, sql`v.begrotingsjaar = ${t} AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND v.vastgesteld_op <= ${peildatum}::date`),
    exploitatie(db, tenantId, sql`v.begrotingsjaar = ${t - 1} AND v.soort = 'jaarrekening'`),
    db
      .selectFrom('kengetal_invoer')
      .select(['jaar', 'veld', 'bedrag_centen'])
      .where('tenant_id', '=', tenantId)
      .where('jaar', '>=', t - 1)
      .where('jaar', '<=', t + JAARSCHIJVEN - 1)
      .execute(),
  ]);
  const vorigeBegroting = rekening.has(t - 1)
    ? rekening
    : await exploitatie(db, tenantId, sql`v.begrotingsjaar = ${t - 1} AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND v.vastgesteld_op <= ${peildatum}::date`);
  const invoer = new Map<number, KengetalInvoer>();
  for (const row of invoerRows) {
    if (!KENGETAL_VELDEN.includes(row.veld as KengetalVeld)) continue;
    const year = invoer.get(row.jaar) ?? {};
    year[row.veld as KengetalVeld] = Number(row.bedrag_centen);
    invoer.set(row.jaar, year);
  }
  const years = [t - 1, ...Array.from({ length: JAARSCHIJVEN }, (_, offset) => t + offset)];
  return years.map((jaar) => {
    const vorig = jaar === t - 1;
    const cijfers = (vorig ? vorigeBegroting : budget).get(jaar) ?? EMPTY;
    return { jaar, bron: vorig && rekening.has(jaar) ? 'jaarrekening' : 'begroting', invoer: invoer.get(jaar) ?? {}, cijfers };
  });
}

/** The kengetallen of each year of a grondslag, classed in the given signal bands. */
export function kengetallenUit(grondslag: readonly KengetalGrondslag[], banden: Signaalbanden): KengetallenJaar[] {
  return grondslag.map((jaar) => ({ jaar: jaar.jaar, bron: jaar.bron, kengetallen: berekenKengetallen(jaar.invoer, jaar.cijfers, banden) }));
}

/**
 * The kengetallen for t−1 … t+3 of a budget as adopted on the peildatum (see kengetalGrondslag for where each figure
 * comes from), classed in the tenant's signal bands.
 */
export async function kengetallenVoorBegroting(db: Kysely<Database>, tenantId: string, stand: BegrotingStand): Promise<KengetallenJaar[]> {
  const [grondslag, { banden }] = await Promise.all([kengetalGrondslag(db, tenantId, stand), signaalbandenVan(db, tenantId)]);
  return kengetallenUit(grondslag, banden);
}

/** One year's entered inputs (cents); a field not entered is absent. */
export async function kengetalInvoerVan(db: Kysely<Database>, tenantId: string, jaar: number): Promise<KengetalInvoer> {
  const rows = await db.selectFrom('kengetal_invoer').select(['veld', 'bedrag_centen']).where('tenant_id', '=', tenantId).where('jaar', '=', jaar).execute();
  const invoer: KengetalInvoer = {};
  for (const row of rows) if (KENGETAL_VELDEN.includes(row.veld as KengetalVeld)) invoer[row.veld as KengetalVeld] = Number(row.bedrag_centen);
  return invoer;
}

/** Stores one year's inputs (cents); a field given as null is removed. */
export async function saveKengetalInvoer(db: Kysely<Database>, tenantId: string, jaar: number, invoer: Partial<Record<KengetalVeld, number | null>>): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const [veld, bedrag] of Object.entries(invoer)) {
      if (!KENGETAL_VELDEN.includes(veld as KengetalVeld)) throw new Error(`Unknown kengetal input ${veld}`);
      await trx.deleteFrom('kengetal_invoer').where('tenant_id', '=', tenantId).where('jaar', '=', jaar).where('veld', '=', veld).execute();
      if (bedrag !== null && bedrag !== undefined) await trx.insertInto('kengetal_invoer').values({ tenant_id: tenantId, jaar, veld, bedrag_centen: Math.round(bedrag) }).execute();
    }
  });
}

/**
 * Stores imported inputs, each replacing that year's value of that input, all in one transaction: either every row is
 * stored or none. Inputs the file does not name keep their value.
 */
export async function importKengetalInvoer(db: Kysely<Database>, tenantId: string, rijen: readonly { jaar: number; veld: KengetalVeld; centen: number }[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    for (const rij of rijen) {
      await trx
        .insertInto('kengetal_invoer')
        .values({ tenant_id: tenantId, jaar: rij.jaar, veld: rij.veld, bedrag_centen: rij.centen })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'jaar', 'veld']).doUpdateSet({ bedrag_centen: rij.centen }))
        .execute();
    }
  });
}
