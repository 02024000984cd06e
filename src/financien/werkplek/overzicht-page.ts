import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { JaarSaldo } from '../begroting/saldo.ts';
import type { EvenwichtStand, Toezichtsoordeel } from '../begroting/toezicht.ts';
import type { VersieOverzicht } from '../begroting/versie-lijst.ts';
import type { KengetallenJaar } from '../kengetallen/service.ts';
import type { SignaalbandenInstelling } from '../kengetallen/signaalbanden-instelling.ts';
import { datumTekst, financienPagina, type Toegang } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';
import { kengetallenTabel, saldoTabel } from './tabellen.ts';

/** Which budget the page shows: a year, and the adopted state on a day (one of its versions). */
export interface GekozenStand {
  begrotingsjaar: number;
  /** The version whose adoption date is the peildatum. */
  versie: VersieOverzicht;
}

export interface OverzichtView {
  tenantName: string;
  toegang: Toegang;
  jaren: number[];
  standen: VersieOverzicht[];
  gekozen: GekozenStand | undefined;
  saldi: JaarSaldo[];
  oordeel: Toezichtsoordeel | undefined;
  opschuivend: { waarschuwing: boolean; reeks: EvenwichtStand[]; toelichting: string };
  kengetallen: KengetallenJaar[];
  /** The signal bands the kengetallen are classed in: the tenant's own or the provincial table. */
  signaalbanden: SignaalbandenInstelling;
}

/** The query string that keeps the chosen budget and peildatum. */
export function standQuery(gekozen: GekozenStand): string {
  return `?jaar=${gekozen.begrotingsjaar}&peildatum=${gekozen.versie.vastgesteldOp}`;
}

function kiezer(view: OverzichtView): SafeHtml {
  if (!view.gekozen) return html``;
  const gekozen = view.gekozen;
  return html`<form class="loket-form loket-form--secondary financien-kiezer" method="get" action="${FINANCIEN_PATHS.overzicht}">
<div class="loket-form-field"><label for="jaar">Begrotingsjaar</label>
<select id="jaar" name="jaar">${view.jaren.map((jaar) => html`<option value="${String(jaar)}"${jaar === gekozen.begrotingsjaar ? html` selected` : ''}>${jaar}</option>`)}</select></div>
<div class="loket-form-field"><label for="peildatum">Zoals vastgesteld op</label>
<select id="peildatum" name="peildatum">${view.standen.map(
    (versie) => html`<option value="${versie.vastgesteldOp}"${versie.uuid === gekozen.versie.uuid ? html` selected` : ''}>${datumTekst(versie.vastgesteldOp)}: ${versie.naam}</option>`,
  )}</select></div>
<button type="submit" class="loket-button">Toon</button>
</form>`;
}

/**
 * The controller's (and the college's) overview of a budget: the structural balance per jaarschijf in the standard
 * presentation, the supervisor's verdict under the GTK 2020, the "opschuivend sluitend" warning, and the kengetallen
 * t−1 … t+3 with their signal classes.
 */
export function overzichtPage(view: OverzichtView): SafeHtml {
  const gekozen = view.gekozen;
  const title = gekozen ? `Begroting ${gekozen.begrotingsjaar}` : 'Begroting';
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.overzicht,
    toegang: view.toegang,
    body: gekozen === undefined
      ? html`<h1 class="utrecht-heading-1">Begroting</h1>
<p class="utrecht-paragraph">Er is nog geen begroting ingelezen.${view.toegang.beheer ? html` <a class="utrecht-link" href="${FINANCIEN_PATHS.importeren}">Importeer de primitieve begroting</a>.` : ''}</p>`
      : html`<h1 class="utrecht-heading-1">${title}</h1>
${kiezer(view)}
<p class="utrecht-paragraph">De begroting zoals vastgesteld op <strong>${datumTekst(gekozen.versie.vastgesteldOp)}</strong>: ${gekozen.versie.naam}${gekozen.versie.raadsbesluitNummer ? ` (raadsbesluit ${gekozen.versie.raadsbesluitNummer})` : ''} en alle eerdere versies.</p>
<section aria-labelledby="oordeel-titel" class="financien-oordeel financien-oordeel--${view.oordeel?.vorm ?? 'preventief'}">
<h2 class="utrecht-heading-2" id="oordeel-titel">Oordeel toezicht (GTK 2020): ${view.oordeel?.vorm === 'repressief' ? 'repressief toezicht' : 'preventief toezicht dreigt'}</h2>
<p class="utrecht-paragraph">${view.oordeel?.toelichting ?? ''}</p>
</section>
${view.opschuivend.waarschuwing ? html`<div class="financien-waarschuwing"><h2 class="utrecht-heading-2">Let op: opschuivend sluitend</h2><p class="utrecht-paragraph">${view.opschuivend.toelichting}</p></div>` : ''}
<h2 class="utrecht-heading-2">Structureel begrotingssaldo</h2>
${saldoTabel({ id: 'saldo-titel', caption: `Structureel begrotingssaldo per jaarschijf, begroting ${gekozen.begrotingsjaar}`, saldi: view.saldi })}
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.export}${standQuery(gekozen)}" download>Download de begroting per taakveld en categorie (CSV)</a> · <a class="utrecht-link" href="${FINANCIEN_PATHS.maatregelen}">Effect van voorgestelde maatregelen</a></p>
<h2 class="utrecht-heading-2">Kengetallen</h2>
${kengetallenTabel({
  id: 'kengetallen-titel',
  caption: `Financiële kengetallen ${gekozen.begrotingsjaar - 1} tot en met ${gekozen.begrotingsjaar + 3} met de signaalklasse ${view.signaalbanden.eigen ? 'volgens de eigen signaalwaarden van de gemeente' : 'van de provincie'} (A minst risicovol, C meest)`,
  jaren: view.kengetallen,
  banden: view.signaalbanden.banden,
})}
${view.toegang.beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.instellingen}">Signaalwaarden en waarderingstabel instellen</a></p>` : ''}
<h2 class="utrecht-heading-2">Jaar van structureel evenwicht per versie</h2>
<p class="utrecht-paragraph">${view.opschuivend.toelichting}</p>
<div class="loket-table-scroll" role="region" aria-labelledby="reeks-titel" tabindex="0">
<table class="financien-tabel">
<caption id="reeks-titel">Vanaf welk jaar elke vastgestelde versie structureel sluitend is</caption>
<thead><tr><th scope="col">Versie</th><th scope="col">Vastgesteld op</th><th scope="col">Structureel in evenwicht vanaf</th></tr></thead>
<tbody>${view.opschuivend.reeks.map((stand) => html`<tr><td>${stand.versie}</td><td>${datumTekst(stand.vastgesteldOp)}</td><td>${stand.jaarVanEvenwicht ?? 'niet binnen de meerjarenraming'}</td></tr>`)}</tbody>
</table>
</div>`,
  });
}
