import sanitizeHtml from 'sanitize-html';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import type { Kostenbedrag, VraagAntwoord } from '../../platform/database/tables/kennisbank.ts';

/** Who a product is for. */
export const DOELGROEPEN = ['inwoner', 'ondernemer'] as const;
export type Doelgroep = (typeof DOELGROEPEN)[number];

/** How a product can be requested ("hoe regel ik het"). */
export const AANVRAAGKANALEN = ['online', 'balie', 'post', 'telefoon', 'email'] as const;
export type Aanvraagkanaal = (typeof AANVRAAGKANALEN)[number];

/** The sections of a municipal product text, in the order a product page shows them. */
export const SECTIES = ['inleiding', 'aanvraag', 'voorwaarden', 'bewijs', 'kosten', 'termijn', 'bezwaarEnBeroep', 'bijzonderheden', 'contact'] as const;
export type Sectie = (typeof SECTIES)[number];

/** The heading of each section on a product page. */
export const SECTIE_TITELS: Record<Sectie, string> = {
  inleiding: 'Inleiding',
  aanvraag: 'Hoe regel ik het?',
  voorwaarden: 'Voorwaarden',
  bewijs: 'Wat heb ik nodig?',
  kosten: 'Kosten',
  termijn: 'Termijn',
  bezwaarEnBeroep: 'Bezwaar en beroep',
  bijzonderheden: 'Bijzonderheden',
  contact: 'Contact',
};

/** Everything an editor writes in one version of a product, as the API, the import file and the beheer forms name it. */
export interface ProductInhoud {
  uplNaam: string;
  titel: string;
  samenvatting: string;
  doelgroepen: Doelgroep[];
  aanvraagkanalen: Aanvraagkanaal[];
  /** Sanitised HTML per section; '' for a section the product leaves out. */
  secties: Record<Sectie, string>;
  kostenbedragen: Kostenbedrag[];
  vraagAntwoord: VraagAntwoord[];
  interneNotitie: string;
  gerelateerd: string[];
  trefwoorden: string[];
  zaaktypeIdentificatie: string | null;
  publicatiedatum: string | null;
  reviewVoor: string | null;
}

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 20_000;
const MAX_LINE = 300;

/*
 * What an editor may format: paragraphs, headings below the page's own, lists, emphasis and links. Everything else
 * (scripts, styles, event handlers, images, iframes) is removed, so stored HTML is safe to show on any channel.
 */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'h3', 'h4'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Rich text reduced to the allowed formatting (see SANITIZE_OPTIONS), trimmed. */
export function sanitizeRichText(value: string): string {
  return sanitizeHtml(value, SANITIZE_OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of sanitised HTML, for the search index and snippets: tags become spaces, entities characters. */
export function richTextToPlain(value: string): string {
  return value
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** An empty product text, for forms and defaults. */
export function emptySecties(): Record<Sectie, string> {
  return Object.fromEntries(SECTIES.map((sectie) => [sectie, ''])) as Record<Sectie, string>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Reads and checks one product text from untrusted input (API body, import row, beheer form), reporting every
 * problem with its field name (prefixed with `prefix`, e.g. `producten[3].`). Rich text comes back sanitised.
 */
export function readProductInhoud(input: unknown, prefix = ''): { inhoud?: ProductInhoud; problems: InvalidParam[] } {
  const problems: InvalidParam[] = [];
  const problem = (name: string, reason: string, code = 'invalid') => problems.push({ name: `${prefix}${name}`, code, reason });
  if (!isRecord(input)) {
    problem('', 'Een product is een object met velden.');
    return { problems };
  }

  const line = (name: string, required: boolean): string => {
    const value = input[name];
    if (value === undefined || value === null || value === '') {
      if (required) problem(name, 'Dit veld is verplicht.', 'required');
      return '';
    }
    if (typeof value !== 'string') {
      problem(name, 'Dit veld moet tekst zijn.');
      return '';
    }
    const trimmed = value.trim();
    if (required && trimmed === '') problem(name, 'Dit veld is verplicht.', 'required');
    if (trimmed.length > MAX_LINE) problem(name, `Dit veld mag hoogstens ${MAX_LINE} tekens lang zijn.`, 'max_length');
    return trimmed;
  };

  const text = (value: unknown, name: string): string => {
    if (value === undefined || value === null) return '';
    if (typeof value !== 'string') {
      problem(name, 'Dit veld moet tekst zijn.');
      return '';
    }
    if (value.length > MAX_TEXT) problem(name, `Dit veld mag hoogstens ${MAX_TEXT} tekens lang zijn.`, 'max_length');
    return sanitizeRichText(value);
  };

  const choices = <T extends string>(name: string, allowed: readonly T[], required: boolean): T[] => {
    const value = input[name];
    if (value === undefined || value === null) {
      if (required) problem(name, `Kies ten minste een van: ${allowed.join(', ')}.`, 'required');
      return [];
    }
    if (!Array.isArray(value)) {
      problem(name, `Dit veld is een lijst met waarden uit: ${allowed.join(', ')}.`);
      return [];
    }
    const wrong = value.filter((item) => typeof item !== 'string' || !(allowed as readonly string[]).includes(item));
    if (wrong.length > 0) problem(name, `Onbekende waarde(n) ${wrong.map((item) => JSON.stringify(item)).join(', ')}; toegestaan: ${allowed.join(', ')}.`, 'invalid_choice');
    const chosen = [...new Set(value.filter((item): item is T => (allowed as readonly string[]).includes(item as string)))];
    if (required && chosen.length === 0 && wrong.length === 0) problem(name, `Kies ten minste een van: ${allowed.join(', ')}.`, 'required');
    return chosen;
  };

  const words = (name: string, pattern?: RegExp, patternReason?: string): string[] => {
    const value = input[name];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      problem(name, 'Dit veld is een lijst met teksten.');
      return [];
    }
    const items = [...new Set((value as string[]).map((item) => item.trim()).filter((item) => item !== ''))];
    for (const item of items) {
      if (item.length > 100) problem(name, `"${item.slice(0, 40)}…" is langer dan 100 tekens.`, 'max_length');
      else if (pattern && !pattern.test(item)) problem(name, `"${item}" ${patternReason ?? 'heeft niet de juiste vorm.'}`);
    }
    return items;
  };

  const date = (name: string): string | null => {
    const value = input[name];
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string' || !isRealDate(value)) {
      problem(name, 'Een datum in de vorm JJJJ-MM-DD.', 'invalid_date');
      return null;
    }
    return value;
  };

  const secties = emptySecties();
  const rawSecties = input.secties;
  if (rawSecties !== undefined && rawSecties !== null && !isRecord(rawSecties)) problem('secties', 'De secties zijn een object met een tekst per sectie.');
  if (isRecord(rawSecties)) {
    for (const key of Object.keys(rawSecties)) {
      if (!(SECTIES as readonly string[]).includes(key)) problem(`secties.${key}`, `Onbekende sectie; bekend zijn: ${SECTIES.join(', ')}.`, 'unknown');
    }
    for (const sectie of SECTIES) secties[sectie] = text(rawSecties[sectie], `secties.${sectie}`);
  }

  const kostenbedragen: Kostenbedrag[] = [];
  const rawKosten = input.kostenbedragen;
  if (rawKosten !== undefined && rawKosten !== null) {
    if (!Array.isArray(rawKosten)) problem('kostenbedragen', 'Een lijst met { omschrijving, bedragInCenten }.');
    else
      rawKosten.forEach((item: unknown, index) => {
        const name = `kostenbedragen[${index}]`;
        if (!isRecord(item) || typeof item.omschrijving !== 'string' || item.omschrijving.trim() === '') problem(`${name}.omschrijving`, 'Geef een omschrijving van het bedrag.', 'required');
        else if (!Number.isInteger(item.bedragInCenten) || (item.bedragInCenten as number) < 0) problem(`${name}.bedragInCenten`, 'Een bedrag in hele eurocenten, 0 of meer.');
        else kostenbedragen.push({ omschrijving: item.omschrijving.trim(), bedragInCenten: item.bedragInCenten as number });
      });
  }

  const vraagAntwoord: VraagAntwoord[] = [];
  const rawVragen = input.vraagAntwoord;
  if (rawVragen !== undefined && rawVragen !== null) {
    if (!Array.isArray(rawVragen)) problem('vraagAntwoord', 'Een lijst met { vraag, antwoord }.');
    else
      rawVragen.forEach((item: unknown, index) => {
        const name = `vraagAntwoord[${index}]`;
        const vraag = isRecord(item) && typeof item.vraag === 'string' ? item.vraag.trim() : '';
        const antwoord = isRecord(item) && typeof item.antwoord === 'string' ? sanitizeRichText(item.antwoord) : '';
        if (vraag === '') problem(`${name}.vraag`, 'Vul de vraag in.', 'required');
        if (antwoord === '') problem(`${name}.antwoord`, 'Vul het antwoord in.', 'required');
        if (vraag !== '' && antwoord !== '') vraagAntwoord.push({ vraag, antwoord });
      });
  }

  const known = new Set(['uplNaam', 'titel', 'samenvatting', 'doelgroepen', 'aanvraagkanalen', 'secties', 'kostenbedragen', 'vraagAntwoord', 'interneNotitie', 'gerelateerd', 'trefwoorden', 'zaaktypeIdentificatie', 'publicatiedatum', 'reviewVoor', 'slug', 'status']);
  for (const key of Object.keys(input)) if (!known.has(key)) problem(key, 'Onbekend veld.', 'unknown');

  const zaaktype = line('zaaktypeIdentificatie', false);
  const inhoud: ProductInhoud = {
    uplNaam: line('uplNaam', true),
    titel: line('titel', true),
    samenvatting: line('samenvatting', true),
    doelgroepen: choices('doelgroepen', DOELGROEPEN, true),
    aanvraagkanalen: choices('aanvraagkanalen', AANVRAAGKANALEN, false),
    secties,
    kostenbedragen,
    vraagAntwoord,
    interneNotitie: text(input.interneNotitie, 'interneNotitie'),
    gerelateerd: words('gerelateerd', SLUG_PATTERN, 'is geen productnaam in de vorm kleine-letters-met-streepjes.'),
    trefwoorden: words('trefwoorden').map((word) => word.toLowerCase()),
    zaaktypeIdentificatie: zaaktype === '' ? null : zaaktype,
    publicatiedatum: date('publicatiedatum'),
    reviewVoor: date('reviewVoor'),
  };
  return problems.length > 0 ? { problems } : { inhoud, problems };
}
