import { html, type SafeHtml } from '../../platform/http/html.ts';
import { celTekst } from './tabel.ts';

/*
 * Bar charts as server-rendered SVG. Each is an image to assistive technology (role="img") named by its <title> and
 * described by its <desc>, which states the largest and smallest values in words; the table beside it holds every
 * figure. Values are written beside the bars, so nothing depends on colour, and bars keep at least 3:1 contrast. The
 * visible caption repeats the title for sighted readers; it is hidden from assistive technology, which reads the title.
 */

export interface Staaf {
  label: string;
  waarde: number;
}

const BREEDTE = 720;

/** The text alternative: what the chart shows, its largest and smallest bars, and where the figures are. */
export function beschrijving(onderwerp: string, staven: readonly Staaf[], eenheid: string): string {
  if (staven.length === 0 || staven.every((staaf) => staaf.waarde === 0)) return `${onderwerp}: geen gegevens in deze periode.`;
  const gesorteerd = [...staven].sort((a, b) => b.waarde - a.waarde);
  const hoogste = gesorteerd[0];
  const laagste = gesorteerd[gesorteerd.length - 1];
  const delen = [`${onderwerp}, ${staven.length} staven.`];
  if (hoogste) delen.push(`Hoogste: ${hoogste.label} met ${celTekst(hoogste.waarde)} ${eenheid}.`);
  if (laagste && laagste !== hoogste) delen.push(`Laagste: ${laagste.label} met ${celTekst(laagste.waarde)} ${eenheid}.`);
  delen.push('De tabel bij de grafiek geeft alle cijfers.');
  return delen.join(' ');
}

function svgKop(id: string, titel: string, omschrijving: string, hoogte: number): SafeHtml {
  return html`<svg class="inzicht-grafiek" viewBox="0 0 ${String(BREEDTE)} ${String(hoogte)}" role="img" aria-labelledby="${id}-titel ${id}-omschrijving" focusable="false">
<title id="${id}-titel">${titel}</title>
<desc id="${id}-omschrijving">${omschrijving}</desc>`;
}

/** Horizontal bars, label above each bar and value beside it: for categories with long names. */
export function liggendeStaven(options: { id: string; titel: string; eenheid: string; staven: readonly Staaf[] }): SafeHtml {
  const rij = 50;
  const hoogte = Math.max(1, options.staven.length) * rij + 6;
  const max = Math.max(1, ...options.staven.map((staaf) => staaf.waarde));
  const ruimte = BREEDTE - 120;
  return html`<figure class="inzicht-figuur"><figcaption class="inzicht-bijschrift" aria-hidden="true">${options.titel}</figcaption>${svgKop(options.id, options.titel, beschrijving(options.titel, options.staven, options.eenheid), hoogte)}
${options.staven.map((staaf, index) => {
    const y = index * rij;
    const breedte = staaf.waarde <= 0 ? 0 : Math.max(2, Math.round((staaf.waarde / max) * ruimte));
    return html`<g aria-hidden="true"><text x="0" y="${String(y + 18)}" class="inzicht-label">${staaf.label}</text>
<rect x="0" y="${String(y + 25)}" width="${String(breedte)}" height="18" class="inzicht-staaf"></rect>
<text x="${String(breedte + 8)}" y="${String(y + 40)}" class="inzicht-waarde">${celTekst(staaf.waarde)}</text></g>`;
  })}
</svg></figure>`;
}

/** Vertical bars in order (weeks, months, hours): value above each bar, label below it. */
export function staandeStaven(options: { id: string; titel: string; eenheid: string; staven: readonly Staaf[] }): SafeHtml {
  const hoogte = 280;
  const basis = hoogte - 34;
  const max = Math.max(1, ...options.staven.map((staaf) => staaf.waarde));
  const kolom = BREEDTE / Math.max(1, options.staven.length);
  const staafBreedte = Math.min(48, kolom * 0.7);
  // Labels of many narrow columns would overlap: then every other one is written.
  const stap = kolom < 40 ? 2 : 1;
  return html`<figure class="inzicht-figuur"><figcaption class="inzicht-bijschrift" aria-hidden="true">${options.titel}</figcaption>${svgKop(options.id, options.titel, beschrijving(options.titel, options.staven, options.eenheid), hoogte)}
<line x1="0" y1="${String(basis)}" x2="${String(BREEDTE)}" y2="${String(basis)}" class="inzicht-as" aria-hidden="true"></line>
${options.staven.map((staaf, index) => {
    const h = staaf.waarde <= 0 ? 0 : Math.max(2, Math.round((staaf.waarde / max) * (basis - 36)));
    const midden = index * kolom + kolom / 2;
    return html`<g aria-hidden="true"><rect x="${(midden - staafBreedte / 2).toFixed(1)}" y="${String(basis - h)}" width="${staafBreedte.toFixed(1)}" height="${String(h)}" class="inzicht-staaf"></rect>
${index % stap === 0 ? html`<text x="${midden.toFixed(1)}" y="${String(basis - h - 6)}" text-anchor="middle" class="inzicht-waarde">${celTekst(staaf.waarde)}</text>
<text x="${midden.toFixed(1)}" y="${String(basis + 24)}" text-anchor="middle" class="inzicht-label">${staaf.label}</text>` : ''}</g>`;
  })}
</svg></figure>`;
}
