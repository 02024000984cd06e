import { sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { JaarSaldo } from './saldo.ts';
import { JAARSCHIJVEN } from './versies.ts';

/** The provincial supervisor's judgement under the GTK 2020, as far as the figures show it. */
export interface Toezichtsoordeel {
  vorm: 'repressief' | 'preventief';
  /** First year from which every later jaarschijf is structurally balanced; null when the last one is not. */
  jaarVanEvenwicht: number | null;
  toelichting: string;
}

/** From which year the budget stays structurally balanced through its last jaarschijf. */
export function jaarVanEvenwicht(saldi: readonly Pick<JaarSaldo, 'jaar' | 'structureelSaldo'>[]): number | null {
  let from: number | null = null;
  for (const saldo of [...saldi].reverse()) {
    if (saldo.structureelSaldo < 0) break;
    from = saldo.jaar;
  }
  return from;
}

/**
 * GTK 2020: repressief toezicht when the budget is structureel en reëel in evenwicht in the budget year, or when the
 * meerjarenraming makes it plausible that this is reached at the latest in its last jaarschijf; otherwise preventief
 * toezicht. Whether the figures are reëel (realistic) the province judges from the content; Loket says so.
 */
export function toezichtsoordeel(saldi: readonly JaarSaldo[]): Toezichtsoordeel {
  const [eerste] = saldi;
  const laatste = saldi[saldi.length - 1];
  const evenwicht = jaarVanEvenwicht(saldi);
  const reeel = 'De provincie toetst daarnaast of de ramingen reëel zijn.';
  if (!eerste || !laatste) return { vorm: 'preventief', jaarVanEvenwicht: null, toelichting: 'Er is geen begroting om te beoordelen.' };
  if (eerste.structureelSaldo >= 0) {
    return { vorm: 'repressief', jaarVanEvenwicht: evenwicht, toelichting: `De begroting ${eerste.jaar} is structureel in evenwicht: repressief toezicht. ${reeel}` };
  }
  if (laatste.structureelSaldo >= 0) {
    return {
      vorm: 'repressief',
      jaarVanEvenwicht: evenwicht,
      toelichting: `De begroting ${eerste.jaar} is structureel niet in evenwicht, de meerjarenraming wel vanaf ${evenwicht ?? laatste.jaar}: repressief toezicht, als de provincie dat herstel aannemelijk vindt. ${reeel}`,
    };
  }
  return {
    vorm: 'preventief',
    jaarVanEvenwicht: null,
    toelichting: `Ook in ${laatste.jaar}, de laatste jaarschijf, is de begroting structureel niet in evenwicht: preventief toezicht dreigt. Maatregelen zijn nodig.`,
  };
}

/** One adopted state of a budget in the row of versions. */
export interface EvenwichtStand {
  versie: string;
  begrotingsjaar: number;
  vastgesteldOp: string;
  jaarVanEvenwicht: number | null;
}

interface StandRow {
  uuid: string;
  naam: string;
  begrotingsjaar: number;
  vastgesteld_op: Date | string;
  jaar: number | null;
  structureel: string | number | null;
}

/** How often in a row the year of balance must move out before Loket warns. */
const MOVES_BEFORE_WARNING = 2;

/**
 * "Opschuivend sluitend": successive versions (each primitieve begroting and wijziging, in order of adoption) keep
 * pushing the year of structural balance further out, so the budget only ever balances in a year to come. Warns when
 * the latest versions moved it out (later, or out of reach) at least twice in a row.
 */
export async function opschuivendSluitend(db: Kysely<Database>, tenantId: string): Promise<{ waarschuwing: boolean; reeks: EvenwichtStand[]; toelichting: string }> {
  // One query for every adopted state at once: each version's budget as adopted on its own day (every version of
  // its year adopted on or before it), summed per jaarschijf over the structural totals only, since the structural
  // balance is the saldo na bestemming minus the incidental part.
  const result = await sql<StandRow>`
    SELECT s.uuid, s.naam, s.begrotingsjaar, s.vastgesteld_op, r.jaar,
           sum(CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE -r.bedrag_centen END) AS structureel
    FROM begrotingsversies s
    JOIN begrotingsversies v ON v.tenant_id = s.tenant_id AND v.begrotingsjaar = s.begrotingsjaar
      AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') AND v.vastgesteld_op <= s.vastgesteld_op
    LEFT JOIN begroting_jaartotalen r ON r.versie_uuid = v.uuid AND r.tenant_id = ${tenantId} AND r.structureel
      AND r.jaar BETWEEN s.begrotingsjaar AND s.begrotingsjaar + ${JAARSCHIJVEN - 1}
    WHERE s.tenant_id = ${tenantId} AND s.soort IN ('primitieve_begroting', 'begrotingswijziging')
    GROUP BY s.uuid, s.naam, s.begrotingsjaar, s.vastgesteld_op, s.created_at, r.jaar
    ORDER BY s.vastgesteld_op, s.created_at`.execute(db);
  const standen = new Map<string, { naam: string; begrotingsjaar: number; vastgesteldOp: string; saldi: Map<number, number> }>();
  for (const row of result.rows) {
    const stand = standen.get(row.uuid) ?? { naam: row.naam, begrotingsjaar: Number(row.begrotingsjaar), vastgesteldOp: isoDate(row.vastgesteld_op), saldi: new Map<number, number>() };
    if (row.jaar !== null) stand.saldi.set(Number(row.jaar), Number(row.structureel ?? 0));
    standen.set(row.uuid, stand);
  }
  const reeks: EvenwichtStand[] = [...standen.values()].map((stand) => {
    const saldi = Array.from({ length: JAARSCHIJVEN }, (_, offset) => ({ jaar: stand.begrotingsjaar + offset, structureelSaldo: stand.saldi.get(stand.begrotingsjaar + offset) ?? 0 }));
    return { versie: stand.naam, begrotingsjaar: stand.begrotingsjaar, vastgesteldOp: stand.vastgesteldOp, jaarVanEvenwicht: jaarVanEvenwicht(saldi) };
  });
  let moves = 0;
  for (let index = reeks.length - 1; index > 0; index--) {
    const now = reeks[index]?.jaarVanEvenwicht ?? null;
    const before = reeks[index - 1]?.jaarVanEvenwicht ?? null;
    const movedOut = before !== null && (now === null || now > before);
    if (!movedOut) break;
    moves += 1;
  }
  const waarschuwing = moves >= MOVES_BEFORE_WARNING;
  const laatste = reeks[reeks.length - 1];
  return {
    waarschuwing,
    reeks,
    toelichting: waarschuwing
      ? `Opschuivend sluitend: de laatste ${moves + 1} versies schoven het jaar van structureel evenwicht steeds verder op${laatste?.jaarVanEvenwicht ? `, nu naar ${laatste.jaarVanEvenwicht}` : ', nu buiten de meerjarenraming'}.`
      : 'Het jaar van structureel evenwicht schuift niet steeds verder op.',
  };
}

function isoDate(value: Date | string): string {
  if (typeof value === 'string') return value.slice(0, 10);
  // A date column arrives as local midnight: read it back in local time.
  return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}
