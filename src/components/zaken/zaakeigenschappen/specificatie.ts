/*
 * Whether a zaakeigenschap's `waarde` fits its eigenschap's specificatie (Catalogi EigenschapSpecificatie), the way
 * the reference implementation checks it: a waardenverzameling decides alone; otherwise the formaat with its lengte.
 * Dates follow the ZGW forms: datum `jjjjmmdd`, datum_tijd `jjjjmmdduummss`.
 */

/** The parts of an EigenschapSpecificatie the check reads (stored with the Catalogi API's names). */
export interface EigenschapSpecificatie {
  formaat?: unknown;
  lengte?: unknown;
  waardenverzameling?: unknown;
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isDatum(value: string): boolean {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match !== null && isRealDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isDatumTijd(value: string): boolean {
  const match = /^(\d{8})(\d{2})(\d{2})(\d{2})$/.exec(value);
  if (match === null || !isDatum(match[1] ?? '')) return false;
  return Number(match[2]) < 24 && Number(match[3]) < 60 && Number(match[4]) < 60;
}

/**
 * A getal with lengte `p` (digits) or `p,s` (digits before and after the decimal comma): `p,s` allows up to p
 * digits, optionally a comma and up to s digits.
 */
function isGetal(value: string, lengte: string): boolean {
  const [whole, fraction] = lengte.split(',').map((part) => Number.parseInt(part, 10));
  if (whole === undefined || Number.isNaN(whole)) return true; // an unreadable lengte constrains nothing
  const pattern = fraction === undefined || Number.isNaN(fraction) ? `^\\d{0,${whole}}$` : `^\\d{0,${whole}},?\\d{0,${fraction}}$`;
  return new RegExp(pattern).test(value);
}

/** Whether `waarde` fits the specificatie. */
export function waardeFitsSpecificatie(specificatie: EigenschapSpecificatie, waarde: string): boolean {
  const { waardenverzameling, formaat, lengte } = specificatie;
  if (Array.isArray(waardenverzameling) && waardenverzameling.length > 0) return waardenverzameling.includes(waarde);
  const length = typeof lengte === 'string' ? lengte : '';
  switch (formaat) {
    case 'tekst': {
      const max = Number.parseInt(length, 10);
      return Number.isNaN(max) || [...waarde].length <= max;
    }
    case 'getal':
      return isGetal(waarde, length);
    case 'datum':
      return isDatum(waarde);
    case 'datum_tijd':
      return isDatumTijd(waarde);
    default:
      return true;
  }
}

/** The specificatie in words, for the message that explains a refused waarde. */
export function describeSpecificatie(specificatie: EigenschapSpecificatie): string {
  const { waardenverzameling, formaat, lengte } = specificatie;
  if (Array.isArray(waardenverzameling) && waardenverzameling.length > 0) return `een van: ${waardenverzameling.join(', ')}`;
  switch (formaat) {
    case 'tekst':
      return `tekst van hoogstens ${String(lengte)} tekens`;
    case 'getal':
      return `een getal met lengte ${String(lengte)} (cijfers, eventueel met een decimale komma)`;
    case 'datum':
      return 'een datum als jjjjmmdd';
    case 'datum_tijd':
      return 'een datum en tijd als jjjjmmdduummss';
    default:
      return `formaat ${String(formaat)}`;
  }
}
