import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { RegelProbleem } from '../begroting/csv-regels.ts';

const NUMBER = new Intl.NumberFormat('nl-NL');
/** A refused file can have a problem in every row; the page shows the first ones and says how many there are. */
const SHOWN_PROBLEMS = 500;

/** Every problem of a refused import file, by row and column, as the begroting and kengetallen imports show them. */
export function problemenTabel(problemen: readonly RegelProbleem[]): SafeHtml {
  const shown = problemen.slice(0, SHOWN_PROBLEMS);
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="problemen-titel" tabindex="0">
<table class="financien-tabel">
<caption id="problemen-titel">${NUMBER.format(problemen.length)} ${problemen.length === 1 ? 'probleem' : 'problemen'}${problemen.length > shown.length ? `, de eerste ${NUMBER.format(shown.length)} staan hieronder` : ''}</caption>
<thead><tr><th scope="col">Regel</th><th scope="col">Kolom</th><th scope="col">Probleem</th></tr></thead>
<tbody>${shown.map((fout) => html`<tr><td>${fout.rij === 0 ? '–' : String(fout.rij)}</td><td>${fout.kolom}</td><td>${fout.reden}</td></tr>`)}</tbody>
</table>
</div>`;
}
