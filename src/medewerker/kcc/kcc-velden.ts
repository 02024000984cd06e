import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorId } from '../form-fields.ts';

/* Form fields the KCC pages need beside the shared text input: a radio group, a textarea and a select. */

function foutmelding(id: string, fout: string | undefined): SafeHtml {
  return fout ? html`<p class="loket-field-error" id="${errorId(id)}"><span class="loket-visually-hidden">Fout: </span>${fout}</p>` : html``;
}

/** A group of radio buttons in a fieldset; `id` is the group's id (the error summary links to its first option). */
export function keuzeGroep(options: { id: string; name: string; legend: string; keuzes: readonly { waarde: string; label: string }[]; gekozen?: string; fout?: string; hint?: string }): SafeHtml {
  const hintId = `${options.id}-hint`;
  const describedBy = [options.hint ? hintId : '', options.fout ? errorId(options.id) : ''].filter(Boolean).join(' ');
  return html`<fieldset class="loket-keuzes${options.fout ? ' loket-keuzes--invalid' : ''}"${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
<legend>${options.legend}</legend>
${options.hint ? html`<p class="loket-hint" id="${hintId}">${options.hint}</p>` : ''}
${foutmelding(options.id, options.fout)}
${options.keuzes.map((keuze, index) => {
  // The first option carries the group's id, so the error summary's link lands on the group.
  const id = index === 0 ? options.id : `${options.id}-${keuze.waarde.replace(/[^a-z0-9]+/g, '-')}`;
  return html`<div><input type="radio" id="${id}" name="${options.name}" value="${keuze.waarde}"${keuze.waarde === options.gekozen ? html` checked` : ''}${options.fout ? html` aria-invalid="true"` : ''}><label for="${id}">${keuze.label}</label></div>
`;
})}</fieldset>`;
}

/** A labelled textarea with its hint and error. */
export function tekstvak(options: { id: string; name: string; label: string; value: string; maxLength: number; hint?: string; fout?: string; rows?: number }): SafeHtml {
  const hintId = `${options.id}-hint`;
  const describedBy = [options.hint ? hintId : '', options.fout ? errorId(options.id) : ''].filter(Boolean).join(' ');
  return html`<div class="loket-form-field${options.fout ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="loket-hint" id="${hintId}">${options.hint}</p>` : ''}
${foutmelding(options.id, options.fout)}
<textarea id="${options.id}" name="${options.name}" rows="${String(options.rows ?? 4)}" maxlength="${String(options.maxLength)}"${options.fout ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>${options.value}</textarea>
</div>`;
}

/** A labelled select with its error. */
export function keuzelijst(options: { id: string; name: string; label: string; keuzes: readonly { waarde: string; label: string }[]; gekozen?: string; fout?: string }): SafeHtml {
  return html`<div class="loket-form-field${options.fout ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${foutmelding(options.id, options.fout)}
<select id="${options.id}" name="${options.name}"${options.fout ? html` aria-invalid="true" aria-describedby="${errorId(options.id)}"` : ''}>
${options.keuzes.map((keuze) => html`<option value="${keuze.waarde}"${keuze.waarde === options.gekozen ? ' selected' : ''}>${keuze.label}</option>
`)}</select>
</div>`;
}

/** A text input that is not required (the shared inputField always is). */
export function optioneelTekstveld(options: { id: string; name: string; label: string; value: string; maxLength: number; hint?: string; fout?: string; autocomplete?: string; inputmode?: 'numeric' | 'email' | 'tel' }): SafeHtml {
  const hintId = `${options.id}-hint`;
  const describedBy = [options.hint ? hintId : '', options.fout ? errorId(options.id) : ''].filter(Boolean).join(' ');
  return html`<div class="loket-form-field${options.fout ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="loket-hint" id="${hintId}">${options.hint}</p>` : ''}
${foutmelding(options.id, options.fout)}
<input type="text" id="${options.id}" name="${options.name}" value="${options.value}" maxlength="${String(options.maxLength)}" autocomplete="${options.autocomplete ?? 'off'}"${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${options.fout ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
</div>`;
}
