import type { InvalidParam } from '../../../platform/errors/catalogue.ts';

/*
 * EigenschapSpecificatie: how values of an eigenschap are written, which the Zaken API checks every zaakeigenschap
 * against. A specificatie that no value could ever meet is refused here, with the reference implementation's
 * rules for lengte and kardinaliteit and ztc-015 for dates:
 * - formaat `tekst`: lengte is a number of characters, 0 to 255;
 * - formaat `getal`: lengte is `n` or `n,m` (digits before and after the decimal comma);
 * - formaat `datum`: lengte 8, values `jjjjmmdd` (ztc-015);
 * - formaat `datum_tijd`: lengte 14, values `jjjjmmdduummss` (ztc-015);
 * - kardinaliteit: a whole number above 0, or `N` for any number;
 * - groep: letters, digits and underscores;
 * - every value of the waardenverzameling fits the formaat and lengte.
 */

/** The formaten of `FormaatEnum`. */
export const FORMATEN = ['tekst', 'getal', 'datum', 'datum_tijd'] as const;
export type Formaat = (typeof FORMATEN)[number];

/** The specificatie as written. */
export interface EigenschapSpecificatie {
  groep?: string;
  formaat: Formaat;
  lengte: string;
  kardinaliteit: string;
  waardenverzameling?: string[];
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `jjjjmmdd`, a date that exists. */
export function isDatum(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** `jjjjmmdduummss`, a moment that exists. */
export function isDatumTijd(value: string): boolean {
  const match = /^(\d{8})(\d{2})(\d{2})(\d{2})$/.exec(value);
  return match !== null && isDatum(match[1] ?? '') && Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60;
}

/** A getal lengte `n` or `n,m` as its digit counts, or undefined when it is not one. */
function getalLengte(lengte: string): { whole: number; decimals: number } | undefined {
  const match = /^(\d+)(?:[,.](\d+))?$/.exec(lengte);
  if (!match) return undefined;
  return { whole: Number(match[1]), decimals: Number(match[2] ?? 0) };
}

/** The reason the lengte does not suit the formaat, or undefined when it does. */
function lengteProblem(formaat: Formaat, lengte: string): string | undefined {
  switch (formaat) {
    case 'tekst':
      return /^\d{1,3}$/.test(lengte) && Number(lengte) <= 255 ? undefined : 'Als formaat tekst is, moet de lengte een getal van 0 tot en met 255 zijn.';
    case 'getal':
      return getalLengte(lengte) ? undefined : 'Als formaat getal is, moet de lengte een aantal cijfers zijn, eventueel met een aantal decimalen na een komma (bijvoorbeeld 5 of 8,2).';
    case 'datum':
      return lengte === '8' ? undefined : 'Als formaat datum is, moet de lengte 8 zijn (jjjjmmdd, ztc-015).';
    case 'datum_tijd':
      return lengte === '14' ? undefined : 'Als formaat datum_tijd is, moet de lengte 14 zijn (jjjjmmdduummss, ztc-015).';
  }
}

/** Whether a value fits a formaat with a lengte that suits it. */
function fits(formaat: Formaat, lengte: string, value: string): boolean {
  switch (formaat) {
    case 'tekst':
      return [...value].length <= Number(lengte);
    case 'getal': {
      const digits = getalLengte(lengte);
      const match = /^(\d+)(?:,(\d+))?$/.exec(value);
      return digits !== undefined && match !== null && (match[1] ?? '').length <= digits.whole && (match[2] ?? '').length <= digits.decimals;
    }
    case 'datum':
      return isDatum(value);
    case 'datum_tijd':
      return isDatumTijd(value);
  }
}

const VALUE_FORMS: Record<Formaat, string> = {
  tekst: 'tekst van hoogstens de lengte',
  getal: 'een getal met hoogstens de cijfers en decimalen van de lengte',
  datum: 'een datum als jjjjmmdd',
  datum_tijd: 'een datum en tijd als jjjjmmdduummss',
};

function isFormaat(value: unknown): value is Formaat {
  return typeof value === 'string' && (FORMATEN as readonly string[]).includes(value);
}

/** Every problem of a specificatie; what is not there or not text is left to the JSON schema. */
export function specificatieProblems(specificatie: unknown): InvalidParam[] {
  if (typeof specificatie !== 'object' || specificatie === null) return [];
  const { groep, formaat, lengte, kardinaliteit, waardenverzameling } = specificatie as Record<string, unknown>;
  const problems: InvalidParam[] = [];
  if (typeof groep === 'string' && !/^[A-Za-z0-9_]*$/.test(groep)) {
    problems.push({ name: 'specificatie.groep', code: 'invalid', reason: 'Voer alleen letters, cijfers en/of liggende streepjes in.' });
  }
  if (typeof kardinaliteit === 'string' && kardinaliteit !== 'N' && !/^[1-9]\d*$/.test(kardinaliteit)) {
    problems.push({ name: 'specificatie.kardinaliteit', code: 'invalid', reason: "Gebruik een geheel getal groter dan 0, of 'N' voor ongelimiteerd." });
  }
  if (!isFormaat(formaat) || typeof lengte !== 'string') return problems;
  const lengteReason = lengteProblem(formaat, lengte);
  if (lengteReason !== undefined) {
    problems.push({ name: 'specificatie.lengte', code: 'invalid', reason: lengteReason });
    return problems;
  }
  if (Array.isArray(waardenverzameling)) {
    for (const [index, value] of waardenverzameling.entries()) {
      if (typeof value === 'string' && !fits(formaat, lengte, value)) {
        problems.push({ name: `specificatie.waardenverzameling.${index}`, code: 'invalid', reason: `Deze waarde past niet bij de specificatie: verwacht ${VALUE_FORMS[formaat]} (${lengte}).` });
      }
    }
  }
  return problems;
}
