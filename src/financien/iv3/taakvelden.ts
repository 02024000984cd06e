import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One Iv3 taakveld with the years it may be booked on (the list is renumbered now and then, e.g. 6.2 → 6.21–6.23 in 2025). */
export interface Taakveld {
  code: string;
  naam: string;
  hoofdtaakveld: string;
  hoofdtaakveldNaam: string;
  /** First year it is valid. */
  vanaf: number;
  /** Last year it is valid; undefined while it still is. */
  totEnMet: number | undefined;
  /** A hoofdtaakveld is a heading: amounts are booked on its taakvelden. */
  isHoofdtaakveld: boolean;
}

/** The first year of the Iv3 taakveld classification (BBV 2017). */
const FIRST_YEAR = 2017;

function validity(text: string): { vanaf: number; totEnMet: number | undefined } {
  const since = /^(\d{4})\+$/.exec(text);
  if (since) return { vanaf: Number(since[1]), totEnMet: undefined };
  const until = /^t\/m (\d{4})$/.exec(text);
  if (until) return { vanaf: FIRST_YEAR, totEnMet: Number(until[1]) };
  const from = /^vanaf (\d{4})$/.exec(text);
  if (from) return { vanaf: Number(from[1]), totEnMet: undefined };
  throw new Error(`Unknown validity "${text}" in the Iv3 taakvelden list`);
}

/** Reads the taakvelden list shipped with Loket (`iv3-taakvelden.tsv`, tab-separated with a header). */
export function parseTaakvelden(tsv: string): Taakveld[] {
  const [, ...lines] = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const [code = '', naam = '', hoofdtaakveld = '', hoofdtaakveldNaam = '', geldigheid = '', opmerking = ''] = line.split('\t');
    return { code, naam, hoofdtaakveld, hoofdtaakveldNaam, ...validity(geldigheid), isHoofdtaakveld: opmerking === 'hoofdtaakveld' };
  });
}

let loaded: ReadonlyMap<string, Taakveld> | undefined;

/** Every taakveld by code. */
export function taakvelden(): ReadonlyMap<string, Taakveld> {
  loaded ??= new Map(parseTaakvelden(readFileSync(join(import.meta.dirname, 'iv3-taakvelden.tsv'), 'utf8')).map((taakveld) => [taakveld.code, taakveld]));
  return loaded;
}

/** Why a taakveld code cannot carry an amount in `jaar`, or undefined when it can. */
export function taakveldProblem(code: string, jaar: number): string | undefined {
  const taakveld = taakvelden().get(code);
  if (!taakveld) return `Taakveld ${code} bestaat niet in de Iv3-indeling.`;
  if (taakveld.isHoofdtaakveld) return `${code} is een hoofdtaakveld; boek op een van zijn taakvelden.`;
  if (jaar < taakveld.vanaf) return `Taakveld ${code} bestaat pas vanaf ${taakveld.vanaf}.`;
  if (taakveld.totEnMet !== undefined && jaar > taakveld.totEnMet) return `Taakveld ${code} bestaat tot en met ${taakveld.totEnMet}; gebruik de opvolger.`;
  return undefined;
}

/** Taakveld 0.10: the BBV books every reservemutatie here, apart from the lasten and baten of the taakvelden. */
export const TAAKVELD_MUTATIES_RESERVES = '0.10';
