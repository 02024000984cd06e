import { csrfField } from '../../platform/auth/csrf.ts';
import type { ImportFout } from '../../platform/database/tables/kennisbank.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import type { ImportJobRow } from '../importen/repository.ts';
import { FILE_FIELD, formatFileSize } from './import-upload.ts';
import { BEHEER_PATH } from './pages.ts';

export const IMPORT_PATH = `${BEHEER_PATH}/importeren`;
export const importJobPath = (uuid: string) => `${BEHEER_PATH}/importen/${uuid}`;
/** The JSON the status page's script polls. */
export const importStatusPath = (uuid: string) => `${importJobPath(uuid)}/status`;

const NUMBER = new Intl.NumberFormat('nl-NL');
const SHOWN_IN = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
const STATUS_LABELS: Record<ImportJobRow['status'], string> = { bezig: 'Bezig', voltooid: 'Voltooid', mislukt: 'Niets geïmporteerd' };
/** A refused import lists at most this many problems on the page (the count says how many there are). */
const SHOWN_PROBLEMS = 500;

/** How far an import is, in one sentence ("1.234 van 10.000 producten geïmporteerd"). */
export function voortgangTekst(job: Pick<ImportJobRow, 'status' | 'fase' | 'totaal' | 'verwerkt' | 'resultaat'>): string {
  if (job.status === 'mislukt') return 'Er is niets geïmporteerd.';
  if (job.status === 'voltooid') {
    const result = job.resultaat;
    const detail = result ? ` (${NUMBER.format(result.created)} nieuw, ${NUMBER.format(result.updated)} bijgewerkt, ${NUMBER.format(result.published)} gepubliceerd)` : '';
    return `Klaar: ${NUMBER.format(job.totaal)} ${job.totaal === 1 ? 'product' : 'producten'} geïmporteerd${detail}.`;
  }
  if (job.totaal === 0) return 'Het bestand wordt gelezen.';
  const count = `${NUMBER.format(job.verwerkt)} van ${NUMBER.format(job.totaal)} producten`;
  return job.fase === 'controleren' ? `Controleren: ${count} gecontroleerd.` : `Importeren: ${count} geïmporteerd.`;
}

/** Where a problem is, for people: "Product 13: titel" for `producten[12].titel`; CSV lines ("regel 3: titel") stay. */
export function problemPlace(name: string): string {
  const product = /^producten\[(\d+)\]\.?(.*)$/.exec(name);
  if (product) return `Product ${NUMBER.format(Number(product[1]) + 1)}${product[2] ? `: ${product[2]}` : ''}`;
  return name === '' ? 'Bestand' : name;
}

function recentTable(recent: ImportJobRow[]): SafeHtml {
  if (recent.length === 0) return html`<p class="utrecht-paragraph">Er zijn nog geen imports gestart vanaf deze pagina's.</p>`;
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="importen-titel" tabindex="0">
<table>
<caption id="importen-titel">Laatste imports (nieuwste eerst)</caption>
<thead><tr><th scope="col">Gestart</th><th scope="col">Bestand</th><th scope="col">Status</th><th scope="col">Door</th></tr></thead>
<tbody>${recent.map(
    (job) => html`<tr><td><a class="utrecht-link" href="${importJobPath(job.uuid)}">${SHOWN_IN.format(job.gestart_op)}</a></td><td>${job.bestandsnaam}</td><td>${STATUS_LABELS[job.status]}</td><td>${job.door}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

export interface ImportFormView {
  tenantName: string;
  csrfToken: string;
  maxBytes: number;
  recent: ImportJobRow[];
  /** A problem with the upload itself (no file, too large). */
  error?: string;
  /** The import that is already running (a second one was refused). */
  running?: ImportJobRow;
}

/** The upload form for importing the whole catalogue, with the latest imports. */
export function importFormPage(view: ImportFormView): SafeHtml {
  const title = 'Kennisbank importeren';
  return page({
    title: view.error ? `Fout: ${title}` : title,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${
  view.error
    ? html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Er is een probleem</h2>
<ul><li><a href="#${FILE_FIELD}">${view.error}</a></li></ul>
${view.running ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${importJobPath(view.running.uuid)}">Bekijk de import die nu loopt (${view.running.bestandsnaam})</a></p>` : ''}
</div>`
    : ''
}
<p class="utrecht-paragraph">Importeer de hele kennisbank uit een uitwisselbestand (JSON, zoals de export het maakt) of de vaste velden uit een CSV-bestand. De import gaat in zijn geheel of helemaal niet: als één product een probleem heeft, wordt niets geïmporteerd en ziet u alle problemen per product of regel.</p>
<form method="post" action="${IMPORT_PATH}" enctype="multipart/form-data" novalidate>
${csrfField(view.csrfToken)}
<div class="loket-form-field${view.error ? ' loket-form-field--invalid' : ''}">
<label for="${FILE_FIELD}">Bestand</label>
<p class="loket-hint" id="${FILE_FIELD}-hint">Een .json- of .csv-bestand van hoogstens ${formatFileSize(view.maxBytes)}. Een nieuw adres (slug) wordt een nieuw product; een bestaand product krijgt een nieuwe versie.</p>
${view.error ? html`<p class="loket-field-error" id="${FILE_FIELD}-fout"><span class="loket-visually-hidden">Fout: </span>${view.error}</p>` : ''}
<input type="file" id="${FILE_FIELD}" name="${FILE_FIELD}" accept=".json,.csv,application/json,text/csv" required aria-describedby="${FILE_FIELD}-hint${view.error ? html` ${FILE_FIELD}-fout` : ''}"${view.error ? html` aria-invalid="true"` : ''}>
</div>
<button type="submit" class="loket-button">Import starten</button>
</form>
<h2 class="utrecht-heading-2">Eerdere imports</h2>
${recentTable(view.recent)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${BEHEER_PATH}">Terug naar de kennisbank</a></p>`,
  });
}

function problemsTable(fouten: ImportFout[]): SafeHtml {
  const shown = fouten.slice(0, SHOWN_PROBLEMS);
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="problemen-titel" tabindex="0">
<table>
<caption id="problemen-titel">${NUMBER.format(fouten.length)} ${fouten.length === 1 ? 'probleem' : 'problemen'}${fouten.length > shown.length ? html`, de eerste ${NUMBER.format(shown.length)} staan hieronder` : ''}</caption>
<thead><tr><th scope="col">Waar</th><th scope="col">Probleem</th></tr></thead>
<tbody>${shown.map((fout) => html`<tr><td>${problemPlace(fout.name)}</td><td>${fout.reason}</td></tr>`)}</tbody>
</table>
</div>`;
}

/** One import's status: a progress bar while it runs (refreshed by a link, or by the polling script), the outcome after. */
export function importStatusPage(view: { tenantName: string; job: ImportJobRow }): SafeHtml {
  const { job } = view;
  const running = job.status === 'bezig';
  const text = voortgangTekst(job);
  return page({
    title: running ? 'Import bezig' : job.status === 'voltooid' ? 'Import voltooid' : 'Import mislukt',
    tenantName: view.tenantName,
    scripts: running ? ['/static/import-status.js'] : [],
    body: html`<h1 class="utrecht-heading-1">${running ? 'Import bezig' : job.status === 'voltooid' ? 'Import voltooid' : 'Import mislukt: niets geïmporteerd'}</h1>
<p class="utrecht-paragraph">Bestand <strong>${job.bestandsnaam}</strong>, gestart ${SHOWN_IN.format(job.gestart_op)} door ${job.door}.</p>
${
  running
    ? html`<div class="loket-import-voortgang" data-import-status="${importStatusPath(job.uuid)}">
<label for="import-voortgang">Voortgang van de import</label>
<progress id="import-voortgang" max="${String(Math.max(job.totaal, 1))}"${job.totaal > 0 ? html` value="${String(job.verwerkt)}"` : ''} aria-describedby="import-voortgang-tekst">${text}</progress>
<p class="utrecht-paragraph" id="import-voortgang-tekst">${text}</p>
<p class="loket-visually-hidden" id="import-melding" role="status" aria-live="polite"></p>
<p class="utrecht-paragraph">U kunt deze pagina verlaten; de import loopt door. <a class="utrecht-link" id="import-vernieuwen" href="${importJobPath(job.uuid)}">Vernieuwen</a></p>
</div>`
    : html`<p class="utrecht-paragraph" role="status"><strong>${text}</strong></p>`
}
${job.status === 'mislukt' ? html`<p class="utrecht-paragraph">Los de problemen op en importeer het bestand opnieuw.</p>${problemsTable(job.fouten)}` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${IMPORT_PATH}">Naar importeren</a> · <a class="utrecht-link" href="${BEHEER_PATH}">Terug naar de kennisbank</a></p>`,
  });
}
