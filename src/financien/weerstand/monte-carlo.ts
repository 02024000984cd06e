import { seededRandom } from './seeded-random.ts';

/** A risk as the simulation sees it. */
export interface SimulatieRisico {
  id: string;
  /** Chance of occurring within the year, 0 … 1. */
  kans: number;
  /** Financial impact when it occurs, in cents. */
  impactCenten: number;
}

export interface SimulatieOpties {
  /** At least 10,000 draws: fewer make the 90% level wander between runs. */
  trekkingen: number;
  seed: number;
  /** The certainty the capacity must cover, 0.9 by convention. */
  zekerheid: number;
}

export interface SimulatieUitkomst {
  /** The benodigde weerstandscapaciteit: the total loss not exceeded in `zekerheid` of the draws, in cents. */
  benodigdCenten: number;
  /** Mean total loss over all draws, in cents. */
  gemiddeldCenten: number;
  /** Per risk, its mean share of the loss in the draws at or above the certainty level: what drives the need. */
  bijdragen: { id: string; centen: number }[];
  trekkingen: number;
  seed: number;
}

export const MIN_TREKKINGEN = 10_000;

/**
 * Monte Carlo simulation of the risk register: in every draw each risk occurs with its chance and then costs its
 * impact; the benodigde capaciteit is the total loss at the certainty level (nearest rank). With every chance at 100%
 * the result is the sum of the impacts; one risk of 50% with impact X gives X at 90%.
 */
export function simuleerRisicos(risicos: readonly SimulatieRisico[], opties: SimulatieOpties): SimulatieUitkomst {
  if (!Number.isInteger(opties.trekkingen) || opties.trekkingen < MIN_TREKKINGEN) throw new RangeError(`Een simulatie vraagt ten minste ${MIN_TREKKINGEN} trekkingen.`);
  if (!(opties.zekerheid > 0 && opties.zekerheid < 1)) throw new RangeError('De zekerheid ligt tussen 0 en 1, bijvoorbeeld 0,9.');
  const random = seededRandom(opties.seed);
  const count = risicos.length;
  const kansen = Float64Array.from(risicos, (risico) => risico.kans);
  const impacts = Float64Array.from(risicos, (risico) => risico.impactCenten);
  const totals = new Float64Array(opties.trekkingen);
  // Which risks occurred in each draw, one bit per risk, so the tail's contributions need no second simulation.
  const words = Math.ceil(count / 32);
  const occurred = new Uint32Array(opties.trekkingen * words);
  let sum = 0;
  for (let draw = 0; draw < opties.trekkingen; draw++) {
    let total = 0;
    for (let index = 0; index < count; index++) {
      if (random() < (kansen[index] ?? 0)) {
        total += impacts[index] ?? 0;
        const word = draw * words + (index >>> 5);
        occurred[word] = (occurred[word] ?? 0) | (1 << (index & 31));
      }
    }
    totals[draw] = total;
    sum += total;
  }
  const sorted = Float64Array.from(totals).sort();
  const rank = Math.ceil(opties.zekerheid * opties.trekkingen) - 1;
  const benodigd = sorted[rank] ?? 0;
  const shares = new Float64Array(count);
  let tail = 0;
  for (let draw = 0; draw < opties.trekkingen; draw++) {
    if ((totals[draw] ?? 0) < benodigd) continue;
    tail += 1;
    for (let index = 0; index < count; index++) {
      if (((occurred[draw * words + (index >>> 5)] ?? 0) >>> (index & 31)) & 1) shares[index] = (shares[index] ?? 0) + (impacts[index] ?? 0);
    }
  }
  const bijdragen = risicos
    .map((risico, index) => ({ id: risico.id, centen: tail === 0 ? 0 : Math.round((shares[index] ?? 0) / tail) }))
    .sort((a, b) => b.centen - a.centen);
  return { benodigdCenten: benodigd, gemiddeldCenten: Math.round(sum / opties.trekkingen), bijdragen, trekkingen: opties.trekkingen, seed: opties.seed };
}
