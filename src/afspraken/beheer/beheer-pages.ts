import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import { formatDatumLang, formatMinuut, toAmsterdam } from '../amsterdam-time.ts';
import type { AfspraakOverzichtRow, LocatieRow, ProductRow, SluitingsdagRow } from '../repository.ts';
import { WEEKDAGEN, type BeheerFieldError } from './beheer-forms.ts';

export const AFSPRAKEN_BEHEER_PATH = '/medewerker/afspraken';

function errorSummary(errors: BeheerFieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Er is een probleem</h2>
<ul>${errors.map((error) => html`<li><a href="#${error.fieldId}">${error.message}</a></li>`)}</ul>
</div>`;
}

function errorFor(errors: BeheerFieldError[], id: string): string | undefined {
  return errors.find((error) => error.fieldId === id)?.message;
}

interface InputOptions {
  id: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  type?: 'text' | 'number' | 'date';
  required?: boolean;
  extra?: SafeHtml;
}

function input(options: InputOptions): SafeHtml {
  const describedBy = [options.hint ? `${options.id}-hint` : '', options.error ? `${options.id}-fout` : ''].filter(Boolean).join(' ');
  return html`<div class="loket-form-field${options.error ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="loket-hint" id="${options.id}-hint">${options.hint}</p>` : ''}
${options.error ? html`<p class="loket-field-error" id="${options.id}-fout"><span class="loket-visually-hidden">Fout: </span>${options.error}</p>` : ''}
<input type="${options.type ?? 'text'}" id="${options.id}" name="${options.id}" value="${options.value}"${options.required ? html` required` : ''}${options.error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${options.extra ?? ''}>
</div>`;
}

function checkbox(id: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="loket-form-field"><input type="checkbox" id="${id}" name="${id}" value="ja"${checked ? html` checked` : ''}> <label for="${id}">${label}</label></div>`;
}

function notice(text: string | undefined): SafeHtml {
  return text ? html`<p class="loket-notice" role="status">${text}</p>` : html``;
}

function beheerLinks(): SafeHtml {
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/locaties">Locaties en openingstijden</a> · <a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/producten">Producten en balies</a> · <a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen">Sluitingsdagen</a></p>`;
}

function back(): SafeHtml {
  return html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}">Terug naar de afspraken</a> · <a class="utrecht-link" href="/medewerker">Werkplek</a></p>`;
}

const STATUS_LABELS: Record<string, string> = { geboekt: 'Geboekt', geannuleerd: 'Geannuleerd', verplaatst: 'Verzet' };

/** The counter's list: one location's appointments on one day, for the staff who receive the residents. */
export function afsprakenDagPage(view: { tenantName: string; locaties: LocatieRow[]; locatieId: string | undefined; datum: string; afspraken: AfspraakOverzichtRow[]; beheerder: boolean }): SafeHtml {
  const locatie = view.locaties.find((item) => item.id === view.locatieId);
  const booked = view.afspraken.filter((afspraak) => afspraak.status === 'geboekt').length;
  return page({
    title: 'Afspraken',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Afspraken aan de balie</h1>
${view.beheerder ? beheerLinks() : ''}
<form class="loket-form loket-form--secondary" method="get" action="${AFSPRAKEN_BEHEER_PATH}">
<div class="loket-form-field"><label for="locatie">Locatie</label>
<select id="locatie" name="locatie">${view.locaties.map((item) => html`<option value="${item.id}"${item.id === view.locatieId ? html` selected` : ''}>${item.naam}</option>`)}</select></div>
${input({ id: 'datum', label: 'Datum', type: 'date', value: view.datum, required: true })}
<button type="submit" class="loket-button">Toon afspraken</button>
</form>
${locatie === undefined
  ? html`<p class="utrecht-paragraph">Er zijn nog geen locaties.</p>`
  : html`<h2 class="utrecht-heading-2" id="lijst-titel">${locatie.naam}, ${formatDatumLang(view.datum)}</h2>
<p class="utrecht-paragraph">${booked} ${booked === 1 ? 'afspraak' : 'afspraken'} geboekt.</p>
${view.afspraken.length === 0 ? html`<p class="utrecht-paragraph">Geen afspraken op deze dag.</p>` : html`<div class="loket-table-scroll" role="region" aria-labelledby="lijst-titel" tabindex="0">
<table>
<caption class="loket-visually-hidden">Afspraken op tijd</caption>
<thead><tr><th scope="col">Tijd</th><th scope="col">Product</th><th scope="col">Naam</th><th scope="col">E-mail</th><th scope="col">Telefoon</th><th scope="col">Opmerking</th><th scope="col">Status</th></tr></thead>
<tbody>${view.afspraken.map(
        (afspraak) => html`<tr>
<td>${formatMinuut(toAmsterdam(afspraak.starttijd).minuut)}–${formatMinuut(toAmsterdam(afspraak.eindtijd).minuut)}</td>
<td>${afspraak.product}</td>
<td>${afspraak.naam}</td>
<td>${afspraak.e_mail}</td>
<td>${afspraak.telefoon ?? ''}</td>
<td>${afspraak.opmerking}</td>
<td>${STATUS_LABELS[afspraak.status] ?? afspraak.status}</td>
</tr>`,
      )}</tbody>
</table>
</div>`}`}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerker">Terug naar de werkplek</a></p>`,
  });
}

/** The beheerder's list of locations. */
export function locatiesPage(view: { tenantName: string; locaties: LocatieRow[]; melding?: string }): SafeHtml {
  return page({
    title: 'Locaties',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Locaties en openingstijden</h1>
${notice(view.melding)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/locaties/nieuw">Nieuwe locatie</a></p>
<ul class="utrecht-unordered-list">${view.locaties.map((locatie) => html`<li><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/locaties/${locatie.id}">${locatie.naam}</a>, ${locatie.adres}${locatie.actief ? '' : ' (niet actief)'}</li>`)}</ul>
${back()}`,
  });
}

/** Create or edit a location with its week of opening hours. */
export function locatieFormPage(view: { tenantName: string; csrfToken: string; id?: string; values: Record<string, string | undefined>; errors: BeheerFieldError[] }): SafeHtml {
  const { values, errors } = view;
  const title = view.id ? 'Locatie wijzigen' : 'Nieuwe locatie';
  return page({
    title: `${errors.length > 0 ? 'Fout: ' : ''}${title}`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${errorSummary(errors)}
<form class="loket-form" method="post" action="${AFSPRAKEN_BEHEER_PATH}/locaties/${view.id ?? 'nieuw'}" novalidate>
${csrfField(view.csrfToken)}
${input({ id: 'naam', label: 'Naam', value: values.naam ?? '', required: true, error: errorFor(errors, 'naam') })}
${input({ id: 'adres', label: 'Straat en huisnummer', value: values.adres ?? '', required: true, error: errorFor(errors, 'adres') })}
${input({ id: 'postcode', label: 'Postcode', value: values.postcode ?? '', error: errorFor(errors, 'postcode') })}
${input({ id: 'plaats', label: 'Plaats', value: values.plaats ?? '', error: errorFor(errors, 'plaats') })}
${checkbox('actief', 'Actief: inwoners kunnen hier een afspraak maken', values.actief === 'ja')}
<fieldset class="loket-field-group">
<legend>Openingstijden</legend>
<p class="loket-hint" id="openingstijden-hint">Per dag de tijden als 09:00-12:30; meerdere perioden met een komma ertussen, zoals 09:00-12:30, 13:30-17:00. Leeg: gesloten.</p>
${WEEKDAGEN.map((dag) => input({ id: dag, label: `${dag[0]?.toUpperCase()}${dag.slice(1)}`, value: values[dag] ?? '', hint: undefined, error: errorFor(errors, dag) }))}
</fieldset>
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/locaties">Terug naar de locaties</a></p>`,
  });
}

/** The beheerder's list of bookable products. */
export function productenPage(view: { tenantName: string; producten: ProductRow[]; melding?: string }): SafeHtml {
  return page({
    title: 'Producten voor afspraken',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Producten en balies</h1>
${notice(view.melding)}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/producten/nieuw">Product toevoegen</a></p>
<ul class="utrecht-unordered-list">${view.producten.map((product) => html`<li><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/producten/${product.id}">${product.naam}</a>, ${product.duur_minuten} minuten${product.actief ? '' : ' (niet actief)'}</li>`)}</ul>
${back()}`,
  });
}

/** Add or edit a bookable product: its name, appointment length and counters per location. */
export function productFormPage(view: {
  tenantName: string;
  csrfToken: string;
  id?: string;
  values: Record<string, string | undefined>;
  errors: BeheerFieldError[];
  locaties: LocatieRow[];
  kennisbank: { slug: string; titel: string }[];
}): SafeHtml {
  const { values, errors } = view;
  const title = view.id ? 'Product wijzigen' : 'Product toevoegen';
  const slugError = errorFor(errors, 'product_slug');
  return page({
    title: `${errors.length > 0 ? 'Fout: ' : ''}${title}`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${errorSummary(errors)}
<form class="loket-form" method="post" action="${AFSPRAKEN_BEHEER_PATH}/producten/${view.id ?? 'nieuw'}" novalidate>
${csrfField(view.csrfToken)}
${view.id
  ? html`<p class="utrecht-paragraph">Kennisbankproduct: ${values.product_slug ?? ''}</p>`
  : html`<div class="loket-form-field${slugError ? ' loket-form-field--invalid' : ''}"><label for="product_slug">Product in de kennisbank</label>
${slugError ? html`<p class="loket-field-error" id="product_slug-fout"><span class="loket-visually-hidden">Fout: </span>${slugError}</p>` : ''}
<select id="product_slug" name="product_slug"${slugError ? html` aria-invalid="true" aria-describedby="product_slug-fout"` : ''}><option value="">Kies een product</option>${view.kennisbank.map((product) => html`<option value="${product.slug}"${product.slug === values.product_slug ? html` selected` : ''}>${product.titel}</option>`)}</select></div>`}
${input({ id: 'naam', label: 'Naam in de afsprakenlijst', value: values.naam ?? '', required: true, error: errorFor(errors, 'naam') })}
${input({ id: 'duur', label: 'Duur van een afspraak (minuten)', type: 'number', value: values.duur ?? '', required: true, error: errorFor(errors, 'duur'), extra: html` min="5" max="240"` })}
${checkbox('actief', 'Actief: inwoners kunnen hiervoor een afspraak maken', values.actief === 'ja')}
<fieldset class="loket-field-group">
<legend>Balies per locatie</legend>
<p class="loket-hint">Hoeveel inwoners een locatie tegelijk helpt voor dit product. 0: hier geen afspraken voor dit product.</p>
${view.locaties.map((locatie) => input({ id: `balies-${locatie.id}`, label: locatie.naam, type: 'number', value: values[`balies-${locatie.id}`] ?? '0', error: errorFor(errors, `balies-${locatie.id}`), extra: html` min="0" max="50"` }))}
</fieldset>
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${AFSPRAKEN_BEHEER_PATH}/producten">Terug naar de producten</a></p>`,
  });
}

/** Closing days from today on, a form to add one, and a button to remove each. */
export function sluitingsdagenPage(view: { tenantName: string; csrfToken: string; dagen: SluitingsdagRow[]; locaties: LocatieRow[]; values: Record<string, string | undefined>; errors: BeheerFieldError[]; melding?: string }): SafeHtml {
  const { values, errors } = view;
  const naamVan = (id: string | null) => (id === null ? 'Alle locaties' : (view.locaties.find((locatie) => locatie.id === id)?.naam ?? ''));
  return page({
    title: `${errors.length > 0 ? 'Fout: ' : ''}Sluitingsdagen`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Sluitingsdagen</h1>
${notice(view.melding)}
${errorSummary(errors)}
<h2 class="utrecht-heading-2" id="dagen-titel">Komende sluitingsdagen</h2>
${view.dagen.length === 0 ? html`<p class="utrecht-paragraph">Geen.</p>` : html`<div class="loket-table-scroll" role="region" aria-labelledby="dagen-titel" tabindex="0"><table>
<thead><tr><th scope="col">Datum</th><th scope="col">Locatie</th><th scope="col">Omschrijving</th><th scope="col"><span class="loket-visually-hidden">Actie</span></th></tr></thead>
<tbody>${view.dagen.map(
      (dag) => html`<tr><td>${formatDatumLang(dag.datum)}</td><td>${naamVan(dag.locatie_id)}</td><td>${dag.omschrijving}</td>
<td><form method="post" action="${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen/${dag.id}/verwijderen">${csrfField(view.csrfToken)}<button type="submit" class="loket-button" aria-label="${`Verwijderen: ${formatDatumLang(dag.datum)}, ${naamVan(dag.locatie_id)}`}">Verwijderen</button></form></td></tr>`,
    )}</tbody></table></div>`}
<h2 class="utrecht-heading-2">Sluitingsdag toevoegen</h2>
<form class="loket-form" method="post" action="${AFSPRAKEN_BEHEER_PATH}/sluitingsdagen" novalidate>
${csrfField(view.csrfToken)}
${input({ id: 'datum', label: 'Datum', type: 'date', value: values.datum ?? '', required: true, error: errorFor(errors, 'datum') })}
<div class="loket-form-field"><label for="locatie">Locatie</label>
<select id="locatie" name="locatie"><option value="">Alle locaties</option>${view.locaties.map((locatie) => html`<option value="${locatie.id}"${locatie.id === values.locatie ? html` selected` : ''}>${locatie.naam}</option>`)}</select></div>
${input({ id: 'omschrijving', label: 'Omschrijving', value: values.omschrijving ?? '', hint: 'Bijvoorbeeld Koningsdag.', error: errorFor(errors, 'omschrijving') })}
<button type="submit" class="loket-button">Toevoegen</button>
</form>
${back()}`,
  });
}
