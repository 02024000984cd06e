import { html, type SafeHtml } from '../../../platform/http/html.ts';
import type { ZaakSectie, ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { isoMoment, momentWeergave } from '../weergave.ts';
import { listZaakContactmomenten, type ZaakContactmoment } from './zaak-contactmomenten.ts';

/** The KCC's page of one contact (built by the KCC workspace). */
export function kccContactPad(klantcontactUuid: string): string {
  return `/medewerker/kcc/contacten/${klantcontactUuid}`;
}

const KANALEN: Readonly<Record<string, string>> = {
  telefoon: 'Telefoon',
  balie: 'Balie',
  email: 'E-mail',
  'e-mail': 'E-mail',
  chat: 'Chat',
  post: 'Post',
  sociale_media: 'Sociale media',
  'sociale media': 'Sociale media',
  website: 'Website',
};

function kanaalWeergave(kanaal: string): string {
  return KANALEN[kanaal.toLowerCase()] ?? (kanaal === '' ? 'Onbekend' : kanaal);
}

function rij(contact: ZaakContactmoment): SafeHtml {
  if (contact.extern !== undefined) {
    return html`<tr><td colspan="5">Contactmoment in een ander register: ${contact.extern}</td><td></td></tr>`;
  }
  const onderwerp = contact.onderwerp === '' ? 'Geen onderwerp' : contact.onderwerp;
  return html`<tr>
<td>${contact.plaatsgevondenOp === undefined ? '' : html`<time datetime="${isoMoment(contact.plaatsgevondenOp)}">${momentWeergave(contact.plaatsgevondenOp)}</time>`}</td>
<td>${kanaalWeergave(contact.kanaal)}</td>
<td>${onderwerp}</td>
<td>${contact.uitkomst === '' ? 'Niet vastgelegd' : contact.uitkomst}</td>
<td>${contact.door === '' ? 'Onbekend' : contact.door}</td>
<td>${contact.klantcontactUuid === undefined ? '' : html`<a href="${kccContactPad(contact.klantcontactUuid)}">Bekijken<span class="loket-visually-hidden"> contact: ${onderwerp}</span></a>`}</td>
</tr>`;
}

/** The contacts about the zaak on the zaak page, newest first, each linking to the KCC's contact page. */
export const contactmomentenSectie: ZaakSectie = {
  id: 'contactmomenten',
  titel: 'Contactmomenten',
  async render(ctx: ZaakSectieContext) {
    const contacten = await listZaakContactmomenten(ctx);
    return html`<section class="loket-sectie" id="contactmomenten" aria-labelledby="contactmomenten-kop">
<h2 class="utrecht-heading-2" id="contactmomenten-kop">Contactmomenten</h2>
${
  contacten.length === 0
    ? html`<p class="utrecht-paragraph">Er zijn geen contactmomenten over deze zaak vastgelegd.</p>`
    : html`<div class="loket-table-scroll" role="region" aria-labelledby="contactmomenten-tabel-titel" tabindex="0">
<table>
<caption id="contactmomenten-tabel-titel">Contactmomenten over zaak ${ctx.zaak.identificatie}, nieuwste eerst</caption>
<thead><tr><th scope="col">Datum</th><th scope="col">Kanaal</th><th scope="col">Onderwerp</th><th scope="col">Uitkomst</th><th scope="col">Door</th><th scope="col">Contact</th></tr></thead>
<tbody>${contacten.map(rij)}</tbody>
</table>
</div>`
}
</section>`;
  },
};
