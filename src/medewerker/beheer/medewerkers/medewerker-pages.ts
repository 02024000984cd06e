import { csrfField } from '../../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../../platform/auth/staff-session.ts';
import { STAFF_ROLES } from '../../../platform/http/route-policy.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { ROLE_LABELS } from '../../role-labels.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { checkboxGroup, errorSummary, inputField, notice, type FieldErrors } from '../velden.ts';
import type { StaffAccount } from './accounts.ts';

/* The staff accounts pages: the list with the form for a new account, and one account. */

export const MEDEWERKERS_PATH = '/medewerker/beheer/medewerkers';

export const ROL_OPTIES = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const LABELS: Record<string, string> = { naam: 'Naam', email: 'E-mailadres', rollen: 'Rollen' };

function summary(fouten: FieldErrors): SafeHtml {
  return errorSummary(Object.entries(fouten).map(([fieldId, message]) => ({ fieldId, message: `${LABELS[fieldId] ?? ''}${LABELS[fieldId] ? ': ' : ''}${message}` })));
}

function rollen(roles: readonly string[]): string {
  return roles.map((role) => ROLE_LABELS[role as keyof typeof ROLE_LABELS] ?? role).join(', ');
}

export function medewerkersPage(context: { tenantName: string; staff: StaffIdentity; accounts: StaffAccount[]; waarden?: { naam: string; email: string; rollen: string[] }; fouten?: FieldErrors }): SafeHtml {
  const fouten = context.fouten ?? {};
  const waarden = context.waarden ?? { naam: '', email: '', rollen: [] };
  const body = html`<h1 class="utrecht-heading-1">Medewerkers en rollen</h1>
${summary(fouten)}
<div class="loket-tabel-wrap"><table class="utrecht-table">
<caption class="loket-visually-hidden">Accounts van medewerkers</caption>
<thead><tr><th scope="col">Naam</th><th scope="col">E-mailadres</th><th scope="col">Rollen</th><th scope="col">Teams</th><th scope="col">Status</th></tr></thead>
<tbody>
${context.accounts.map(
  (account) => html`<tr><td><a href="${MEDEWERKERS_PATH}/${account.id}">${account.displayName}</a></td><td>${account.email}</td><td>${rollen(account.roles)}</td><td>${account.teams.join(', ') || 'Geen'}</td><td>${account.disabled ? html`<span class="loket-badge loket-badge--te-laat">Geblokkeerd</span>` : 'Actief'}</td></tr>`,
)}
</tbody></table></div>
<section class="loket-sectie" aria-labelledby="nieuw-account">
<h2 class="utrecht-heading-2" id="nieuw-account">Nieuw account</h2>
<p class="utrecht-paragraph">Loket maakt een wachtwoord en een code voor de authenticator-app en toont die één keer.</p>
<form class="loket-form" method="post" action="${MEDEWERKERS_PATH}" novalidate>
${csrfField(context.staff.csrfToken)}
${inputField({ id: 'naam', name: 'naam', label: LABELS.naam ?? '', type: 'text', autocomplete: 'off', value: waarden.naam, error: fouten.naam })}
${inputField({ id: 'email', name: 'email', label: LABELS.email ?? '', type: 'email', autocomplete: 'off', value: waarden.email, error: fouten.email, literal: true })}
${checkboxGroup({ id: 'rollen', name: 'rollen', legend: 'Rollen', options: ROL_OPTIES, checked: waarden.rollen, error: fouten.rollen })}
<button type="submit" class="loket-button">Account maken</button>
</form>
</section>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}Medewerkers en rollen`, tenantName: context.tenantName, staff: context.staff, body, path: MEDEWERKERS_PATH });
}

export function medewerkerPage(context: { tenantName: string; staff: StaffIdentity; account: StaffAccount; fouten?: FieldErrors; rollen?: string[]; melding?: string }): SafeHtml {
  const { account, staff } = context;
  const fouten = context.fouten ?? {};
  const path = `${MEDEWERKERS_PATH}/${account.id}`;
  const zelf = account.id === staff.userId;
  const csrf = csrfField(staff.csrfToken);
  const body = html`<p class="utrecht-paragraph"><a href="${MEDEWERKERS_PATH}">Alle medewerkers</a></p>
<h1 class="utrecht-heading-1">${account.displayName}</h1>
${notice(context.melding)}
${summary(fouten)}
<dl>
<dt>E-mailadres</dt><dd>${account.email}</dd>
<dt>Status</dt><dd>${account.disabled ? 'Geblokkeerd' : 'Actief'}</dd>
<dt>Teams</dt><dd>${account.teams.join(', ') || 'Geen'}</dd>
</dl>
<section class="loket-sectie" aria-labelledby="rollen-kop">
<h2 class="utrecht-heading-2" id="rollen-kop">Rollen</h2>
<form class="loket-form" method="post" action="${path}/rollen" novalidate>${csrf}
${checkboxGroup({ id: 'rollen', name: 'rollen', legend: 'Rollen van dit account', hint: zelf ? 'Uw eigen rol functioneel beheerder kunt u niet weghalen.' : undefined, options: ROL_OPTIES, checked: context.rollen ?? account.roles, error: fouten.rollen })}
<button type="submit" class="loket-button">Rollen opslaan</button>
</form>
</section>
<section class="loket-sectie" aria-labelledby="toegang-kop">
<h2 class="utrecht-heading-2" id="toegang-kop">Toegang</h2>
${
  zelf
    ? html`<p class="utrecht-paragraph">U kunt uw eigen account niet blokkeren.</p>`
    : account.disabled
      ? html`<form method="post" action="${path}/deblokkeren">${csrf}<button type="submit" class="loket-button">Account deblokkeren</button></form>`
      : html`<form method="post" action="${path}/blokkeren">${csrf}<button type="submit" class="loket-button">Account blokkeren</button></form><p class="loket-hint">Blokkeren beëindigt ook alle sessies van dit account.</p>`
}
<form method="post" action="${path}/wachtwoord">${csrf}<button type="submit" class="loket-button-secondary">Nieuw wachtwoord maken</button></form>
<form method="post" action="${path}/code">${csrf}<button type="submit" class="loket-button-secondary">Nieuwe authenticator-code instellen</button></form>
<p class="loket-hint">Een nieuw wachtwoord of een nieuwe code beëindigt de sessies van dit account; de medewerker logt daarna opnieuw in.</p>
</section>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}Medewerker ${account.displayName}`, tenantName: context.tenantName, staff, body, path: MEDEWERKERS_PATH });
}
