import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorId } from '../form-fields.ts';

/*
 * Form fields the shared inputField does not offer (multi-line text, a choice list, a date, a phone number, and
 * optional fields), in the same pattern: label, hint, the error beside the field, aria-describedby to both.
 */

export interface VeldOpties {
  id: string;
  name: string;
  label: string;
  value: string;
  hint?: string;
  error?: string;
  /** An error shown for a group of fields that also concerns this one. */
  sharedErrorId?: string;
  required?: boolean;
  autocomplete?: string;
}

function describedBy(options: VeldOpties): SafeHtml {
  const ids = [options.hint ? `${options.id}-hint` : '', options.error ? errorId(options.id) : '', options.sharedErrorId ?? ''].filter(Boolean).join(' ');
  return ids === '' ? html`` : html` aria-describedby="${ids}"`;
}

function wrap(options: VeldOpties, control: SafeHtml): SafeHtml {
  return html`<div class="loket-form-field${options.error !== undefined ? ' loket-form-field--invalid' : ''}">
<label for="${options.id}">${options.label}${options.required ? '' : ' (niet verplicht)'}</label>
${options.hint ? html`<p class="loket-hint" id="${options.id}-hint">${options.hint}</p>` : ''}
${options.error ? html`<p class="loket-field-error" id="${errorId(options.id)}"><span class="loket-visually-hidden">Fout: </span>${options.error}</p>` : ''}
${control}
</div>`;
}

function common(options: VeldOpties): SafeHtml {
  const invalid = options.error !== undefined || options.sharedErrorId !== undefined;
  return html`${options.required ? html` required` : ''}${invalid ? html` aria-invalid="true"` : ''}${describedBy(options)}`;
}

/** A single-line input of a given type. */
export function invoerVeld(options: VeldOpties & { type: 'text' | 'email' | 'tel' | 'date'; inputmode?: string }): SafeHtml {
  return wrap(options, html`<input type="${options.type}" id="${options.id}" name="${options.name}" value="${options.value}"${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}${options.inputmode ? html` inputmode="${options.inputmode}"` : ''}${common(options)}>`);
}

/** A multi-line text. */
export function tekstvlak(options: VeldOpties & { rows?: number; maxlength?: number }): SafeHtml {
  return wrap(options, html`<textarea id="${options.id}" name="${options.name}" rows="${String(options.rows ?? 5)}"${options.maxlength ? html` maxlength="${String(options.maxlength)}"` : ''}${common(options)}>${options.value}</textarea>`);
}

export interface KeuzeGroep {
  label: string;
  opties: { waarde: string; label: string }[];
}

/** A choice list with option groups and an empty first choice. */
export function keuzelijst(options: VeldOpties & { groepen: KeuzeGroep[] }): SafeHtml {
  return wrap(
    options,
    html`<select id="${options.id}" name="${options.name}"${common(options)}>
<option value="">Kies…</option>
${options.groepen.filter((groep) => groep.opties.length > 0).map((groep) => html`<optgroup label="${groep.label}">
${groep.opties.map((optie) => html`<option value="${optie.waarde}"${optie.waarde === options.value ? html` selected` : ''}>${optie.label}</option>`)}
</optgroup>`)}
</select>`,
  );
}
