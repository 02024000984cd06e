import { csrfField } from '../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorSummary } from '../form-fields.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { klantcontactRegel, type KlantcontactSamenvatting } from './overdracht-page.ts';
import { ontvangerVan } from './lijst-page.ts';
import { contactverzoekPath, CONTACTVERZOEKEN_PATH } from './paths.ts';
import type { ContactverzoekRegel, Gebeurtenis } from './repository.ts';
import { isTeLaat } from './termijn.ts';
import { toonDatum, toonMoment } from './tijd.ts';
import { tekstvlak } from './velden.ts';

/* One contactverzoek: the question, how to reach the person, where it came from, its history, and the actions. */

export interface DetailView {
  tenantName: string;
  staff: StaffIdentity;
  regel: ContactverzoekRegel;
  nummer: string;
  gevraagdeHandeling: string;
  vraag: string;
  klantcontact: KlantcontactSamenvatting | undefined;
  historie: Gebeurtenis[];
  today: string;
  uitkomst?: string;
  fout?: string;
  melding?: string;
}

const GEBEURTENIS: Record<Gebeurtenis['soort'], string> = { doorgezet: 'Doorgezet', opgepakt: 'Opgepakt', afgehandeld: 'Afgehandeld' };

export function detailPage(view: DetailView): SafeHtml {
  const { regel } = view;
  const open = regel.afgehandeld_op === null;
  const laat = isTeLaat(regel.deadline, !open, view.today);
  const mijn = regel.opgepakt_door === view.staff.userId;
  return werkplekPage({
    title: `${view.fout ? 'Fout: ' : ''}Contactverzoek ${view.nummer}`,
    tenantName: view.tenantName,
    staff: view.staff,
    path: CONTACTVERZOEKEN_PATH,
    body: html`<h1 class="utrecht-heading-1">Contactverzoek ${view.nummer}</h1>
${view.fout ? errorSummary([{ fieldId: 'cv-uitkomst', message: view.fout }]) : ''}
${view.melding ? html`<div class="loket-notice" role="status"><p>${view.melding}</p></div>` : ''}
<dl class="loket-gegevens">
<dt>Status</dt><dd>${open ? (regel.opgepakt_door_naam ? `Opgepakt door ${regel.opgepakt_door_naam}` : 'Nog niet opgepakt') : `Afgehandeld op ${toonMoment(regel.afgehandeld_op ?? '')}`}</dd>
<dt>Deadline</dt><dd>${toonDatum(regel.deadline)}${laat ? html` <span class="loket-badge loket-badge--te-laat">Te laat</span>` : ''}</dd>
<dt>Voor</dt><dd>${ontvangerVan(regel)}</dd>
<dt>Gevraagd</dt><dd>${view.gevraagdeHandeling}</dd>
</dl>
<h2 class="utrecht-heading-2">Vraag</h2>
<p class="utrecht-paragraph loket-vrije-tekst">${view.vraag}</p>
<h2 class="utrecht-heading-2">Terugbelgegevens</h2>
<dl class="loket-gegevens">
<dt>Naam</dt><dd>${regel.terugbel_naam}</dd>
<dt>Telefoon</dt><dd>${regel.terugbel_telefoon === '' ? 'niet opgegeven' : html`<a href="tel:${regel.terugbel_telefoon}">${regel.terugbel_telefoon}</a>`}</dd>
<dt>E-mail</dt><dd>${regel.terugbel_email === '' ? 'niet opgegeven' : html`<a href="mailto:${regel.terugbel_email}">${regel.terugbel_email}</a>`}</dd>
<dt>Bereikbaar</dt><dd>${regel.terugbel_voorkeur === '' ? 'geen voorkeur opgegeven' : regel.terugbel_voorkeur}</dd>
</dl>
<h2 class="utrecht-heading-2">Klantcontact waaruit het voortkwam</h2>
${view.klantcontact ? klantcontactRegel(view.klantcontact) : html`<p class="utrecht-paragraph">Het klantcontact bestaat niet meer.</p>`}
${open
  ? html`<h2 class="utrecht-heading-2">Afhandelen</h2>
${mijn ? '' : html`<form method="post" action="${contactverzoekPath(regel.interne_taak_uuid, 'oppakken')}">
${csrfField(view.staff.csrfToken)}
<button type="submit" class="loket-button">${regel.opgepakt_door === null ? 'Oppakken' : 'Overnemen en oppakken'}</button>
</form>`}
<form class="loket-form" method="post" action="${contactverzoekPath(regel.interne_taak_uuid, 'afsluiten')}" novalidate>
${csrfField(view.staff.csrfToken)}
${tekstvlak({ id: 'cv-uitkomst', name: 'uitkomst', label: 'Uitkomst', hint: 'Wat is er met de klant besproken of gedaan? Hooguit 4000 tekens.', value: view.uitkomst ?? '', error: view.fout, required: true, maxlength: 4000 })}
<button type="submit" class="loket-button">Afsluiten</button>
</form>`
  : html`<h2 class="utrecht-heading-2">Uitkomst</h2>
<p class="utrecht-paragraph loket-vrije-tekst">${regel.uitkomst}</p>`}
<h2 class="utrecht-heading-2">Geschiedenis</h2>
<ol>
${view.historie.map((gebeurtenis) => html`<li>${toonMoment(gebeurtenis.op)}: ${GEBEURTENIS[gebeurtenis.soort]}${gebeurtenis.door_naam ? ` door ${gebeurtenis.door_naam}` : ''}${gebeurtenis.toelichting !== '' && gebeurtenis.soort !== 'afgehandeld' ? ` (${gebeurtenis.toelichting})` : ''}</li>`)}
</ol>
<p class="utrecht-paragraph"><a href="${CONTACTVERZOEKEN_PATH}">Terug naar de contactverzoeken</a></p>`,
  });
}
