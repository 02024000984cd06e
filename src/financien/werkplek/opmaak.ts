import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { FINANCIEN_PATHS } from './paden.ts';

/* What every finance page in the staff workspace shares: amounts, navigation, form fields and error summaries. */

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const NUMBER = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const DATE = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Whole euro the Dutch way, with a real minus sign: −1.650.000 reads as a deficit. */
export function euroTekst(euro: number): string {
  return EURO.format(Math.round(euro)).replace(/\u00a0/g, ' ').replace('-', '−');
}

/** Cents as whole euro. */
export function centenTekst(centen: number | null | undefined): string {
  return centen === null || centen === undefined ? '–' : euroTekst(centen / 100);
}

/** A percentage with one decimal ("85,0%"), or a dash. */
export function procentTekst(value: number | null): string {
  // A value that rounds to zero is shown as 0,0% (never −0,0%).
  return value === null ? '–' : `${NUMBER.format(value === 0 ? 0 : value).replace('-', '−')}%`;
}

/** An ISO date as "9 juli 2027". */
export function datumTekst(iso: string): string {
  return DATE.format(new Date(`${iso}T00:00:00Z`));
}

/** Whether the signed-in member of staff may change the figures (the controller) or only read them (college, raad). */
export interface Toegang {
  beheer: boolean;
}

const NAVIGATIE: readonly [keyof typeof FINANCIEN_PATHS, string][] = [
  ['overzicht', 'Begroting en kengetallen'],
  ['maatregelen', 'Maatregelen'],
  ['weerstandsvermogen', 'Weerstandsvermogen'],
  ['risicos', 'Risico\u2019s'],
  ['partijen', 'Verbonden partijen'],
];

/** The finance pages' own navigation; the current page is marked for assistive technology. */
function navigatie(huidig: string, toegang: Toegang): SafeHtml {
  const items = [...NAVIGATIE, ...(toegang.beheer ? ([['kengetalInvoer', 'Invoer kengetallen'], ['capaciteit', 'Weerstandscapaciteit invoeren'], ['importeren', 'Begroting importeren'], ['instellingen', 'Signaalwaarden']] as const) : [])];
  return html`<nav class="financien-nav" aria-label="Financiën">
<ul>${items.map(([key, label]) => {
    const href = FINANCIEN_PATHS[key] as string;
    return html`<li><a class="utrecht-link" href="${href}"${href === huidig ? html` aria-current="page"` : ''}>${label}</a></li>`;
  })}<li><a class="utrecht-link" href="/medewerker">Werkplek</a></li></ul>
</nav>`;
}

/** A finance page in the staff workspace, with the finance navigation above its content. */
export function financienPagina(options: { title: string; tenantName: string; huidig: string; toegang: Toegang; body: SafeHtml; fouten?: boolean; scripts?: readonly string[] }): SafeHtml {
  return page({
    title: `${options.fouten ? 'Fout: ' : ''}${options.title}`,
    tenantName: options.tenantName,
    scripts: options.scripts,
    body: html`${navigatie(options.huidig, options.toegang)}
${options.body}`,
  });
}

/** The error summary: takes focus on load and links each problem to its field. */
export function foutoverzicht(errors: readonly VeldFout[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Er is een probleem</h2>
<ul>${errors.map((error) => html`<li><a href="#${error.fieldId}">${error.message}</a></li>`)}</ul>
</div>`;
}

function foutVoor(errors: readonly VeldFout[], id: string): string | undefined {
  return errors.find((error) => error.fieldId === id)?.message;
}

function beschrijving(id: string, hint: string | undefined, fout: string | undefined): { attrs: SafeHtml; boven: SafeHtml } {
  const describedBy = [hint ? `${id}-hint` : '', fout ? `${id}-fout` : ''].filter(Boolean).join(' ');
  return {
    attrs: html`${fout ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}`,
    boven: html`${hint ? html`<p class="loket-hint" id="${id}-hint">${hint}</p>` : ''}
${fout ? html`<p class="loket-field-error" id="${id}-fout"><span class="loket-visually-hidden">Fout: </span>${fout}</p>` : ''}`,
  };
}

/** A labelled text field with its hint and error. */
export function tekstveld(options: { id: string; label: string; waarden: Record<string, string | undefined>; errors: readonly VeldFout[]; hint?: string; verplicht?: boolean; inputmode?: 'decimal' | 'numeric' }): SafeHtml {
  const fout = foutVoor(options.errors, options.id);
  const { attrs, boven } = beschrijving(options.id, options.hint, fout);
  return html`<div class="loket-form-field${fout ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}${options.verplicht ? '' : html` <span class="financien-optioneel">(niet verplicht)</span>`}</label>
${boven}
<input type="text" id="${options.id}" name="${options.id}" value="${options.waarden[options.id] ?? ''}"${options.verplicht ? html` required` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${attrs}>
</div>`;
}

/** A labelled multi-line field. */
export function tekstvak(options: { id: string; label: string; waarden: Record<string, string | undefined>; errors: readonly VeldFout[]; hint?: string }): SafeHtml {
  const fout = foutVoor(options.errors, options.id);
  const { attrs, boven } = beschrijving(options.id, options.hint, fout);
  return html`<div class="loket-form-field${fout ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label} <span class="financien-optioneel">(niet verplicht)</span></label>
${boven}
<textarea id="${options.id}" name="${options.id}" rows="3"${attrs}>${options.waarden[options.id] ?? ''}</textarea>
</div>`;
}

/** A labelled select. */
export function keuzelijst(options: { id: string; label: string; waarden: Record<string, string | undefined>; errors: readonly VeldFout[]; opties: readonly { value: string; label: string }[]; hint?: string }): SafeHtml {
  const fout = foutVoor(options.errors, options.id);
  const { attrs, boven } = beschrijving(options.id, options.hint, fout);
  const current = options.waarden[options.id] ?? '';
  return html`<div class="loket-form-field${fout ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${boven}
<select id="${options.id}" name="${options.id}"${attrs}>${options.opties.map((optie) => html`<option value="${optie.value}"${optie.value === current ? html` selected` : ''}>${optie.label}</option>`)}</select>
</div>`;
}

/** A group of radio buttons in a fieldset with a legend; the error marks the group. */
export function keuzerondjes(options: { id: string; legend: string; waarden: Record<string, string | undefined>; errors: readonly VeldFout[]; opties: readonly { value: string; label: string }[] }): SafeHtml {
  const fout = foutVoor(options.errors, options.id);
  const current = options.waarden[options.id] ?? '';
  return html`<fieldset class="financien-keuzes loket-form-field${fout ? ' loket-form-field--invalid' : ''}"${fout ? html` aria-describedby="${options.id}-fout"` : ''}>
<legend>${options.legend}</legend>
${fout ? html`<p class="loket-field-error" id="${options.id}-fout"><span class="loket-visually-hidden">Fout: </span>${fout}</p>` : ''}
${options.opties.map(
    (optie, index) => html`<div class="financien-keuze"><input type="radio" id="${index === 0 ? options.id : `${options.id}-${optie.value}`}" name="${options.id}" value="${optie.value}"${optie.value === current ? html` checked` : ''}> <label for="${index === 0 ? options.id : `${options.id}-${optie.value}`}">${optie.label}</label></div>`,
  )}
</fieldset>`;
}

/** A status message after a redirect ("opgeslagen"). */
export function melding(tekst: string | undefined): SafeHtml {
  return tekst ? html`<p class="loket-notice" role="status">${tekst}</p>` : html``;
}

/** A signal class as a labelled badge (the letter is text, the colour only repeats it). */
export function klasseLabel(klasse: string | null, uitleg: string): SafeHtml {
  if (klasse === null) return html`<span class="financien-klasse financien-klasse--onbekend">onbekend</span>`;
  return html`<span class="financien-klasse financien-klasse--${klasse.toLowerCase()}">${klasse}<span class="loket-visually-hidden"> (${uitleg})</span></span>`;
}
