import type { Tenant } from '../../platform/database/schema.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { portaalPage } from '../../portaal/portaal-page.ts';
import type { BegrotingInBeeld } from './cijfers.ts';
import { liggendeStaven, staandeStaven } from './grafiek.ts';

export const BEGROTING_IN_BEELD_PATH = '/begroting';
export const BEGROTING_CSV_PATH = '/begroting/begroting-in-beeld.csv';
export const BEGROTING_JSON_PATH = '/begroting/begroting-in-beeld.json';

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 });
const MILJOEN = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const AANTAL = new Intl.NumberFormat('nl-NL');

function euro(centen: number): string {
  return EURO.format(Math.round(centen / 100)).replace(/\u00a0/g, ' ');
}

function miljoen(centen: number): string {
  return `${MILJOEN.format(centen / 100_000_000)} miljoen`;
}

/** Cents per inhabitant, or null when the number of inhabitants is not known. */
export function perInwoner(centen: number, inwoners: number | null): number | null {
  return inwoners ? Math.round(centen / inwoners) : null;
}

function jaarLabel(jaar: { jaar: number; bron: string }): string {
  return jaar.bron === 'jaarrekening' ? `${jaar.jaar} (rekening)` : String(jaar.jaar);
}

/**
 * "Begroting in beeld": what the municipality spends, per inhabitant and per hoofdtaakveld, over the years. Each chart
 * is an SVG with a text alternative and the same figures in a table beside it; the figures can be downloaded.
 */
export function begrotingInBeeldPage(tenant: Tenant, cijfers: BegrotingInBeeld | undefined): SafeHtml {
  if (!cijfers) {
    return portaalPage({
      tenant,
      title: 'Begroting in beeld',
      body: html`<h1 class="utrecht-heading-1">Begroting in beeld</h1><p class="utrecht-paragraph">De begroting is nog niet gepubliceerd.</p>`,
    });
  }
  const t = cijfers.begrotingsjaar;
  const dit = cijfers.jaren.find((jaar) => jaar.jaar === t);
  const inwoners = dit?.inwoners ?? null;
  const perInwonerJaren = cijfers.jaren.map((jaar) => ({ ...jaar, perInwoner: perInwoner(jaar.lastenCenten, jaar.inwoners) }));
  const taakveldenDitJaar = cijfers.taakvelden.filter((item) => item.jaar === t && item.lastenCenten > 0).sort((a, b) => b.lastenCenten - a.lastenCenten);
  const grootste = taakveldenDitJaar[0];
  const hoofdtaakvelden = [...new Map(cijfers.taakvelden.map((item) => [item.hoofdtaakveld, item.naam])).entries()].sort(([a], [b]) => a.localeCompare(b, 'nl', { numeric: true }));
  const lasten = (jaar: number, hoofd: string) => cijfers.taakvelden.find((item) => item.jaar === jaar && item.hoofdtaakveld === hoofd)?.lastenCenten ?? 0;
  const jarenMetInwoners = perInwonerJaren.filter((jaar) => jaar.perInwoner !== null);

  return portaalPage({
    tenant,
    title: `Begroting in beeld ${t}`,
    body: html`<h1 class="utrecht-heading-1">Begroting in beeld ${t}</h1>
<p class="utrecht-paragraph portaal-samenvatting">In ${t} geeft ${tenant.name} ${dit ? miljoen(dit.lastenCenten) : 'een onbekend bedrag'} euro uit${inwoners ? html`: <strong>${dit ? euro(perInwoner(dit.lastenCenten, inwoners) ?? 0) : ''} per inwoner</strong> (${AANTAL.format(inwoners)} inwoners)` : ''}.${grootste ? ` Het meeste geld gaat naar ${grootste.naam.toLowerCase()}.` : ''}</p>
<p class="utrecht-paragraph">De cijfers komen uit de begroting ${t} zoals de gemeenteraad die heeft vastgesteld, met alle begrotingswijzigingen, en uit de jaarrekening van ${t - 1}. Bedragen zonder stortingen in en onttrekkingen uit reserves.</p>

<section class="bib-sectie" aria-labelledby="per-inwoner-kop">
<h2 class="utrecht-heading-2" id="per-inwoner-kop">Uitgaven per inwoner over de jaren</h2>
${jarenMetInwoners.length === 0 ? html`<p class="utrecht-paragraph">Het aantal inwoners is niet bekend.</p>` : html`<div class="bib-naast">
<figure class="bib-figuur">
${staandeStaven({
  id: 'grafiek-per-inwoner',
  titel: `Uitgaven per inwoner, ${jarenMetInwoners[0]?.jaar ?? ''} tot en met ${jarenMetInwoners[jarenMetInwoners.length - 1]?.jaar ?? ''}`,
  beschrijving: `Staafdiagram. ${jarenMetInwoners.map((jaar) => `${jaarLabel(jaar)}: ${euro(jaar.perInwoner ?? 0)} per inwoner`).join('; ')}.`,
  staven: jarenMetInwoners.map((jaar) => ({ label: jaarLabel(jaar), waarde: jaar.perInwoner ?? 0, tekst: euro(jaar.perInwoner ?? 0) })),
})}
<figcaption>Uitgaven per inwoner per jaar. De tabel ernaast bevat dezelfde cijfers.</figcaption>
</figure>
<div class="loket-table-scroll" role="region" aria-labelledby="tabel-per-inwoner" tabindex="0">
<table class="bib-tabel">
<caption id="tabel-per-inwoner">Uitgaven en inwoners per jaar</caption>
<thead><tr><th scope="col">Jaar</th><th scope="col" class="bib-bedrag">Uitgaven</th><th scope="col" class="bib-bedrag">Inwoners</th><th scope="col" class="bib-bedrag">Per inwoner</th></tr></thead>
<tbody>${perInwonerJaren.map((jaar) => html`<tr><th scope="row">${jaarLabel(jaar)}</th><td class="bib-bedrag">${euro(jaar.lastenCenten)}</td><td class="bib-bedrag">${jaar.inwoners === null ? '–' : AANTAL.format(jaar.inwoners)}</td><td class="bib-bedrag">${jaar.perInwoner === null ? '–' : euro(jaar.perInwoner)}</td></tr>`)}</tbody>
</table>
</div>
</div>`}
</section>

<section class="bib-sectie" aria-labelledby="per-taakveld-kop">
<h2 class="utrecht-heading-2" id="per-taakveld-kop">Waar gaat het geld in ${t} naartoe?</h2>
<div class="bib-naast">
<figure class="bib-figuur">
${liggendeStaven({
  id: 'grafiek-taakvelden',
  titel: `Uitgaven per taakveld in ${t}${inwoners ? ', per inwoner' : ''}`,
  beschrijving: `Staafdiagram, grootste eerst. ${taakveldenDitJaar.map((item) => `${item.naam}: ${inwoners ? `${euro(perInwoner(item.lastenCenten, inwoners) ?? 0)} per inwoner` : euro(item.lastenCenten)}`).join('; ')}.`,
  staven: taakveldenDitJaar.map((item) => {
    const waarde = inwoners ? (perInwoner(item.lastenCenten, inwoners) ?? 0) : item.lastenCenten;
    return { label: item.naam, waarde, tekst: euro(waarde) };
  }),
})}
<figcaption>Uitgaven per hoofdtaakveld in ${t}${inwoners ? ', per inwoner' : ''}. De tabel ernaast bevat dezelfde cijfers.</figcaption>
</figure>
<div class="loket-table-scroll" role="region" aria-labelledby="tabel-taakvelden" tabindex="0">
<table class="bib-tabel">
<caption id="tabel-taakvelden">Uitgaven per taakveld in ${t}</caption>
<thead><tr><th scope="col">Taakveld</th><th scope="col" class="bib-bedrag">Uitgaven</th><th scope="col" class="bib-bedrag">Per inwoner</th><th scope="col" class="bib-bedrag">Inkomsten</th></tr></thead>
<tbody>${taakveldenDitJaar.map((item) => html`<tr><th scope="row">${item.naam}</th><td class="bib-bedrag">${euro(item.lastenCenten)}</td><td class="bib-bedrag">${inwoners ? euro(perInwoner(item.lastenCenten, inwoners) ?? 0) : '–'}</td><td class="bib-bedrag">${euro(item.batenCenten)}</td></tr>`)}</tbody>
</table>
</div>
</div>
</section>

<section class="bib-sectie" aria-labelledby="over-jaren-kop">
<h2 class="utrecht-heading-2" id="over-jaren-kop">Uitgaven per taakveld over de jaren</h2>
<div class="loket-table-scroll" role="region" aria-labelledby="tabel-over-jaren" tabindex="0">
<table class="bib-tabel">
<caption id="tabel-over-jaren">Uitgaven per taakveld, ${t - 1} tot en met ${t + 3}</caption>
<thead><tr><th scope="col">Taakveld</th>${cijfers.jaren.map((jaar) => html`<th scope="col" class="bib-bedrag">${jaarLabel(jaar)}</th>`)}</tr></thead>
<tbody>${hoofdtaakvelden.map(([hoofd, naam]) => html`<tr><th scope="row">${naam}</th>${cijfers.jaren.map((jaar) => html`<td class="bib-bedrag">${euro(lasten(jaar.jaar, hoofd))}</td>`)}</tr>`)}
<tr class="bib-totaal"><th scope="row">Totaal</th>${cijfers.jaren.map((jaar) => html`<td class="bib-bedrag">${euro(jaar.lastenCenten)}</td>`)}</tr></tbody>
</table>
</div>
</section>

<section class="bib-sectie" aria-labelledby="downloads-kop">
<h2 class="utrecht-heading-2" id="downloads-kop">De cijfers downloaden</h2>
<ul class="utrecht-unordered-list">
<li><a class="utrecht-link" href="${BEGROTING_CSV_PATH}" download>Uitgaven en inkomsten per taakveld en jaar (CSV, voor een spreadsheet)</a></li>
<li><a class="utrecht-link" href="${BEGROTING_JSON_PATH}">Dezelfde cijfers als JSON (open data)</a></li>
</ul>
</section>`,
  });
}
