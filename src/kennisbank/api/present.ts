import { SECTIE_TITELS, SECTIES } from '../producten/content.ts';
import type { PublishedProduct } from '../producten/service.ts';
import type { ZoekAntwoord } from '../zoeken/service.ts';

/** Where a product's page is on the tenant's site (served by the residents' portal). */
export const PRODUCT_PAGE_PATH = '/producten';
/** The public kennisbank API. */
export const KENNISBANK_API_ROOT = '/kennisbank/api/v1';

/** The site root of the request's host, e.g. `https://loket.voorbeeld.nl`. */
export function siteBase(request: { protocol: string; host: string }): string {
  return `${request.protocol}://${request.host}`;
}

/** A search answer as the public API returns it (the KCC-only internal note never appears here). */
export function presentZoekAntwoord(base: string, answer: ZoekAntwoord, page: { page: number; pageSize: number; query: URLSearchParams }) {
  const link = (target: number) => {
    const query = new URLSearchParams(page.query);
    query.set('page', String(target));
    return `${base}${KENNISBANK_API_ROOT}/zoeken?${query.toString()}`;
  };
  return {
    count: answer.count,
    next: page.page * page.pageSize < answer.count ? link(page.page + 1) : null,
    previous: page.page > 1 ? link(page.page - 1) : null,
    zoekopdracht: answer.zoekopdracht ?? null,
    results: answer.results.map((result) => ({
      titel: result.titel,
      samenvatting: result.samenvatting,
      snippet: result.snippet,
      url: `${base}${PRODUCT_PAGE_PATH}/${result.slug}`,
      product: `${base}${KENNISBANK_API_ROOT}/producten/${result.slug}`,
      slug: result.slug,
      doelgroepen: result.doelgroepen,
      aanvraagkanalen: result.aanvraagkanalen,
    })),
  };
}

/** A published product as the public API returns it: the sections in page order with their headings. */
export function presentProduct(base: string, product: PublishedProduct) {
  const { inhoud } = product;
  return {
    slug: product.slug,
    url: `${base}${PRODUCT_PAGE_PATH}/${product.slug}`,
    versie: product.versienummer,
    uplNaam: inhoud.uplNaam,
    titel: inhoud.titel,
    samenvatting: inhoud.samenvatting,
    doelgroepen: inhoud.doelgroepen,
    aanvraagkanalen: inhoud.aanvraagkanalen,
    secties: SECTIES.filter((sectie) => inhoud.secties[sectie] !== '').map((sectie) => ({ sectie, titel: SECTIE_TITELS[sectie], html: inhoud.secties[sectie] })),
    kostenbedragen: inhoud.kostenbedragen,
    vraagAntwoord: inhoud.vraagAntwoord,
    gerelateerd: product.gerelateerd.map((item) => ({ slug: item.slug, titel: item.titel, url: `${base}${PRODUCT_PAGE_PATH}/${item.slug}` })),
    zaaktypeIdentificatie: inhoud.zaaktypeIdentificatie,
    publicatiedatum: inhoud.publicatiedatum,
  };
}
