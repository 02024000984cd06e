import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, SafeHtml } from '../../platform/http/html.ts';
import { SECTIE_TITELS, SECTIES } from '../../kennisbank/producten/content.ts';
import type { PublishedProduct } from '../../kennisbank/producten/service.ts';
import type { KccContactRow } from './contacten-repository.ts';
import { kccPage, openContactenWissel } from './kcc-layout.ts';
import { contactPath, KCC_PATH } from './kcc-paden.ts';

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });

/**
 * A kennisbank answer as the KCC reads it: the public text and, on top, the internal KCC note that the portal never
 * shows. The stored texts are sanitised HTML (src/kennisbank/producten/content.ts), so they are shown as they are.
 */
export function antwoordPage(view: { tenantName: string; staff: StaffIdentity; product: PublishedProduct; contact?: KccContactRow; open: readonly KccContactRow[] }): SafeHtml {
  const inhoud = view.product.inhoud;
  const terug = view.contact ? contactPath(view.contact.klantcontact_uuid) : KCC_PATH;
  return kccPage({
    title: inhoud.titel,
    tenantName: view.tenantName,
    staff: view.staff,
    path: `${KCC_PATH}/antwoorden/${view.product.slug}`,
    body: html`${openContactenWissel(view.open, view.contact?.klantcontact_uuid)}
<p class="utrecht-paragraph"><a href="${terug}">Terug naar het contact</a></p>
<h1 class="utrecht-heading-1">${inhoud.titel}</h1>
<p class="utrecht-paragraph"><strong>${inhoud.samenvatting}</strong></p>
${inhoud.interneNotitie ? html`<section class="loket-kcc-notitie" aria-labelledby="notitie-titel"><h2 class="utrecht-heading-2" id="notitie-titel">KCC-notitie (intern)</h2>${new SafeHtml(inhoud.interneNotitie)}</section>` : ''}
${SECTIES.filter((sectie) => inhoud.secties[sectie] !== '').map((sectie) => html`<h2 class="utrecht-heading-2">${SECTIE_TITELS[sectie]}</h2>${new SafeHtml(inhoud.secties[sectie])}`)}
${
  inhoud.kostenbedragen.length > 0
    ? html`<h2 class="utrecht-heading-2">Bedragen</h2><ul>${inhoud.kostenbedragen.map((bedrag) => html`<li>${bedrag.omschrijving}: ${EURO.format(bedrag.bedragInCenten / 100)}</li>`)}</ul>`
    : ''
}
${
  inhoud.vraagAntwoord.length > 0
    ? html`<h2 class="utrecht-heading-2">Vragen en antwoorden</h2>${inhoud.vraagAntwoord.map((item) => html`<h3 class="utrecht-heading-3">${item.vraag}</h3>${new SafeHtml(item.antwoord)}`)}`
    : ''
}
<p class="utrecht-paragraph"><a href="${terug}">Terug naar het contact</a></p>`,
  });
}
