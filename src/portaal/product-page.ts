import type { Tenant } from '../platform/database/schema.ts';
import type { PublishedProduct } from '../kennisbank/producten/service.ts';
import { SECTIES, SECTIE_TITELS, type Aanvraagkanaal } from '../kennisbank/producten/content.ts';
import { MAX_REMARK_LENGTH } from '../kennisbank/zoeklog/service.ts';
import { csrfField } from '../platform/auth/csrf.ts';
import { html, SafeHtml } from '../platform/http/html.ts';
import { contactOptions, telHref } from './contact-options.ts';
import { formatEuro } from './euro.ts';
import { portaalPage } from './portaal-page.ts';
import { productPath } from './paths.ts';
import { afspraakLink } from '../afspraken/portaal/afspraak-pages.ts';
import type { ProductRow as AfspraakProduct } from '../afspraken/repository.ts';

/** The state of the "Was deze informatie nuttig?" form. */
export type BeoordelingState = { kind: 'form'; csrfToken: string; fout?: string; opmerking?: string } | { kind: 'bedankt' };

/** Sanitised HTML from the kennisbank (only paragraphs, lists, emphasis, links, h3/h4 survive the editor). */
function richText(value: string): SafeHtml {
  return new SafeHtml(value);
}

function otherWays(tenant: Tenant, kanalen: readonly Aanvraagkanaal[]): SafeHtml {
  const contact = contactOptions(tenant);
  const ways: SafeHtml[] = [];
  if (kanalen.includes('balie')) ways.push(html`<li>Aan de balie in het gemeentehuis. Maak eerst een afspraak.</li>`);
  if (kanalen.includes('telefoon')) ways.push(html`<li>Bel <a class="utrecht-link" href="${telHref(contact.telefoon)}">${contact.telefoon}</a>, ${contact.telefoonTijden}.</li>`);
  if (kanalen.includes('post')) ways.push(html`<li>Met een brief of formulier per post.</li>`);
  if (kanalen.includes('email')) ways.push(html`<li>Per e-mail naar <a class="utrecht-link" href="mailto:${contact.email}">${contact.email}</a>.</li>`);
  return ways.length === 0 ? html`` : html`<ul class="utrecht-unordered-list">${ways}</ul>`;
}

/** "Regel het online" when the product has an e-form, and the other ways to arrange it. */
function arrangeBlock(tenant: Tenant, product: PublishedProduct, eformulier: boolean): SafeHtml {
  const kanalen = product.inhoud.aanvraagkanalen;
  const online = kanalen.includes('online') && eformulier;
  const others = kanalen.filter((kanaal) => kanaal !== 'online');
  if (!online && others.length === 0) return html``;
  return html`<section class="portaal-regel" aria-labelledby="regelen">
<h2 class="utrecht-heading-2" id="regelen">${online ? 'Regel het online' : 'Zo regelt u het'}</h2>
${online ? html`<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${productPath(product.slug)}/aanvragen">${product.inhoud.titel}: online regelen</a>` : ''}
${others.length > 0 ? html`<p class="utrecht-paragraph">${online ? 'U kunt het ook op een andere manier regelen:' : 'U kunt het op deze manier regelen:'}</p>${otherWays(tenant, others)}` : ''}
</section>`;
}

function costs(product: PublishedProduct): SafeHtml {
  const text = product.inhoud.secties.kosten;
  const bedragen = product.inhoud.kostenbedragen;
  if (text === '' && bedragen.length === 0) return html``;
  return html`<section class="portaal-sectie" aria-labelledby="sectie-kosten">
<h2 class="utrecht-heading-2" id="sectie-kosten">${SECTIE_TITELS.kosten}</h2>
${richText(text)}
${bedragen.length > 0 ? html`<table class="portaal-kosten">
<caption class="loket-visually-hidden">Kosten van ${product.inhoud.titel}</caption>
<thead><tr><th scope="col">Wat</th><th scope="col">Bedrag</th></tr></thead>
<tbody>
${bedragen.map((bedrag) => html`<tr><th scope="row">${bedrag.omschrijving}</th><td class="portaal-bedrag">${formatEuro(bedrag.bedragInCenten)}</td></tr>
`)}</tbody>
</table>` : ''}
</section>`;
}

function sections(product: PublishedProduct): SafeHtml[] {
  return SECTIES.map((sectie) => {
    if (sectie === 'kosten') return costs(product);
    const text = product.inhoud.secties[sectie];
    if (text === '') return html``;
    return html`<section class="portaal-sectie" aria-labelledby="sectie-${sectie}">
<h2 class="utrecht-heading-2" id="sectie-${sectie}">${SECTIE_TITELS[sectie]}</h2>
${richText(text)}
</section>`;
  });
}

function questions(product: PublishedProduct): SafeHtml {
  if (product.inhoud.vraagAntwoord.length === 0) return html``;
  return html`<section class="portaal-sectie" aria-labelledby="vragen">
<h2 class="utrecht-heading-2" id="vragen">Veelgestelde vragen</h2>
<dl class="portaal-vragen">
${product.inhoud.vraagAntwoord.map((item) => html`<dt>${item.vraag}</dt><dd>${richText(item.antwoord)}</dd>
`)}</dl>
</section>`;
}

function related(product: PublishedProduct): SafeHtml {
  if (product.gerelateerd.length === 0) return html``;
  return html`<section class="portaal-sectie" aria-labelledby="gerelateerd">
<h2 class="utrecht-heading-2" id="gerelateerd">Zie ook</h2>
<ul class="utrecht-unordered-list">
${product.gerelateerd.map((item) => html`<li><a class="utrecht-link" href="${productPath(item.slug)}">${item.titel}</a></li>
`)}</ul>
</section>`;
}

function ratingForm(product: PublishedProduct, state: BeoordelingState): SafeHtml {
  if (state.kind === 'bedankt') {
    return html`<section class="portaal-beoordeling" id="beoordeling" aria-labelledby="beoordeling-kop">
<h2 class="utrecht-heading-2" id="beoordeling-kop">Bedankt voor uw reactie</h2>
<p class="utrecht-paragraph portaal-bedankt" role="status">Wij gebruiken uw reactie om deze informatie beter te maken.</p>
</section>`;
  }
  const fout = state.fout;
  return html`<section class="portaal-beoordeling" id="beoordeling" aria-labelledby="beoordeling-kop">
<h2 class="loket-visually-hidden" id="beoordeling-kop">Uw mening</h2>
<form action="${productPath(product.slug)}/beoordeling" method="post">
${csrfField(state.csrfToken)}
<fieldset${fout ? new SafeHtml(' aria-describedby="nuttig-fout"') : ''}>
<legend>Was deze informatie nuttig?</legend>
${fout ? html`<p class="portaal-fout" id="nuttig-fout">${fout}</p>` : ''}
<div class="portaal-keuze"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="nuttig-ja" name="nuttig" value="ja"><label for="nuttig-ja">Ja</label></div>
<div class="portaal-keuze"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="nuttig-nee" name="nuttig" value="nee"><label for="nuttig-nee">Nee</label></div>
</fieldset>
<label class="portaal-opmerking" for="opmerking">Wat kunnen wij beter maken? (niet verplicht)</label>
<p class="utrecht-paragraph" id="opmerking-hint">Schrijf hier geen persoonlijke gegevens, zoals uw naam of BSN. U krijgt geen antwoord op deze reactie.</p>
<textarea class="utrecht-textarea" id="opmerking" name="opmerking" maxlength="${MAX_REMARK_LENGTH}" aria-describedby="opmerking-hint">${state.opmerking ?? ''}</textarea>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Verstuur</button>
</form>
</section>`;
}

/**
 * `GET /producten/{slug}`: a published product as residents read it; `eformulier` when its zaaktype has a published
 * e-form, `afspraak` when residents can book it at the counter.
 */
export function productPage(tenant: Tenant, product: PublishedProduct, beoordeling: BeoordelingState, options: { eformulier?: boolean; afspraak?: AfspraakProduct } = {}): SafeHtml {
  const title = beoordeling.kind === 'form' && beoordeling.fout ? `Fout: ${product.inhoud.titel}` : product.inhoud.titel;
  return portaalPage({
    tenant,
    title,
    body: html`<article>
<h1 class="utrecht-heading-1">${product.inhoud.titel}</h1>
<p class="utrecht-paragraph portaal-samenvatting">${product.inhoud.samenvatting}</p>
${arrangeBlock(tenant, product, options.eformulier ?? false)}
${afspraakLink(options.afspraak)}
${sections(product)}
${questions(product)}
${related(product)}
</article>
${ratingForm(product, beoordeling)}`,
  });
}

/** The portal's own "not found" page: plain words and a way on. */
export function notFoundPage(tenant: Tenant): SafeHtml {
  return portaalPage({
    tenant,
    title: 'Pagina niet gevonden',
    body: html`<h1 class="utrecht-heading-1">Deze pagina bestaat niet</h1>
<p class="utrecht-paragraph">Misschien is de pagina verplaatst of weggehaald, of is het adres niet goed getypt.</p>
<ul class="utrecht-unordered-list">
<li><a class="utrecht-link" href="/">Ga naar de startpagina</a></li>
<li><a class="utrecht-link" href="/zoeken">Zoek wat u nodig heeft</a></li>
</ul>`,
  });
}
