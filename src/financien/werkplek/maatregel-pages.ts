import { csrfField } from '../../platform/auth/csrf.ts';
import type { Haalbaarheid } from '../../platform/database/tables/financien.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { JaarSaldo } from '../begroting/saldo.ts';
import type { VeldFout } from '../formulier/velden.ts';
import type { KengetallenJaar } from '../kengetallen/service.ts';
import { PROVINCIALE_SIGNAALWAARDEN, type Signaalbanden } from '../kengetallen/signaalwaarden.ts';
import { HAALBAARHEDEN, MAATREGEL_SOORTEN, MAATREGEL_STATUSSEN, type Maatregel } from '../maatregelen/maatregelen.ts';
import { centenTekst, euroTekst, financienPagina, foutoverzicht, keuzelijst, keuzerondjes, melding, tekstveld, tekstvak, type Toegang } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { kengetallenTabel, saldoTabel } from './tabellen.ts';

const SOORT = new Map(MAATREGEL_SOORTEN.map((item) => [item.soort, item.label]));
const STATUS = new Map(MAATREGEL_STATUSSEN.map((item) => [item.status, item.label]));
const HAALBAAR = new Map(HAALBAARHEDEN.map((item) => [item.haalbaarheid, item.label]));

export interface MaatregelenView {
  tenantName: string;
  toegang: Toegang;
  begrotingsjaar: number | undefined;
  jaren: number[];
  maatregelen: Maatregel[];
  minimaleHaalbaarheid: Haalbaarheid;
  inScenario: Set<string>;
  saldiZonder: JaarSaldo[];
  saldiMet: JaarSaldo[];
  kengetallenZonder: KengetallenJaar[];
  kengetallenMet: KengetallenJaar[];
  /** The tenant's signal bands the kengetallen are classed in. */
  banden?: Signaalbanden;
  melding?: string;
}

const SCENARIO_KEUZES: readonly { value: Haalbaarheid; label: string }[] = [
  { value: 'laag', label: 'Alle voorgestelde maatregelen' },
  { value: 'gemiddeld', label: 'Voorgesteld, haalbaarheid gemiddeld of hoog' },
  { value: 'hoog', label: 'Voorgesteld, alleen haalbaarheid hoog' },
];

/**
 * The maatregelen with their voordeel per year, and what the voorgestelde ones would do to the structural balance and
 * the kengetallen before the raad adopts them: the budget as it stands beside the budget with the scenario.
 */
export function maatregelenPage(view: MaatregelenView): SafeHtml {
  const effect = view.saldiZonder.map((zonder, index) => ({ jaar: zonder.jaar, verschil: (view.saldiMet[index]?.structureelSaldo ?? 0) - zonder.structureelSaldo }));
  return financienPagina({
    title: 'Maatregelen',
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.maatregelen,
    toegang: view.toegang,
    body: html`<h1 class="utrecht-heading-1">Maatregelen</h1>
${melding(view.melding)}
<p class="utrecht-paragraph">Ombuigingen en taakstellingen met hun voordeel per jaar. Een voorgestelde maatregel staat nog niet in de begroting; hieronder staat wat hij zou doen. Een vastgestelde maatregel is via een begrotingswijziging in de begroting verwerkt.</p>
${view.toegang.beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.maatregelen}/nieuw">Nieuwe maatregel</a></p>` : ''}
${view.maatregelen.length === 0 ? html`<p class="utrecht-paragraph">Er zijn nog geen maatregelen.</p>` : html`<div class="loket-table-scroll" role="region" aria-labelledby="maatregelen-titel" tabindex="0">
<table class="financien-tabel">
<caption id="maatregelen-titel">Maatregelen en hun voordeel per jaar (euro)</caption>
<thead><tr><th scope="col">Maatregel</th><th scope="col">Soort</th><th scope="col">Status</th><th scope="col">Haalbaarheid</th><th scope="col">Effect</th>${view.jaren.map((jaar) => html`<th scope="col" class="financien-bedrag">${jaar}</th>`)}<th scope="col">In scenario</th></tr></thead>
<tbody>${view.maatregelen.map(
        (maatregel) => html`<tr><th scope="row">${view.toegang.beheer ? html`<a class="utrecht-link" href="${FINANCIEN_PATHS.maatregel(maatregel.uuid)}">${maatregel.naam}</a>` : maatregel.naam}</th>
<td>${SOORT.get(maatregel.soort)}</td><td>${STATUS.get(maatregel.status)}</td><td>${HAALBAAR.get(maatregel.haalbaarheid)}</td>
<td>${maatregel.effectOp === 'lasten' ? 'lagere lasten' : 'hogere baten'}, ${maatregel.structureel ? 'structureel' : 'incidenteel'}</td>
${view.jaren.map((jaar) => html`<td class="financien-bedrag">${centenTekst(maatregel.bedragen.get(jaar) ?? 0)}</td>`)}
<td>${view.inScenario.has(maatregel.uuid) ? 'ja' : 'nee'}</td></tr>`,
      )}</tbody>
</table>
</div>`}
${view.begrotingsjaar === undefined ? html`<p class="utrecht-paragraph">Er is nog geen begroting om het effect op te berekenen.</p>` : html`<h2 class="utrecht-heading-2">Effect voor vaststelling</h2>
<form class="loket-form loket-form--secondary financien-kiezer" method="get" action="${FINANCIEN_PATHS.maatregelen}">
<div class="loket-form-field"><label for="haalbaarheid">Scenario</label>
<select id="haalbaarheid" name="haalbaarheid">${SCENARIO_KEUZES.map((keuze) => html`<option value="${keuze.value}"${keuze.value === view.minimaleHaalbaarheid ? html` selected` : ''}>${keuze.label}</option>`)}</select></div>
<button type="submit" class="loket-button">Bereken</button>
</form>
<p class="utrecht-paragraph">${view.inScenario.size} ${view.inScenario.size === 1 ? 'maatregel' : 'maatregelen'} in dit scenario. Effect op het structureel begrotingssaldo: ${effect.map((item) => `${item.jaar} ${euroTekst(item.verschil)}`).join(', ')}.</p>
${saldoTabel({ id: 'zonder-titel', caption: `Begroting ${view.begrotingsjaar} zoals vastgesteld, zonder de voorgestelde maatregelen`, saldi: view.saldiZonder })}
${saldoTabel({ id: 'met-titel', caption: `Begroting ${view.begrotingsjaar} met de maatregelen van dit scenario`, saldi: view.saldiMet })}
<h3 class="utrecht-heading-3">Kengetallen met de maatregelen</h3>
${kengetallenTabel({ id: 'kengetallen-met-titel', caption: 'Kengetallen met de maatregelen van dit scenario', jaren: view.kengetallenMet, banden: view.banden ?? PROVINCIALE_SIGNAALWAARDEN })}
<details class="financien-details"><summary>Kengetallen zonder de maatregelen</summary>
${kengetallenTabel({ id: 'kengetallen-zonder-titel', caption: 'Kengetallen zoals vastgesteld', jaren: view.kengetallenZonder, banden: view.banden ?? PROVINCIALE_SIGNAALWAARDEN })}
</details>`}`,
  });
}

/** Add or edit a maatregel, with its voordeel per jaarschijf. */
export function maatregelFormPage(view: { tenantName: string; csrfToken: string; uuid?: string; jaren: number[]; waarden: Record<string, string | undefined>; errors: VeldFout[] }): SafeHtml {
  const title = view.uuid ? 'Maatregel wijzigen' : 'Nieuwe maatregel';
  const { waarden, errors } = view;
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: '',
    toegang: { beheer: true },
    fouten: errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${foutoverzicht(errors)}
<form class="loket-form" method="post" action="${view.uuid ? FINANCIEN_PATHS.maatregel(view.uuid) : `${FINANCIEN_PATHS.maatregelen}/nieuw`}" novalidate>
${csrfField(view.csrfToken)}
${tekstveld({ id: 'naam', label: 'Naam', waarden, errors, verplicht: true })}
${keuzelijst({ id: 'soort', label: 'Soort', waarden, errors, opties: MAATREGEL_SOORTEN.map((item) => ({ value: item.soort, label: item.label })) })}
${tekstvak({ id: 'omschrijving', label: 'Omschrijving', waarden, errors })}
${keuzelijst({ id: 'status', label: 'Status', waarden, errors, opties: MAATREGEL_STATUSSEN.map((item) => ({ value: item.status, label: item.label })) })}
${keuzelijst({ id: 'haalbaarheid', label: 'Haalbaarheid', waarden, errors, opties: HAALBAARHEDEN.map((item) => ({ value: item.haalbaarheid, label: item.label })) })}
${keuzerondjes({ id: 'effect_op', legend: 'Wat verandert de maatregel?', waarden, errors, opties: [{ value: 'lasten', label: 'Lagere lasten' }, { value: 'baten', label: 'Hogere baten' }] })}
${keuzerondjes({ id: 'structureel', legend: 'Aard van het voordeel', waarden, errors, opties: [{ value: 'ja', label: 'Structureel' }, { value: 'nee', label: 'Incidenteel' }] })}
${tekstveld({ id: 'taakveld', label: 'Taakveld', waarden, errors, hint: 'Het Iv3-taakveld, bijvoorbeeld 6.1.' })}
<fieldset class="financien-groep"><legend>Voordeel per jaar (euro, positief verbetert het saldo)</legend>
${view.jaren.map((jaar) => tekstveld({ id: `bedrag_${jaar}`, label: String(jaar), waarden, errors, inputmode: 'decimal' }))}
</fieldset>
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.maatregelen}">Terug naar de maatregelen</a></p>`,
  });
}
