import { html } from '../../../platform/http/html.ts';
import type { ZaakSectie, ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { alleenLezenReden } from '../alleen-lezen.ts';
import { magWijzigen } from '../sectie-zaak.ts';
import { notitieFormulier, notitieLijst } from './notities-weergave.ts';
import { listZaakNotities } from './zaak-notities.ts';

/** Internal notes on the zaak page: newest first, and a form for a member who may change the zaak. */
export const notitiesSectie: ZaakSectie = {
  id: 'notities',
  titel: 'Notities',
  async render(ctx: ZaakSectieContext) {
    const notities = await listZaakNotities(ctx);
    const staff = ctx.request.staff;
    return html`<section class="loket-sectie" id="notities" aria-labelledby="notities-kop">
<h2 class="utrecht-heading-2" id="notities-kop">Notities</h2>
${magWijzigen(ctx) && staff ? html`<div class="loket-sectie-formulier">${notitieFormulier({ zaakUuid: ctx.zaak.uuid, csrfToken: staff.csrfToken })}</div>` : html`<p class="utrecht-paragraph">${alleenLezenReden(ctx)}</p>`}
${notitieLijst(notities)}
</section>`;
  },
};
