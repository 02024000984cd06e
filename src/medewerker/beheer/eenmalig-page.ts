import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { werkplekPage } from '../werkplek-page.ts';

/*
 * A page that shows secrets once: a new password, a TOTP enrolment, an API secret or token. It is the answer to the
 * POST that made them (never a page to return to), sent with Cache-Control: no-store; Loket keeps only hashes or
 * ciphertext, so the secret cannot be shown again.
 */

export function eenmaligPage(context: { tenantName: string; staff: StaffIdentity; title: string; intro: string; geheimen: readonly { label: string; waarde: string }[]; terug: { href: string; label: string }; path: string }): SafeHtml {
  const body = html`<h1 class="utrecht-heading-1">${context.title}</h1>
<div class="loket-notice" role="status"><p>${context.intro} Dit wordt maar één keer getoond: geef het nu veilig door of bewaar het in een wachtwoordkluis.</p></div>
<dl>
${context.geheimen.map((geheim) => html`<dt>${geheim.label}</dt><dd><code>${geheim.waarde}</code></dd>`)}
</dl>
<p class="utrecht-paragraph"><a href="${context.terug.href}">${context.terug.label}</a></p>`;
  return werkplekPage({ title: context.title, tenantName: context.tenantName, staff: context.staff, body, path: context.path });
}
