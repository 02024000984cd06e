import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { RegelProbleem } from '../begroting/csv-regels.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { KENGETAL_CSV_COLUMNS, KENGETAL_CSV_UITLEG } from '../kengetallen/csv-invoer.ts';
import { financienPagina, foutoverzicht, melding } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { problemenTabel } from './problemen-tabel.ts';

const NUMBER = new Intl.NumberFormat('nl-NL');

export interface KengetalImportView {
  tenantName: string;
  csrfToken: string;
  maxBytes: number;
  /** A problem with the upload itself (no file, too large), beside the file field. */
  errors: VeldFout[];
  /** The refused file's name and every problem in it. */
  geweigerd?: { bestandsnaam: string; problemen: RegelProbleem[] };
  /** How many inputs the last import stored. */
  geimporteerd?: number;
}

/**
 * The upload of the kengetallen's inputs from a CSV file: the columns and codes explained, every row checked, all or
 * nothing, and every problem named by its row.
 */
export function kengetalImportPage(view: KengetalImportView): SafeHtml {
  const bestandFout = view.errors.find((error) => error.fieldId === 'bestand')?.message;
  const summary: VeldFout[] = view.geweigerd ? [{ fieldId: 'bestand', message: `${view.geweigerd.bestandsnaam}: niets geïmporteerd, ${NUMBER.format(view.geweigerd.problemen.length)} ${view.geweigerd.problemen.length === 1 ? 'probleem' : 'problemen'} (zie de tabel hieronder).` }] : view.errors;
  return financienPagina({
    title: 'Kengetallen importeren',
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.kengetalImport,
    toegang: { beheer: true },
    fouten: summary.length > 0,
    body: html`<h1 class="utrecht-heading-1">Kengetallen importeren</h1>
${foutoverzicht(summary)}
${melding(view.geimporteerd === undefined ? undefined : `${NUMBER.format(view.geimporteerd)} ${view.geimporteerd === 1 ? 'invoerwaarde' : 'invoerwaarden'} geïmporteerd.`)}
<p class="utrecht-paragraph">Lees de balansposities en woonlasten achter de kengetallen in uit een CSV-bestand met puntkomma\u2019s en de kolommen <code>${KENGETAL_CSV_COLUMNS.join(';')}</code>, één invoerwaarde per regel. Elke regel wordt gecontroleerd; als één regel een probleem heeft, wordt niets geïmporteerd en ziet u alle problemen met hun regelnummer. Een invoerwaarde die al bestond, wordt vervangen; wat het bestand niet noemt, blijft staan.</p>
<h2 class="utrecht-heading-2">Kolommen</h2>
<dl class="financien-gegevens">
<dt><code>jaar</code></dt><dd>Het jaar waarop de waarde betrekking heeft, bijvoorbeeld 2027 (balansposities per 1 januari).</dd>
<dt><code>veld</code></dt><dd>Welke invoer het is: een van de codes hieronder.</dd>
<dt><code>bedrag</code></dt><dd>Het bedrag in euro, met een decimale komma of punt: 92000000 of 92.000.000,00.</dd>
</dl>
<div class="loket-table-scroll" role="region" aria-labelledby="codes-titel" tabindex="0">
<table class="financien-tabel">
<caption id="codes-titel">Codes in de kolom veld</caption>
<thead><tr><th scope="col">Code</th><th scope="col">Betekenis</th></tr></thead>
<tbody>${KENGETAL_CSV_UITLEG.map((item) => html`<tr><td><code>${item.code}</code></td><td>${item.betekenis}</td></tr>`)}</tbody>
</table>
</div>
<p class="utrecht-paragraph">Voorbeeld: <code>jaar;veld;bedrag</code>, <code>2027;vaste_schulden;96000000,00</code>, <code>2027;woonlasten;1037,00</code>.</p>
<form class="loket-form" method="post" action="${FINANCIEN_PATHS.kengetalImport}" enctype="multipart/form-data" novalidate>
${csrfField(view.csrfToken)}
<div class="loket-form-field${bestandFout || view.geweigerd ? ' loket-form-field--invalid' : ''}">
<label for="bestand">Bestand</label>
<p class="loket-hint" id="bestand-hint">Een .csv-bestand van hoogstens ${NUMBER.format(Math.round(view.maxBytes / 1024))} kB.</p>
${bestandFout ? html`<p class="loket-field-error" id="bestand-fout"><span class="loket-visually-hidden">Fout: </span>${bestandFout}</p>` : ''}
<input type="file" id="bestand" name="bestand" accept=".csv,text/csv" required aria-describedby="bestand-hint${bestandFout ? ' bestand-fout' : ''}"${bestandFout ? html` aria-invalid="true"` : ''}>
</div>
<button type="submit" class="loket-button">Importeren</button>
</form>
${view.geweigerd ? html`<h2 class="utrecht-heading-2">Niets geïmporteerd uit ${view.geweigerd.bestandsnaam}</h2>
<p class="utrecht-paragraph">Los de problemen op en importeer het bestand opnieuw.</p>
${problemenTabel(view.geweigerd.problemen)}` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.kengetalInvoer}">Naar de invoer per jaar</a></p>`,
  });
}
