import { csrfField } from '../../platform/auth/csrf.ts';
import { STAFF_PATHS } from '../../platform/auth/staff-paths.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import { ROLE_LABELS } from '../role-labels.ts';
import { INZAGE_PATH } from '../privacy/inzage-page.ts';
import { CONTACT_SETTINGS_PATH } from '../instellingen/contact-page.ts';

/** The staff landing page: who is signed in, with which roles, and the way out. The workspaces follow. */
export function homePage(view: { tenantName: string; staff: StaffIdentity }): SafeHtml {
  return page({
    title: 'Werkplek medewerkers',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Werkplek medewerkers</h1>
<p class="utrecht-paragraph">Ingelogd als <strong>${view.staff.displayName}</strong> (${view.staff.email}).</p>
<h2 class="utrecht-heading-2">Uw rollen</h2>
<ul class="utrecht-unordered-list">${view.staff.roles.map((role) => html`<li>${ROLE_LABELS[role]}</li>`)}</ul>
${view.staff.roles.includes('privacy') ? html`<h2 class="utrecht-heading-2">Privacy</h2>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${INZAGE_PATH}">Verwerkingen van een persoon opzoeken</a> (inzageverzoek)</p>` : ''}
${view.staff.roles.includes('beheerder') ? html`<h2 class="utrecht-heading-2">Instellingen</h2>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${CONTACT_SETTINGS_PATH}">Contactgegevens op de website</a></p>` : ''}
${view.staff.roles.some((role) => role === 'kcc' || role === 'behandelaar' || role === 'beheerder') ? html`<h2 class="utrecht-heading-2">Balie</h2>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerker/afspraken">Afspraken aan de balie</a></p>` : ''}
${view.staff.roles.some((role) => role === 'controller' || role === 'bestuur') ? html`<h2 class="utrecht-heading-2">Financiën</h2>
<p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerker/financien">Begroting, risico’s en weerstandsvermogen</a></p>` : ''}
<form class="loket-form" method="post" action="${STAFF_PATHS.signOut}">
${csrfField(view.staff.csrfToken)}
<button type="submit" class="loket-button">Uitloggen</button>
</form>`,
  });
}
