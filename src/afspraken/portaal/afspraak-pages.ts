import type { Tenant } from '../../platform/database/schema.ts';
import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { portaalPage } from '../../portaal/portaal-page.ts';
import { addDays, formatDatumLang, formatMinuut, isoWeekday, toAmsterdam } from '../amsterdam-time.ts';
import { locatieRegel, wanneer } from '../afspraak-mail.ts';
import type { LocatieRow, ProductRow } from '../repository.ts';
import type { AfspraakDetails } from '../service.ts';
import type { Slot } from '../slots.ts';

/*
 * The resident's pages for booking, changing and cancelling a counter appointment. One step per page, links for
 * choices and a plain form for the details, so every step works without JavaScript and with the keyboard alone.
 */

export const AFSPRAAK_PATH = '/afspraak';

/** The form fields residents fill in, with their limits (the database checks the same). */
export const MAX_NAAM = 200;
export const MAX_E_MAIL = 254;
export const MAX_TELEFOON = 30;
export const MAX_OPMERKING = 500;

/**
 * Where the steps of one journey live: a new booking (`/afspraak`, the product in the query) or a change through a
 * management link (`/afspraak/wijzigen/{token}`, the product fixed by the booking).
 */
export interface Flow {
  kind: 'boeken' | 'wijzigen';
  /** Path of a step with the choices made so far as query parameters. */
  step(step: 'locatie' | 'datum' | 'tijd' | 'gegevens', params: Record<string, string>): string;
  /** Where "back to the start" goes. */
  start: string;
}

function query(params: Record<string, string>): string {
  const search = new URLSearchParams(params).toString();
  return search === '' ? '' : `?${search}`;
}

/** The booking journey's steps. */
export function bookingFlow(productId: string): Flow {
  return { kind: 'boeken', step: (step, params) => `${AFSPRAAK_PATH}/${step}${query({ product: productId, ...params })}`, start: AFSPRAAK_PATH };
}

/** The change journey's steps, under the management link. */
export function changeFlow(token: string): Flow {
  const base = `${AFSPRAAK_PATH}/wijzigen/${token}`;
  return { kind: 'wijzigen', step: (step, params) => `${base}/${step === 'gegevens' ? 'bevestigen' : step}${query(params)}`, start: base };
}

function stap(flow: Flow, nummer: number): SafeHtml {
  return flow.kind === 'boeken' ? html`<p class="portaal-afspraak-stap">Stap ${nummer} van 5</p>` : html`<p class="portaal-afspraak-stap">Afspraak verzetten</p>`;
}

function terug(href: string, label = 'Terug'): SafeHtml {
  return html`<p class="portaal-afspraak-terug"><a class="utrecht-link" href="${href}">${label}</a></p>`;
}

/** The choices so far, so the resident can check them on every step. */
function keuzes(items: [string, string][]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<dl class="portaal-afspraak-keuzes">${items.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>`;
}

/** Step 1: which product. */
export function productKeuzePage(tenant: Tenant, products: ProductRow[]): SafeHtml {
  const body =
    products.length === 0
      ? html`<h1 class="utrecht-heading-1">Afspraak maken</h1>
<p class="utrecht-paragraph">U kunt op dit moment geen afspraak maken via de website. Bel ons om een afspraak te maken.</p>`
      : html`<p class="portaal-afspraak-stap">Stap 1 van 5</p>
<h1 class="utrecht-heading-1">Afspraak maken</h1>
<p class="utrecht-paragraph">Voor sommige producten komt u naar de balie. Kies waarvoor u een afspraak wilt maken.</p>
<ul class="portaal-afspraak-keuzelijst">
${products.map((product) => html`<li><a class="utrecht-link" href="${bookingFlow(product.id).step('locatie', {})}">${product.naam}</a> <span class="portaal-afspraak-duur">(${product.duur_minuten} minuten)</span></li>
`)}</ul>`;
  return portaalPage({ tenant, title: 'Afspraak maken', body });
}

/** Step 2: which location. */
export function locatieKeuzePage(tenant: Tenant, flow: Flow, product: ProductRow, locaties: LocatieRow[]): SafeHtml {
  return portaalPage({
    tenant,
    title: `Kies een locatie - ${product.naam}`,
    body: html`${stap(flow, 2)}
<h1 class="utrecht-heading-1">Kies een locatie</h1>
${keuzes([['Afspraak voor', product.naam]])}
${locaties.length === 0
  ? html`<p class="utrecht-paragraph">Er is op dit moment geen locatie waar u hiervoor een afspraak kunt maken.</p>`
  : html`<ul class="portaal-afspraak-keuzelijst">
${locaties.map((locatie) => html`<li><a class="utrecht-link" href="${flow.step('datum', { locatie: locatie.id })}">${locatie.naam}</a><br><span class="portaal-afspraak-adres">${locatieRegel(locatie)}</span></li>
`)}</ul>`}
${terug(flow.start)}`,
  });
}

/** Groups days by the Monday of their week, for headings such as "Week van maandag 30 maart". */
function byWeek(dagen: string[]): [string, string[]][] {
  const weeks = new Map<string, string[]>();
  for (const datum of dagen) {
    const monday = addDays(datum, 1 - isoWeekday(datum));
    weeks.set(monday, [...(weeks.get(monday) ?? []), datum]);
  }
  return [...weeks];
}

/** Step 3: a day with free times, within the booking window. */
export function datumKeuzePage(tenant: Tenant, flow: Flow, offer: { product: ProductRow; locatie: LocatieRow }, dagen: string[], melding?: string): SafeHtml {
  const back = flow.step('locatie', {});
  return portaalPage({
    tenant,
    title: `Kies een datum - ${offer.product.naam}`,
    body: html`${stap(flow, 3)}
<h1 class="utrecht-heading-1">Kies een datum</h1>
${melding ? html`<div class="utrecht-alert utrecht-alert--warning portaal-afspraak-melding" role="status"><p class="utrecht-paragraph">${melding}</p></div>` : ''}
${keuzes([['Afspraak voor', offer.product.naam], ['Locatie', locatieRegel(offer.locatie)]])}
${dagen.length === 0
  ? html`<p class="utrecht-paragraph">Er zijn de komende 6 weken geen tijden meer vrij op deze locatie. Kies een andere locatie of bel ons.</p>`
  : html`<p class="utrecht-paragraph">U ziet alleen de dagen waarop nog tijden vrij zijn, de komende 6 weken.</p>
${byWeek(dagen).map(([monday, days]) => html`<section class="portaal-afspraak-week" aria-labelledby="week-${monday}">
<h2 class="utrecht-heading-2" id="week-${monday}">Week van ${formatDatumLang(monday)}</h2>
<ul class="portaal-afspraak-dagen">
${days.map((datum) => html`<li><a class="utrecht-link" href="${flow.step('tijd', { locatie: offer.locatie.id, datum })}">${formatDatumLang(datum)}</a></li>
`)}</ul>
</section>
`)}`}
${terug(back, 'Andere locatie kiezen')}`,
  });
}

/** Step 4: a free time on the chosen day. */
export function tijdKeuzePage(tenant: Tenant, flow: Flow, offer: { product: ProductRow; locatie: LocatieRow }, datum: string, slots: Slot[], melding?: string): SafeHtml {
  const free = slots.filter((slot) => slot.vrij > 0);
  return portaalPage({
    tenant,
    title: `Kies een tijd - ${offer.product.naam}`,
    body: html`${stap(flow, 4)}
<h1 class="utrecht-heading-1">Kies een tijd</h1>
${melding ? html`<div class="utrecht-alert utrecht-alert--warning portaal-afspraak-melding" role="status"><p class="utrecht-paragraph">${melding}</p></div>` : ''}
${keuzes([['Afspraak voor', offer.product.naam], ['Locatie', locatieRegel(offer.locatie)], ['Datum', formatDatumLang(datum)]])}
${free.length === 0
  ? html`<p class="utrecht-paragraph">Op deze dag zijn geen tijden meer vrij. Kies een andere datum.</p>`
  : html`<p class="utrecht-paragraph">Een afspraak duurt ${offer.product.duur_minuten} minuten. Kies hoe laat u komt.</p>
<ul class="portaal-afspraak-tijden">
${free.map((slot) => html`<li><a class="utrecht-link" href="${flow.step('gegevens', { locatie: offer.locatie.id, start: slot.start.toISOString() })}">${formatMinuut(slot.minuut)}</a></li>
`)}</ul>`}
${terug(flow.step('datum', { locatie: offer.locatie.id }), 'Andere datum kiezen')}`,
  });
}

/** The resident's details as typed, shown again after an error. */
export interface GegevensValues {
  naam?: string;
  e_mail?: string;
  telefoon?: string;
  opmerking?: string;
}

export interface FieldError {
  field: keyof GegevensValues;
  message: string;
}

/** The error summary (NL Design System pattern): it takes focus, and each problem links to its field. */
function foutoverzicht(errors: FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="portaal-foutoverzicht" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="utrecht-heading-2" id="foutoverzicht-titel">Er is een probleem</h2>
<ul>${errors.map((error) => html`<li><a class="utrecht-link" href="#${error.field}">${error.message}</a></li>`)}</ul>
</div>`;
}

interface FieldOptions {
  id: keyof GegevensValues;
  label: string;
  type: 'text' | 'email' | 'tel' | 'textarea';
  autocomplete?: string;
  value: string | undefined;
  maxlength: number;
  required: boolean;
  hint?: string;
  error?: string;
}

function field(options: FieldOptions): SafeHtml {
  const describedBy = [options.hint ? `${options.id}-hint` : '', options.error ? `${options.id}-fout` : ''].filter(Boolean).join(' ');
  const attributes = html` id="${options.id}" name="${options.id}" maxlength="${options.maxlength}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.required ? html` required aria-required="true"` : ''}${options.error ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`;
  const control =
    options.type === 'textarea'
      ? html`<textarea class="utrecht-textarea"${attributes}>${options.value ?? ''}</textarea>`
      : html`<input class="utrecht-textbox utrecht-textbox--html-input" type="${options.type}"${attributes} value="${options.value ?? ''}"${options.type === 'email' ? html` spellcheck="false" autocapitalize="none"` : ''}>`;
  return html`<div class="utrecht-form-field portaal-afspraak-veld${options.error ? ' portaal-afspraak-veld--fout' : ''}">
<label class="utrecht-form-label" for="${options.id}">${options.label}${options.required ? '' : ' (niet verplicht)'}</label>
${options.hint ? html`<p class="portaal-afspraak-hint" id="${options.id}-hint">${options.hint}</p>` : ''}
${options.error ? html`<p class="portaal-fout" id="${options.id}-fout"><span class="loket-visually-hidden">Fout: </span>${options.error}</p>` : ''}
${control}
</div>`;
}

function errorOf(errors: FieldError[], id: keyof GegevensValues): string | undefined {
  return errors.find((error) => error.field === id)?.message;
}

/** Step 5: the resident's details, and booking. */
export function gegevensPage(
  tenant: Tenant,
  view: { product: ProductRow; locatie: LocatieRow; start: Date; eind: Date; csrfToken: string; aanvraag: string; values: GegevensValues; errors: FieldError[] },
): SafeHtml {
  const flow = bookingFlow(view.product.id);
  const { errors, values } = view;
  const datum = toAmsterdam(view.start).datum;
  return portaalPage({
    tenant,
    title: `${errors.length > 0 ? 'Fout: ' : ''}Uw gegevens - ${view.product.naam}`,
    body: html`${stap(flow, 5)}
<h1 class="utrecht-heading-1">Uw gegevens</h1>
${foutoverzicht(errors)}
${keuzes([['Afspraak voor', view.product.naam], ['Locatie', locatieRegel(view.locatie)], ['Wanneer', wanneer(view.start, view.eind)]])}
<form class="portaal-afspraak-formulier" method="post" action="${AFSPRAAK_PATH}/gegevens" novalidate>
${csrfField(view.csrfToken)}
<input type="hidden" name="aanvraag" value="${view.aanvraag}">
<input type="hidden" name="product" value="${view.product.id}">
<input type="hidden" name="locatie" value="${view.locatie.id}">
<input type="hidden" name="start" value="${view.start.toISOString()}">
${field({ id: 'naam', label: 'Naam', type: 'text', autocomplete: 'name', value: values.naam, maxlength: MAX_NAAM, required: true, error: errorOf(errors, 'naam') })}
${field({ id: 'e_mail', label: 'E-mailadres', type: 'email', autocomplete: 'email', value: values.e_mail, maxlength: MAX_E_MAIL, required: true, hint: 'Wij sturen de bevestiging en een link om de afspraak te verzetten of te annuleren naar dit adres.', error: errorOf(errors, 'e_mail') })}
${field({ id: 'telefoon', label: 'Telefoonnummer', type: 'tel', autocomplete: 'tel', value: values.telefoon, maxlength: MAX_TELEFOON, required: false, hint: 'Dan kunnen wij u bellen als er iets verandert.', error: errorOf(errors, 'telefoon') })}
${field({ id: 'opmerking', label: 'Opmerking', type: 'textarea', value: values.opmerking, maxlength: MAX_OPMERKING, required: false, hint: 'Bijvoorbeeld als u hulp nodig heeft bij de balie. Schrijf hier geen BSN.', error: errorOf(errors, 'opmerking') })}
<button class="utrecht-button utrecht-button--primary-action" type="submit">Afspraak maken</button>
</form>
${terug(flow.step('tijd', { locatie: view.locatie.id, datum }), 'Andere tijd kiezen')}`,
  });
}

function afspraakGegevens(afspraak: AfspraakDetails): SafeHtml {
  return keuzes([
    ['Afspraak voor', afspraak.product.naam],
    ['Wanneer', wanneer(afspraak.row.starttijd, afspraak.row.eindtijd)],
    ['Locatie', locatieRegel(afspraak.locatie)],
    ['Naam', afspraak.row.naam],
    ['E-mailadres', afspraak.row.e_mail],
  ]);
}

/** After booking: what, when and where, and that the e-mail is on its way. */
export function bevestigingPage(tenant: Tenant, afspraak: AfspraakDetails): SafeHtml {
  return portaalPage({
    tenant,
    title: 'Uw afspraak is gemaakt',
    body: html`<h1 class="utrecht-heading-1">Uw afspraak is gemaakt</h1>
<div class="portaal-bedankt" role="status"><p class="utrecht-paragraph">Wij hebben een bevestiging gestuurd naar ${afspraak.row.e_mail}. Daarin staat ook een link om de afspraak te verzetten of te annuleren.</p></div>
${afspraakGegevens(afspraak)}
<h2 class="utrecht-heading-2">Neem mee</h2>
<p class="utrecht-paragraph">Een geldig identiteitsbewijs en wat er op de pagina van het product staat. Kom op tijd: bent u te laat, dan kunnen wij u misschien niet meer helpen.</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/">Naar de startpagina</a></p>`,
  });
}

export type BeheerMelding = 'geannuleerd' | 'gewijzigd';

/** The management link's page: the appointment, with ways to change or cancel it (or why that is no longer possible). */
export function beheerPage(tenant: Tenant, view: { token: string; state: 'geboekt' | 'voorbij' | 'geannuleerd'; afspraak: AfspraakDetails; melding?: BeheerMelding }): SafeHtml {
  const base = changeFlow(view.token).start;
  const notice =
    view.melding === 'gewijzigd'
      ? html`<div class="portaal-bedankt" role="status"><p class="utrecht-paragraph">Uw afspraak is verzet. U krijgt een e-mail met de nieuwe gegevens.</p></div>`
      : view.melding === 'geannuleerd'
        ? html`<div class="portaal-bedankt" role="status"><p class="utrecht-paragraph">Uw afspraak is geannuleerd. U krijgt hierover een e-mail.</p></div>`
        : '';
  const title = view.state === 'geannuleerd' ? 'Afspraak geannuleerd' : view.state === 'voorbij' ? 'Afspraak voorbij' : 'Uw afspraak';
  const actions =
    view.state === 'geboekt'
      ? html`<h2 class="utrecht-heading-2">Wat wilt u doen?</h2>
<ul class="portaal-afspraak-keuzelijst">
<li><a class="utrecht-link" href="${base}/locatie">Afspraak verzetten</a></li>
<li><a class="utrecht-link" href="${base}/annuleren">Afspraak annuleren</a></li>
</ul>`
      : view.state === 'voorbij'
        ? html`<p class="utrecht-paragraph">Deze afspraak is al begonnen of voorbij. U kunt hem niet meer verzetten of annuleren.</p>`
        : html`<p class="utrecht-paragraph">Deze afspraak is geannuleerd. Wilt u toch langskomen? <a class="utrecht-link" href="${AFSPRAAK_PATH}">Maak een nieuwe afspraak</a>.</p>`;
  return portaalPage({
    tenant,
    title,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${notice}
${afspraakGegevens(view.afspraak)}
${actions}`,
  });
}

/** A management link that leads nowhere: mistyped, cut off, or from another municipality. */
export function onbekendeLinkPage(tenant: Tenant): SafeHtml {
  return portaalPage({
    tenant,
    title: 'Link werkt niet',
    body: html`<h1 class="utrecht-heading-1">Deze link werkt niet</h1>
<p class="utrecht-paragraph">Wij kunnen geen afspraak vinden bij deze link. Misschien is de link niet helemaal gekopieerd uit de e-mail.</p>
<ul class="utrecht-unordered-list">
<li>Kopieer de hele link uit de e-mail en probeer het opnieuw.</li>
<li>Of <a class="utrecht-link" href="${AFSPRAAK_PATH}">maak een nieuwe afspraak</a>.</li>
</ul>`,
  });
}

/** Confirm before cancelling: a link can be opened by accident, a POST cannot. */
export function annulerenPage(tenant: Tenant, view: { token: string; afspraak: AfspraakDetails; csrfToken: string }): SafeHtml {
  const base = changeFlow(view.token).start;
  return portaalPage({
    tenant,
    title: 'Afspraak annuleren',
    body: html`<h1 class="utrecht-heading-1">Weet u zeker dat u deze afspraak wilt annuleren?</h1>
${afspraakGegevens(view.afspraak)}
<form method="post" action="${base}/annuleren">
${csrfField(view.csrfToken)}
<button class="utrecht-button utrecht-button--primary-action" type="submit">Ja, annuleer mijn afspraak</button>
</form>
${terug(base, 'Nee, terug naar mijn afspraak')}`,
  });
}

/** The last step of a change: the old and the new time side by side, then confirm. */
export function verzettenPage(tenant: Tenant, view: { token: string; afspraak: AfspraakDetails; locatie: LocatieRow; start: Date; eind: Date; csrfToken: string; aanvraag: string }): SafeHtml {
  const flow = changeFlow(view.token);
  return portaalPage({
    tenant,
    title: 'Nieuwe tijd bevestigen',
    body: html`${stap(flow, 5)}
<h1 class="utrecht-heading-1">Nieuwe tijd bevestigen</h1>
${keuzes([
  ['Afspraak voor', view.afspraak.product.naam],
  ['Oude afspraak', `${wanneer(view.afspraak.row.starttijd, view.afspraak.row.eindtijd)}, ${view.afspraak.locatie.naam}`],
  ['Nieuwe afspraak', `${wanneer(view.start, view.eind)}, ${locatieRegel(view.locatie)}`],
])}
<form method="post" action="${flow.start}/bevestigen">
${csrfField(view.csrfToken)}
<input type="hidden" name="aanvraag" value="${view.aanvraag}">
<input type="hidden" name="locatie" value="${view.locatie.id}">
<input type="hidden" name="start" value="${view.start.toISOString()}">
<button class="utrecht-button utrecht-button--primary-action" type="submit">Afspraak verzetten</button>
</form>
${terug(flow.step('tijd', { locatie: view.locatie.id, datum: toAmsterdam(view.start).datum }), 'Andere tijd kiezen')}`,
  });
}

/** "Maak een afspraak" on a kennisbank product page, for a product residents can book. */
export function afspraakLink(product: Pick<ProductRow, 'id' | 'naam'> | undefined): SafeHtml {
  if (!product) return html``;
  return html`<section class="portaal-regel portaal-afspraak-link" aria-labelledby="afspraak-maken">
<h2 class="utrecht-heading-2" id="afspraak-maken">Afspraak maken</h2>
<p class="utrecht-paragraph">Hiervoor komt u naar de balie. Maak eerst een afspraak.</p>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${bookingFlow(product.id).step('locatie', {})}">Maak een afspraak</a>
</section>`;
}

/** Shown in a melding when a time went to someone else while the resident was filling in the form. */
export const SLOT_TAKEN = 'Deze tijd is net door iemand anders geboekt. Kies een andere tijd.';
/** Shown when a time is no longer offered (past, closed, changed opening hours). */
export const SLOT_GONE = 'Deze tijd is niet meer beschikbaar. Kies een andere tijd.';
