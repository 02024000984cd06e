import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { contactverzoekPath, CONTACTVERZOEKEN_PATH } from './paths.ts';
import type { ContactverzoekRegel, Lijst } from './repository.ts';
import { isTeLaat } from './termijn.ts';
import { toonDatum } from './tijd.ts';

/* The back office's work lists: for me, for my teams, picked up by me; each with its count, late ones marked. */

const LIJST_NAMEN: Record<Lijst, string> = { 'voor-mij': 'Voor mij', team: 'Voor mijn team(s)', opgepakt: 'Opgepakt door mij' };

export interface LijstView {
  tenantName: string;
  staff: StaffIdentity;
  lijst: Lijst;
  tellingen: Record<Lijst, number>;
  regels: (ContactverzoekRegel & { nummer: string; gevraagdeHandeling: string })[];
  today: string;
}

function ontvanger(regel: ContactverzoekRegel): string {
  if (regel.team_naam !== null) return `Team ${regel.team_naam}`;
  return regel.medewerker_naam ?? 'niet meer toegewezen';
}

export function lijstPage(view: LijstView): SafeHtml {
  const tabs = (Object.keys(LIJST_NAMEN) as Lijst[]).map(
    (lijst) => html`<li><a href="${CONTACTVERZOEKEN_PATH}?lijst=${lijst}"${lijst === view.lijst ? html` aria-current="page"` : ''}>${LIJST_NAMEN[lijst]} (${String(view.tellingen[lijst])})</a></li>`,
  );
  const caption = `${LIJST_NAMEN[view.lijst]}: ${view.regels.length === 1 ? '1 open contactverzoek' : `${view.regels.length} open contactverzoeken`}, vroegste deadline eerst`;
  return werkplekPage({
    title: `Contactverzoeken: ${LIJST_NAMEN[view.lijst]}`,
    tenantName: view.tenantName,
    staff: view.staff,
    path: CONTACTVERZOEKEN_PATH,
    body: html`<h1 class="utrecht-heading-1">Contactverzoeken</h1>
<nav aria-label="Lijsten met contactverzoeken"><ul class="loket-tabs">${tabs}</ul></nav>
${view.regels.length === 0
  ? html`<p class="utrecht-paragraph">${LIJST_NAMEN[view.lijst]}: geen open contactverzoeken.</p>`
  : html`<div class="loket-table-scroll" role="region" aria-labelledby="cv-lijst-titel" tabindex="0"><table>
<caption id="cv-lijst-titel">${caption}</caption>
<thead><tr><th scope="col">Nummer</th><th scope="col">Gevraagd</th><th scope="col">Deadline</th><th scope="col">Voor</th><th scope="col">Opgepakt door</th></tr></thead>
<tbody>
${view.regels.map((regel) => {
  const laat = isTeLaat(regel.deadline, regel.afgehandeld_op !== null, view.today);
  return html`<tr>
<td><a href="${contactverzoekPath(regel.interne_taak_uuid)}">${regel.nummer}</a></td>
<td>${regel.gevraagdeHandeling}</td>
<td>${toonDatum(regel.deadline)}${laat ? html` <span class="loket-badge loket-badge--te-laat">Te laat</span>` : ''}</td>
<td>${ontvanger(regel)}</td>
<td>${regel.opgepakt_door_naam ?? 'nog niet opgepakt'}</td>
</tr>`;
})}
</tbody>
</table></div>`}`,
  });
}

export { ontvanger as ontvangerVan };
