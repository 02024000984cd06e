import { csrfField } from '../../platform/auth/csrf.ts';
import { html, SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import type { DefinitieProbleem } from '../definitie-controle.ts';
import { KEUZE_WEERGAVEN, PREFILL_BRONNEN, VELD_TYPE_NAMEN, VELD_TYPEN, type FormulierDefinitie, type Veld } from '../definitie.ts';
import type { FormulierRow } from '../repository.ts';
import type { ZaaktypeVandaag } from '../zaaktype-vandaag.ts';
import { veldHtml } from '../../portaal/formulieren/velden-html.ts';
import { schrijfOpties } from './editor-formulier.ts';

/* The beheer pages of the e-forms: the list, the structured editor, the preview and the JSON import. */

export const FORMULIEREN_PATH = '/medewerker/formulieren';
export const formulierPath = (uuid: string, rest = '') => `${FORMULIEREN_PATH}/${uuid}${rest}`;

const SHOWN_IN = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
const PREFILL_NAMEN: Record<string, string> = { bsn: 'BSN van de ingelogde inwoner', kvk: 'KvK-nummer van het ingelogde bedrijf', naam: 'Naam', email: 'E-mailadres (als bekend)' };

function status(row: FormulierRow): string {
  if (row.gepubliceerd === null) return 'Concept, nooit gepubliceerd';
  return row.concept_gewijzigd ? 'Gepubliceerd; concept heeft wijzigingen' : 'Gepubliceerd';
}

/** The list of forms, and a form to start one for a zaaktype without one. */
export function lijstPage(view: { tenantName: string; csrfToken: string; formulieren: FormulierRow[]; zonderFormulier: { identificatie: string; omschrijving: string }[]; fout?: string }): SafeHtml {
  return page({
    title: `${view.fout ? 'Fout: ' : ''}E-formulieren`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">E-formulieren</h1>
<p class="utrecht-paragraph">Elk formulier hoort bij een zaaktype. Inwoners zien alleen de gepubliceerde versie, via 'Regel het online' op de productpagina.</p>
<table>
<caption>${view.formulieren.length} formulieren</caption>
<thead><tr><th scope="col">Zaaktype</th><th scope="col">Titel</th><th scope="col">Status</th><th scope="col">Laatst gewijzigd</th></tr></thead>
<tbody>${view.formulieren.map(
      (row) => html`<tr><td>${row.zaaktype_identificatie}</td><td><a class="utrecht-link" href="${formulierPath(row.uuid)}">${(row.concept as FormulierDefinitie).titel}</a></td><td>${status(row)}</td><td>${SHOWN_IN.format(row.updated_at)}${row.bijgewerkt_door ? ` door ${row.bijgewerkt_door}` : ''}</td></tr>`,
    )}</tbody>
</table>
<h2 class="utrecht-heading-2">Nieuw formulier</h2>
${view.zonderFormulier.length === 0
  ? html`<p class="utrecht-paragraph">Elk zaaktype heeft al een formulier.</p>`
  : html`<form method="post" action="${FORMULIEREN_PATH}">
${csrfField(view.csrfToken)}
${view.fout ? html`<p class="loket-field-error" id="zaaktype-fout"><span class="loket-visually-hidden">Fout: </span>${view.fout}</p>` : ''}
<label for="zaaktype">Zaaktype</label>
<select id="zaaktype" name="zaaktype"${view.fout ? new SafeHtml(' aria-invalid="true" aria-describedby="zaaktype-fout"') : ''}>
${view.zonderFormulier.map((zaaktype) => html`<option value="${zaaktype.identificatie}">${zaaktype.omschrijving} (${zaaktype.identificatie})</option>`)}
</select>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Formulier maken</button>
</form>`}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerker">Terug naar de werkplek</a></p>`,
  });
}

/** `stappen[1].velden[0].eigenschap` → the editor input `s1.v0.eigenschap`. */
export function invoerNaam(plaats: string): string {
  return plaats
    .replace(/^formulier\./, '')
    .replace(/stappen\[(\d+)\]/, 's$1')
    .replace(/\.velden\[(\d+)\]/, '.v$1')
    .replace(/\.opties\[\d+\].*$/, '.opties');
}

function idOf(name: string): string {
  return `e-${name.replace(/\./g, '-')}`;
}

interface Ctx {
  errors: Map<string, string>;
}

function describe(ctx: Ctx, name: string, hint?: string): SafeHtml {
  const ids = [hint ? `${idOf(name)}-hint` : '', ctx.errors.has(name) ? `${idOf(name)}-fout` : ''].filter(Boolean);
  return new SafeHtml(`${ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : ''}${ctx.errors.has(name) ? ' aria-invalid="true"' : ''}`);
}

function extra(ctx: Ctx, name: string, hint?: string): SafeHtml {
  const error = ctx.errors.get(name);
  return html`${hint ? html`<p class="loket-hint" id="${idOf(name)}-hint">${hint}</p>` : ''}${error ? html`<p class="loket-field-error" id="${idOf(name)}-fout"><span class="loket-visually-hidden">Fout: </span>${error}</p>` : ''}`;
}

function input(ctx: Ctx, name: string, label: string, value: unknown, hint?: string): SafeHtml {
  return html`<div class="loket-form-field"><label for="${idOf(name)}">${label}</label>${extra(ctx, name, hint)}<input type="text" id="${idOf(name)}" name="${name}" value="${value === undefined || value === null ? '' : String(value)}"${describe(ctx, name, hint)}></div>`;
}

function textarea(ctx: Ctx, name: string, label: string, value: unknown, hint?: string): SafeHtml {
  return html`<div class="loket-form-field"><label for="${idOf(name)}">${label}</label>${extra(ctx, name, hint)}<textarea id="${idOf(name)}" name="${name}" rows="3"${describe(ctx, name, hint)}>${value === undefined ? '' : String(value)}</textarea></div>`;
}

function select(ctx: Ctx, name: string, label: string, value: unknown, options: readonly (readonly [string, string])[]): SafeHtml {
  return html`<div class="loket-form-field"><label for="${idOf(name)}">${label}</label>${extra(ctx, name)}<select id="${idOf(name)}" name="${name}"${describe(ctx, name)}>${options.map(([optionValue, text]) => html`<option value="${optionValue}"${optionValue === (value ?? '') ? new SafeHtml(' selected') : ''}>${text}</option>`)}</select></div>`;
}

function checkbox(name: string, label: string, checked: boolean): SafeHtml {
  return html`<div class="loket-form-field"><input type="checkbox" id="${idOf(name)}" name="${name}" value="ja"${checked ? new SafeHtml(' checked') : ''}> <label for="${idOf(name)}">${label}</label></div>`;
}

function voorwaardeInputs(ctx: Ctx, prefix: string, voorwaarde: { veld?: string; is?: string[] } | undefined): SafeHtml {
  return html`${input(ctx, `${prefix}.voorwaarde.veld`, 'Alleen tonen als veld (id)', voorwaarde?.veld, 'Leeg: altijd tonen.')}
${input(ctx, `${prefix}.voorwaarde.is`, '… een van deze antwoorden heeft', voorwaarde?.is?.join(', '), 'Scheid waarden met komma’s.')}`;
}

function button(actie: string, text: string): SafeHtml {
  return html`<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="${actie}">${text}</button>`;
}

function veldEditor(ctx: Ctx, zaaktype: ZaaktypeVandaag | undefined, i: number, j: number, veld: Veld, count: number): SafeHtml {
  const p = `s${i}.v${j}`;
  const none = [['', '(geen)']] as const;
  const eigenschappen = [...none, ...[...(zaaktype?.eigenschappen.keys() ?? [])].map((naam) => [naam, naam] as const)];
  const typen = [...none, ...[...(zaaktype?.informatieobjecttypen.keys() ?? [])].map((naam) => [naam, naam] as const)];
  const roltypen = [...none, ...(zaaktype?.roltypen ?? []).map((roltype) => [roltype.omschrijving, roltype.omschrijving] as const)];
  let specific: SafeHtml = html``;
  if (veld.type === 'tekst' || veld.type === 'tekstvlak') {
    specific = html`${input(ctx, `${p}.maxLengte`, 'Hoogstens aantal tekens', veld.maxLengte)}${input(ctx, `${p}.patroon`, 'Patroon (reguliere expressie)', veld.patroon, 'Niet verplicht.')}${input(ctx, `${p}.patroonMelding`, 'Melding als het patroon niet past', veld.patroonMelding)}`;
  } else if (veld.type === 'getal') {
    specific = html`${input(ctx, `${p}.min`, 'Minimum', veld.min)}${input(ctx, `${p}.max`, 'Maximum', veld.max)}`;
  } else if (veld.type === 'datum') {
    specific = html`${input(ctx, `${p}.minDagen`, 'Vroegste datum, in dagen vanaf vandaag', veld.minDagen, 'Negatief is in het verleden; 0 is vandaag. Leeg: geen grens.')}${input(ctx, `${p}.maxDagen`, 'Laatste datum, in dagen vanaf vandaag', veld.maxDagen, '0: niet in de toekomst. Leeg: geen grens.')}`;
  } else if (veld.type === 'keuze') {
    specific = html`${select(ctx, `${p}.weergave`, 'Weergave', veld.weergave ?? 'radio', KEUZE_WEERGAVEN.map((weergave) => [weergave, weergave === 'radio' ? 'Keuzerondjes (één antwoord)' : weergave === 'select' ? 'Uitklaplijst (één antwoord)' : 'Vinkjes (meer antwoorden)'] as const))}
${textarea(ctx, `${p}.opties`, 'Antwoorden', schrijfOpties(veld.opties), 'Eén per regel: waarde | label, of alleen een label.')}`;
  } else if (veld.type === 'bsn') {
    specific = html`${checkbox(`${p}.meerdere`, 'Meer BSN’s (één per regel)', veld.meerdere === true)}${select(ctx, `${p}.roltype`, 'Elk BSN wordt een rol van roltype', veld.roltype ?? '', roltypen)}`;
  } else if (veld.type === 'bestand') {
    specific = html`${input(ctx, `${p}.bestandstypen`, 'Toegestane soorten (MIME-types)', veld.bestandstypen?.join(', '), 'Bijvoorbeeld image/jpeg, image/png, application/pdf. Leeg: foto’s en PDF.')}
${input(ctx, `${p}.maxMb`, 'Hoogstens (MB)', veld.maxBytes === undefined ? undefined : veld.maxBytes / (1024 * 1024))}
${select(ctx, `${p}.informatieobjecttype`, 'Wordt een document van informatieobjecttype', veld.informatieobjecttype ?? '', typen)}`;
  }
  return html`<fieldset class="formulier-editor__veld">
<legend>Vraag ${j + 1}: ${veld.label}</legend>
${input(ctx, `${p}.id`, 'Id', veld.id, 'Kleine letters, cijfers en streepjes.')}
${select(ctx, `${p}.type`, 'Soort veld', veld.type, VELD_TYPEN.map((type) => [type, VELD_TYPE_NAMEN[type]] as const))}
${input(ctx, `${p}.label`, 'Vraag (label)', veld.label)}
${textarea(ctx, `${p}.hulptekst`, 'Uitleg bij de vraag', veld.hulptekst)}
${checkbox(`${p}.verplicht`, 'Verplicht', veld.verplicht)}
${select(ctx, `${p}.eigenschap`, 'Antwoord opslaan als eigenschap', veld.eigenschap ?? '', eigenschappen)}
${select(ctx, `${p}.prefill`, 'Vooraf invullen met', veld.prefill ?? '', [...none, ...PREFILL_BRONNEN.map((bron) => [bron, PREFILL_NAMEN[bron] ?? bron] as const)])}
${voorwaardeInputs(ctx, p, veld.voorwaarde)}
${specific}
<p class="loket-actions">${j > 0 ? button(`veld-omhoog:${i}:${j}`, `Vraag ${j + 1} omhoog`) : ''} ${j < count - 1 ? button(`veld-omlaag:${i}:${j}`, `Vraag ${j + 1} omlaag`) : ''} ${count > 1 ? button(`veld-verwijderen:${i}:${j}`, `Vraag ${j + 1} verwijderen`) : ''}</p>
</fieldset>`;
}

export interface EditorView {
  tenantName: string;
  csrfToken: string;
  row: FormulierRow;
  definitie: FormulierDefinitie;
  zaaktype: ZaaktypeVandaag | undefined;
  problemen: DefinitieProbleem[];
  melding?: string;
}

/** The structured editor: the whole definition as one form, buttons to add, move and remove steps and fields. */
export function editorPage(view: EditorView): SafeHtml {
  const errors = new Map<string, string>();
  for (const probleem of view.problemen) {
    const name = invoerNaam(probleem.plaats);
    if (!errors.has(name)) errors.set(name, probleem.melding);
  }
  const ctx: Ctx = { errors };
  const d = view.definitie;
  const stappen = Array.isArray(d.stappen) ? d.stappen : [];
  const typen = [['', '(geen)'] as const, ...[...(view.zaaktype?.informatieobjecttypen.keys() ?? [])].map((naam) => [naam, naam] as const)];
  const known = (name: string) => name === 'titel' || name === 'inleiding' || name === 'zaakomschrijving' || name === 'formulierInformatieobjecttype' || /^s\d+\./.test(name);
  return page({
    title: `${view.problemen.length > 0 ? 'Fout: ' : ''}Formulier ${view.row.zaaktype_identificatie} bewerken`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Formulier voor ${view.zaaktype?.omschrijving ?? view.row.zaaktype_identificatie}</h1>
<p class="utrecht-paragraph">Status: ${status(view.row)}. <a class="utrecht-link" href="${formulierPath(view.row.uuid, '/voorbeeld')}">Voorbeeld bekijken</a> · <a class="utrecht-link" href="${formulierPath(view.row.uuid, '/export')}">Exporteren als JSON</a> · <a class="utrecht-link" href="${formulierPath(view.row.uuid, '/import')}">Importeren uit JSON</a> · <a class="utrecht-link" href="${FORMULIEREN_PATH}">Alle formulieren</a></p>
${view.melding ? html`<p class="utrecht-paragraph loket-notice" role="status">${view.melding}</p>` : ''}
${view.problemen.length > 0
  ? html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Het formulier is niet bewaard: er ${view.problemen.length === 1 ? 'is 1 probleem' : `zijn ${view.problemen.length} problemen`}</h2>
<ul>${view.problemen.map((probleem) => {
      const name = invoerNaam(probleem.plaats);
      return html`<li>${known(name) ? html`<a href="#${idOf(name)}">${probleem.melding}</a>` : probleem.melding} <span class="loket-hint">(${probleem.plaats})</span></li>`;
    })}</ul>
</div>`
  : ''}
<form method="post" action="${formulierPath(view.row.uuid)}" id="editor">
${csrfField(view.csrfToken)}
<fieldset><legend>Formulier</legend>
${input(ctx, 'titel', 'Titel', d.titel)}
${textarea(ctx, 'inleiding', 'Inleiding op de startpagina', d.inleiding)}
${input(ctx, 'zaakomschrijving', 'Omschrijving van de zaak', d.zaakomschrijving, 'Hoogstens 80 tekens.')}
${select(ctx, 'formulierInformatieobjecttype', 'Ingevuld formulier als document van informatieobjecttype', d.formulierInformatieobjecttype ?? '', typen)}
</fieldset>
${stappen.map(
  (stap, i) => html`<fieldset class="formulier-editor__stap">
<legend>Stap ${i + 1}: ${stap.titel}</legend>
${input(ctx, `s${i}.id`, 'Id', stap.id, 'Kleine letters, cijfers en streepjes; staat in het webadres van de stap.')}
${input(ctx, `s${i}.titel`, 'Titel van de stap', stap.titel)}
${textarea(ctx, `s${i}.uitleg`, 'Uitleg bij de stap', stap.uitleg)}
${voorwaardeInputs(ctx, `s${i}`, stap.voorwaarde)}
${(Array.isArray(stap.velden) ? stap.velden : []).map((veld, j) => veldEditor(ctx, view.zaaktype, i, j, veld, stap.velden.length))}
<p class="loket-actions">${button(`veld-toevoegen:${i}`, `Vraag toevoegen aan stap ${i + 1}`)} ${i > 0 ? button(`stap-omhoog:${i}`, `Stap ${i + 1} omhoog`) : ''} ${i < stappen.length - 1 ? button(`stap-omlaag:${i}`, `Stap ${i + 1} omlaag`) : ''} ${stappen.length > 1 ? button(`stap-verwijderen:${i}`, `Stap ${i + 1} verwijderen`) : ''}</p>
</fieldset>`,
)}
<p class="loket-actions">${button('stap-toevoegen', 'Stap toevoegen')}</p>
<p class="loket-actions"><button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="bewaren">Concept bewaren</button></p>
</form>
<form method="post" action="${formulierPath(view.row.uuid, '/publiceren')}">
${csrfField(view.csrfToken)}
<p class="utrecht-paragraph">Publiceren maakt het bewaarde concept zichtbaar voor inwoners. Wie al bezig is, gaat verder met de nieuwe versie.</p>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Concept publiceren</button>
</form>`,
  });
}

/** The concept as residents will see it, step by step (conditions named, not applied). */
export function voorbeeldPage(view: { tenantName: string; row: FormulierRow; definitie: FormulierDefinitie }): SafeHtml {
  const d = view.definitie;
  return page({
    title: `Voorbeeld: ${d.titel}`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Voorbeeld: ${d.titel}</h1>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${formulierPath(view.row.uuid)}">Terug naar bewerken</a></p>
${d.inleiding ? html`<p class="utrecht-paragraph">${d.inleiding}</p>` : ''}
${d.stappen.map(
  (stap, i) => html`<section class="formulier-voorbeeld" aria-labelledby="voorbeeld-${stap.id}">
<h2 class="utrecht-heading-2" id="voorbeeld-${stap.id}">Stap ${i + 1}: ${stap.titel}</h2>
${stap.voorwaarde ? html`<p class="loket-hint">Alleen als '${stap.voorwaarde.veld}' is: ${stap.voorwaarde.is.join(', ')}.</p>` : ''}
${stap.uitleg ? html`<p class="utrecht-paragraph">${stap.uitleg}</p>` : ''}
${stap.velden.map((veld) => html`${veld.voorwaarde ? html`<p class="loket-hint">Alleen als '${veld.voorwaarde.veld}' is: ${veld.voorwaarde.is.join(', ')}.</p>` : ''}${veldHtml(veld, undefined, undefined)}`)}
</section>`,
)}`,
  });
}

/** Import: paste a JSON definition (from an export) to replace the concept. */
export function importPage(view: { tenantName: string; csrfToken: string; row: FormulierRow; tekst: string; problemen: DefinitieProbleem[] }): SafeHtml {
  const fout = view.problemen.length > 0;
  return page({
    title: `${fout ? 'Fout: ' : ''}Formulier importeren`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Formulier ${view.row.zaaktype_identificatie} importeren</h1>
<p class="utrecht-paragraph">Plak een geëxporteerd formulier (JSON). Het vervangt het concept; publiceer het daarna om het voor inwoners te gebruiken. <a class="utrecht-link" href="${formulierPath(view.row.uuid)}">Terug naar bewerken</a></p>
${fout
  ? html`<div class="loket-error-summary" tabindex="-1" autofocus aria-labelledby="foutoverzicht-titel">
<h2 class="loket-error-summary__title" id="foutoverzicht-titel">Het formulier is niet geïmporteerd</h2>
<ul>${view.problemen.map((probleem) => html`<li><a href="#json">${probleem.plaats === '' ? '' : `${probleem.plaats}: `}${probleem.melding}</a></li>`)}</ul>
</div>`
  : ''}
<form method="post" action="${formulierPath(view.row.uuid, '/import')}">
${csrfField(view.csrfToken)}
<label for="json">Formulier (JSON)</label>
${fout ? html`<p class="loket-field-error" id="json-fout"><span class="loket-visually-hidden">Fout: </span>Los de problemen hierboven op.</p>` : ''}
<textarea id="json" name="json" rows="20"${fout ? new SafeHtml(' aria-invalid="true" aria-describedby="json-fout"') : ''}>${view.tekst}</textarea>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Importeren</button>
</form>`,
  });
}
