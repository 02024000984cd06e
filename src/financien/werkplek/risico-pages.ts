import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { VeldFout } from '../formulier/velden.ts';
import type { VerbondenPartij } from '../verbonden-partijen/verbonden-partijen.ts';
import type { Risico } from '../weerstand/risicos.ts';
import { centenTekst, financienPagina, foutoverzicht, keuzelijst, keuzerondjes, melding, tekstveld, tekstvak, type Toegang } from './opmaak.ts';
import { FINANCIEN_PATHS } from './paden.ts';

const KANS = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** The risk register: every risk with its chance, impact and expected loss, largest first. */
export function risicosPage(view: { tenantName: string; toegang: Toegang; risicos: Risico[]; melding?: string }): SafeHtml {
  return financienPagina({
    title: 'Risico\u2019s',
    tenantName: view.tenantName,
    huidig: FINANCIEN_PATHS.risicos,
    toegang: view.toegang,
    body: html`<h1 class="utrecht-heading-1">Risicoregister</h1>
${melding(view.melding)}
${view.toegang.beheer ? html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.risicos}/nieuw">Nieuw risico</a></p>` : ''}
${view.risicos.length === 0 ? html`<p class="utrecht-paragraph">Er zijn nog geen risico\u2019s geregistreerd.</p>` : html`<div class="loket-table-scroll" role="region" aria-labelledby="risicos-titel" tabindex="0">
<table class="financien-tabel">
<caption id="risicos-titel">${view.risicos.length} risico\u2019s, grootste verwachte schade (kans maal impact) eerst</caption>
<thead><tr><th scope="col">Risico</th><th scope="col" class="financien-bedrag">Kans</th><th scope="col" class="financien-bedrag">Impact</th><th scope="col" class="financien-bedrag">Kans × impact</th><th scope="col">Aard</th><th scope="col">Eigenaar</th><th scope="col">Verbonden partij</th></tr></thead>
<tbody>${view.risicos.map(
        (risico) => html`<tr><th scope="row">${view.toegang.beheer ? html`<a class="utrecht-link" href="${FINANCIEN_PATHS.risico(risico.uuid)}">${risico.naam}</a>` : risico.naam}${risico.beheersmaatregel ? html`<br><span class="financien-klein">Beheersmaatregel: ${risico.beheersmaatregel}</span>` : ''}</th>
<td class="financien-bedrag">${KANS.format(risico.kansProcent)}%</td><td class="financien-bedrag">${centenTekst(risico.impactCenten)}</td><td class="financien-bedrag">${centenTekst(Math.round((risico.kansProcent / 100) * risico.impactCenten))}</td>
<td>${risico.structureel ? 'structureel' : 'incidenteel'}</td><td>${risico.eigenaar}</td><td>${risico.verbondenPartijNaam ?? ''}</td></tr>`,
      )}</tbody>
</table>
</div>`}`,
  });
}

/** Add or edit a risk. */
export function risicoFormPage(view: { tenantName: string; csrfToken: string; uuid?: string; waarden: Record<string, string | undefined>; errors: VeldFout[]; partijen: VerbondenPartij[] }): SafeHtml {
  const title = view.uuid ? 'Risico wijzigen' : 'Nieuw risico';
  const { waarden, errors } = view;
  return financienPagina({
    title,
    tenantName: view.tenantName,
    huidig: '',
    toegang: { beheer: true },
    fouten: errors.length > 0,
    body: html`<h1 class="utrecht-heading-1">${title}</h1>
${foutoverzicht(errors)}
<form class="loket-form" method="post" action="${view.uuid ? FINANCIEN_PATHS.risico(view.uuid) : `${FINANCIEN_PATHS.risicos}/nieuw`}" novalidate>
${csrfField(view.csrfToken)}
${tekstveld({ id: 'naam', label: 'Risico', waarden, errors, verplicht: true })}
${tekstvak({ id: 'oorzaak', label: 'Oorzaak', waarden, errors })}
${tekstvak({ id: 'gevolg', label: 'Gevolg', waarden, errors })}
${tekstveld({ id: 'kans', label: 'Kans dat het risico zich binnen een jaar voordoet (%)', waarden, errors, verplicht: true, inputmode: 'decimal', hint: 'Een percentage van 0 tot en met 100, bijvoorbeeld 25 of 12,5.' })}
${tekstveld({ id: 'impact', label: 'Financiële impact (euro)', waarden, errors, verplicht: true, inputmode: 'decimal', hint: 'Het bedrag als het risico zich voordoet, bijvoorbeeld 250000 of 1.250.000,00.' })}
${keuzerondjes({ id: 'structureel', legend: 'Aard van het risico', waarden, errors, opties: [{ value: 'nee', label: 'Incidenteel' }, { value: 'ja', label: 'Structureel' }] })}
${tekstveld({ id: 'eigenaar', label: 'Eigenaar', waarden, errors })}
${tekstvak({ id: 'beheersmaatregel', label: 'Beheersmaatregel', waarden, errors })}
${keuzelijst({ id: 'verbonden_partij', label: 'Verbonden partij', waarden, errors, opties: [{ value: '', label: 'Geen' }, ...view.partijen.map((partij) => ({ value: partij.uuid, label: partij.naam }))] })}
<button type="submit" class="loket-button">Opslaan</button>
</form>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${FINANCIEN_PATHS.risicos}">Terug naar het risicoregister</a></p>`,
  });
}
