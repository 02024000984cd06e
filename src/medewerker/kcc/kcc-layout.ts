import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { werkplekPage } from '../werkplek-page.ts';
import type { KccContactRow } from './contacten-repository.ts';
import { kanaalLabel } from './kcc-keuzes.ts';
import { contactPath, KCC_PATH } from './kcc-paden.ts';

const TIJD = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', timeStyle: 'short' });
const DATUM_TIJD = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });

/** A moment in Dutch time, as the workspace shows it. */
export function toonMoment(moment: Date): string {
  return DATUM_TIJD.format(moment);
}

/** How an open contact is named in the switch: channel, subject (when known) and since when. */
export function contactNaam(contact: Pick<KccContactRow, 'kanaal' | 'onderwerp' | 'geopend_op'>): string {
  return `${kanaalLabel(contact.kanaal)}${contact.onderwerp ? `: ${contact.onderwerp}` : ''} (sinds ${TIJD.format(contact.geopend_op)})`;
}

/** "Mijn open contacten": the switch between the agent's open contacts, on every KCC page. */
export function openContactenWissel(open: readonly KccContactRow[], current: string | undefined): SafeHtml {
  return html`<nav class="loket-kcc-wissel" aria-labelledby="open-contacten-titel">
<h2 id="open-contacten-titel">Mijn open contacten (${String(open.length)})</h2>
${
  open.length === 0
    ? html`<p class="utrecht-paragraph">U heeft geen open contacten.</p>`
    : html`<ul>${open.map((contact) => html`<li><a href="${contactPath(contact.klantcontact_uuid)}"${contact.klantcontact_uuid === current ? html` aria-current="page"` : ''}>${contactNaam(contact)}</a></li>`)}</ul>`
}
<p class="utrecht-paragraph"><a href="${KCC_PATH}">Nieuw contact registreren</a></p>
</nav>`;
}

/** A page of the KCC workspace. */
export function kccPage(options: { title: string; tenantName: string; staff: StaffIdentity; body: SafeHtml; path: string }): SafeHtml {
  return werkplekPage({ title: options.title, tenantName: options.tenantName, staff: options.staff, body: options.body, path: options.path });
}
