import { html, type SafeHtml } from '../../platform/http/html.ts';

/** One problem in a form, by the id of the field it concerns. */
export interface FieldError {
  fieldId: string;
  message: string;
}

/**
 * The error summary at the top of a form (NL Design System form pattern): it takes focus when the page loads, so
 * keyboard and screen-reader users hear first what went wrong; each item links to its field.
 */
export function errorSummary(errors: readonly FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="utrecht-alert utrecht-alert--error mijn-foutoverzicht" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="utrecht-heading-2" id="foutoverzicht-titel">Er is een probleem</h2>
<ul class="utrecht-unordered-list">${errors.map((error) => html`<li><a class="utrecht-link" href="#${error.fieldId}">${error.message}</a></li>`)}</ul>
</div>`;
}

/** The error beside a field ("Fout:" for screen readers), to point at with aria-describedby. */
export function fieldError(fieldId: string, message: string | undefined): SafeHtml {
  if (message === undefined) return html``;
  return html`<p class="utrecht-form-field-error-message mijn-veldfout" id="${fieldId}-fout"><span class="loket-visually-hidden">Fout: </span>${message}</p>`;
}

/** The aria attributes of a field with an optional hint and error. */
export function describedBy(fieldId: string, options: { hint?: boolean; error?: string }): SafeHtml {
  const ids = [options.hint ? `${fieldId}-hint` : '', options.error !== undefined ? `${fieldId}-fout` : ''].filter(Boolean).join(' ');
  return html`${ids ? html` aria-describedby="${ids}"` : ''}${options.error !== undefined ? html` aria-invalid="true"` : ''}`;
}
