import { csrfField } from '../../platform/auth/csrf.ts';
import type { VersieSoort } from '../../platform/database/tables/financien.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { BEGROTING_CSV_COLUMNS } from '../begroting/csv-regels.ts';
import type { BegrotingImportRow } from '../begroting/importen.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { financienPagina, foutoverzicht, keuzelijst, tekstveld } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { problemenTabel } from './problemen-tabel.ts';

const NUMBER = new Intl.NumberFormat('nl-NL');
const SHOWN_IN = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
const STATUS: Record<BegrotingImportRow['status'], string> = { bezig: 'Bezig', voltooid: 'Voltooid', mislukt: 'Niets geïmporteerd' };

export const SOORT_OPTIES: readonly { value: VersieSoort; label: string }[] = [
  { value: 'primitieve_begroting', label: 'Primitieve begroting' },
  { value: 'begrotingswijziging', label: 'Begrotingswijziging' },
  { value: 'realisatie', label: 'Realisatie (kwartaal)' },
  { value: 'jaarrekening', label: 'Jaarrekening' },
];

/**
 * How far an import is, in one sentence. The bar shows the current step: first the check of every row of the file,
 * then the writing; the sentence says which step of the two it is.
 */
export function importVoortgang(job: Pick<BegrotingImportRow, 'status' | 'fase' | 'totaal' | 'verwerkt'>): string {
  if (job.status === 'mislukt') return 'Er is niets geïmporteerd.';
  if (job.status === 'voltooid') return `Klaar: ${NUMBER.format(job.totaal)} begrotingsregels geïmporteerd.`;
  if (job.totaal === 0) return job.fase === 'controleren' ? 'Stap 1 van 2: het bestand wordt gelezen.' : 'Stap 2 van 2: de begrotingsregels worden geschreven.';
  if (job.fase === 'controleren') return `Stap 1 van 2, controleren: ${NUMBER.format(job.verwerkt)} van ${NUMBER.format(job.totaal)} regels gecontroleerd.`;
  return `Stap 2 van 2, importeren: ${NUMBER.format(job.verwerkt)} van ${NUMBER.format(job.totaal)} begrotingsregels geschreven.`;
}

/** The upload form for a new budget version, with the latest imports. */
export function importFormPage(view: { tenantName: string; csrfToken: string; waarden: Record<string, string | undefined>; errors: VeldFout[]; recent: BegrotingImportRow[]; maxBytes: number }): SafeHtml {
  const { waarden, errors } = view;
  const bestandFout = errors.find((error) => error.fieldId === 'bestand')?.message;
  return financienPagina({
    title: 'Begroting importeren',
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.importeren,
    toegang: { beheer: true },
    fouten: errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">Begroting importeren</h1>
${foutoverzicht(errors)}
<p class="utrecht-paragraph">Lees een versie van de begroting in uit een CSV-bestand met puntkomma\u2019s en de kolommen <code>${BEGROTING_CSV_COLUMNS.join(';')}</code>. Elke regel wordt gecontroleerd; als één regel een probleem heeft, wordt niets geïmporteerd en ziet u alle problemen met hun regelnummer.</p>
<form class="loket-form" method="post" action="${FINANCIEN_PATHS.importeren}" enctype="multipart/form-data" novalidate>
${csrfField(view.csrfToken)}
${keuzelijst({ id: 'soort', label: 'Soort versie', waarden, errors, opties: SOORT_OPTIES })}
${tekstveld({ id: 'jaar', label: 'Begrotingsjaar', waarden, errors, verplicht: true, inputmode: 'numeric', hint: 'Het jaar t; een begroting bevat t tot en met t+3.' })}
${tekstveld({ id: 'naam', label: 'Naam van de versie', waarden, errors, verplicht: true, hint: 'Bijvoorbeeld Primitieve begroting 2027 of Voorjaarsnota 2027.' })}
${tekstveld({ id: 'raadsbesluit', label: 'Nummer van het raadsbesluit', waarden, errors, hint: 'Verplicht bij een begrotingswijziging.' })}
${tekstveld({ id: 'vastgesteld', label: 'Vastgesteld op', waarden, errors, verplicht: true, hint: 'De datum van het raadsbesluit, zoals 2027-07-09; bij een realisatie de laatste dag van het kwartaal.' })}
${tekstveld({ id: 'kwartaal', label: 'Kwartaal', waarden, errors, inputmode: 'numeric', hint: 'Alleen bij een realisatie: 1, 2, 3 of 4.' })}
<div class="loket-form-field${bestandFout ? ' loket-form-field--invalid' : ''}">
<label for="bestand">Bestand</label>
<p class="loket-hint" id="bestand-hint">Een .csv-bestand van hoogstens ${NUMBER.format(Math.round(view.maxBytes / (1024 * 1024)))} MB.</p>
${bestandFout ? html`<p class="loket-field-error" id="bestand-fout"><span class="loket-visually-hidden">Fout: </span>${bestandFout}</p>` : ''}
<input type="file" id="bestand" name="bestand" accept=".csv,text/csv" required aria-describedby="bestand-hint${bestandFout ? ' bestand-fout' : ''}"${bestandFout ? html` aria-invalid="true"` : ''}>
</div>
<button type="submit" class="loket-button">Import starten</button>
</form>
<h2 class="utrecht-heading-2">Eerdere imports</h2>
${view.recent.length === 0 ? html`<p class="utrecht-paragraph">Er zijn nog geen imports gestart vanaf deze pagina.</p>` : html`<div class="loket-table-scroll" role="region" aria-labelledby="importen-titel" tabindex="0">
<table class="financien-tabel">
<caption id="importen-titel">Laatste imports (nieuwste eerst)</caption>
<thead><tr><th scope="col">Gestart</th><th scope="col">Versie</th><th scope="col">Bestand</th><th scope="col">Status</th><th scope="col">Door</th></tr></thead>
<tbody>${view.recent.map((job) => html`<tr><td><a class="utrecht-link" href="${FINANCIEN_PATHS.importJob(job.uuid)}">${SHOWN_IN.format(job.gestart_op)}</a></td><td>${job.versie_naam}</td><td>${job.bestandsnaam}</td><td>${STATUS[job.status]}</td><td>${job.door}</td></tr>`)}</tbody>
</table>
</div>`}`,
  });
}

/** One import: a progress bar while it runs (the Vernieuwen link, or the polling script), the outcome and every problem after. */
export function importStatusPage(view: { tenantName: string; job: BegrotingImportRow }): SafeHtml {
  const { job } = view;
  const running = job.status === 'bezig';
  const tekst = importVoortgang(job);
  const title = running ? 'Import bezig' : job.status === 'voltooid' ? 'Import voltooid' : 'Import mislukt: niets geïmporteerd';
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: '',
    toegang: { beheer: true },
    scripts: running ? ['/static/import-status.js'] : [],
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
<p class="utrecht-paragraph">${job.versie_naam} uit <strong>${job.bestandsnaam}</strong>, gestart ${SHOWN_IN.format(job.gestart_op)} door ${job.door}.</p>
${running
  ? html`<div class="loket-import-voortgang" data-import-status="${FINANCIEN_PATHS.importStatus(job.uuid)}">
<label for="import-voortgang">Voortgang van de import</label>
<progress id="import-voortgang" max="${String(Math.max(job.totaal, 1))}"${job.totaal > 0 ? html` value="${String(job.verwerkt)}"` : ''} aria-describedby="import-voortgang-tekst">${tekst}</progress>
<p class="utrecht-paragraph" id="import-voortgang-tekst">${tekst}</p>
<p class="loket-visually-hidden" id="import-melding" role="status" aria-live="polite"></p>
<p class="utrecht-paragraph">U kunt deze pagina verlaten; de import loopt door. <a class="utrecht-link" id="import-vernieuwen" href="${FINANCIEN_PATHS.importJob(job.uuid)}">Vernieuwen</a></p>
</div>`
  : html`<p class="utrecht-paragraph" role="status"><strong>${tekst}</strong></p>`}
${job.status === 'mislukt' ? html`<p class="utrecht-paragraph">Los de problemen op en importeer het bestand opnieuw.</p>
${problemenTabel(job.fouten)}` : ''}
${job.status === 'voltooid' ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.overzicht}">Naar de begroting</a></p>` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.importeren}">Naar importeren</a></p>`,
  });
}
