import type { MaatregelStatus, Haalbaarheid } from '../../platform/database/tables/financien.ts';
import type { JaarSaldo } from '../begroting/saldo.ts';
import { euro } from '../begroting/bedrag.ts';
import type { ExploitatieCijfers } from '../kengetallen/kengetallen.ts';

/** What the effect computation needs of a maatregel. */
export interface MaatregelEffect {
  status: MaatregelStatus;
  haalbaarheid: Haalbaarheid;
  effectOp: 'lasten' | 'baten';
  structureel: boolean;
  /** Voordeel per year in cents: positive improves the balance (lower lasten or higher baten). */
  bedragen: ReadonlyMap<number, number>;
}

const HAALBAARHEID_RANG: Record<Haalbaarheid, number> = { laag: 0, gemiddeld: 1, hoog: 2 };

/**
 * The maatregelen of a scenario: the voorgestelde (a vastgestelde is already in the budget through its wijziging, a
 * vervallen one is gone) with at least the given feasibility.
 */
export function inScenario<T extends Pick<MaatregelEffect, 'status' | 'haalbaarheid'>>(maatregelen: readonly T[], minimaleHaalbaarheid: Haalbaarheid = 'laag'): T[] {
  return maatregelen.filter((maatregel) => maatregel.status === 'voorgesteld' && HAALBAARHEID_RANG[maatregel.haalbaarheid] >= HAALBAARHEID_RANG[minimaleHaalbaarheid]);
}

/**
 * The structural balance with the maatregelen taken in: each year's voordeel raises the saldo van baten en lasten
 * and so the saldo na bestemming; an incidental measure is also part of the saldo incidentele baten en lasten, so
 * only a structural measure changes the structureel begrotingssaldo.
 */
export function saldoMetMaatregelen(saldi: readonly JaarSaldo[], maatregelen: readonly MaatregelEffect[]): JaarSaldo[] {
  const cents = (value: number) => Math.round(value * 100);
  return saldi.map((saldo) => {
    let voordeel = 0;
    let structureel = 0;
    for (const maatregel of maatregelen) {
      const bedrag = maatregel.bedragen.get(saldo.jaar) ?? 0;
      voordeel += bedrag;
      if (maatregel.structureel) structureel += bedrag;
    }
    const batenLasten = cents(saldo.saldoBatenLasten) + voordeel;
    const naBestemming = cents(saldo.saldoNaBestemming) + voordeel;
    const incidenteel = cents(saldo.saldoIncidenteel) + (voordeel - structureel);
    return {
      jaar: saldo.jaar,
      saldoBatenLasten: euro(batenLasten),
      saldoReserves: saldo.saldoReserves,
      saldoNaBestemming: euro(naBestemming),
      saldoIncidenteel: euro(incidenteel),
      structureelSaldo: euro(naBestemming - incidenteel),
    };
  });
}

/**
 * One year's exploitatie with the maatregelen taken in, for the kengetallen: higher baten count in the totale baten
 * (and in the structurele baten when structural); lower lasten lower the structurele lasten when structural (an
 * incidental saving changes no kengetal: the kengetallen use only structural lasten).
 */
export function exploitatieMetMaatregelen(jaar: number, cijfers: ExploitatieCijfers, maatregelen: readonly MaatregelEffect[]): ExploitatieCijfers {
  const result = { ...cijfers };
  for (const maatregel of maatregelen) {
    const bedrag = maatregel.bedragen.get(jaar) ?? 0;
    if (maatregel.effectOp === 'baten') {
      result.totaleBaten += bedrag;
      if (maatregel.structureel) result.structureleBaten += bedrag;
    } else if (maatregel.structureel) {
      result.structureleLasten -= bedrag;
    }
  }
  return result;
}
