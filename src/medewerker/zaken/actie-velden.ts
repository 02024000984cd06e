import { html, type SafeHtml } from '../../platform/http/html.ts';

/*
 * The fields of the zaak page's action forms: label, optional hint, the message beside the field ("Fout: …" for
 * screen readers) and the control pointing at both with aria-describedby.
 */

export interface VeldOptions {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  required?: boolean;
}

function describedBy(options: VeldOptions): string {
  return [options.hint ? `${options.id}-hint` : '', options.error ? `${options.id}-fout` : ''].filter(Boolean).join(' ');
}

function wrap(options: VeldOptions, control: SafeHtml): SafeHtml {
  return html`<div class="loket-form-field${options.error ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}</label>
${options.hint ? html`<p class="loket-hint" id="${options.id}-hint">${options.hint}</p>` : ''}
${options.error ? html`<p class="loket-field-error" id="${options.id}-fout"><span class="loket-visually-hidden">Fout: </span>${options.error}</p>` : ''}
${control}
</div>`;
}

function aria(options: VeldOptions): SafeHtml {
  const ids = describedBy(options);
  return html`${options.error ? html` aria-invalid="true"` : ''}${ids ? html` aria-describedby="${ids}"` : ''}${options.required ? html` required` : ''}`;
}

export function selectVeld(options: VeldOptions & { keuzes: { value: string; label: string }[]; leeg?: string }): SafeHtml {
  return wrap(
    options,
    html`<select id="${options.id}" name="${options.name}"${aria(options)}>${options.leeg === undefined ? '' : html`<option value="">${options.leeg}</option>`}${options.keuzes.map(
      (keuze) => html`<option value="${keuze.value}"${keuze.value === options.value ? html` selected` : ''}>${keuze.label}</option>`,
    )}</select>`,
  );
}

export function tekstVeld(options: VeldOptions & { type?: 'text' | 'date'; inputmode?: 'numeric'; maxlength?: number }): SafeHtml {
  return wrap(
    options,
    html`<input type="${options.type ?? 'text'}" id="${options.id}" name="${options.name}" value="${options.value ?? ''}"${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${options.maxlength ? html` maxlength="${String(options.maxlength)}"` : ''}${aria(options)}>`,
  );
}

export function tekstvakVeld(options: VeldOptions & { maxlength?: number }): SafeHtml {
  return wrap(options, html`<textarea id="${options.id}" name="${options.name}" rows="3"${options.maxlength ? html` maxlength="${String(options.maxlength)}"` : ''}${aria(options)}>${options.value ?? ''}</textarea>`);
}

/** The message above a form for problems that concern no single field. */
export function formulierFout(id: string, error: string | undefined): SafeHtml {
  return error ? html`<p class="loket-field-error" id="${id}"><span class="loket-visually-hidden">Fout: </span>${error}</p>` : html``;
}
