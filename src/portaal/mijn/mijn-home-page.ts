import type { Tenant } from '../../platform/database/schema.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { portaalPage } from '../portaal-page.ts';
import { MIJN_PATHS } from './portaal-links.ts';
import type { LopendeAanvraag } from '../../formulieren/lopende-aanvragen.ts';
import { productPath } from '../paths.ts';
import { formatMoment, formatMomentDay } from './dates.ts';

/** What the home of Mijn omgeving counts. */
export interface MijnOverzicht {
  lopendeZaken: number;
  afgerondeZaken: number;
  ongelezenBerichten: number;
  openDocumentverzoeken: number;
  /** Aanvragen saved to continue later, not yet sent. */
  lopendeAanvragen: LopendeAanvraag[];
}

/** Saved aanvragen with the way back into each; nothing when there are none. */
function savedAanvragen(aanvragen: readonly LopendeAanvraag[]): SafeHtml {
  if (aanvragen.length === 0) return html``;
  return html`<section aria-labelledby="lopende-aanvragen">
<h2 class="utrecht-heading-2" id="lopende-aanvragen">Nog niet verstuurde aanvragen</h2>
<ul class="mijn-zaken">
${aanvragen.map(
  (aanvraag) => html`<li class="mijn-zaak">
<h3 class="utrecht-heading-3">${aanvraag.productSlug ? html`<a class="utrecht-link" href="${productPath(aanvraag.productSlug)}/aanvragen">${aanvraag.titel}: verder invullen</a>` : aanvraag.titel}</h3>
<p class="utrecht-paragraph">Opgeslagen op ${formatMoment(aanvraag.bijgewerktOp)}. Wij bewaren uw antwoorden tot ${formatMomentDay(aanvraag.verlooptOp)}.</p>
</li>
`,
)}</ul>
</section>`;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `GET /mijn`: a greeting, what needs attention, and the way to zaken and berichten. */
export function mijnHomePage(tenant: Tenant, resident: ResidentIdentity, overzicht: MijnOverzicht): SafeHtml {
  const naam = resident.naam === '' ? (resident.soort === 'kvk' ? 'ondernemer' : 'inwoner') : resident.naam;
  return portaalPage({
    tenant,
    title: 'Mijn omgeving',
    resident,
    body: html`<h1 class="utrecht-heading-1">Mijn omgeving</h1>
<p class="utrecht-paragraph">Welkom, ${naam}. Hier ziet u uw zaken bij ${tenant.name} en de berichten daarover.</p>
<ul class="mijn-tegels">
<li class="mijn-tegel">
<h2 class="utrecht-heading-2"><a class="utrecht-link" href="${MIJN_PATHS.zaken}">Mijn zaken</a></h2>
<p class="utrecht-paragraph">${count(overzicht.lopendeZaken, 'lopende zaak', 'lopende zaken')}, ${count(overzicht.afgerondeZaken, 'afgeronde zaak', 'afgeronde zaken')}.</p>
${overzicht.openDocumentverzoeken > 0 ? html`<p class="utrecht-paragraph mijn-aandacht">Wij vragen u om ${count(overzicht.openDocumentverzoeken, 'document', 'documenten')}. U ziet bij de zaak welk document.</p>` : ''}
</li>
<li class="mijn-tegel">
<h2 class="utrecht-heading-2"><a class="utrecht-link" href="${MIJN_PATHS.berichten}">Mijn berichten</a></h2>
<p class="utrecht-paragraph${overzicht.ongelezenBerichten > 0 ? ' mijn-aandacht' : ''}">${overzicht.ongelezenBerichten === 0 ? 'U heeft geen ongelezen berichten.' : `U heeft ${count(overzicht.ongelezenBerichten, 'ongelezen bericht', 'ongelezen berichten')}.`}</p>
</li>
</ul>
${savedAanvragen(overzicht.lopendeAanvragen)}`,
  });
}
