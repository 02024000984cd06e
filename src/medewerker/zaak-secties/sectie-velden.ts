import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorId } from '../form-fields.ts';

/*
 * The form fields the zaak sections need beyond medewerker/form-fields.ts (select, textarea, file), in the same
 * pattern: label, optional hint, error prefixed "Fout:" for screen readers, and the control pointing at both.
 */

interface VeldBasis {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
}

function describedBy(veld: VeldBasis): string {
  return [veld.hint ? `${veld.id}-hint` : '', veld.error ? errorId(veld.id) : ''].filter(Boolean).join(' ');
}

function omhulsel(veld: VeldBasis, control: SafeHtml): SafeHtml {
  return html`<div class="loket-form-field${veld.error !== undefined ? ' loket-form-field--invalid' : ''}">
<label for="${veld.id}">${veld.label}${veld.required === false ? ' (niet verplicht)' : ''}</label>
${veld.hint ? html`<p class="loket-hint" id="${veld.id}-hint">${veld.hint}</p>` : ''}
${veld.error ? html`<p class="loket-field-error" id="${errorId(veld.id)}"><span class="loket-visually-hidden">Fout: </span>${veld.error}</p>` : ''}
${control}
</div>`;
}

function attributen(veld: VeldBasis): SafeHtml {
  const described = describedBy(veld);
  return html`${veld.required === false ? '' : html` required`}${veld.error !== undefined ? html` aria-invalid="true"` : ''}${described ? html` aria-describedby="${described}"` : ''}`;
}

/** A text input. */
export function tekstVeld(veld: VeldBasis & { value?: string; maxlength?: number }): SafeHtml {
  return omhulsel(
    veld,
    html`<input type="text" id="${veld.id}" name="${veld.name}" autocomplete="off"${veld.value !== undefined ? html` value="${veld.value}"` : ''}${veld.maxlength !== undefined ? html` maxlength="${String(veld.maxlength)}"` : ''}${attributen(veld)}>`,
  );
}

/** A multi-line text input. */
export function tekstvlakVeld(veld: VeldBasis & { value?: string; rows?: number }): SafeHtml {
  return omhulsel(veld, html`<textarea class="loket-tekstvlak" id="${veld.id}" name="${veld.name}" rows="${String(veld.rows ?? 5)}"${attributen(veld)}>${veld.value ?? ''}</textarea>`);
}

/** A choice from a list; `options` as value and label. */
export function keuzeVeld(veld: VeldBasis & { value?: string; options: readonly { value: string; label: string }[] }): SafeHtml {
  return omhulsel(
    veld,
    html`<select class="loket-keuze" id="${veld.id}" name="${veld.name}"${attributen(veld)}>
${veld.options.map((option) => html`<option value="${option.value}"${option.value === veld.value ? html` selected` : ''}>${option.label}</option>`)}
</select>`,
  );
}

/** A file input (the form must be multipart/form-data). */
export function bestandVeld(veld: VeldBasis): SafeHtml {
  return omhulsel(veld, html`<input type="file" id="${veld.id}" name="${veld.name}"${attributen(veld)}>`);
}
