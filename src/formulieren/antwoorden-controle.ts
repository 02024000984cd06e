import type { Antwoorden, Bestand, FormulierDefinitie, Stap, Veld } from './definitie.ts';
import { checkVeld } from './veld-validatie.ts';
import { zichtbareStappen, zichtbareVelden } from './voorwaarden.ts';

/*
 * Checks answers against a form: one step's fields (Next), or the whole form before it is submitted. Fields hidden
 * by a condition are skipped and left out of the result, so they are neither checked nor submitted.
 */

export interface VeldFout {
  veld: Veld;
  melding: string;
}

export interface Controle {
  /** The normalised answers of the fields that apply and were filled in. */
  antwoorden: Antwoorden;
  fouten: VeldFout[];
}

function controleerVelden(velden: readonly Veld[], antwoorden: Antwoorden, bestanden: readonly Bestand[], today: string): Controle {
  const result: Controle = { antwoorden: {}, fouten: [] };
  for (const veld of velden) {
    const uitkomst = checkVeld(veld, antwoorden[veld.id], today, bestanden.find((bestand) => bestand.veld === veld.id));
    if (uitkomst.fout !== undefined) result.fouten.push({ veld, melding: uitkomst.fout });
    else if (uitkomst.waarde !== undefined && veld.type !== 'bestand') result.antwoorden[veld.id] = uitkomst.waarde;
  }
  return result;
}

/** One step's fields that apply now. */
export function controleerStap(definitie: FormulierDefinitie, stap: Stap, antwoorden: Antwoorden, bestanden: readonly Bestand[], today: string): Controle {
  const zichtbaar = zichtbareVelden(definitie, antwoorden);
  return controleerVelden(stap.velden.filter((veld) => zichtbaar.has(veld.id)), antwoorden, bestanden, today);
}

/** The whole form: every field of every step that applies; the first step with an error is named for going back. */
export function controleerFormulier(definitie: FormulierDefinitie, antwoorden: Antwoorden, bestanden: readonly Bestand[], today: string): Controle & { eersteFouteStap?: Stap } {
  const all: Controle = { antwoorden: {}, fouten: [] };
  let eersteFouteStap: Stap | undefined;
  for (const stap of zichtbareStappen(definitie, antwoorden)) {
    const controle = controleerStap(definitie, stap, antwoorden, bestanden, today);
    Object.assign(all.antwoorden, controle.antwoorden);
    all.fouten.push(...controle.fouten);
    if (controle.fouten.length > 0 && !eersteFouteStap) eersteFouteStap = stap;
  }
  return { ...all, ...(eersteFouteStap ? { eersteFouteStap } : {}) };
}
