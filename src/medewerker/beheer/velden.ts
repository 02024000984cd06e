import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorId, errorSummary, inputField, type SummaryError } from '../form-fields.ts';

/*
 * Form fields of the beheer pages beside the text input of ../form-fields.ts: selects, text areas, check boxes and
 * optional text inputs, each with its hint and error tied to it the same way (label, "Fout:" prefix, aria-invalid).
 */

export { errorSummary, inputField, type SummaryError };

/** Per field id, the message shown beside it. */
export type FieldErrors = Record<string, string>;

interface FieldBase {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(field: FieldBase): string {
  return [field.hint ? `${field.id}-hint` : '', field.error ? errorId(field.id) : ''].filter(Boolean).join(' ');
}

function labelHintError(field: FieldBase): SafeHtml {
  return html`<label for="${field.id}">${field.label}</label>
${field.hint ? html`<p class="loket-hint" id="${field.id}-hint">${field.hint}</p>` : ''}
${field.error ? html`<p class="loket-field-error" id="${errorId(field.id)}"><span class="loket-visually-hidden">Fout: </span>${field.error}</p>` : ''}`;
}

function aria(field: FieldBase): SafeHtml {
  const by = describedBy(field);
  return html`${field.error ? html` aria-invalid="true"` : ''}${by ? html` aria-describedby="${by}"` : ''}`;
}

/** A text input that may stay empty (inputField marks its input required). */
export function optionalInput(field: FieldBase & { value?: string; type?: 'text' | 'date' | 'email' }): SafeHtml {
  return html`<div class="loket-form-field${field.error ? ' loket-form-field--invalid' : ''}">
${labelHintError(field)}
<input type="${field.type ?? 'text'}" id="${field.id}" name="${field.name}" autocomplete="off" value="${field.value ?? ''}"${aria(field)}>
</div>`;
}

/** A required text input with an explicit type (date fields among them). */
export function requiredInput(field: FieldBase & { value?: string; type?: 'text' | 'date' | 'email' }): SafeHtml {
  return html`<div class="loket-form-field${field.error ? ' loket-form-field--invalid' : ''}">
${labelHintError(field)}
<input type="${field.type ?? 'text'}" id="${field.id}" name="${field.name}" autocomplete="off" required value="${field.value ?? ''}"${aria(field)}>
</div>`;
}

export interface SelectOption {
  value: string;
  label: string;
}

/** A select with its options; `value` is the one selected. */
export function selectField(field: FieldBase & { options: readonly SelectOption[]; value?: string }): SafeHtml {
  return html`<div class="loket-form-field${field.error ? ' loket-form-field--invalid' : ''}">
${labelHintError(field)}
<select id="${field.id}" name="${field.name}"${aria(field)}>
${field.options.map((option) => html`<option value="${option.value}"${option.value === field.value ? html` selected` : ''}>${option.label}</option>`)}
</select>
</div>`;
}

/** A multi-line text field. */
export function textareaField(field: FieldBase & { value?: string; rows?: number }): SafeHtml {
  return html`<div class="loket-form-field${field.error ? ' loket-form-field--invalid' : ''}">
${labelHintError(field)}
<textarea id="${field.id}" name="${field.name}" rows="${field.rows ?? 3}"${aria(field)}>${field.value ?? ''}</textarea>
</div>`;
}

/** One check box with its label after it; the value sent when checked is `ja`. */
export function checkboxField(field: FieldBase & { checked: boolean }): SafeHtml {
  return html`<div class="loket-form-field${field.error ? ' loket-form-field--invalid' : ''}">
${field.error ? html`<p class="loket-field-error" id="${errorId(field.id)}"><span class="loket-visually-hidden">Fout: </span>${field.error}</p>` : ''}
<input type="checkbox" id="${field.id}" name="${field.name}" value="ja"${field.checked ? html` checked` : ''}${aria(field)}>
<label for="${field.id}">${field.label}</label>
${field.hint ? html`<p class="loket-hint" id="${field.id}-hint">${field.hint}</p>` : ''}
</div>`;
}

/** A group of check boxes (one name, several values) in a fieldset with a legend. */
export function checkboxGroup(group: { id: string; name: string; legend: string; hint?: string; error?: string; options: readonly SelectOption[]; checked: readonly string[] }): SafeHtml {
  return html`<fieldset class="loket-field-group${group.error ? ' loket-form-field--invalid' : ''}" id="${group.id}"${group.error ? html` aria-describedby="${errorId(group.id)}"` : ''}>
<legend>${group.legend}</legend>
${group.hint ? html`<p class="loket-hint">${group.hint}</p>` : ''}
${group.error ? html`<p class="loket-field-error" id="${errorId(group.id)}"><span class="loket-visually-hidden">Fout: </span>${group.error}</p>` : ''}
${group.options.map(
  (option, index) => html`<div class="loket-keuze"><input type="checkbox" id="${group.id}-${index}" name="${group.name}" value="${option.value}"${group.checked.includes(option.value) ? html` checked` : ''}>
<label for="${group.id}-${index}">${option.label}</label></div>`,
)}
</fieldset>`;
}

/** The error summary for a set of field errors, in the order of `order` (ids not in it come last). */
export function summaryOf(errors: FieldErrors, labels: Record<string, string>): SafeHtml {
  const items: SummaryError[] = Object.entries(errors).map(([fieldId, message]) => ({ fieldId, message: labels[fieldId] ? `${labels[fieldId]}: ${message}` : message }));
  return errorSummary(items);
}

/** A notice that something worked, read out by screen readers. */
export function notice(text: string | undefined): SafeHtml {
  return text ? html`<div class="loket-notice" role="status"><p>${text}</p></div>` : html``;
}

/** A form's text value: the string sent, trimmed, or '' when absent or sent more than once. */
export function textOf(body: Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** A form's values for a name that may be sent several times (check box groups). */
export function listOf(body: Record<string, unknown> | undefined, name: string): string[] {
  const value = body?.[name];
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
