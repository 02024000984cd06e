import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { JAARSCHIJVEN } from '../begroting/versies.ts';
import { taakvelden } from '../iv3/taakvelden.ts';

/** One hoofdtaakveld in one year: what it costs and brings in, in cents. */
export interface TaakveldJaar {
  jaar: number;
  hoofdtaakveld: string;
  naam: string;
  lastenCenten: number;
  batenCenten: number;
}

/** What "Begroting in beeld" shows: the budget per hoofdtaakveld over t−1 … t+3 and the inhabitants per year. */
export interface BegrotingInBeeld {
  begrotingsjaar: number;
  jaren: { jaar: number; bron: 'jaarrekening' | 'begroting'; inwoners: number | null; lastenCenten: number; batenCenten: number }[];
  taakvelden: TaakveldJaar[];
}

interface Row {
  jaar: number;
  taakveld: string;
  lasten: string | number;
  baten: string | number;
}

/**
 * The published figures: the latest budget as adopted (all its wijzigingen) for its four jaarschijven and the
 * jaarrekening of the year before (or that year's budget when there is no jaarrekening yet), per hoofdtaakveld, lasten
 * and baten without the reservemutaties. Read from the versions' totals, so the public page stays light.
 */
export async function begrotingInBeeld(db: Kysely<Database>, tenantId: string): Promise<BegrotingInBeeld | undefined> {
  const laatste = await db
    .selectFrom('begrotingsversies')
    .select('begrotingsjaar')
    .where('tenant_id', '=', tenantId)
    .where('soort', '=', 'primitieve_begroting')
    .orderBy('begrotingsjaar', 'desc')
    .executeTakeFirst();
  if (!laatste) return undefined;
  const t = laatste.begrotingsjaar;
  const heeftRekening = await db
    .selectFrom('begrotingsversies')
    .select('uuid')
    .where('tenant_id', '=', tenantId)
    .where('begrotingsjaar', '=', t - 1)
    .where('soort', '=', 'jaarrekening')
    .executeTakeFirst();
  const vorigJaar = heeftRekening
    ? sql`(v.begrotingsjaar = ${t - 1} AND v.soort = 'jaarrekening')`
    : sql`(v.begrotingsjaar = ${t - 1} AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND r.jaar = ${t - 1})`;
  const result = await sql<Row>`
    SELECT r.jaar, r.taakveld,
           sum(CASE WHEN r.soort = 'lasten' THEN r.bedrag_centen ELSE 0 END) AS lasten,
           sum(CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE 0 END) AS baten
    FROM begroting_totalen r
    JOIN begrotingsversies v ON v.uuid = r.versie_uuid
    WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId} AND r.reserve IS NULL
      AND ((v.begrotingsjaar = ${t} AND v.soort IN ('primitieve_begroting', 'begrotingswijziging')) OR ${vorigJaar})
    GROUP BY r.jaar, r.taakveld`.execute(db);
  const namen = taakvelden();
  const perHoofdtaakveld = new Map<string, TaakveldJaar>();
  for (const row of result.rows) {
    const taakveld = namen.get(row.taakveld);
    const hoofd = taakveld?.hoofdtaakveld ?? row.taakveld.split('.')[0] ?? row.taakveld;
    const key = `${row.jaar}|${hoofd}`;
    const entry = perHoofdtaakveld.get(key) ?? { jaar: Number(row.jaar), hoofdtaakveld: hoofd, naam: namen.get(hoofd)?.naam ?? taakveld?.hoofdtaakveldNaam ?? hoofd, lastenCenten: 0, batenCenten: 0 };
    entry.lastenCenten += Number(row.lasten);
    entry.batenCenten += Number(row.baten);
    perHoofdtaakveld.set(key, entry);
  }
  const inwoners = new Map(
    (await db.selectFrom('financien_inwoners').select(['jaar', 'aantal']).where('tenant_id', '=', tenantId).where('jaar', '>=', t - 1).where('jaar', '<=', t + JAARSCHIJVEN - 1).execute()).map(
      (row) => [row.jaar, row.aantal],
    ),
  );
  const lijst = [...perHoofdtaakveld.values()].sort((a, b) => a.jaar - b.jaar || a.hoofdtaakveld.localeCompare(b.hoofdtaakveld, 'nl', { numeric: true }));
  const jaren = Array.from({ length: JAARSCHIJVEN + 1 }, (_, index) => t - 1 + index).map((jaar) => {
    const items = lijst.filter((item) => item.jaar === jaar);
    return {
      jaar,
      bron: jaar === t - 1 && heeftRekening ? ('jaarrekening' as const) : ('begroting' as const),
      inwoners: inwoners.get(jaar) ?? null,
      lastenCenten: items.reduce((sum, item) => sum + item.lastenCenten, 0),
      batenCenten: items.reduce((sum, item) => sum + item.batenCenten, 0),
    };
  });
  return { begrotingsjaar: t, jaren, taakvelden: lijst };
}
