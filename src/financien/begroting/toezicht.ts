import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { structureelSaldo, type JaarSaldo } from './saldo.ts';

/** The provincial supervisor's judgement under the GTK 2020, as far as the figures show it. */
export interface Toezichtsoordeel {
  vorm: 'repressief' | 'preventief';
  /** First year from which every later jaarschijf is structurally balanced; null when the last one is not. */
  jaarVanEvenwicht: number | null;
  toelichting: string;
}

/** From which year the budget stays structurally balanced through its last jaarschijf. */
export function jaarVanEvenwicht(saldi: readonly JaarSaldo[]): number | null {
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

/** How often in a row the year of balance must move out before Loket warns. */
const MOVES_BEFORE_WARNING = 2;

/**
 * "Opschuivend sluitend": successive versions (each primitieve begroting and wijziging, in order of adoption) keep
 * pushing the year of structural balance further out, so the budget only ever balances in a year to come. Warns when
 * the latest versions moved it out (later, or out of reach) at least twice in a row.
 */
export async function opschuivendSluitend(db: Kysely<Database>, tenantId: string): Promise<{ waarschuwing: boolean; reeks: EvenwichtStand[]; toelichting: string }> {
  const versies = await db
    .selectFrom('begrotingsversies')
    .select(['naam', 'begrotingsjaar', 'vastgesteld_op'])
    .where('tenant_id', '=', tenantId)
    .where('soort', 'in', ['primitieve_begroting', 'begrotingswijziging'])
    .orderBy('vastgesteld_op')
    .orderBy('created_at')
    .execute();
  const reeks: EvenwichtStand[] = [];
  for (const versie of versies) {
    const vastgesteldOp = isoDate(versie.vastgesteld_op);
    const saldi = await structureelSaldo(db, tenantId, { begrotingsjaar: versie.begrotingsjaar, peildatum: vastgesteldOp });
    reeks.push({ versie: versie.naam, begrotingsjaar: versie.begrotingsjaar, vastgesteldOp, jaarVanEvenwicht: jaarVanEvenwicht(saldi) });
  }
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
