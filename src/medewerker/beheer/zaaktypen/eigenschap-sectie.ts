import { csrfField } from '../../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { errorSummary, requiredInput, selectField, textareaField, type FieldErrors } from '../velden.ts';
import { EIGENSCHAP_LABELS, FORMAAT_OPTIES, specificatieTekst, type EigenschapWaarden } from './eigenschappen.ts';
import { lijst, verwijderKnop } from './onderdeel-lijst.ts';

/*
 * The eigenschappen on the zaaktype page (a list; on a concept also the form to add one) and the page to change one.
 * Field ids carry the prefix `eigenschap-`, so the error summary and the service's problems find their field.
 */

const ZAAKTYPEN_PATH = '/medewerker/beheer/zaaktypen';
const PREFIX = 'eigenschap-';

function uuidVan(url: unknown): string {
  return String(url ?? '').split('/').at(-1) ?? '';
}

/** The form fields of one eigenschap. */
export function eigenschapVelden(waarden: EigenschapWaarden, fouten: FieldErrors): SafeHtml {
  const id = (veld: string) => `${PREFIX}${veld}`;
  return html`${requiredInput({ id: id('naam'), name: 'naam', label: EIGENSCHAP_LABELS.naam, hint: 'Hoogstens 20 tekens, uniek binnen het zaaktype, bijvoorbeeld kenteken.', value: waarden.naam, error: fouten[id('naam')] })}
${textareaField({ id: id('definitie'), name: 'definitie', label: EIGENSCHAP_LABELS.definitie, hint: 'Wat de waarde betekent, in hoogstens 255 tekens.', value: waarden.definitie, error: fouten[id('definitie')], rows: 2 })}
${selectField({ id: id('formaat'), name: 'formaat', label: EIGENSCHAP_LABELS.formaat, options: FORMAAT_OPTIES, value: waarden.formaat, error: fouten[id('formaat')] })}
${requiredInput({ id: id('lengte'), name: 'lengte', label: EIGENSCHAP_LABELS.lengte, hint: 'Tekst: het aantal tekens (hoogstens 255). Getal: het aantal cijfers, eventueel met decimalen na een komma (8,2). Datum: 8, datum en tijd: 14 (leeg laten mag).', value: waarden.lengte, error: fouten[id('lengte')] })}
${requiredInput({ id: id('kardinaliteit'), name: 'kardinaliteit', label: EIGENSCHAP_LABELS.kardinaliteit, hint: 'Hoeveel waarden een zaak mag hebben: 1 of meer, of N voor onbeperkt.', value: waarden.kardinaliteit, error: fouten[id('kardinaliteit')] })}
${textareaField({ id: id('waardenverzameling'), name: 'waardenverzameling', label: `${EIGENSCHAP_LABELS.waardenverzameling} (niet verplicht)`, hint: 'Eén waarde per regel; leeg laten als elke waarde van het formaat mag.', value: waarden.waardenverzameling, error: fouten[id('waardenverzameling')], rows: 3 })}
${textareaField({ id: id('toelichting'), name: 'toelichting', label: `${EIGENSCHAP_LABELS.toelichting} (niet verplicht)`, value: waarden.toelichting, error: fouten[id('toelichting')], rows: 2 })}`;
}

/** The summary items of the eigenschap form's errors (`algemeen` points at the form). */
export function eigenschapSamenvatting(fouten: FieldErrors, formulierId: string): { fieldId: string; message: string }[] {
  return Object.entries(fouten).map(([key, message]) => {
    const veld = key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
    if (veld === 'algemeen') return { fieldId: formulierId, message };
    const label = (EIGENSCHAP_LABELS as Record<string, string>)[veld];
    return { fieldId: key, message: label ? `${label}: ${message}` : message };
  });
}

/** The section of the zaaktype page. */
export function eigenschappenSectie(context: { path: string; concept: boolean; eigenschappen: readonly Record<string, unknown>[]; formulier: { waarden: EigenschapWaarden; fouten: FieldErrors }; csrfToken: string }): SafeHtml {
  const { path, concept, formulier } = context;
  return html`<section class="loket-sectie" aria-labelledby="eigenschappen" id="eigenschappen-sectie">
<h2 class="utrecht-heading-2" id="eigenschappen" tabindex="-1">Eigenschappen</h2>
<p class="utrecht-paragraph">Gegevens die een zaak van dit type heeft naast de vaste gegevens, bijvoorbeeld een kenteken of de datum van een evenement.</p>
${lijst(context.eigenschappen, 'Geen eigenschappen.', (eigenschap) => html`<li>${String(eigenschap.naam)}: ${String(eigenschap.definitie ?? '')} (${specificatieTekst(eigenschap)})${
  concept ? html` <a href="${path}/eigenschappen/${uuidVan(eigenschap.url)}">Bewerk<span class="loket-visually-hidden"> eigenschap ${String(eigenschap.naam)}</span></a> ${verwijderKnop(`${path}/eigenschappen/${uuidVan(eigenschap.url)}/verwijderen`, context.csrfToken, `eigenschap ${String(eigenschap.naam)}`)}` : ''
}</li>`)}
${
  concept
    ? html`<h3 class="utrecht-heading-3" id="eigenschap-toevoegen" tabindex="-1">Eigenschap toevoegen</h3>
${formulier.fouten[`${PREFIX}algemeen`] ? html`<p class="loket-field-error">${formulier.fouten[`${PREFIX}algemeen`]}</p>` : ''}
<form class="loket-form" method="post" action="${path}/eigenschappen" novalidate>${csrfField(context.csrfToken)}
${eigenschapVelden(formulier.waarden, formulier.fouten)}
<button type="submit" class="loket-button">Eigenschap toevoegen</button>
</form>`
    : html`<p class="utrecht-paragraph">Dit zaaktype is gepubliceerd, dus de eigenschappen veranderen niet meer. Wilt u een eigenschap toevoegen, wijzigen of verwijderen, maak dan hieronder een nieuwe versie.</p>`
}
</section>`;
}

/** The page to change one eigenschap of a concept. */
export function eigenschapPage(context: { tenantName: string; staff: StaffIdentity; zaaktype: Record<string, unknown>; uuid: string; waarden: EigenschapWaarden; fouten: FieldErrors }): SafeHtml {
  const zaaktypePath = `${ZAAKTYPEN_PATH}/${uuidVan(context.zaaktype.url)}`;
  const kop = 'Eigenschap bewerken';
  const hasErrors = Object.keys(context.fouten).length > 0;
  const body = html`<p class="utrecht-paragraph"><a href="${zaaktypePath}">Terug naar ${String(context.zaaktype.omschrijving)}</a></p>
<h1 class="utrecht-heading-1">${kop}</h1>
${errorSummary(eigenschapSamenvatting(context.fouten, 'eigenschap-formulier'))}
${context.fouten[`${PREFIX}algemeen`] ? html`<p class="loket-field-error">${context.fouten[`${PREFIX}algemeen`]}</p>` : ''}
<form class="loket-form" id="eigenschap-formulier" method="post" action="${zaaktypePath}/eigenschappen/${context.uuid}" novalidate>
${csrfField(context.staff.csrfToken)}
${eigenschapVelden(context.waarden, context.fouten)}
<button type="submit" class="loket-button">Opslaan</button>
</form>`;
  return werkplekPage({ title: `${hasErrors ? 'Fout: ' : ''}${kop}`, tenantName: context.tenantName, staff: context.staff, body, path: ZAAKTYPEN_PATH });
}
