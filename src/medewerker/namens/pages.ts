import { csrfField } from '../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { VeldFout } from '../../formulieren/antwoorden-controle.ts';
import type { Antwoorden, FormulierDefinitie } from '../../formulieren/definitie.ts';
import { zichtbareStappen, zichtbareVelden } from '../../formulieren/voorwaarden.ts';
import { veldAnker, veldHtml } from '../../portaal/formulieren/velden-html.ts';
import { errorSummary } from '../form-fields.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { klantcontactPath } from '../contactverzoeken/paths.ts';
import type { KlantcontactPersoon } from '../contactverzoeken/klantcontact-persoon.ts';
import { namensPath } from './paths.ts';

/*
 * The pages of a request on someone's behalf: choose the e-form, fill it in (the same definition, fields and checks
 * as the portal, all steps on one page since the agent fills it in with the person), and the zaak number.
 */

export interface NamensContext {
  tenantName: string;
  staff: StaffIdentity;
  klantcontactUuid: string;
  kanaal: string;
}

function persoonRegel(persoon: KlantcontactPersoon): SafeHtml {
  return html`<p class="utrecht-paragraph">Namens <strong>${persoon.naam === '' ? 'de klant' : persoon.naam}</strong> (${persoon.soort === 'bsn' ? 'BSN' : 'KvK-nummer'} ${persoon.identificatie}).</p>`;
}

function terug(context: NamensContext): SafeHtml {
  return html`<p class="utrecht-paragraph"><a href="${klantcontactPath(context.klantcontactUuid)}">Terug naar het klantcontact</a></p>`;
}

/** Nobody identified in the contact yet: say what to do first. */
export function geenPersoonPage(context: NamensContext): SafeHtml {
  return werkplekPage({
    title: 'Aanvraag namens de klant: eerst identificeren',
    tenantName: context.tenantName,
    staff: context.staff,
    path: namensPath(context.klantcontactUuid),
    body: html`<h1 class="utrecht-heading-1">Aanvraag namens de klant</h1>
<div class="loket-form-error" role="alert"><p>Bij dit klantcontact is nog niemand geïdentificeerd. Identificeer eerst de inwoner (BSN) of het bedrijf (KvK-nummer) op het klantcontact; daarna kunt u hier een aanvraag namens hen starten.</p></div>
${terug(context)}`,
  });
}

export interface FormulierKeuze {
  zaaktypeIdentificatie: string;
  titel: string;
}

/** Which e-form: every zaaktype with a published form. */
export function keuzePage(context: NamensContext, view: { persoon: KlantcontactPersoon; formulieren: FormulierKeuze[]; fout?: string }): SafeHtml {
  return werkplekPage({
    title: `${view.fout ? 'Fout: ' : ''}Aanvraag namens de klant`,
    tenantName: context.tenantName,
    staff: context.staff,
    path: namensPath(context.klantcontactUuid),
    body: html`<h1 class="utrecht-heading-1">Aanvraag namens de klant</h1>
${view.fout ? errorSummary([{ fieldId: 'namens-zaaktype-0', message: view.fout }]) : ''}
${persoonRegel(view.persoon)}
${view.formulieren.length === 0
  ? html`<p class="utrecht-paragraph">Er zijn nog geen gepubliceerde e-formulieren.</p>`
  : html`<form method="get" action="${namensPath(context.klantcontactUuid)}">
<fieldset class="loket-field-group${view.fout ? ' loket-form-field--invalid' : ''}"${view.fout ? html` aria-describedby="namens-zaaktype-fout"` : ''}>
<legend>Welk product vraagt de klant aan?</legend>
${view.fout ? html`<p class="loket-field-error" id="namens-zaaktype-fout"><span class="loket-visually-hidden">Fout: </span>${view.fout}</p>` : ''}
${view.formulieren.map((formulier, index) => html`<div class="portaal-keuze"><input type="radio" id="namens-zaaktype-${String(index)}" name="zaaktype" value="${formulier.zaaktypeIdentificatie}"><label for="namens-zaaktype-${String(index)}">${formulier.titel}</label></div>
`)}</fieldset>
<button type="submit" class="loket-button">Formulier openen</button>
</form>`}
${terug(context)}`,
  });
}

export interface FormulierView {
  persoon: KlantcontactPersoon;
  zaaktypeIdentificatie: string;
  definitie: FormulierDefinitie;
  formulierId: string;
  antwoorden: Antwoorden;
  fouten: readonly VeldFout[];
  melding?: string;
}

/** The e-form: every step that applies now, each with its fields, checked on the server when submitted. */
export function formulierPage(context: NamensContext, view: FormulierView): SafeHtml {
  const { definitie, fouten } = view;
  const zichtbaar = zichtbareVelden(definitie, view.antwoorden);
  const stappen = zichtbareStappen(definitie, view.antwoorden);
  const getoond = stappen.flatMap((stap) => stap.velden.filter((veld) => zichtbaar.has(veld.id)).map((veld) => veld.id));
  const upload = stappen.some((stap) => stap.velden.some((veld) => veld.type === 'bestand' && zichtbaar.has(veld.id)));
  const errors = new Map(fouten.map((fout) => [fout.veld.id, fout.melding]));
  return werkplekPage({
    title: `${fouten.length > 0 ? 'Fout: ' : ''}${definitie.titel} namens de klant`,
    tenantName: context.tenantName,
    staff: context.staff,
    path: namensPath(context.klantcontactUuid),
    body: html`<h1 class="utrecht-heading-1">${definitie.titel}</h1>
${errorSummary(fouten.map((fout) => ({ fieldId: veldAnker(fout.veld), message: fout.melding })))}
${persoonRegel(view.persoon)}
<p class="utrecht-paragraph">Kanaal: ${context.kanaal}. Vul het formulier samen met de klant in; het wordt een zaak zoals bij een aanvraag via de website.</p>
${view.melding ? html`<div class="loket-notice" role="status"><p>${view.melding}</p></div>` : ''}
<form class="loket-eformulier" method="post" action="${namensPath(context.klantcontactUuid)}"${upload ? html` enctype="multipart/form-data"` : ''} novalidate>
${csrfField(context.staff.csrfToken)}
<input type="hidden" name="_formulier" value="${view.formulierId}">
<input type="hidden" name="_zaaktype" value="${view.zaaktypeIdentificatie}">
<input type="hidden" name="_getoond" value="${getoond.join(' ')}">
${stappen.map((stap) => html`<section class="loket-sectie" aria-labelledby="stap-${stap.id}">
<h2 class="utrecht-heading-2" id="stap-${stap.id}">${stap.titel}</h2>
${stap.uitleg ? html`<p class="utrecht-paragraph">${stap.uitleg}</p>` : ''}
${stap.velden.filter((veld) => zichtbaar.has(veld.id)).map((veld) => veldHtml(veld, view.antwoorden[veld.id], errors.get(veld.id)))}
</section>`)}
${upload ? html`<p class="utrecht-paragraph">Kies een bestand opnieuw als het formulier na het indienen nog een fout laat zien.</p>` : ''}
<button type="submit" class="loket-button" name="_actie" value="indienen">Aanvraag indienen</button>
<button type="submit" class="loket-button loket-button-secondary" name="_actie" value="bijwerken">Vragen bijwerken na een antwoord</button>
</form>
${terug(context)}`,
  });
}

/** The zaak is there: its number, to tell the person. */
export function ingediendPage(context: NamensContext, view: { titel: string; zaakIdentificatie: string; zaakUuid: string }): SafeHtml {
  return werkplekPage({
    title: `Aanvraag ingediend: ${view.titel}`,
    tenantName: context.tenantName,
    staff: context.staff,
    path: namensPath(context.klantcontactUuid),
    body: html`<h1 class="utrecht-heading-1">Aanvraag ingediend</h1>
<div class="loket-notice" role="status">
<p>De aanvraag '${view.titel}' is ingediend via ${context.kanaal}. Het zaaknummer is:</p>
<p class="loket-zaaknummer"><strong>${view.zaakIdentificatie}</strong></p>
</div>
<p class="utrecht-paragraph">Noem de klant dit zaaknummer. De zaak is gekoppeld aan het klantcontact.</p>
<p class="utrecht-paragraph"><a href="/medewerker/zaken/${view.zaakUuid}">Zaak ${view.zaakIdentificatie} bekijken</a></p>
${terug(context)}`,
  });
}
