import type { FastifyInstance } from 'fastify';
import { html } from '../../platform/http/html.ts';
import { sendPage } from '../send-page.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { beheerderOf } from './beheerder-callers.ts';

/* The beheer index: every beheer page of the workspace, those of this module and those that live beside their data. */

export const BEHEER_PATH = '/medewerker/beheer';

export const BEHEER_PAGINAS: readonly { href: string; label: string; uitleg: string }[] = [
  { href: `${BEHEER_PATH}/zaaktypen`, label: 'Zaaktypen', uitleg: 'Zaaktypen met hun statustypen, resultaattypen en rollen; concepten, publiceren en nieuwe versies.' },
  { href: '/medewerker/formulieren', label: 'E-formulieren', uitleg: 'De formulieren waarmee inwoners en de KCC een aanvraag doen.' },
  { href: '/medewerker/kennisbank', label: 'Kennisbank', uitleg: 'Producten en artikelen voor de website en de KCC.' },
  { href: `${BEHEER_PATH}/api-clients`, label: 'API-clients', uitleg: 'Applicaties die de API’s gebruiken, met hun autorisaties en tokens.' },
  { href: `${BEHEER_PATH}/medewerkers`, label: 'Medewerkers en rollen', uitleg: 'Accounts, rollen, blokkeren en opnieuw instellen van wachtwoord en code.' },
  { href: `${BEHEER_PATH}/teams`, label: 'Teams', uitleg: 'Teams met hun zaaktypen en leden.' },
  { href: `${BEHEER_PATH}/vertrouwelijkheid`, label: 'Vertrouwelijkheid per rol', uitleg: 'Tot welke vertrouwelijkheid elke rol zaken mag inzien.' },
  { href: '/medewerker/instellingen/contact', label: 'Contactgegevens op de website', uitleg: 'Telefoon, balie, e-mail en chat zoals de website ze toont.' },
  { href: '/medewerker/afspraken', label: 'Afspraken aan de balie', uitleg: 'Locaties, openingstijden, producten en sluitingsdagen.' },
];

export function registerBeheerIndex(app: FastifyInstance): void {
  app.get(BEHEER_PATH, { config: { staffRoles: ['beheerder'] } }, async (request, reply) => {
    const staff = beheerderOf(request);
    const body = html`<h1 class="utrecht-heading-1">Beheer</h1>
<ul class="utrecht-unordered-list">
${BEHEER_PAGINAS.map((pagina) => html`<li><a href="${pagina.href}">${pagina.label}</a>: ${pagina.uitleg}</li>`)}
</ul>`;
    return sendPage(reply, 200, werkplekPage({ title: 'Beheer', tenantName: request.tenant.name, staff, body, path: BEHEER_PATH }));
  });
}
