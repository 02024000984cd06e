import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { readProductInhoud, SECTIES, type ProductInhoud, type Sectie } from '../producten/content.ts';

/*
 * The beheer form's fields and how they map to a product text. Lists the editor types as text: trefwoorden and
 * related products separated by commas, amounts one per line ("Paspoort 18 jaar en ouder; 84,70"). Questions are
 * numbered pairs of fields, `vraag-1` with `antwoord-1` (rich text), …; an empty pair is skipped.
 */

/** The form as the browser posts it (checkbox groups arrive as a string or a list). */
export type ProductForm = Partial<Record<string, string | string[]>>;

const LINE = { type: 'string', maxLength: 300 } as const;
const TEXT = { type: 'string', maxLength: 20_000 } as const;
const CHOICES = { anyOf: [{ type: 'string', maxLength: 20 }, { type: 'array', maxItems: 10, items: { type: 'string', maxLength: 20 } }] } as const;

/** The JSON schema of the form body (CSRF token included). */
export const PRODUCT_FORM_BODY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    _csrf: { type: 'string' },
    slug: LINE,
    uplNaam: LINE,
    titel: LINE,
    samenvatting: LINE,
    doelgroepen: CHOICES,
    aanvraagkanalen: CHOICES,
    ...Object.fromEntries(SECTIES.map((sectie) => [`sectie-${sectie}`, TEXT])),
    kostenbedragen: TEXT,
    interneNotitie: TEXT,
    trefwoorden: TEXT,
    gerelateerd: TEXT,
    zaaktypeIdentificatie: LINE,
    publicatiedatum: LINE,
    reviewVoor: LINE,
  },
  patternProperties: {
    '^vraag-[1-9][0-9]{0,2}$': LINE,
    '^antwoord-[1-9][0-9]{0,2}$': TEXT,
  },
} as const;

const PAIR_FIELD = /^(?:vraag|antwoord)-([1-9][0-9]{0,2})$/;

/** The numbers of the question fields in the form (1, 2, …), in order. */
export function vraagNummers(form: ProductForm): number[] {
  const numbers = Object.keys(form).flatMap((name) => {
    const match = PAIR_FIELD.exec(name);
    return match ? [Number(match[1])] : [];
  });
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function text(form: ProductForm, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

function list(form: ProductForm, name: string): string[] {
  const value = form[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function commaList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** "84,70" or "84.70" or "€ 84" in cents; undefined when it is no amount. */
export function parseEuro(value: string): number | undefined {
  const cleaned = value.replace(/€/g, '').replace(/\s/g, '');
  if (!/^\d{1,7}([.,]\d{1,2})?$/.test(cleaned)) return undefined;
  const [euros = '0', cents = ''] = cleaned.split(/[.,]/);
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

/** Cents as the form shows them: "84,70". */
export function formatEuro(cents: number): string {
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** The form field an input problem belongs to (ids of the form's inputs). */
export function fieldIdOf(name: string): string {
  const sectie = /^secties\.(\w+)/.exec(name);
  if (sectie) return `sectie-${sectie[1] ?? ''}`;
  return name.replace(/[[.].*$/, '');
}

/** Reads the posted form into a product text, or every problem with the field it belongs to. */
export function readProductForm(form: ProductForm): { inhoud?: ProductInhoud; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const kostenbedragen = text(form, 'kostenbedragen')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .flatMap((line, index) => {
      const split = line.lastIndexOf(';');
      const amount = split < 0 ? undefined : parseEuro(line.slice(split + 1));
      const omschrijving = split < 0 ? '' : line.slice(0, split).trim();
      if (amount === undefined || omschrijving === '') {
        problems.push({ name: 'kostenbedragen', code: 'invalid', reason: `Regel ${index + 1}: schrijf een omschrijving, een puntkomma en het bedrag in euro, zoals "Paspoort; 84,70".` });
        return [];
      }
      return [{ omschrijving, bedragInCenten: amount }];
    });
  // Each filled pair becomes a question; `pairOf` remembers its field number, to name a problem found later.
  const vraagAntwoord: { vraag: string; antwoord: string }[] = [];
  const pairOf: number[] = [];
  for (const number of vraagNummers(form)) {
    const vraag = text(form, `vraag-${number}`).trim();
    const antwoord = text(form, `antwoord-${number}`).trim();
    if (vraag === '' && antwoord === '') continue;
    if (vraag === '') problems.push({ name: `vraag-${number}`, code: 'required', reason: `Vraag ${number}: vul de vraag in die bij dit antwoord hoort.` });
    else if (antwoord === '') problems.push({ name: `antwoord-${number}`, code: 'required', reason: `Vraag ${number}: vul het antwoord in.` });
    else {
      vraagAntwoord.push({ vraag, antwoord });
      pairOf.push(number);
    }
  }
  const secties = Object.fromEntries(SECTIES.map((sectie) => [sectie, text(form, `sectie-${sectie}`)])) as Record<Sectie, string>;
  const read = readProductInhoud({
    uplNaam: text(form, 'uplNaam'),
    titel: text(form, 'titel'),
    samenvatting: text(form, 'samenvatting'),
    doelgroepen: list(form, 'doelgroepen'),
    aanvraagkanalen: list(form, 'aanvraagkanalen'),
    secties,
    kostenbedragen,
    vraagAntwoord,
    interneNotitie: text(form, 'interneNotitie'),
    trefwoorden: commaList(text(form, 'trefwoorden')),
    gerelateerd: commaList(text(form, 'gerelateerd')),
    zaaktypeIdentificatie: text(form, 'zaaktypeIdentificatie'),
    publicatiedatum: text(form, 'publicatiedatum'),
    reviewVoor: text(form, 'reviewVoor'),
  });
  const pairProblems = read.problems.map((problem) => {
    const pair = /^vraagAntwoord\[(\d+)\]\.(vraag|antwoord)$/.exec(problem.name);
    return pair ? { ...problem, name: `${pair[2]}-${pairOf[Number(pair[1])] ?? 1}`, reason: `Vraag ${pairOf[Number(pair[1])] ?? 1}: ${problem.reason}` } : problem;
  });
  const all = [...problems, ...pairProblems];
  return all.length > 0 ? { problems: all } : { inhoud: read.inhoud, problems: [] };
}

/** A product text as the form's field values (for editing). */
export function formOf(inhoud: ProductInhoud): Record<string, string | string[]> {
  return {
    uplNaam: inhoud.uplNaam,
    titel: inhoud.titel,
    samenvatting: inhoud.samenvatting,
    doelgroepen: inhoud.doelgroepen,
    aanvraagkanalen: inhoud.aanvraagkanalen,
    ...Object.fromEntries(SECTIES.map((sectie) => [`sectie-${sectie}`, inhoud.secties[sectie]])),
    kostenbedragen: inhoud.kostenbedragen.map((item) => `${item.omschrijving}; ${formatEuro(item.bedragInCenten)}`).join('\n'),
    ...Object.fromEntries(inhoud.vraagAntwoord.flatMap((item, index) => [[`vraag-${index + 1}`, item.vraag], [`antwoord-${index + 1}`, item.antwoord]])),
    interneNotitie: inhoud.interneNotitie,
    trefwoorden: inhoud.trefwoorden.join(', '),
    gerelateerd: inhoud.gerelateerd.join(', '),
    zaaktypeIdentificatie: inhoud.zaaktypeIdentificatie ?? '',
    publicatiedatum: inhoud.publicatiedatum ?? '',
    reviewVoor: inhoud.reviewVoor ?? '',
  };
}
