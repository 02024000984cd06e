import { html } from '../../../platform/http/html.ts';
import type { ZaakSectie, ZaakSectieContext } from '../../zaken/zaak-sectie.ts';
import { auditTabel, audittrailPad } from './audittrail-weergave.ts';
import { AUDIT_IN_SECTIE, zaakAuditPagina } from './zaak-audittrail.ts';

/** The newest changes of the zaak on the zaak page, with a link to the whole trail when there is more. */
export const audittrailSectie: ZaakSectie = {
  id: 'audittrail',
  titel: 'Audittrail',
  async render(ctx: ZaakSectieContext) {
    const pagina = await zaakAuditPagina(ctx, 1, AUDIT_IN_SECTIE);
    return html`<section class="loket-sectie" id="audittrail" aria-labelledby="audittrail-kop">
<h2 class="utrecht-heading-2" id="audittrail-kop">Audittrail</h2>
${auditTabel(ctx.zaak.identificatie, pagina.records, pagina.totaal > pagina.records.length ? `De ${pagina.records.length} nieuwste van ${pagina.totaal} wijzigingen` : 'Alle wijzigingen, nieuwste eerst')}
${pagina.totaal > pagina.records.length ? html`<p><a href="${audittrailPad(ctx.zaak.uuid)}">Hele audittrail bekijken (${String(pagina.totaal)} wijzigingen)</a></p>` : ''}
</section>`;
  },
};
