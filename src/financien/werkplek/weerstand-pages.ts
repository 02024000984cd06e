import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { CAPACITEIT_COMPONENTEN } from '../weerstand/capaciteit.ts';
import type { Weerstandsvermogen } from '../weerstand/weerstandsvermogen.ts';
import { centenTekst, financienPagina, foutoverzicht, melding, tekstveld, tekstvak, type Toegang } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';

const RATIO = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const AANTAL = new Intl.NumberFormat('nl-NL');

/**
 * The paragraaf weerstandsvermogen: beschikbare capaciteit per component, the benodigde capaciteit from the seeded
 * simulation, the ratio with its class in the rating table, and the risks that drive the need.
 */
export function weerstandsvermogenPage(view: { tenantName: string; toegang: Toegang; jaren: number[]; weerstand: Weerstandsvermogen }): SafeHtml {
  const w = view.weerstand;
  return financienPagina({
    title: `Weerstandsvermogen ${w.jaar}`,
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.weerstandsvermogen,
    toegang: view.toegang,
    body: html`<h1 class="utrecht-heading-1">Weerstandsvermogen ${w.jaar}</h1>
<form class="loket-form loket-form--secondary financien-kiezer" method="get" action="${FINANCIEN_PATHS.weerstandsvermogen}">
<div class="loket-form-field"><label for="jaar">Jaar</label>
<select id="jaar" name="jaar">${view.jaren.map((jaar) => html`<option value="${String(jaar)}"${jaar === w.jaar ? html` selected` : ''}>${jaar}</option>`)}</select></div>
<button type="submit" class="loket-button">Toon</button>
</form>
<section class="financien-oordeel" aria-labelledby="ratio-titel">
<h2 class="utrecht-heading-2" id="ratio-titel">Weerstandsratio: ${w.ratio === null ? 'geen risico\u2019s' : RATIO.format(w.ratio)}, klasse ${w.klasse.klasse} (${w.klasse.betekenis})</h2>
<p class="utrecht-paragraph">Beschikbare weerstandscapaciteit ${centenTekst(w.beschikbaarCenten)} gedeeld door benodigde weerstandscapaciteit ${centenTekst(w.simulatie.benodigdCenten)}.</p>
</section>
<h2 class="utrecht-heading-2">Beschikbare weerstandscapaciteit</h2>
<div class="loket-table-scroll" role="region" aria-labelledby="capaciteit-titel" tabindex="0">
<table class="financien-tabel">
<caption id="capaciteit-titel">Beschikbare weerstandscapaciteit ${w.jaar}</caption>
<thead><tr><th scope="col">Onderdeel</th><th scope="col" class="financien-bedrag">Bedrag</th><th scope="col">Toelichting</th></tr></thead>
<tbody>${CAPACITEIT_COMPONENTEN.map(({ component, label }) => html`<tr><th scope="row">${label}</th><td class="financien-bedrag">${centenTekst(w.capaciteit[component]?.centen)}</td><td>${w.capaciteit[component]?.toelichting ?? 'Niet ingevoerd'}</td></tr>`)}
<tr class="financien-totaal"><th scope="row">Totaal</th><td class="financien-bedrag">${centenTekst(w.beschikbaarCenten)}</td><td></td></tr></tbody>
</table>
</div>
${view.toegang.beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.capaciteit}?jaar=${w.jaar}">Weerstandscapaciteit ${w.jaar} invoeren</a></p>` : ''}
<h2 class="utrecht-heading-2">Benodigde weerstandscapaciteit</h2>
<p class="utrecht-paragraph">Een Monte Carlo-simulatie van ${AANTAL.format(w.simulatie.trekkingen)} trekkingen over ${w.aantalRisicos} risico\u2019s (startwaarde ${w.simulatie.seed}, dus herhaalbaar): in 90% van de trekkingen is de schade ten hoogste <strong>${centenTekst(w.simulatie.benodigdCenten)}</strong>. De gemiddelde schade is ${centenTekst(w.simulatie.gemiddeldCenten)}.</p>
<h3 class="utrecht-heading-3">Risico\u2019s die het meest bijdragen</h3>
${w.topRisicos.length === 0 ? html`<p class="utrecht-paragraph">Geen risico\u2019s.</p>` : html`<div class="loket-table-scroll" role="region" aria-labelledby="top-titel" tabindex="0">
<table class="financien-tabel">
<caption id="top-titel">Gemiddelde bijdrage aan de schade in de 10% zwaarste trekkingen</caption>
<thead><tr><th scope="col">Risico</th><th scope="col" class="financien-bedrag">Kans</th><th scope="col" class="financien-bedrag">Impact</th><th scope="col" class="financien-bedrag">Bijdrage</th></tr></thead>
<tbody>${w.topRisicos.map(({ risico, bijdrageCenten }) => html`<tr><th scope="row">${risico.naam}</th><td class="financien-bedrag">${risico.kansProcent}%</td><td class="financien-bedrag">${centenTekst(risico.impactCenten)}</td><td class="financien-bedrag">${centenTekst(bijdrageCenten)}</td></tr>`)}</tbody>
</table>
</div>`}
<h2 class="utrecht-heading-2">Waarderingstabel</h2>
<div class="loket-table-scroll" role="region" aria-labelledby="klassen-titel" tabindex="0">
<table class="financien-tabel">
<caption id="klassen-titel">Klassen van de weerstandsratio${w.eigenKlassen ? ' (eigen waarderingstabel van de gemeente)' : ' (gangbare waarderingstabel)'}</caption>
<thead><tr><th scope="col">Klasse</th><th scope="col">Ratio</th><th scope="col">Betekenis</th></tr></thead>
<tbody>${w.klassen.map((klasse, index) => {
      const boven = w.klassen[index - 1];
      const bereik = boven ? (Number.isFinite(klasse.vanaf) ? `${RATIO.format(klasse.vanaf)} tot ${RATIO.format(boven.vanaf)}` : `minder dan ${RATIO.format(boven.vanaf)}`) : `${RATIO.format(klasse.vanaf)} of meer`;
      return html`<tr${klasse.klasse === w.klasse.klasse ? html` class="financien-totaal"` : ''}><th scope="row">${klasse.klasse}${klasse.klasse === w.klasse.klasse ? html` <span class="financien-klein">(nu)</span>` : ''}</th><td>${bereik}</td><td>${klasse.betekenis}</td></tr>`;
    })}</tbody>
</table>
</div>
${view.toegang.beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.instellingen}">Waarderingstabel instellen</a></p>` : ''}`,
  });
}

/** The controller's form for one year's beschikbare weerstandscapaciteit. */
export function capaciteitFormPage(view: { tenantName: string; csrfToken: string; jaar: number; waarden: Record<string, string | undefined>; errors: VeldFout[]; melding?: string }): SafeHtml {
  const title = `Weerstandscapaciteit ${view.jaar}`;
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.capaciteit,
    toegang: { beheer: true },
    fouten: view.errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${foutoverzicht(view.errors)}
${melding(view.melding)}
<form class="loket-form" method="post" action="${FINANCIEN_PATHS.capaciteit}?jaar=${view.jaar}" novalidate>
${csrfField(view.csrfToken)}
${CAPACITEIT_COMPONENTEN.map(
      ({ component, label }) => html`<fieldset class="financien-groep"><legend>${label}</legend>
${tekstveld({ id: component, label: 'Bedrag (euro)', waarden: view.waarden, errors: view.errors, verplicht: true, inputmode: 'decimal' })}
${tekstvak({ id: `${component}_toelichting`, label: 'Toelichting', waarden: view.waarden, errors: view.errors })}
</fieldset>`,
    )}
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.weerstandsvermogen}?jaar=${view.jaar}">Naar het weerstandsvermogen</a></p>`,
  });
}
