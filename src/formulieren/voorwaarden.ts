import { isAdresAntwoord, type Antwoorden, type FormulierDefinitie, type Stap, type Veld, type Voorwaarde } from './definitie.ts';

/*
 * Which steps and fields apply, judged on the server from the answers so far. A field hidden by its condition (or in
 * a hidden step) does not count: it is not validated, not shown in the summary and not submitted, and a condition on
 * a hidden field is false, so a chain of conditions collapses as a resident would expect.
 */

function holds(voorwaarde: Voorwaarde | undefined, antwoorden: Antwoorden, zichtbaar: ReadonlySet<string>): boolean {
  if (!voorwaarde) return true;
  if (!zichtbaar.has(voorwaarde.veld)) return false;
  const answer = antwoorden[voorwaarde.veld];
  if (answer === undefined || isAdresAntwoord(answer)) return false;
  const given = Array.isArray(answer) ? answer : [answer];
  return given.some((value) => voorwaarde.is.includes(value));
}

/** The ids of the fields that apply, in form order (a condition may only name a field before it; see the checks). */
export function zichtbareVelden(definitie: FormulierDefinitie, antwoorden: Antwoorden): Set<string> {
  const zichtbaar = new Set<string>();
  for (const stap of definitie.stappen) {
    if (!holds(stap.voorwaarde, antwoorden, zichtbaar)) continue;
    for (const veld of stap.velden) {
      if (holds(veld.voorwaarde, antwoorden, zichtbaar)) zichtbaar.add(veld.id);
    }
  }
  return zichtbaar;
}

/** The steps that apply, in order. */
export function zichtbareStappen(definitie: FormulierDefinitie, antwoorden: Antwoorden): Stap[] {
  const zichtbaar = new Set<string>();
  const stappen: Stap[] = [];
  for (const stap of definitie.stappen) {
    if (!holds(stap.voorwaarde, antwoorden, zichtbaar)) continue;
    stappen.push(stap);
    for (const veld of stap.velden) {
      if (holds(veld.voorwaarde, antwoorden, zichtbaar)) zichtbaar.add(veld.id);
    }
  }
  return stappen;
}

/** The fields of one step that apply now. */
export function zichtbareVeldenVanStap(stap: Stap, definitie: FormulierDefinitie, antwoorden: Antwoorden): Veld[] {
  const zichtbaar = zichtbareVelden(definitie, antwoorden);
  return stap.velden.filter((veld) => zichtbaar.has(veld.id));
}
