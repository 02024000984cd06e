import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { euro } from './bedrag.ts';
import { JAARSCHIJVEN } from './versies.ts';

/** One jaarschijf in the standard presentation of the structural balance (euro; positive is voordelig). */
export interface JaarSaldo {
  jaar: number;
  saldoBatenLasten: number;
  saldoReserves: number;
  saldoNaBestemming: number;
  saldoIncidenteel: number;
  structureelSaldo: number;
}

/** Which budget, as adopted when. */
export interface BegrotingStand {
  begrotingsjaar: number;
  /** Only wijzigingen adopted on or before this day count (ISO date); absent: all. */
  peildatum?: string;
}

interface SumRow {
  jaar: number;
  baten_lasten: string | number | null;
  reserves: string | number | null;
  incidenteel: string | number | null;
}

/**
 * The structural balance per jaarschijf of a budget as adopted on the peildatum (primitieve begroting plus the
 * wijzigingen adopted by then), in the presentation the BBV prescribes:
 *   saldo van baten en lasten (reservemutaties excluded)
 *   + saldo mutaties reserves (onttrekkingen minus toevoegingen)
 *   = begrotingssaldo na bestemming
 *   − saldo incidentele baten en lasten (incidentele reservemutaties included)
 *   = structureel begrotingssaldo.
 * Summed in the database in cents from the versions' year totals (begroting_jaartotalen), so the figures are exact.
 */
export async function structureelSaldo(db: Kysely<Database>, tenantId: string, stand: BegrotingStand): Promise<JaarSaldo[]> {
  const signed = sql`CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE -r.bedrag_centen END`;
  const peildatum = stand.peildatum ?? '9999-12-31';
  const result = await sql<SumRow>`
    SELECT r.jaar,
           sum(CASE WHEN NOT r.reservemutatie THEN ${signed} ELSE 0 END) AS baten_lasten,
           sum(CASE WHEN r.reservemutatie THEN ${signed} ELSE 0 END) AS reserves,
           sum(CASE WHEN NOT r.structureel THEN ${signed} ELSE 0 END) AS incidenteel
    FROM begroting_jaartotalen r
    JOIN begrotingsversies v ON v.uuid = r.versie_uuid
    WHERE v.tenant_id = ${tenantId} AND r.tenant_id = ${tenantId}
      AND v.begrotingsjaar = ${stand.begrotingsjaar}
      AND v.soort IN ('primitieve_begroting', 'begrotingswijziging')
      AND v.vastgesteld_op <= ${peildatum}::date
    GROUP BY r.jaar`.execute(db);
  const byYear = new Map(result.rows.map((row) => [Number(row.jaar), row]));
  return Array.from({ length: JAARSCHIJVEN }, (_, offset) => {
    const jaar = stand.begrotingsjaar + offset;
    const row = byYear.get(jaar);
    const batenLasten = Number(row?.baten_lasten ?? 0);
    const reserves = Number(row?.reserves ?? 0);
    const incidenteel = Number(row?.incidenteel ?? 0);
    const naBestemming = batenLasten + reserves;
    return {
      jaar,
      saldoBatenLasten: euro(batenLasten),
      saldoReserves: euro(reserves),
      saldoNaBestemming: euro(naBestemming),
      saldoIncidenteel: euro(incidenteel),
      structureelSaldo: euro(naBestemming - incidenteel),
    };
  });
}
