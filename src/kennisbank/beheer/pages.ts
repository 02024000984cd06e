import { csrfField } from '../../platform/auth/csrf.ts';
import { html, SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import { AANVRAAGKANALEN, DOELGROEPEN, SECTIE_TITELS, SECTIES, type ProductInhoud } from '../producten/content.ts';
import type { ProductOverzichtRow, VersieRow, WijzigingRow } from '../producten/repository.ts';
import type { KennisbankRapportage } from '../zoeklog/reports.ts';
import { formatEuro, vraagNummers } from './form.ts';

export const BEHEER_PATH = '/medewerker/kennisbank';
export const productPath = (slug: string) => `${BEHEER_PATH}/producten/${slug}`;

const STATUS_LABELS: Record<string, string> = { concept: 'Concept', review: 'Ter review', gepubliceerd: 'Gepubliceerd', gearchiveerd: 'Gearchiveerd' };
const ACTIE_LABELS: Record<string, string> = {
  aangemaakt: 'Aangemaakt',
  gewijzigd: 'Gewijzigd',
  'ter-review': 'Ter review aangeboden',
  gepubliceerd: 'Gepubliceerd',
  gearchiveerd: 'Gearchiveerd',
  geimporteerd: 'Geïmporteerd',
};
const KANAAL_LABELS: Record<string, string> = { portaal: 'Website', kcc: 'KCC', api: 'API' };
const SHOWN_IN = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });

function backLinks(): SafeHtml {
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${BEHEER_PATH}">Terug naar de kennisbank</a> · <a class="utrecht-link" href="/medewerker">Werkplek</a></p>`;
}

/** The beheerder's list of products with their newest version's status. */
export function overzichtPage(view: { tenantName: string; products: ProductOverzichtRow[] }): SafeHtml {
  return page({
    title: 'Kennisbank beheren',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Kennisbank beheren</h1>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${BEHEER_PATH}/nieuw">Nieuw product</a> · <a class="utrecht-link" href="${BEHEER_PATH}/importeren">Importeren</a> · <a class="utrecht-link" href="${BEHEER_PATH}/rapportage">Rapportage zoeken en beoordelingen</a></p>
<div class="loket-table-scroll" role="region" aria-labelledby="producten-titel" tabindex="0">
<table>
<caption id="producten-titel">${view.products.length} producten, op titel</caption>
<thead><tr><th scope="col">Titel</th><th scope="col">Status nieuwste versie</th><th scope="col">Versie</th><th scope="col">Online</th><th scope="col">Review voor</th><th scope="col">Laatst gewijzigd</th></tr></thead>
<tbody>${view.products.map(
      (product) => html`<tr>
<td><a class="utrecht-link" href="${productPath(product.slug)}">${product.titel}</a></td>
<td>${STATUS_LABELS[product.status] ?? product.status}</td>
<td>${product.versienummer}</td>
<td>${product.gepubliceerd ? 'Ja' : 'Nee'}</td>
<td>${product.review_voor ?? ''}</td>
<td>${SHOWN_IN.format(product.gewijzigd_op)} door ${product.gewijzigd_door}</td>
</tr>`,
    )}</tbody>
</table>
</div>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerker">Terug naar de werkplek</a></p>`,
  });
}

interface FieldError {
  fieldId: string;
  message: string;
}

function errorFor(errors: FieldError[], id: string): string | undefined {
  const messages = errors.filter((error) => error.fieldId === id).map((error) => error.message);
  return messages.length > 0 ? messages.join(' ') : undefined;
}

function fieldFrame(id: string, label: string, control: SafeHtml, options: { hint?: string; error?: string }): SafeHtml {
  return html`<div class="loket-form-field${options.error ? ' loket-form-field--invalid' : ''}">
<label for="${id}" id="${id}-label">${label}</label>
${options.hint ? html`<p class="loket-hint" id="${id}-hint">${options.hint}</p>` : ''}
${options.error ? html`<p class="loket-field-error" id="${id}-fout"><span class="loket-visually-hidden">Fout: </span>${options.error}</p>` : ''}
${control}
</div>`;
}

function describedBy(id: string, options: { hint?: string; error?: string }): string {
  return [options.hint ? `${id}-hint` : '', options.error ? `${id}-fout` : ''].filter(Boolean).join(' ');
}

function textInput(id: string, label: string, value: string, options: { hint?: string; error?: string; type?: string; required?: boolean }): SafeHtml {
  const by = describedBy(id, options);
  return fieldFrame(
    id,
    label,
    html`<input type="${options.type ?? 'text'}" id="${id}" name="${id}" value="${value}"${options.required ? html` required` : ''}${options.error ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}>`,
    options,
  );
}

/** A textarea; `richText` marks it for the editor script (rich-text-editor.js), which replaces it when JavaScript runs. */
function textArea(id: string, label: string, value: string, options: { hint?: string; error?: string; rows?: number; richText?: boolean }): SafeHtml {
  const by = describedBy(id, options);
  return fieldFrame(
    id,
    label,
    html`<textarea id="${id}" name="${id}" rows="${String(options.rows ?? 5)}" cols="80"${options.richText ? html` data-rich-text` : ''}${options.error ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}>${value}</textarea>`,
    options,
  );
}

function checkboxes(name: string, legend: string, options: readonly string[], chosen: readonly string[], error: string | undefined): SafeHtml {
  return html`<fieldset class="loket-form-field${error ? ' loket-form-field--invalid' : ''}" id="${name}"${error ? html` aria-describedby="${name}-fout"` : ''}>
<legend>${legend}</legend>
${error ? html`<p class="loket-field-error" id="${name}-fout"><span class="loket-visually-hidden">Fout: </span>${error}</p>` : ''}
${options.map((option) => html`<div><input type="checkbox" id="${name}-${option}" name="${name}" value="${option}"${chosen.includes(option) ? html` checked` : ''}> <label for="${name}-${option}">${option}</label></div>`)}
</fieldset>`;
}

const RICH_TEXT_HINT = 'Opmaak met HTML: <p>, <ul>/<ol> met <li>, <strong>, <em>, <h3>, <h4> en <a href="https://…">. Andere opmaak wordt verwijderd.';

/** Empty question fields the form offers beyond the filled ones (more after saving; the form needs no script). */
const EXTRA_VRAGEN = 2;

/** The questions as numbered pairs: a line for the question, a rich-text answer; the empty pairs at the end are extra. */
function vragenFieldset(values: Record<string, string | string[]>, error: (id: string) => string | undefined): SafeHtml {
  const value = (name: string) => {
    const raw = values[name];
    return typeof raw === 'string' ? raw : '';
  };
  const count = Math.max(0, ...vraagNummers(values)) + EXTRA_VRAGEN;
  const numbers = Array.from({ length: count }, (_, index) => index + 1);
  return html`<fieldset class="loket-form-field loket-vragen">
<legend>Vragen en antwoorden</legend>
<p class="loket-hint">Lege vragen worden overgeslagen. Meer vragen nodig? Sla het concept op; daarna staan er weer ${EXTRA_VRAGEN} lege vragen klaar.</p>
${numbers.map(
    (number) => html`<div class="loket-vraag">
${textInput(`vraag-${number}`, `Vraag ${number}`, value(`vraag-${number}`), { error: error(`vraag-${number}`) })}
${textArea(`antwoord-${number}`, `Antwoord op vraag ${number}`, value(`antwoord-${number}`), { hint: RICH_TEXT_HINT, error: error(`antwoord-${number}`), rows: 3, richText: true })}
</div>`,
  )}
</fieldset>`;
}

export interface ProductFormView {
  tenantName: string;
  csrfToken: string;
  /** Undefined for a new product. */
  slug?: string;
  values: Record<string, string | string[]>;
  errors: FieldError[];
  versie?: VersieRow;
  gepubliceerd?: boolean;
  history?: WijzigingRow[];
  notice?: string;
}

/** The create/edit form of a product, with its status actions and history when it exists. */
export function productFormPage(view: ProductFormView): SafeHtml {
  const value = (name: string) => {
    const raw = view.values[name];
    return typeof raw === 'string' ? raw : '';
  };
  const chosen = (name: string) => {
    const raw = view.values[name];
    return Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : [];
  };
  const error = (id: string) => errorFor(view.errors, id);
  const title = view.slug ? `Product bewerken: ${value('titel')}` : 'Nieuw product';
  const action = view.slug ? productPath(view.slug) : `${BEHEER_PATH}/nieuw`;
  const status = view.versie ? html`<p class="utrecht-paragraph">Versie ${view.versie.versienummer}: <strong>${STATUS_LABELS[view.versie.status] ?? view.versie.status}</strong>${view.gepubliceerd ? ' · er is een gepubliceerde versie online' : ' · niet online'}. <a class="utrecht-link" href="${productPath(view.slug ?? '')}/voorbeeld">Voorbeeld bekijken</a></p>` : '';
  return page({
    title: view.errors.length > 0 ? `Fout: ${title}` : title,
    tenantName: view.tenantName,
    scripts: ['/static/rich-text-editor.js'],
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${view.notice ? html`<p class="utrecht-paragraph" role="status"><strong>${view.notice}</strong></p>` : ''}
${status}
${
  view.errors.length > 0
    ? html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Er is een probleem</h2>
<ul>${view.errors.map((item) => html`<li><a href="#${item.fieldId}">${item.message}</a></li>`)}</ul>
</div>`
    : ''
}
<form method="post" action="${action}" novalidate>
${csrfField(view.csrfToken)}
${view.slug ? '' : textInput('slug', 'Adres van de productpagina', value('slug'), { hint: 'Kleine letters, cijfers en streepjes, zoals paspoort-aanvragen. Dit kan later niet meer veranderen.', error: error('slug'), required: true })}
${textInput('titel', 'Titel', value('titel'), { error: error('titel'), required: true })}
${textInput('uplNaam', 'Naam in de Uniforme Productnamenlijst (UPL)', value('uplNaam'), { error: error('uplNaam'), required: true })}
${textInput('samenvatting', 'Samenvatting', value('samenvatting'), { hint: 'Eén of twee zinnen; dit staat in de zoekresultaten.', error: error('samenvatting'), required: true })}
${checkboxes('doelgroepen', 'Voor wie', DOELGROEPEN, chosen('doelgroepen'), error('doelgroepen'))}
${checkboxes('aanvraagkanalen', 'Hoe aan te vragen', AANVRAAGKANALEN, chosen('aanvraagkanalen'), error('aanvraagkanalen'))}
${SECTIES.map((sectie) => textArea(`sectie-${sectie}`, SECTIE_TITELS[sectie], value(`sectie-${sectie}`), { hint: RICH_TEXT_HINT, error: error(`sectie-${sectie}`), richText: true }))}
${textArea('kostenbedragen', 'Bedragen', value('kostenbedragen'), { hint: 'Eén bedrag per regel: omschrijving; bedrag in euro. Bijvoorbeeld: Paspoort 18 jaar en ouder; 84,70', error: error('kostenbedragen'), rows: 3 })}
${vragenFieldset(view.values, error)}
${textArea('interneNotitie', 'Interne notitie (alleen voor het KCC)', value('interneNotitie'), { hint: RICH_TEXT_HINT, error: error('interneNotitie'), rows: 3, richText: true })}
${textInput('trefwoorden', 'Trefwoorden', value('trefwoorden'), { hint: 'Woorden die mensen gebruiken, gescheiden door komma’s, zoals: kliko, container.', error: error('trefwoorden') })}
${textInput('gerelateerd', 'Gerelateerde producten', value('gerelateerd'), { hint: 'Adressen van andere producten, gescheiden door komma’s.', error: error('gerelateerd') })}
${textInput('zaaktypeIdentificatie', 'Zaaktype van de online aanvraag', value('zaaktypeIdentificatie'), { hint: 'De identificatie van het zaaktype, zoals PARKEERVERGUNNING. Leeg als er geen online aanvraag is.', error: error('zaaktypeIdentificatie') })}
${textInput('publicatiedatum', 'Publicatiedatum', value('publicatiedatum'), { type: 'date', hint: 'Leeg: vanaf de dag van publiceren.', error: error('publicatiedatum') })}
${textInput('reviewVoor', 'Controleren voor', value('reviewVoor'), { type: 'date', error: error('reviewVoor') })}
<button type="submit" class="loket-button">${view.slug ? 'Concept opslaan' : 'Product aanmaken'}</button>
</form>
${view.slug ? actions(view) : ''}
${view.history && view.history.length > 0 ? historyTable(view.history) : ''}
${backLinks()}`,
  });
}

function actions(view: ProductFormView): SafeHtml {
  const slug = view.slug ?? '';
  const open = view.versie?.status === 'concept' || view.versie?.status === 'review';
  return html`<h2 class="utrecht-heading-2">Status</h2>
${open && view.versie?.status === 'concept' ? html`<form class="loket-form--secondary" method="post" action="${productPath(slug)}/review">${csrfField(view.csrfToken)}<button type="submit" class="loket-button loket-button-secondary">Ter review aanbieden</button></form>` : ''}
${open ? html`<form class="loket-form--secondary" method="post" action="${productPath(slug)}/publiceren">${csrfField(view.csrfToken)}<button type="submit" class="loket-button">Publiceren</button></form>` : ''}
${view.gepubliceerd ? html`<form class="loket-form--secondary" method="post" action="${productPath(slug)}/archiveren">${csrfField(view.csrfToken)}<button type="submit" class="loket-button loket-button-secondary">Archiveren (offline halen)</button></form>` : ''}`;
}

function historyTable(history: WijzigingRow[]): SafeHtml {
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="geschiedenis-titel" tabindex="0">
<table>
<caption id="geschiedenis-titel">Wie veranderde wat (nieuwste eerst)</caption>
<thead><tr><th scope="col">Tijdstip</th><th scope="col">Actie</th><th scope="col">Door</th><th scope="col">Velden</th></tr></thead>
<tbody>${history.map((entry) => html`<tr><td>${SHOWN_IN.format(entry.op)}</td><td>${ACTIE_LABELS[entry.actie] ?? entry.actie}</td><td>${entry.door}</td><td>${entry.velden.join(', ')}</td></tr>`)}</tbody>
</table>
</div>`;
}

/** A version as a product page would show it: the beheerder's preview before publication. */
export function previewPage(view: { tenantName: string; slug: string; inhoud: ProductInhoud; versie: VersieRow }): SafeHtml {
  const { inhoud } = view;
  return page({
    title: `Voorbeeld: ${inhoud.titel}`,
    tenantName: view.tenantName,
    body: html`<p class="utrecht-paragraph" role="note"><strong>Voorbeeld van versie ${view.versie.versienummer} (${STATUS_LABELS[view.versie.status] ?? view.versie.status}).</strong> Zo ziet de productpagina eruit.</p>
<h1 class="utrecht-heading-1">${inhoud.titel}</h1>
<p class="utrecht-paragraph">${inhoud.samenvatting}</p>
${SECTIES.filter((sectie) => inhoud.secties[sectie] !== '').map(
      // The sections were sanitised when they were stored: only the allowed formatting is left.
      (sectie) => html`<h2 class="utrecht-heading-2">${SECTIE_TITELS[sectie]}</h2>${new SafeHtml(inhoud.secties[sectie])}`,
    )}
${inhoud.kostenbedragen.length > 0 ? html`<ul>${inhoud.kostenbedragen.map((item) => html`<li>${item.omschrijving}: € ${formatEuro(item.bedragInCenten)}</li>`)}</ul>` : ''}
${inhoud.vraagAntwoord.length > 0 ? html`<h2 class="utrecht-heading-2">Vragen</h2>${inhoud.vraagAntwoord.map((item) => html`<h3 class="utrecht-heading-3">${item.vraag}</h3>${new SafeHtml(item.antwoord)}`)}` : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${productPath(view.slug)}">Terug naar bewerken</a></p>`,
  });
}

/** The beheerder's reports over the search log and the ratings. */
export function rapportagePage(view: { tenantName: string; report: KennisbankRapportage }): SafeHtml {
  const { report } = view;
  const table = (id: string, caption: string, head: string[], rows: SafeHtml[]) =>
    rows.length === 0
      ? html`<h2 class="utrecht-heading-2" id="${id}">${caption}</h2><p class="utrecht-paragraph">Niets in deze periode.</p>`
      : html`<h2 class="utrecht-heading-2" id="${id}">${caption}</h2>
<div class="loket-table-scroll" role="region" aria-labelledby="${id}" tabindex="0"><table>
<thead><tr>${head.map((cell) => html`<th scope="col">${cell}</th>`)}</tr></thead>
<tbody>${rows}</tbody></table></div>`;
  const day = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium' });
  return page({
    title: 'Rapportage kennisbank',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Rapportage kennisbank</h1>
<p class="utrecht-paragraph">Periode: ${day.format(report.periode.van)} tot ${day.format(report.periode.tot)}. Zoektermen zijn opgeslagen zonder persoonsgegevens.</p>
${table('top', 'Meest gezocht per kanaal', ['Kanaal', 'Zoekterm', 'Aantal'], report.topZoektermenPerKanaal.map((row) => html`<tr><td>${KANAAL_LABELS[row.kanaal] ?? row.kanaal}</td><td>${row.zoekterm}</td><td>${row.aantal}</td></tr>`))}
${table('nul', 'Zoektermen zonder resultaat', ['Zoekterm', 'Aantal'], report.zonderResultaat.map((row) => html`<tr><td>${row.zoekterm}</td><td>${row.aantal}</td></tr>`))}
${table('geen-klik', 'Zoektermen waarop niemand klikte', ['Zoekterm', 'Aantal'], report.zonderKlik.map((row) => html`<tr><td>${row.zoekterm}</td><td>${row.aantal}</td></tr>`))}
${table('laagst', 'Laagst beoordeelde producten', ['Product', 'Beoordelingen', 'Nuttig', 'Opmerkingen'], report.laagstBeoordeeld.map((row) => html`<tr><td><a class="utrecht-link" href="${productPath(row.slug)}">${row.titel}</a></td><td>${row.beoordelingen}</td><td>${Math.round(row.score * 100)} %</td><td>${row.opmerkingen.join(' · ')}</td></tr>`))}
${table('review', 'Controledatum verstreken', ['Product', 'Controleren voor', 'Laatst gewijzigd door'], report.reviewVerlopen.map((row) => html`<tr><td><a class="utrecht-link" href="${productPath(row.slug)}">${row.titel}</a></td><td>${row.review_voor}</td><td>${row.gewijzigd_door}</td></tr>`))}
${backLinks()}`,
  });
}
