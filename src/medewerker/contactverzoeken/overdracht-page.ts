import { csrfField } from '../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorSummary } from '../form-fields.ts';
import { werkplekPage } from '../werkplek-page.ts';
import type { ContactverzoekInvoer, InvoerFouten } from './invoer.ts';
import { klantcontactPath, overdrachtPath } from './paths.ts';
import { toonDatum, toonMoment } from './tijd.ts';
import { invoerVeld, keuzelijst, tekstvlak } from './velden.ts';

/* The KCC's form to hand a contact over to the back office, and the confirmation afterwards. */

export interface KlantcontactSamenvatting {
  uuid: string;
  nummer: string;
  kanaal: string;
  onderwerp: string;
  plaatsgevondenOp: string;
}

export interface OverdrachtView {
  tenantName: string;
  staff: StaffIdentity;
  klantcontact: KlantcontactSamenvatting;
  invoer: ContactverzoekInvoer;
  sleutel: string;
  teams: { id: string; naam: string }[];
  medewerkers: { id: string; naam: string }[];
  fouten?: InvoerFouten;
  termijnWerkdagen: number;
}

const VELD_IDS: Record<keyof InvoerFouten, string> = {
  gevraagdeHandeling: 'cv-handeling',
  vraag: 'cv-vraag',
  naam: 'cv-naam',
  telefoon: 'cv-telefoon',
  email: 'cv-email',
  bereikbaarheid: 'cv-telefoon',
  voorkeur: 'cv-voorkeur',
  deadline: 'cv-deadline',
  ontvanger: 'cv-ontvanger',
};

const ORDER: (keyof InvoerFouten)[] = ['gevraagdeHandeling', 'vraag', 'naam', 'telefoon', 'email', 'bereikbaarheid', 'voorkeur', 'deadline', 'ontvanger'];

export function klantcontactRegel(klantcontact: KlantcontactSamenvatting): SafeHtml {
  return html`<dl class="loket-gegevens">
<dt>Klantcontact</dt><dd>${klantcontact.nummer}</dd>
<dt>Kanaal</dt><dd>${klantcontact.kanaal === '' ? 'onbekend' : klantcontact.kanaal}</dd>
<dt>Onderwerp</dt><dd>${klantcontact.onderwerp === '' ? 'geen onderwerp' : klantcontact.onderwerp}</dd>
<dt>Datum</dt><dd>${toonMoment(klantcontact.plaatsgevondenOp)}</dd>
</dl>`;
}

/** The hand-over form, with every problem beside its field and in the summary at the top. */
export function overdrachtPage(view: OverdrachtView): SafeHtml {
  const fouten = view.fouten ?? {};
  const summary = ORDER.filter((veld) => fouten[veld] !== undefined).map((veld) => ({ fieldId: VELD_IDS[veld], message: fouten[veld] ?? '' }));
  const bereikbaarheidId = 'cv-bereikbaarheid-fout';
  const shared = fouten.bereikbaarheid ? bereikbaarheidId : undefined;
  const title = `${summary.length > 0 ? 'Fout: ' : ''}Contactverzoek doorzetten`;
  return werkplekPage({
    title,
    tenantName: view.tenantName,
    staff: view.staff,
    path: overdrachtPath(view.klantcontact.uuid),
    body: html`<h1 class="utrecht-heading-1">Contactverzoek doorzetten</h1>
${errorSummary(summary)}
${klantcontactRegel(view.klantcontact)}
<p class="utrecht-paragraph">Zet de vraag door naar een team of een collega in de backoffice. De klant wordt teruggebeld of gemaild.</p>
<form class="loket-form" method="post" action="${overdrachtPath(view.klantcontact.uuid)}" novalidate>
${csrfField(view.staff.csrfToken)}
<input type="hidden" name="sleutel" value="${view.sleutel}">
${invoerVeld({ id: 'cv-handeling', name: 'gevraagdeHandeling', type: 'text', label: 'Wat moet de backoffice doen?', hint: 'Bijvoorbeeld: terugbellen, terugmailen, informatie opzoeken.', value: view.invoer.gevraagdeHandeling, error: fouten.gevraagdeHandeling, required: true, autocomplete: 'off' })}
${tekstvlak({ id: 'cv-vraag', name: 'vraag', label: 'Vraag van de klant', hint: 'Beschrijf de vraag zo dat een collega verder kan zonder de klant opnieuw te vragen. Hooguit 1000 tekens.', value: view.invoer.vraag, error: fouten.vraag, required: true, maxlength: 1000 })}
<fieldset class="loket-field-group">
<legend>Terugbelgegevens</legend>
${fouten.bereikbaarheid ? html`<p class="loket-field-error" id="${bereikbaarheidId}"><span class="loket-visually-hidden">Fout: </span>${fouten.bereikbaarheid}</p>` : ''}
${invoerVeld({ id: 'cv-naam', name: 'naam', type: 'text', label: 'Naam', value: view.invoer.naam, error: fouten.naam, required: true, autocomplete: 'off' })}
${invoerVeld({ id: 'cv-telefoon', name: 'telefoon', type: 'tel', label: 'Telefoonnummer', hint: 'Vul een telefoonnummer of een e-mailadres in, of allebei.', value: view.invoer.telefoon, error: fouten.telefoon, sharedErrorId: shared, autocomplete: 'off', inputmode: 'tel' })}
${invoerVeld({ id: 'cv-email', name: 'email', type: 'email', label: 'E-mailadres', value: view.invoer.email, error: fouten.email, sharedErrorId: shared, autocomplete: 'off' })}
${invoerVeld({ id: 'cv-voorkeur', name: 'voorkeur', type: 'text', label: 'Wanneer het beste bereikbaar', hint: 'Bijvoorbeeld: dinsdagochtend of na 16.00 uur.', value: view.invoer.voorkeur, error: fouten.voorkeur, autocomplete: 'off' })}
</fieldset>
${invoerVeld({ id: 'cv-deadline', name: 'deadline', type: 'date', label: 'Uiterlijk afgehandeld op', hint: `Standaard ${view.termijnWerkdagen} werkdagen na vandaag. Niet in het verleden.`, value: view.invoer.deadline, error: fouten.deadline, required: true })}
${keuzelijst({
  id: 'cv-ontvanger',
  name: 'ontvanger',
  label: 'Doorzetten naar',
  hint: 'Een team of een medewerker.',
  value: view.invoer.ontvanger,
  error: fouten.ontvanger,
  required: true,
  groepen: [
    { label: 'Teams', opties: view.teams.map((team) => ({ waarde: `team:${team.id}`, label: team.naam })) },
    { label: 'Medewerkers', opties: view.medewerkers.map((medewerker) => ({ waarde: `medewerker:${medewerker.id}`, label: medewerker.naam })) },
  ],
})}
<button type="submit" class="loket-button">Contactverzoek doorzetten</button>
</form>
<p class="utrecht-paragraph"><a href="${klantcontactPath(view.klantcontact.uuid)}">Terug naar het klantcontact</a></p>`,
  });
}

/** After the hand-over: what was made and where it went. */
export function doorgezetPage(view: { tenantName: string; staff: StaffIdentity; klantcontact: KlantcontactSamenvatting; nummer: string; ontvanger: string; deadline: string }): SafeHtml {
  return werkplekPage({
    title: 'Contactverzoek doorgezet',
    tenantName: view.tenantName,
    staff: view.staff,
    path: overdrachtPath(view.klantcontact.uuid),
    body: html`<h1 class="utrecht-heading-1">Contactverzoek doorgezet</h1>
<div class="loket-notice" role="status"><p>Contactverzoek <strong>${view.nummer}</strong> is doorgezet naar ${view.ontvanger}. Uiterlijk afgehandeld op ${toonDatum(view.deadline)}.</p></div>
${klantcontactRegel(view.klantcontact)}
<p class="utrecht-paragraph"><a href="${klantcontactPath(view.klantcontact.uuid)}">Terug naar het klantcontact</a></p>`,
  });
}

