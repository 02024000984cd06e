import { csrfField } from '../../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import type { Team } from '../../toegang/teams.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { checkboxGroup, errorSummary, inputField, notice, type FieldErrors, type SelectOption } from '../velden.ts';

/* The teams pages: the list with a form for a new team, and one team with its name, zaaktypen and members. */

export const TEAMS_PATH = '/medewerker/beheer/teams';

function summary(fouten: FieldErrors): SafeHtml {
  return errorSummary(Object.entries(fouten).map(([fieldId, message]) => ({ fieldId, message })));
}

export function teamsPage(context: { tenantName: string; staff: StaffIdentity; teams: Team[]; namen: Map<string, string>; naam?: string; fouten?: FieldErrors }): SafeHtml {
  const fouten = context.fouten ?? {};
  const body = html`<h1 class="utrecht-heading-1">Teams</h1>
${summary(fouten)}
<p class="utrecht-paragraph">Behandelaars en teamleiders zien en behandelen de zaken van de zaaktypen van hun teams.</p>
${
  context.teams.length === 0
    ? html`<p class="utrecht-paragraph">Nog geen teams.</p>`
    : html`<div class="loket-tabel-wrap"><table class="utrecht-table"><caption class="loket-visually-hidden">Teams</caption>
<thead><tr><th scope="col">Team</th><th scope="col">Zaaktypen</th><th scope="col">Leden</th></tr></thead>
<tbody>${context.teams.map((team) => html`<tr><td><a href="${TEAMS_PATH}/${team.id}">${team.naam}</a></td><td>${team.zaaktypeIdentificaties.join(', ') || 'Geen'}</td><td>${team.ledenIds.map((id) => context.namen.get(id) ?? id).join(', ') || 'Geen'}</td></tr>`)}</tbody>
</table></div>`
}
<section class="loket-sectie" aria-labelledby="nieuw-team"><h2 class="utrecht-heading-2" id="nieuw-team">Nieuw team</h2>
<form class="loket-form" method="post" action="${TEAMS_PATH}" novalidate>${csrfField(context.staff.csrfToken)}
${inputField({ id: 'naam', name: 'naam', label: 'Naam van het team', type: 'text', autocomplete: 'off', value: context.naam ?? '', error: fouten.naam })}
<button type="submit" class="loket-button">Team maken</button>
</form></section>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}Teams`, tenantName: context.tenantName, staff: context.staff, body, path: TEAMS_PATH });
}

export function teamPage(context: { tenantName: string; staff: StaffIdentity; team: Team; zaaktypen: SelectOption[]; medewerkers: SelectOption[]; naam?: string; fouten?: FieldErrors; melding?: string }): SafeHtml {
  const { team } = context;
  const fouten = context.fouten ?? {};
  const path = `${TEAMS_PATH}/${team.id}`;
  const csrf = csrfField(context.staff.csrfToken);
  const body = html`<p class="utrecht-paragraph"><a href="${TEAMS_PATH}">Alle teams</a></p>
<h1 class="utrecht-heading-1">Team ${team.naam}</h1>
${notice(context.melding)}
${summary(fouten)}
<form class="loket-form" method="post" action="${path}/naam" novalidate>${csrf}
${inputField({ id: 'naam', name: 'naam', label: 'Naam van het team', type: 'text', autocomplete: 'off', value: context.naam ?? team.naam, error: fouten.naam })}
<button type="submit" class="loket-button">Naam opslaan</button>
</form>
<form class="loket-form" method="post" action="${path}/zaaktypen" novalidate>${csrf}
${checkboxGroup({ id: 'zaaktypen', name: 'zaaktypen', legend: 'Zaaktypen van dit team', hint: 'Per identificatie uit de catalogus: het team behandelt elke versie ervan.', options: context.zaaktypen, checked: team.zaaktypeIdentificaties, error: fouten.zaaktypen })}
<button type="submit" class="loket-button">Zaaktypen opslaan</button>
</form>
<form class="loket-form" method="post" action="${path}/leden" novalidate>${csrf}
${checkboxGroup({ id: 'leden', name: 'leden', legend: 'Leden van dit team', options: context.medewerkers, checked: team.ledenIds, error: fouten.leden })}
<button type="submit" class="loket-button">Leden opslaan</button>
</form>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}Team ${team.naam}`, tenantName: context.tenantName, staff: context.staff, body, path: TEAMS_PATH });
}
