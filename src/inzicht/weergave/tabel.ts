import { html, type SafeHtml } from '../../platform/http/html.ts';

/*
 * One model per table, rendered twice: as an HTML table on the dashboard and as a CSV file behind the table's download
 * link, so the file always holds exactly the figures shown.
 */

/** A cell: text, a number (null: not available, shown as "–"), or text with a link. */
export type Cel = string | number | null | { tekst: string; href: string };

export interface Kolom {
  kop: string;
  /** Numbers are right-aligned. */
  getal?: boolean;
}

export interface Tabel {
  /** Unique on the page; also the `tabel` parameter of the CSV download. */
  id: string;
  titel: string;
  kolommen: readonly Kolom[];
  rijen: readonly Cel[][];
  /** Shown instead of an empty table. */
  leeg: string;
}

const getalFormaat = new Intl.NumberFormat('nl-NL');

/** A number in Dutch notation; null as a dash with its meaning for screen readers. */
export function celTekst(cel: Cel): string {
  if (cel === null) return '–';
  if (typeof cel === 'number') return getalFormaat.format(cel);
  if (typeof cel === 'string') return cel;
  return cel.tekst;
}

function celHtml(cel: Cel): SafeHtml {
  if (cel === null) return html`<span aria-label="niet beschikbaar">–</span>`;
  if (typeof cel === 'object') return html`<a class="utrecht-link" href="${cel.href}">${cel.tekst}</a>`;
  return html`${celTekst(cel)}`;
}

/** The table, in a scrollable region that keyboard users can reach, with its download link below it. */
export function tabelHtml(tabel: Tabel, csvHref: string): SafeHtml {
  const kopId = `${tabel.id}-titel`;
  if (tabel.rijen.length === 0) return html`<p class="utrecht-paragraph inzicht-leeg" id="${kopId}">${tabel.titel}: ${tabel.leeg}</p>`;
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="${kopId}" tabindex="0">
<table class="inzicht-tabel" id="${tabel.id}">
<caption id="${kopId}">${tabel.titel}</caption>
<thead><tr>${tabel.kolommen.map((kolom) => html`<th scope="col"${kolom.getal ? html` class="inzicht-getal"` : ''}>${kolom.kop}</th>`)}</tr></thead>
<tbody>${tabel.rijen.map(
    (rij) => html`<tr>${rij.map((cel, index) =>
      index === 0 ? html`<th scope="row">${celHtml(cel)}</th>` : html`<td${tabel.kolommen[index]?.getal ? html` class="inzicht-getal"` : ''}>${celHtml(cel)}</td>`,
    )}</tr>`,
  )}</tbody>
</table>
</div>
<p class="utrecht-paragraph inzicht-download"><a class="utrecht-link" href="${csvHref}" download>Download de tabel ‘${tabel.titel}’ (CSV)</a></p>`;
}

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (search terms are typed by anyone). */
function veilig(tekst: string): string {
  return /^[=+\-@\t\r]/.test(tekst) ? `'${tekst}` : tekst;
}

function csvVeld(cel: Cel): string {
  if (cel === null) return '';
  if (typeof cel === 'number') return String(cel);
  const tekst = veilig(typeof cel === 'string' ? cel : cel.tekst);
  return /[";\n\r]/.test(tekst) ? `"${tekst.replace(/"/g, '""')}"` : tekst;
}

/** The table as CSV: semicolons (as Dutch spreadsheets expect), numbers without grouping, a header row. */
export function tabelCsv(tabel: Tabel): string {
  const regels = [tabel.kolommen.map((kolom) => csvVeld(kolom.kop)).join(';'), ...tabel.rijen.map((rij) => rij.map(csvVeld).join(';'))];
  return `${regels.join('\r\n')}\r\n`;
}

/** A share as a Dutch percentage ("42%"); null when there is nothing to divide. */
export function procent(deel: number, geheel: number): string | null {
  return geheel === 0 ? null : `${Math.round((deel / geheel) * 100)}%`;
}
