import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { KENGETAL_INVOER, KENGETAL_VELDEN } from '../kengetallen/invoer.ts';
import { financienPagina, foutoverzicht, melding, tekstveld } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';

/** The controller's form for one year's balance positions and woonlasten, the inputs of the kengetallen. */
export function kengetalInvoerPage(view: { tenantName: string; csrfToken: string; jaar: number; waarden: Record<string, string | undefined>; errors: VeldFout[]; melding?: string }): SafeHtml {
  const title = `Invoer kengetallen ${view.jaar}`;
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.kengetalInvoer,
    toegang: { beheer: true },
    fouten: view.errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${foutoverzicht(view.errors)}
${melding(view.melding)}
<p class="utrecht-paragraph">Balansposities per 1 januari (voor ${view.jaar - 1} uit de jaarrekening, voor de begrotingsjaren geraamd) en de woonlasten. Een leeg veld telt niet als nul: het kengetal dat het nodig heeft, wordt dan niet berekend.</p>
<form class="loket-form loket-form--secondary financien-kiezer" method="get" action="${FINANCIEN_PATHS.kengetalInvoer}">
${tekstveld({ id: 'jaar', label: 'Jaar', waarden: { jaar: String(view.jaar) }, errors: [], verplicht: true, inputmode: 'numeric' })}
<button type="submit" class="loket-button">Ander jaar</button>
</form>
<form class="loket-form" method="post" action="${FINANCIEN_PATHS.kengetalInvoer}?jaar=${view.jaar}" novalidate>
${csrfField(view.csrfToken)}
<fieldset class="financien-groep"><legend>Bedragen in euro</legend>
${KENGETAL_VELDEN.map((veld) => tekstveld({ id: veld, label: KENGETAL_INVOER[veld], waarden: view.waarden, errors: view.errors, inputmode: 'decimal' }))}
</fieldset>
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.kengetalImport}">Invoer van meerdere jaren importeren uit een CSV-bestand</a> · <a class="utrecht-link" href="${FINANCIEN_PATHS.overzicht}">Naar de kengetallen</a></p>`,
  });
}
