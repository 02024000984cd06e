import { csrfField } from '../platform/auth/csrf.ts';
import { STAFF_PATHS } from '../platform/auth/staff-paths.ts';
import type { StaffIdentity } from '../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../platform/http/html.ts';
import { page } from '../platform/http/page.ts';
import { menuFor } from './werkplek-menu.ts';

export interface WerkplekPageOptions {
  title: string;
  tenantName: string;
  staff: StaffIdentity;
  body: SafeHtml;
  /** The path of this page, marked in the menu as the current one (the item whose path it starts with). */
  path?: string;
  scripts?: readonly string[];
}

/** A page of the staff workspace: the shared document with the workspace menu, sign-out and the wider layout. */
export function werkplekPage(options: WerkplekPageOptions): SafeHtml {
  const items = menuFor(options.staff.roles);
  const current = options.path === undefined ? undefined : items.filter((item) => options.path === item.href || options.path?.startsWith(`${item.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  const navigation = html`<nav class="loket-werkplek-menu" aria-label="Werkplek">
<ul>
<li><a href="${STAFF_PATHS.home}"${options.path === STAFF_PATHS.home ? html` aria-current="page"` : ''}>Start</a></li>
${items.map((item) => html`<li><a href="${item.href}"${item === current ? html` aria-current="page"` : ''}>${item.label}</a></li>
`)}<li><form method="post" action="${STAFF_PATHS.signOut}">${csrfField(options.staff.csrfToken)}<button type="submit">Uitloggen (${options.staff.displayName})</button></form></li>
</ul>
</nav>`;
  return page({
    title: options.title,
    tenantName: options.tenantName,
    body: options.body,
    scripts: options.scripts,
    stylesheets: ['/static/werkplek.css'],
    navigation,
  });
}
