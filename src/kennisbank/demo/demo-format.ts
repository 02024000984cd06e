import { escapeHtml } from '../../platform/http/html.ts';
import type { Aanvraagkanaal, Doelgroep } from '../producten/content.ts';

/**
 * The demo products are written in a short form (paragraphs as strings, lists as arrays) and turned into the
 * import file's product shape here, so the demo seed goes through the same checks as any import.
 */

/** A paragraph (string) or a bulleted list (array of strings), or several of those. */
export type DemoText = string | string[] | (string | string[])[];

export interface DemoProduct {
  slug: string;
  upl: string;
  titel: string;
  samenvatting: string;
  doelgroepen: Doelgroep[];
  kanalen: Aanvraagkanaal[];
  inleiding: DemoText;
  aanvraag: DemoText;
  voorwaarden?: DemoText;
  bewijs?: DemoText;
  kosten?: DemoText;
  bedragen?: [string, number][];
  termijn?: DemoText;
  /** `true` for the usual text about bezwaar against a besluit of the municipality. */
  bezwaar?: DemoText | true;
  bijzonderheden?: DemoText;
  vragen?: [string, string][];
  notitie?: string;
  gerelateerd?: string[];
  trefwoorden?: string[];
  zaaktype?: string;
  /** Months from the seed date until the text should be reviewed (default 12). */
  reviewNaMaanden?: number;
}

const CONTACT = [
  'Heeft u een vraag? Bel Gemeente Voorbeeld op 14 0999 (maandag tot en met vrijdag van 8.30 tot 17.00 uur).',
  'U kunt ook langskomen bij de balie in het gemeentehuis, Marktplein 1 in Voorbeeld. Maak daarvoor eerst een afspraak.',
];

const BEZWAAR = [
  'Bent u het niet eens met het besluit? Dan kunt u bezwaar maken. Dat doet u binnen 6 weken na de datum van het besluit.',
  'Schrijf in uw bezwaar wie u bent, over welk besluit het gaat en waarom u het er niet mee eens is. Zet uw handtekening eronder.',
  'U kunt online bezwaar maken of een brief sturen naar Gemeente Voorbeeld, Postbus 1, 9999 ZZ Voorbeeld.',
];

function block(item: string | string[]): string {
  if (Array.isArray(item)) return `<ul>${item.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  return `<p>${escapeHtml(item)}</p>`;
}

/** Demo text as the sanitised HTML the kennisbank stores. */
export function toHtml(text: DemoText | undefined): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return block(text);
  // An array of strings only is a list; an array with arrays in it is a sequence of paragraphs and lists.
  if (text.every((item) => typeof item === 'string')) return block(text as string[]);
  return text.map((item) => block(item)).join('');
}

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, Math.min(day, 28)));
  return target.toISOString().slice(0, 10);
}

/** One demo product in the import file's shape, published from `today`. */
export function toImportProduct(product: DemoProduct, today: string): Record<string, unknown> {
  return {
    slug: product.slug,
    status: 'gepubliceerd',
    uplNaam: product.upl,
    titel: product.titel,
    samenvatting: product.samenvatting,
    doelgroepen: product.doelgroepen,
    aanvraagkanalen: product.kanalen,
    secties: {
      inleiding: toHtml(product.inleiding),
      aanvraag: toHtml(product.aanvraag),
      voorwaarden: toHtml(product.voorwaarden),
      bewijs: toHtml(product.bewijs),
      kosten: toHtml(product.kosten),
      termijn: toHtml(product.termijn),
      bezwaarEnBeroep: toHtml(product.bezwaar === true ? BEZWAAR : product.bezwaar),
      bijzonderheden: toHtml(product.bijzonderheden),
      contact: toHtml(CONTACT),
    },
    kostenbedragen: (product.bedragen ?? []).map(([omschrijving, bedragInCenten]) => ({ omschrijving, bedragInCenten })),
    vraagAntwoord: (product.vragen ?? []).map(([vraag, antwoord]) => ({ vraag, antwoord: toHtml(antwoord) })),
    interneNotitie: product.notitie === undefined ? '' : toHtml(product.notitie),
    gerelateerd: product.gerelateerd ?? [],
    trefwoorden: product.trefwoorden ?? [],
    zaaktypeIdentificatie: product.zaaktype ?? null,
    publicatiedatum: today,
    reviewVoor: addMonths(today, product.reviewNaMaanden ?? 12),
  };
}
