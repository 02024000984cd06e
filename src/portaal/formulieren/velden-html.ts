import { html, SafeHtml } from '../../platform/http/html.ts';
import { DEFAULT_BESTANDSTYPEN, isAdresAntwoord, type Antwoord, type Bestand, type Veld } from '../../formulieren/definitie.ts';
import { formatBytes } from '../../formulieren/veld-validatie.ts';

/*
 * A form field in NL Design System (Utrecht) markup: label, description, the error beside the field, and the input
 * with aria-invalid and aria-describedby pointing at both. Radio buttons, checkboxes and the address are a fieldset
 * with a legend. Each field's first input has the id the error summary links to (`veldAnker`).
 */

/** The id of the field's first input: what the error summary links to. */
export function veldAnker(veld: Veld): string {
  if (veld.type === 'adres') return `veld-${veld.id}-postcode`;
  if (veld.type === 'keuze' && veld.weergave !== 'select') return `veld-${veld.id}-0`;
  return `veld-${veld.id}`;
}

const AUTOCOMPLETE: Partial<Record<Veld['type'], string>> = { email: 'email', telefoon: 'tel' };
const INPUT_TYPE: Partial<Record<Veld['type'], string>> = { email: 'email', telefoon: 'tel', datum: 'date', getal: 'text' };

function attribute(name: string, value: string | number | undefined): SafeHtml {
  return value === undefined || value === '' ? html`` : html` ${new SafeHtml(name)}="${String(value)}"`;
}

function describedBy(ids: string[]): SafeHtml {
  return ids.length === 0 ? html`` : html` aria-describedby="${ids.join(' ')}"`;
}

function text(answer: Antwoord | undefined): string {
  return typeof answer === 'string' ? answer : '';
}

function description(veld: Veld): SafeHtml {
  if (!veld.hulptekst) return html``;
  return html`<div class="utrecht-form-field-description" id="veld-${veld.id}-hulp">${veld.hulptekst}</div>`;
}

function errorMessage(veld: Veld, fout: string | undefined): SafeHtml {
  return fout === undefined ? html`` : html`<p class="utrecht-form-field-error-message portaal-fout" id="veld-${veld.id}-fout"><span class="loket-visually-hidden">Fout: </span>${fout}</p>`;
}

function labelText(veld: Veld): SafeHtml {
  return html`${veld.label}${veld.verplicht ? '' : html` <span class="portaal-niet-verplicht">(niet verplicht)</span>`}`;
}

function choice(veld: Veld, answer: Antwoord | undefined, fout: string | undefined, ids: string[]): SafeHtml {
  const opties = veld.opties ?? [];
  if (veld.weergave === 'select') {
    const selected = text(answer);
    return html`<div class="utrecht-form-field utrecht-form-field--select${fout ? ' utrecht-form-field--invalid' : ''}">
<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="veld-${veld.id}">${labelText(veld)}</label></div>
${description(veld)}${errorMessage(veld, fout)}
<select class="utrecht-select utrecht-select--html-select${fout ? ' utrecht-select--invalid' : ''}" id="veld-${veld.id}" name="${veld.id}"${fout ? new SafeHtml(' aria-invalid="true"') : ''}${veld.verplicht ? new SafeHtml(' aria-required="true"') : ''}${describedBy(ids)}>
<option value="">Kies…</option>
${opties.map((optie) => html`<option value="${optie.waarde}"${optie.waarde === selected ? new SafeHtml(' selected') : ''}>${optie.label}</option>`)}
</select>
</div>`;
  }
  const multiple = veld.weergave === 'checkboxes';
  const chosen = new Set(Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : []);
  const inputClass = multiple ? 'utrecht-checkbox utrecht-checkbox--html-input' : 'utrecht-radio-button utrecht-radio-button--html-input';
  return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset portaal-veld${fout ? ' utrecht-form-fieldset--invalid' : ''}"${describedBy(ids)}${fout ? new SafeHtml(' aria-invalid="true"') : ''}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${labelText(veld)}</legend>
${description(veld)}${errorMessage(veld, fout)}
${opties.map(
  (optie, index) => html`<div class="portaal-keuze"><input class="${inputClass}" type="${multiple ? 'checkbox' : 'radio'}" id="veld-${veld.id}-${index}" name="${veld.id}" value="${optie.waarde}"${chosen.has(optie.waarde) ? new SafeHtml(' checked') : ''}${fout && index === 0 ? new SafeHtml(' aria-invalid="true"') : ''}><label class="utrecht-form-label utrecht-form-label--${multiple ? 'checkbox' : 'radio'}" for="veld-${veld.id}-${index}">${optie.label}</label></div>
`,
)}</fieldset>`;
}

function address(veld: Veld, answer: Antwoord | undefined, fout: string | undefined, ids: string[]): SafeHtml {
  const value = isAdresAntwoord(answer) ? answer : { postcode: '', huisnummer: '', toevoeging: '' };
  const invalid = fout ? new SafeHtml(' aria-invalid="true"') : '';
  const box = `utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}`;
  return html`<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset portaal-veld"${describedBy(ids)}>
<legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">${labelText(veld)}</legend>
${description(veld)}${errorMessage(veld, fout)}
<div class="portaal-adres">
<div class="utrecht-form-field"><label class="utrecht-form-label" for="veld-${veld.id}-postcode">Postcode</label>
<input class="${box} portaal-invoer--postcode" id="veld-${veld.id}-postcode" name="${veld.id}--postcode" value="${value.postcode}" autocomplete="postal-code" maxlength="7"${invalid}${describedBy(ids)}></div>
<div class="utrecht-form-field"><label class="utrecht-form-label" for="veld-${veld.id}-huisnummer">Huisnummer</label>
<input class="${box} portaal-invoer--kort" id="veld-${veld.id}-huisnummer" name="${veld.id}--huisnummer" value="${value.huisnummer}" inputmode="numeric" maxlength="5"${invalid}${describedBy(ids)}></div>
<div class="utrecht-form-field"><label class="utrecht-form-label" for="veld-${veld.id}-toevoeging">Toevoeging <span class="portaal-niet-verplicht">(niet verplicht)</span></label>
<input class="${box} portaal-invoer--kort" id="veld-${veld.id}-toevoeging" name="${veld.id}--toevoeging" value="${value.toevoeging}" maxlength="5"${describedBy(ids)}></div>
</div>
</fieldset>`;
}

function file(veld: Veld, bestand: Bestand | undefined, fout: string | undefined, ids: string[]): SafeHtml {
  const types = veld.bestandstypen ?? DEFAULT_BESTANDSTYPEN;
  const current = bestand
    ? html`<p class="utrecht-paragraph portaal-bestand">Toegevoegd: <strong>${bestand.bestandsnaam}</strong> (${formatBytes(bestand.grootte)}).
<button class="utrecht-button utrecht-button--subtle" type="submit" name="actie" value="verwijder:${veld.id}">Verwijder ${bestand.bestandsnaam}</button></p>`
    : '';
  return html`<div class="utrecht-form-field utrecht-form-field--file portaal-veld${fout ? ' utrecht-form-field--invalid' : ''}">
<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="veld-${veld.id}">${labelText(veld)}${bestand ? ' (ander bestand kiezen)' : ''}</label></div>
${description(veld)}${errorMessage(veld, fout)}
${current}
<input class="utrecht-textbox portaal-bestandkeuze" type="file" id="veld-${veld.id}" name="${veld.id}" accept="${types.join(',')}"${fout ? new SafeHtml(' aria-invalid="true"') : ''}${describedBy(ids)}>
</div>`;
}

/** One field, with its answer so far and its error (if any). */
export function veldHtml(veld: Veld, answer: Antwoord | undefined, fout: string | undefined, bestand?: Bestand): SafeHtml {
  const ids = [...(veld.hulptekst ? [`veld-${veld.id}-hulp`] : []), ...(fout ? [`veld-${veld.id}-fout`] : [])];
  if (veld.type === 'keuze') return choice(veld, answer, fout, ids);
  if (veld.type === 'adres') return address(veld, answer, fout, ids);
  if (veld.type === 'bestand') return file(veld, bestand, fout, ids);
  const invalid = fout ? new SafeHtml(' aria-invalid="true"') : '';
  const required = veld.verplicht ? new SafeHtml(' aria-required="true"') : '';
  const multiline = veld.type === 'tekstvlak' || (veld.type === 'bsn' && veld.meerdere === true);
  const autocomplete = veld.prefill === 'naam' ? 'name' : AUTOCOMPLETE[veld.type];
  const control = multiline
    ? html`<textarea class="utrecht-textarea utrecht-textarea--html-textarea${fout ? ' utrecht-textarea--invalid' : ''}" id="veld-${veld.id}" name="${veld.id}" rows="${veld.type === 'bsn' ? 4 : 6}"${attribute('maxlength', veld.maxLengte)}${invalid}${required}${describedBy(ids)}>${text(answer)}</textarea>`
    : html`<input class="utrecht-textbox utrecht-textbox--html-input${fout ? ' utrecht-textbox--invalid' : ''}" type="${INPUT_TYPE[veld.type] ?? 'text'}" id="veld-${veld.id}" name="${veld.id}" value="${text(answer)}"${attribute('autocomplete', autocomplete)}${attribute('maxlength', veld.maxLengte)}${veld.type === 'bsn' || veld.type === 'getal' ? new SafeHtml(' inputmode="numeric"') : ''}${invalid}${required}${describedBy(ids)}>`;
  return html`<div class="utrecht-form-field utrecht-form-field--text portaal-veld${fout ? ' utrecht-form-field--invalid' : ''}">
<div class="utrecht-form-field__label"><label class="utrecht-form-label" for="veld-${veld.id}">${labelText(veld)}</label></div>
${description(veld)}${errorMessage(veld, fout)}
<div class="utrecht-form-field__input">${control}</div>
</div>`;
}
