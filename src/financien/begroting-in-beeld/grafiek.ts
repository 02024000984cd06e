import { html, type SafeHtml } from '../../platform/http/html.ts';

/** One bar: its label, its value and how the value reads in text. */
export interface Staaf {
  label: string;
  waarde: number;
  tekst: string;
}

/*
 * Server-rendered SVG bar charts: no script, readable as an image by assistive technology through its title and
 * description (the text alternative), and always shown beside a table with the same figures. Colours and text keep at
 * least 4.5:1 contrast on white; the values are written beside the bars, so colour carries no meaning of its own.
 */

const BREEDTE = 640;

/** Horizontal bars, each with its label above it and its value beside it: for long category names. */
export function liggendeStaven(options: { id: string; titel: string; beschrijving: string; staven: readonly Staaf[] }): SafeHtml {
  const rij = 46;
  const hoogte = options.staven.length * rij + 8;
  const max = Math.max(1, ...options.staven.map((staaf) => staaf.waarde));
  const ruimte = BREEDTE - 150;
  return html`<svg class="bib-grafiek" viewBox="0 0 ${String(BREEDTE)} ${String(hoogte)}" role="img" aria-labelledby="${options.id}-titel ${options.id}-beschrijving" focusable="false">
<title id="${options.id}-titel">${options.titel}</title>
<desc id="${options.id}-beschrijving">${options.beschrijving}</desc>
${options.staven.map((staaf, index) => {
    const y = index * rij;
    const breedte = Math.max(2, Math.round((Math.max(0, staaf.waarde) / max) * ruimte));
    return html`<g aria-hidden="true"><text x="0" y="${String(y + 16)}" class="bib-label">${staaf.label}</text>
<rect x="0" y="${String(y + 22)}" width="${String(breedte)}" height="16" class="bib-staaf"></rect>
<text x="${String(breedte + 8)}" y="${String(y + 35)}" class="bib-waarde">${staaf.tekst}</text></g>`;
  })}
</svg>`;
}

/** Vertical bars over the years, with the value above each bar and the year below it. */
export function staandeStaven(options: { id: string; titel: string; beschrijving: string; staven: readonly Staaf[] }): SafeHtml {
  const hoogte = 260;
  const basis = hoogte - 30;
  const max = Math.max(1, ...options.staven.map((staaf) => staaf.waarde));
  const kolom = BREEDTE / Math.max(1, options.staven.length);
  const staafBreedte = Math.min(80, kolom * 0.6);
  return html`<svg class="bib-grafiek" viewBox="0 0 ${String(BREEDTE)} ${String(hoogte)}" role="img" aria-labelledby="${options.id}-titel ${options.id}-beschrijving" focusable="false">
<title id="${options.id}-titel">${options.titel}</title>
<desc id="${options.id}-beschrijving">${options.beschrijving}</desc>
<line x1="0" y1="${String(basis)}" x2="${String(BREEDTE)}" y2="${String(basis)}" class="bib-as" aria-hidden="true"></line>
${options.staven.map((staaf, index) => {
    const h = Math.max(2, Math.round((Math.max(0, staaf.waarde) / max) * (basis - 40)));
    const x = index * kolom + (kolom - staafBreedte) / 2;
    const midden = index * kolom + kolom / 2;
    return html`<g aria-hidden="true"><rect x="${x.toFixed(1)}" y="${String(basis - h)}" width="${staafBreedte.toFixed(1)}" height="${String(h)}" class="bib-staaf"></rect>
<text x="${midden.toFixed(1)}" y="${String(basis - h - 8)}" text-anchor="middle" class="bib-waarde">${staaf.tekst}</text>
<text x="${midden.toFixed(1)}" y="${String(basis + 22)}" text-anchor="middle" class="bib-label">${staaf.label}</text></g>`;
  })}
</svg>`;
}
