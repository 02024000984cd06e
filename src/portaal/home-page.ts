import type { Tenant } from '../platform/database/schema.ts';
import type { UsedProduct } from '../kennisbank/zoeklog/most-used.ts';
import { html, type SafeHtml } from '../platform/http/html.ts';
import { contactOptions, telHref } from './contact-options.ts';
import { portaalPage } from './portaal-page.ts';
import { productPath } from './paths.ts';

/** The top tasks: cards linking to the products people use most. */
export function topTasks(products: readonly UsedProduct[], headingId: string): SafeHtml {
  return html`<ul class="portaal-taken" aria-labelledby="${headingId}">
${products.map((product) => html`<li><a href="${productPath(product.slug)}"><span class="portaal-taak-titel">${product.titel}</span>${product.samenvatting}</a></li>
`)}</ul>`;
}

/** The search box of the home page and the results page: a labelled field and a button, a plain GET form. */
export function searchForm(q: string, label: string): SafeHtml {
  return html`<form class="portaal-zoeken" action="/zoeken" method="get" role="search" aria-label="Zoeken op de website">
<label for="zoekvraag">${label}</label>
<div class="portaal-zoekregel">
<input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="zoekvraag" name="q" value="${q}" maxlength="200" autocomplete="off" aria-describedby="zoekvraag-hint">
<button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button>
</div>
<p class="utrecht-paragraph" id="zoekvraag-hint">Bijvoorbeeld: paspoort, verhuizen of afvalcontainer.</p>
</form>`;
}

/** `GET /`: the municipality's name, the search box, the most-used products and the ways to get in touch. */
export function homePage(tenant: Tenant, products: readonly UsedProduct[]): SafeHtml {
  const contact = contactOptions(tenant);
  return portaalPage({
    tenant,
    title: 'Home',
    searchInHeader: false,
    body: html`<h1 class="utrecht-heading-1">Welkom bij ${tenant.name}</h1>
<p class="utrecht-paragraph">Hier regelt u zaken met de gemeente. Zoek wat u nodig heeft, of kies hieronder.</p>
${searchForm('', 'Waar bent u naar op zoek?')}
${products.length > 0 ? html`<h2 class="utrecht-heading-2" id="veelgezocht">Veel gezocht</h2>
${topTasks(products, 'veelgezocht')}` : ''}
<h2 class="utrecht-heading-2" id="contact">Contact met de gemeente</h2>
<p class="utrecht-paragraph">Komt u er niet uit? Wij helpen u graag.</p>
<ul class="portaal-contact" aria-labelledby="contact">
<li><strong>Bellen</strong><a class="utrecht-link" href="${telHref(contact.telefoon)}">${contact.telefoon}</a><br>${contact.telefoonTijden}</li>
<li><strong>Langskomen</strong>${contact.balie} Maak online of telefonisch een afspraak.</li>
<li><strong>E-mail</strong><a class="utrecht-link" href="mailto:${contact.email}">${contact.email}</a><br>U krijgt binnen 2 werkdagen antwoord.</li>
<li><strong>Chatten</strong>${contact.chatTijden}</li>
</ul>`,
  });
}
