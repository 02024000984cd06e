import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { csrfField } from '../../../platform/auth/csrf.ts';
import { STAFF_ROLES } from '../../../platform/http/route-policy.ts';
import { html } from '../../../platform/http/html.ts';
import { ROLE_LABELS } from '../../role-labels.ts';
import { sendPage } from '../../send-page.ts';
import { isVertrouwelijkheidaanduiding, loadRolVertrouwelijkheid, setRolVertrouwelijkheid } from '../../toegang/rol-vertrouwelijkheid.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { beheerderOf } from '../beheerder-callers.ts';
import { errorSummary, notice, selectField, textOf, type FieldErrors } from '../velden.ts';
import { VERTROUWELIJKHEID_OPTIES } from '../zaaktypen/zaaktype-formulier.ts';

/*
 * The highest vertrouwelijkheid each staff role may read in this municipality (rol-vertrouwelijkheid.ts). Beheerder
 * only, CSRF checked centrally; the change is written to the security log.
 */

export const VERTROUWELIJKHEID_PATH = '/medewerker/beheer/vertrouwelijkheid';

export function registerVertrouwelijkheidBeheer(app: FastifyInstance, db: Kysely<Database>): void {
  async function render(request: FastifyRequest, reply: FastifyReply, status: number, waarden?: Record<string, string>, fouten: FieldErrors = {}, melding?: string) {
    const staff = beheerderOf(request);
    const inForce = await loadRolVertrouwelijkheid(db, request.tenant.id);
    const body = html`<h1 class="utrecht-heading-1">Vertrouwelijkheid per rol</h1>
${notice(melding)}
${errorSummary(Object.entries(fouten).map(([fieldId, message]) => ({ fieldId, message })))}
<p class="utrecht-paragraph">Per rol de hoogste vertrouwelijkheid waarmee een medewerker zaken mag inzien. Behandelaars en teamleiders zien daarbij alleen de zaaktypen van hun teams.</p>
<form class="loket-form" method="post" action="${VERTROUWELIJKHEID_PATH}" novalidate>${csrfField(staff.csrfToken)}
${STAFF_ROLES.map((role) => selectField({ id: `rol-${role}`, name: role, label: ROLE_LABELS[role], options: VERTROUWELIJKHEID_OPTIES, value: waarden?.[role] ?? inForce.get(role) ?? 'openbaar', error: fouten[`rol-${role}`] }))}
<button type="submit" class="loket-button">Opslaan</button>
</form>`;
    return sendPage(reply, status, werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}Vertrouwelijkheid per rol`, tenantName: request.tenant.name, staff, body, path: VERTROUWELIJKHEID_PATH }));
  }

  app.get<{ Querystring: { gedaan?: string } }>(
    VERTROUWELIJKHEID_PATH,
    { config: { staffRoles: ['beheerder'] }, schema: { querystring: { type: 'object', additionalProperties: false, properties: { gedaan: { type: 'string', maxLength: 20 } } } } },
    async (request, reply) => render(request, reply, 200, undefined, {}, request.query.gedaan === 'ja' ? 'De vertrouwelijkheid per rol is opgeslagen.' : undefined),
  );

  app.post<{ Body: Record<string, unknown> | undefined }>(VERTROUWELIJKHEID_PATH, { config: { staffRoles: ['beheerder'] } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const waarden = Object.fromEntries(STAFF_ROLES.map((role) => [role, textOf(request.body, role)]));
    const fouten: FieldErrors = {};
    for (const role of STAFF_ROLES) if (!isVertrouwelijkheidaanduiding(waarden[role] ?? '')) fouten[`rol-${role}`] = `${ROLE_LABELS[role]}: kies een vertrouwelijkheid.`;
    if (Object.keys(fouten).length > 0) return render(request, reply, 400, waarden, fouten);
    await db.transaction().execute(async (trx) => {
      for (const role of STAFF_ROLES) {
        const aanduiding = waarden[role] ?? '';
        if (isVertrouwelijkheidaanduiding(aanduiding)) await setRolVertrouwelijkheid(trx, request.tenant.id, role, aanduiding);
      }
    });
    request.log.info({ event: 'staff.rol_vertrouwelijkheid_changed', tenantId: request.tenant.id, by: staff.userId, to: waarden }, 'vertrouwelijkheid per rol changed');
    return reply.redirect(`${VERTROUWELIJKHEID_PATH}?gedaan=ja`, 303);
  });
}
