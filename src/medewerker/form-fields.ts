import { html, type SafeHtml } from '../platform/http/html.ts';

/** One labelled input, with its hint and error tied to it for assistive technology. */
export interface InputFieldOptions {
  id: string;
  name: string;
  label: string;
  type: 'text' | 'email' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  /** Shown beside the field; marks it aria-invalid. */
  error?: string;
  /** Id of an error shown for a group of fields that also concerns this one (marks it invalid, describes it). */
  sharedErrorId?: string;
  inputmode?: 'numeric' | 'email';
  /** Turn off spelling correction and capitalisation for codes and addresses. */
  literal?: boolean;
}

/** Id of a field's own error message. */
export function errorId(fieldId: string): string {
  return `${fieldId}-fout`;
}

/**
 * A form field in the NL Design System pattern: label, optional hint, error message (prefixed
 * "Fout:" for screen readers) and the input, which points at hint and error with aria-describedby.
 */
export function inputField(options: InputFieldOptions): SafeHtml {
  const hintId = `${options.id}-hint`;
  const describedBy = [options.hint ? hintId : '', options.error ? errorId(options.id) : '', options.sharedErrorId ?? ''].filter(Boolean).join(' ');
  const invalid = options.error !== undefined || options.sharedErrorId !== undefined;
  // A shared error is shown (and marked) by the group around the fields, not by each field.
  return html`<div class="loket-form-field${options.error !== undefined ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="loket-hint" id="${hintId}">${options.hint}</p>` : ''}
${options.error ? html`<p class="loket-field-error" id="${errorId(options.id)}"><span class="loket-visually-hidden">Fout: </span>${options.error}</p>` : ''}
<input type="${options.type}" id="${options.id}" name="${options.name}" autocomplete="${options.autocomplete}" required${options.value !== undefined ? html` value="${options.value}"` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${options.literal ? html` spellcheck="false" autocapitalize="none"` : ''}${invalid ? html` aria-invalid="true"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}>
</div>`;
}

/** One problem in the error summary, linking to the field it concerns. */
export interface SummaryError {
  fieldId: string;
  message: string;
}

/**
 * The error summary at the top of a form. It takes focus when the page loads (autofocus, no
 * script needed), so keyboard and screen-reader users hear what went wrong first; each item
 * links to its field.
 */
export function errorSummary(errors: SummaryError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Er is een probleem</h2>
<ul>${errors.map((error) => html`<li><a href="#${error.fieldId}">${error.message}</a></li>`)}</ul>
</div>`;
}
