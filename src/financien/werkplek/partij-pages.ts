import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { VeldFout } from '../formulier/velden.ts';
import { koppelingTekst, type BijdrageKoppeling, type BijdragenInBegroting } from '../verbonden-partijen/bijdrage-koppelingen.ts';
import { VERBONDEN_PARTIJ_SOORTEN, type VerbondenPartij } from '../verbonden-partijen/verbonden-partijen.ts';
import { centenTekst, financienPagina, foutoverzicht, keuzelijst, melding, tekstveld, tekstvak, type Toegang } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';

const SOORT_LABEL = new Map(VERBONDEN_PARTIJ_SOORTEN.map((item) => [item.soort, item.label]));

function partijSectie(partij: VerbondenPartij, bijdragen: Map<number, number> | undefined, zonderRegels: readonly BijdrageKoppeling[], jaren: readonly number[], beheer: boolean): SafeHtml {
  const id = `partij-${partij.uuid}`;
  return html`<section class="financien-partij" aria-labelledby="${id}">
<h2 class="utrecht-heading-2" id="${id}">${partij.naam}</h2>
<dl class="financien-gegevens">
<dt>Soort</dt><dd>${SOORT_LABEL.get(partij.soort) ?? partij.soort}</dd>
<dt>Vestigingsplaats</dt><dd>${partij.vestigingsplaats || '–'}</dd>
<dt>Openbaar belang</dt><dd>${partij.openbaarBelang || '–'}</dd>
<dt>Bestuurlijk belang</dt><dd>${partij.bestuurlijkBelang || '–'}</dd>
<dt>Financieel belang</dt><dd>${partij.financieelBelang || '–'}</dd>
<dt>Risico\u2019s</dt><dd>${partij.risicos || '–'}</dd>
</dl>
<div class="loket-table-scroll" role="region" aria-labelledby="${id}-cijfers" tabindex="0">
<table class="financien-tabel">
<caption id="${id}-cijfers">Vermogen en resultaat${partij.jaar ? ` ${partij.jaar}` : ''}</caption>
<thead><tr><th scope="col"></th><th scope="col" class="financien-bedrag">Begin van het jaar</th><th scope="col" class="financien-bedrag">Eind van het jaar</th></tr></thead>
<tbody><tr><th scope="row">Eigen vermogen</th><td class="financien-bedrag">${centenTekst(partij.eigenVermogenBegin)}</td><td class="financien-bedrag">${centenTekst(partij.eigenVermogenEind)}</td></tr>
<tr><th scope="row">Vreemd vermogen</th><td class="financien-bedrag">${centenTekst(partij.vreemdVermogenBegin)}</td><td class="financien-bedrag">${centenTekst(partij.vreemdVermogenEind)}</td></tr>
<tr><th scope="row">Resultaat</th><td></td><td class="financien-bedrag">${centenTekst(partij.resultaat)}</td></tr></tbody>
</table>
</div>
${partij.bijdrage.length === 0
  ? html`<p class="utrecht-paragraph">Geen bijdrage in de begroting gekoppeld.</p>`
  : html`<div class="loket-table-scroll" role="region" aria-labelledby="${id}-bijdrage" tabindex="0">
<table class="financien-tabel">
<caption id="${id}-bijdrage">Bijdrage in de begroting, lasten min baten (begrotingsregels met ${partij.bijdrage.map(koppelingTekst).join('; of ')})</caption>
<thead><tr>${jaren.map((jaar) => html`<th scope="col" class="financien-bedrag">${jaar}</th>`)}</tr></thead>
<tbody><tr>${jaren.map((jaar) => html`<td class="financien-bedrag">${centenTekst(bijdragen?.get(jaar) ?? 0)}</td>`)}</tr></tbody>
</table>
</div>
${zonderRegels.length > 0 ? html`<p class="financien-waarschuwing utrecht-paragraph">Let op: geen begrotingsregel past bij ${zonderRegels.map(koppelingTekst).join('; ')}. Controleer de koppeling${beheer ? ' bij het wijzigen van de partij' : ''}.</p>` : ''}`}
${beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.partij(partij.uuid)}">${partij.naam} wijzigen</a></p>` : ''}
</section>`;
}

/** The verbonden partijen with their interests, figures and their contribution in the budget. */
export function partijenPage(view: { tenantName: string; toegang: Toegang; partijen: VerbondenPartij[]; bijdragen: BijdragenInBegroting; jaren: number[]; melding?: string }): SafeHtml {
  return financienPagina({
    title: 'Verbonden partijen',
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.partijen,
    toegang: view.toegang,
    body: html`<h1 class="utrecht-heading-1">Verbonden partijen</h1>
${melding(view.melding)}
${view.toegang.beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.partijen}/nieuw">Nieuwe verbonden partij</a></p>` : ''}
${view.partijen.length === 0 ? html`<p class="utrecht-paragraph">Er zijn nog geen verbonden partijen geregistreerd.</p>` : ''}
${view.partijen.map((partij) => partijSectie(partij, view.bijdragen.bedragen.get(partij.uuid), view.bijdragen.zonderRegels.get(partij.uuid) ?? [], view.jaren, view.toegang.beheer))}`,
  });
}

/** Add or edit a verbonden partij. */
export function partijFormPage(view: { tenantName: string; csrfToken: string; uuid?: string; waarden: Record<string, string | undefined>; errors: VeldFout[]; koppelingRijen: number }): SafeHtml {
  const title = view.uuid ? 'Verbonden partij wijzigen' : 'Nieuwe verbonden partij';
  const { waarden, errors } = view;
  const bedrag = (id: string, label: string) => tekstveld({ id, label, waarden, errors, inputmode: 'decimal' });
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: '',
    toegang: { beheer: true },
    fouten: errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${foutoverzicht(errors)}
<form class="loket-form" method="post" action="${view.uuid ? FINANCIEN_PATHS.partij(view.uuid) : `${FINANCIEN_PATHS.partijen}/nieuw`}" novalidate>
${csrfField(view.csrfToken)}
${tekstveld({ id: 'naam', label: 'Naam', waarden, errors, verplicht: true })}
${tekstveld({ id: 'vestigingsplaats', label: 'Vestigingsplaats', waarden, errors })}
${keuzelijst({ id: 'soort', label: 'Soort', waarden, errors, opties: VERBONDEN_PARTIJ_SOORTEN.map((item) => ({ value: item.soort, label: item.label })) })}
${tekstvak({ id: 'openbaar_belang', label: 'Openbaar belang', waarden, errors })}
${tekstvak({ id: 'bestuurlijk_belang', label: 'Bestuurlijk belang', waarden, errors })}
${tekstvak({ id: 'financieel_belang', label: 'Financieel belang', waarden, errors })}
<fieldset class="financien-groep"><legend>Vermogen en resultaat (euro)</legend>
${tekstveld({ id: 'jaar', label: 'Jaar van de cijfers', waarden, errors, inputmode: 'numeric' })}
${bedrag('eigen_vermogen_begin', 'Eigen vermogen begin van het jaar')}
${bedrag('eigen_vermogen_eind', 'Eigen vermogen eind van het jaar')}
${bedrag('vreemd_vermogen_begin', 'Vreemd vermogen begin van het jaar')}
${bedrag('vreemd_vermogen_eind', 'Vreemd vermogen eind van het jaar')}
${bedrag('resultaat', 'Resultaat')}
</fieldset>
${tekstvak({ id: 'risicos', label: 'Risico\u2019s', waarden, errors })}
<fieldset class="financien-groep" aria-describedby="bijdrage-uitleg"><legend>Bijdrage in de begroting</legend>
<p class="loket-hint" id="bijdrage-uitleg">Welke begrotingsregels de bijdrage aan deze partij vormen. Kies het taakveld waarop de bijdrage staat en maak de keuze zo nodig smaller met de economische categorie (bij een gemeenschappelijke regeling meestal 4.4) of de omschrijving van de begrotingsregel. Een regel die bij een van de koppelingen past, telt mee. Laat een rij leeg als u haar niet nodig hebt.</p>
${Array.from({ length: view.koppelingRijen }, (_, index) => {
      const rij = index + 1;
      return html`<fieldset class="financien-groep"><legend>Koppeling ${rij}</legend>
${tekstveld({ id: `bijdrage_${rij}_taakveld`, label: 'Taakveld', waarden, errors, hint: 'Iv3-taakveld, bijvoorbeeld 7.1.' })}
${tekstveld({ id: `bijdrage_${rij}_categorie`, label: 'Economische categorie', waarden, errors, hint: 'Bijvoorbeeld 4.4. Leeg: elke categorie.' })}
${tekstveld({ id: `bijdrage_${rij}_omschrijving`, label: 'Omschrijving van de begrotingsregel', waarden, errors, hint: 'Hoofdletters tellen niet. Leeg: elke omschrijving.' })}
</fieldset>`;
    })}
</fieldset>
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.partijen}">Terug naar de verbonden partijen</a></p>`,
  });
}
