import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { grensLabels } from '../kengetallen/signaalbanden-instelling.ts';
import { KENGETAL_NAMEN_LIJST, PROVINCIALE_SIGNAALWAARDEN } from '../kengetallen/signaalwaarden.ts';
import { KENGETAL_NAMEN } from './kengetal-namen.ts';
import { financienPagina, foutoverzicht, melding, tekstveld } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';

export interface SignaalwaardenView {
  tenantName: string;
  csrfToken: string;
  /** The signal bands form: what is stored, or what was posted with its errors. */
  banden: { waarden: Record<string, string | undefined>; errors: VeldFout[]; eigen: boolean };
  /** The rating table form, with as many rows as it offers. */
  klassen: { waarden: Record<string, string | undefined>; errors: VeldFout[]; eigen: boolean; rijen: number };
  melding?: string;
}

const RICHTING: Record<'lager-beter' | 'hoger-beter', string> = {
  'lager-beter': 'Lager is beter: onder de eerste grens klasse A, boven de tweede klasse C, daartussen (grenzen meegerekend) klasse B.',
  'hoger-beter': 'Hoger is beter: boven de tweede grens klasse A, onder de eerste klasse C, daartussen (grenzen meegerekend) klasse B.',
};

function standaardKnop(csrfToken: string, action: string, label: string): SafeHtml {
  return html`<form class="loket-form loket-form--secondary" method="post" action="${action}">
${csrfField(csrfToken)}
<button type="submit" class="loket-button">${label}</button>
</form>`;
}

/**
 * The controller's page for the municipality's own signal bands of the kengetallen and its own rating table of the
 * weerstandsratio, each a form of its own with a way back to the default. Every page and computation uses what is
 * stored here.
 */
export function signaalwaardenPage(view: SignaalwaardenView): SafeHtml {
  const errors = [...view.banden.errors, ...view.klassen.errors];
  const title = 'Signaalwaarden en waarderingstabel';
  const { waarden: bandWaarden, errors: bandErrors } = view.banden;
  const { waarden: klasseWaarden, errors: klasseErrors } = view.klassen;
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.instellingen,
    toegang: { beheer: true },
    fouten: errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${foutoverzicht(errors)}
${melding(view.melding)}
<section aria-labelledby="banden-titel">
<h2 class="utrecht-heading-2" id="banden-titel">Signaalwaarden van de kengetallen</h2>
<p class="utrecht-paragraph">${view.banden.eigen ? 'De gemeente gebruikt eigen signaalwaarden.' : 'De gemeente gebruikt de signaalwaarden van de provincie (de standaard).'} Ze bepalen de klasse A, B of C van elk kengetal op het overzicht, bij de maatregelen en in de berekeningen. Vul percentages in, bijvoorbeeld 90 of 12,5.</p>
<form class="loket-form" method="post" action="${FINANCIEN_PATHS.signaalbanden}" novalidate>
${csrfField(view.csrfToken)}
${KENGETAL_NAMEN_LIJST.map((naam) => {
      const labels = grensLabels(naam);
      const [laag, hoog] = PROVINCIALE_SIGNAALWAARDEN[naam].grenzen;
      return html`<fieldset class="financien-groep"><legend>${KENGETAL_NAMEN[naam]}</legend>
<p class="loket-hint">${RICHTING[PROVINCIALE_SIGNAALWAARDEN[naam].richting]} Provinciale tabel: ${String(laag)} en ${String(hoog)}.</p>
${tekstveld({ id: `${naam}_laag`, label: labels.laag, waarden: bandWaarden, errors: bandErrors, verplicht: true, inputmode: 'decimal' })}
${tekstveld({ id: `${naam}_hoog`, label: labels.hoog, waarden: bandWaarden, errors: bandErrors, verplicht: true, inputmode: 'decimal' })}
</fieldset>`;
    })}
<button type="submit" class="loket-button">Signaalwaarden opslaan</button>
</form>
${view.banden.eigen ? standaardKnop(view.csrfToken, FINANCIEN_PATHS.signaalbandenStandaard, 'Terug naar de signaalwaarden van de provincie') : ''}
</section>
<section aria-labelledby="klassen-titel">
<h2 class="utrecht-heading-2" id="klassen-titel">Waarderingstabel van de weerstandsratio</h2>
<p class="utrecht-paragraph">${view.klassen.eigen ? 'De gemeente gebruikt een eigen waarderingstabel.' : 'De gemeente gebruikt de gangbare waarderingstabel A tot en met F (de standaard).'} Zet de beste klasse bovenaan en de slechtste onderaan. Elke klasse loopt vanaf haar ondergrens tot de ondergrens van de klasse erboven; de onderste klasse heeft geen ondergrens. Laat een rij helemaal leeg om haar over te slaan.</p>
<form class="loket-form" method="post" action="${FINANCIEN_PATHS.ratioKlassen}" novalidate>
${csrfField(view.csrfToken)}
${Array.from({ length: view.klassen.rijen }, (_, index) => {
      const rij = index + 1;
      return html`<fieldset class="financien-groep"><legend>Klasse ${rij}${rij === 1 ? ' (beste)' : ''}</legend>
${tekstveld({ id: `klasse_${rij}`, label: 'Naam van de klasse', waarden: klasseWaarden, errors: klasseErrors, hint: 'Bijvoorbeeld A.' })}
${tekstveld({ id: `vanaf_${rij}`, label: 'Vanaf ratio', waarden: klasseWaarden, errors: klasseErrors, inputmode: 'decimal', hint: 'Bijvoorbeeld 1,4. Leeg bij de onderste klasse.' })}
${tekstveld({ id: `betekenis_${rij}`, label: 'Betekenis', waarden: klasseWaarden, errors: klasseErrors, hint: 'Bijvoorbeeld ruim voldoende.' })}
</fieldset>`;
    })}
<button type="submit" class="loket-button">Waarderingstabel opslaan</button>
</form>
${view.klassen.eigen ? standaardKnop(view.csrfToken, FINANCIEN_PATHS.ratioKlassenStandaard, 'Terug naar de gangbare waarderingstabel') : ''}
</section>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.overzicht}">Naar de kengetallen</a> · <a class="utrecht-link" href="${FINANCIEN_PATHS.weerstandsvermogen}">Naar het weerstandsvermogen</a></p>`,
  });
}
