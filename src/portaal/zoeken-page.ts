import type { Tenant } from '../platform/database/schema.ts';
import type { ZoekAntwoord } from '../kennisbank/zoeken/service.ts';
import type { UsedProduct } from '../kennisbank/zoeklog/most-used.ts';
import { html, SafeHtml } from '../platform/http/html.ts';
import { searchForm, topTasks } from './home-page.ts';
import { portaalPage } from './portaal-page.ts';
import { productPath } from './paths.ts';

export interface ZoekPagina {
  q: string;
  pagina: number;
  pageSize: number;
  answer: ZoekAntwoord | undefined;
  /** The logged search of page 1, carried to the next pages so their clicks count for it. */
  zoekopdracht: string | undefined;
  suggestions: readonly UsedProduct[];
}

/** Where a result links: through the click route when the search was logged, else straight to the product. */
function resultHref(slug: string, positie: number, zoekopdracht: string | undefined): string {
  if (zoekopdracht === undefined) return productPath(slug);
  return `/zoeken/klik?${new URLSearchParams({ zoekopdracht, product: slug, positie: String(positie) }).toString()}`;
}

function pageHref(q: string, pagina: number, zoekopdracht: string | undefined): string {
  const params = new URLSearchParams({ q });
  if (pagina > 1) params.set('pagina', String(pagina));
  if (pagina > 1 && zoekopdracht !== undefined) params.set('zoekopdracht', zoekopdracht);
  return `/zoeken?${params.toString()}`;
}

/** Links to the other pages of results: previous, a window of numbers, next. Plain links, no script. */
function pagination(view: ZoekPagina, count: number): SafeHtml {
  const pages = Math.ceil(count / view.pageSize);
  if (pages <= 1) return html``;
  const first = Math.max(1, view.pagina - 3);
  const last = Math.min(pages, first + 6);
  const numbers = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  return html`<nav aria-label="Paginering">
<ul class="portaal-paginering">
${view.pagina > 1 ? html`<li><a href="${pageHref(view.q, view.pagina - 1, view.zoekopdracht)}" rel="prev">Vorige<span class="loket-visually-hidden"> pagina</span></a></li>` : ''}
${numbers.map((number) =>
  number === view.pagina
    ? html`<li><span aria-current="page"><span class="loket-visually-hidden">Pagina </span>${number}</span></li>`
    : html`<li><a href="${pageHref(view.q, number, view.zoekopdracht)}"><span class="loket-visually-hidden">Pagina </span>${number}</a></li>`,
)}
${view.pagina < pages ? html`<li><a href="${pageHref(view.q, view.pagina + 1, view.zoekopdracht)}" rel="next">Volgende<span class="loket-visually-hidden"> pagina</span></a></li>` : ''}
</ul>
</nav>`;
}

function suggestions(view: ZoekPagina): SafeHtml {
  if (view.suggestions.length === 0) return html``;
  return html`<h2 class="utrecht-heading-2" id="suggesties">Misschien zoekt u een van deze onderwerpen</h2>
${topTasks(view.suggestions, 'suggesties')}`;
}

/** `GET /zoeken`: the search box, how many results, the results with highlighted snippets and page links. */
export function zoekenPage(tenant: Tenant, view: ZoekPagina): SafeHtml {
  const { answer } = view;
  let body: SafeHtml;
  if (answer === undefined) {
    body = html`<h1 class="utrecht-heading-1">Zoeken</h1>
${searchForm(view.q, 'Waar bent u naar op zoek?')}
${suggestions(view)}`;
  } else if (answer.count === 0) {
    body = html`<h1 class="utrecht-heading-1">Zoeken</h1>
${searchForm(view.q, 'Zoek opnieuw')}
<div role="status">
<p class="utrecht-paragraph"><strong>Wij hebben niets gevonden voor ‘${view.q}’.</strong></p>
<ul class="utrecht-unordered-list">
<li>Controleer de spelling.</li>
<li>Gebruik een ander of korter woord, bijvoorbeeld ‘paspoort’ in plaats van ‘nieuw paspoort aanvragen’.</li>
<li>Bel ons of kom langs: wij helpen u graag.</li>
</ul>
</div>
${suggestions(view)}`;
  } else {
    const start = (view.pagina - 1) * view.pageSize;
    const shown = answer.results.length === 0
      ? html`<p class="utrecht-paragraph">Deze pagina heeft geen resultaten meer. <a class="utrecht-link" href="${pageHref(view.q, 1, undefined)}">Naar de eerste pagina</a></p>`
      : html`<ol class="portaal-resultaten" start="${start + 1}">
${answer.results.map((result, index) => html`<li>
<h2><a class="utrecht-link" href="${resultHref(result.slug, start + index + 1, view.zoekopdracht)}">${result.titel}</a></h2>
<p class="utrecht-paragraph">${new SafeHtml(result.snippet)}</p>
</li>
`)}</ol>`;
    body = html`<h1 class="utrecht-heading-1">Zoekresultaten</h1>
${searchForm(view.q, 'Zoek opnieuw')}
<p class="utrecht-paragraph" role="status">${answer.count === 1 ? '1 resultaat' : `${answer.count} resultaten`} voor ‘${view.q}’${view.pagina > 1 ? `, pagina ${view.pagina}` : ''}.</p>
${shown}
${pagination(view, answer.count)}`;
  }
  const title = answer === undefined ? 'Zoeken' : `Zoekresultaten voor ‘${view.q}’${view.pagina > 1 ? ` (pagina ${view.pagina})` : ''}`;
  return portaalPage({ tenant, title, body, searchInHeader: false });
}
