import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { html } from '../../../platform/http/html.ts';
import { sendPage } from '../../send-page.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { loadSectieContext, zaakPagePath } from '../sectie-zaak.ts';
import { ZAAK_SECTIE_ROLLEN } from '../sectie-routes-opties.ts';
import { auditTabel, paginering } from './audittrail-weergave.ts';
import { AUDIT_PAGINA_GROOTTE, zaakAuditPagina } from './zaak-audittrail.ts';

/** `GET /medewerker/zaken/:zaak/audittrail?pagina=`: the zaak's whole audit trail, newest first, a page at a time. */
export function registerAudittrailRoutes(app: FastifyInstance, context: AppContext): void {
  app.get<{ Params: { zaak: string }; Querystring: { pagina?: number } }>(
    `${zaakPagePath(':zaak')}/audittrail`,
    {
      config: { staffRoles: ZAAK_SECTIE_ROLLEN },
      schema: {
        params: { type: 'object', required: ['zaak'], properties: { zaak: { type: 'string', minLength: 1, maxLength: 60 } } },
        querystring: { type: 'object', additionalProperties: false, properties: { pagina: { type: 'integer', minimum: 1, maximum: 100000 } } },
      },
    },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff) throw new ProblemError('not_authenticated');
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      const pagina = await zaakAuditPagina(ctx, request.query.pagina ?? 1, AUDIT_PAGINA_GROOTTE);
      const body = html`<p><a href="${zaakPagePath(ctx.zaak.uuid)}#audittrail">Terug naar zaak ${ctx.zaak.identificatie}</a></p>
<h1 class="utrecht-heading-1">Audittrail van zaak ${ctx.zaak.identificatie}</h1>
<p class="utrecht-paragraph">${String(pagina.totaal)} wijzigingen, nieuwste eerst; tijden in Nederlandse tijd.</p>
${auditTabel(ctx.zaak.identificatie, pagina.records, `Wijzigingen, pagina ${pagina.pagina} van ${pagina.paginas}`)}
${paginering(ctx.zaak.uuid, pagina)}`;
      return sendPage(reply, 200, werkplekPage({ title: `Audittrail — zaak ${ctx.zaak.identificatie}`, tenantName: request.tenant.name, staff, body, path: request.url }));
    },
  );
}
