import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { ROLE_LABELS } from '../role-labels.ts';
import { menuFor, type MenuItem } from '../werkplek-menu.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { STAFF_PATHS } from '../../platform/auth/staff-paths.ts';

/** The staff landing page: who is signed in, with which roles, and the workspaces those roles open, per section. */
export function homePage(view: { tenantName: string; staff: StaffIdentity }): SafeHtml {
  const sections = new Map<string, MenuItem[]>();
  for (const item of menuFor(view.staff.roles)) sections.set(item.sectie, [...(sections.get(item.sectie) ?? []), item]);
  return werkplekPage({
    title: 'Werkplek medewerkers',
    tenantName: view.tenantName,
    staff: view.staff,
    path: STAFF_PATHS.home,
    body: html`<h1 class="utrecht-heading-1">Werkplek medewerkers</h1>
<p class="utrecht-paragraph">Ingelogd als <strong>${view.staff.displayName}</strong> (${view.staff.email}).</p>
<h2 class="utrecht-heading-2">Uw rollen</h2>
<ul class="utrecht-unordered-list">${view.staff.roles.map((role) => html`<li>${ROLE_LABELS[role]}</li>`)}</ul>
${[...sections].map(([sectie, items]) => html`<h2 class="utrecht-heading-2">${sectie}</h2>
<ul class="utrecht-unordered-list">${items.map((item) => html`<li><a class="utrecht-link" href="${item.href}">${item.label}</a></li>`)}</ul>
`)}`,
  });
}
