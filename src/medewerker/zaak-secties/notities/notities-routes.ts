import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../platform/context.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { html } from '../../../platform/http/html.ts';
import { sendPage } from '../../send-page.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { assertMagWijzigen, loadSectieContext, zaakPagePath } from '../sectie-zaak.ts';
import { ZAAK_SECTIE_ROLLEN } from '../sectie-routes-opties.ts';
import { notitieFormulier, notitieSamenvatting } from './notities-weergave.ts';
import { notitieFouten, voegNotitieToe } from './zaak-notities.ts';

const NOTITIE_BODY = {
  type: 'object',
  additionalProperties: false,
  // Generous bounds: the page's own limits are checked in notitieFouten and shown beside the field.
  properties: { onderwerp: { type: 'string', maxLength: 2000 }, tekst: { type: 'string', maxLength: 50000 } },
} as const;

/** `POST /medewerker/zaken/:zaak/notities`: adds a note; on a problem, the form again with the problems beside the fields. */
export function registerNotitiesRoutes(app: FastifyInstance, context: AppContext): void {
  app.post<{ Params: { zaak: string }; Body: { onderwerp?: string; tekst?: string } }>(
    `${zaakPagePath(':zaak')}/notities`,
    { config: { staffRoles: ZAAK_SECTIE_ROLLEN }, schema: { params: { type: 'object', required: ['zaak'], properties: { zaak: { type: 'string', minLength: 1, maxLength: 60 } } }, body: NOTITIE_BODY } },
    async (request, reply) => {
      const staff = request.staff;
      if (!staff) throw new ProblemError('not_authenticated');
      const ctx = await loadSectieContext(request, context, request.params.zaak);
      assertMagWijzigen(ctx);
      const waarden = { onderwerp: (request.body.onderwerp ?? '').trim(), tekst: (request.body.tekst ?? '').trim() };
      const fouten = notitieFouten(waarden);
      if (Object.keys(fouten).length > 0) {
        const body = html`<p><a href="${zaakPagePath(ctx.zaak.uuid)}#notities">Terug naar zaak ${ctx.zaak.identificatie}</a></p>
${notitieSamenvatting(fouten)}
<h1 class="utrecht-heading-1" id="notitie-pagina-kop">Notitie toevoegen aan zaak ${ctx.zaak.identificatie}</h1>
${notitieFormulier({ zaakUuid: ctx.zaak.uuid, csrfToken: staff.csrfToken, waarden, fouten, kopId: 'notitie-pagina-kop' })}`;
        return sendPage(reply, 400, werkplekPage({ title: `Notitie toevoegen — zaak ${ctx.zaak.identificatie}`, tenantName: request.tenant.name, staff, body, path: request.url }));
      }
      await voegNotitieToe(ctx, waarden);
      context.outbox?.notify();
      return reply.redirect(`${zaakPagePath(ctx.zaak.uuid)}#notities`, 303);
    },
  );
}
