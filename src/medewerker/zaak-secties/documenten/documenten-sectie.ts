import { html } from '../../../platform/http/html.ts';
import { amsterdamToday } from '../../../kennisbank/dates.ts';
import type { ZaakSectie, ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { magWijzigen, maxBehandelRank } from '../sectie-zaak.ts';
import { alleenLezenReden } from '../alleen-lezen.ts';
import { documentenTabel, nieuwDocumentFormulier } from './documenten-weergave.ts';
import { informatieobjecttypenVanZaaktype, listZaakDocumenten } from './zaak-documenten.ts';

/** The documents of the zaak on the zaak page: the table, and the upload form for a member who may change the zaak. */
export const documentenSectie: ZaakSectie = {
  id: 'documenten',
  titel: 'Documenten',
  async render(ctx: ZaakSectieContext) {
    const documenten = await listZaakDocumenten(ctx);
    const staff = ctx.request.staff;
    const wijzigen = magWijzigen(ctx) && staff !== undefined;
    const typen = wijzigen ? await informatieobjecttypenVanZaaktype(ctx.context.database.db, ctx.request.tenant.id, ctx.zaak.zaaktypeUuid, amsterdamToday()) : [];
    return html`<section class="loket-sectie" id="documenten" aria-labelledby="documenten-kop">
<h2 class="utrecht-heading-2" id="documenten-kop">Documenten</h2>
${documentenTabel(ctx.zaak.uuid, ctx.zaak.identificatie, documenten)}
${wijzigen && staff ? html`<div class="loket-sectie-formulier">${nieuwDocumentFormulier({ zaakUuid: ctx.zaak.uuid, csrfToken: staff.csrfToken, typen, maxRank: maxBehandelRank(ctx) })}</div>` : html`<p class="utrecht-paragraph">${alleenLezenReden(ctx)}</p>`}
</section>`;
  },
};
