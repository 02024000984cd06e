import { csrfField } from '../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, SafeHtml } from '../../platform/http/html.ts';
import { errorSummary, type SummaryError } from '../form-fields.ts';
import type { KccContactRow } from './contacten-repository.ts';
import { SLEUTEL_LABELS, SLEUTELS, type IdentificatieFouten, type IdentificatieInvoer } from './identificatie.ts';
import type { Kandidaat } from './identificeren.ts';
import { KCC_KANALEN, KCC_RESULTATEN, kanaalLabel, resultaatLabel } from './kcc-keuzes.ts';
import { kccPage, openContactenWissel, toonMoment } from './kcc-layout.ts';
import { aanvraagPath, contactPath, contactverzoekPath, klikPath } from './kcc-paden.ts';
import { keuzeGroep, keuzelijst, optioneelTekstveld, tekstvak } from './kcc-velden.ts';
import type { PartijSamenvatting } from './persoon-repository.ts';
import type { KccZoekresultaat } from './zoeken.ts';

/** What the agent typed in the closing form. */
export interface AfsluitInvoer {
  kanaal?: string;
  onderwerp?: string;
  resultaat?: string;
  toelichting?: string;
  eersteContact?: string;
}

export type AfsluitFouten = Partial<Record<'kanaal' | 'onderwerp' | 'resultaat' | 'toelichting' | 'eersteContact', string>>;

export interface ContactView {
  tenantName: string;
  staff: StaffIdentity;
  contact: KccContactRow;
  /** The klantcontact's number in Klantinteracties. */
  nummer: string;
  open: readonly KccContactRow[];
  partij?: PartijSamenvatting;
  /** Whether this agent may change the contact (theirs and open). */
  wijzigbaar: boolean;
  identificatie?: { invoer: IdentificatieInvoer; fouten: IdentificatieFouten; kandidaten?: Kandidaat[] };
  zoek: KccZoekresultaat;
  notities?: { waarde: string; fout?: string };
  afsluiten?: { invoer: AfsluitInvoer; fouten: AfsluitFouten };
  melding?: string;
}

const DATUM = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium' });

function datum(iso: string | null): string {
  return iso === null ? '' : DATUM.format(new Date(`${iso}T12:00:00Z`));
}

function partijRegel(partij: PartijSamenvatting): SafeHtml {
  const naam = partij.naam === '' ? '(naam onbekend)' : partij.naam;
  const nummer = partij.bsn !== null ? `BSN ${partij.bsn}` : partij.kvkNummer !== null ? `KvK-nummer ${partij.kvkNummer}` : partij.soort === 'organisatie' ? 'organisatie' : 'persoon';
  return html`<strong>${naam}</strong> (${nummer})`;
}

function kandidaatNaam(kandidaat: Kandidaat): SafeHtml {
  if ('bestaand' in kandidaat) return partijRegel(kandidaat.bestaand);
  const nieuw = kandidaat.nieuw;
  const naam = kandidaat.naam === '' ? '(naam onbekend)' : kandidaat.naam;
  return html`<strong>${naam}</strong> (${nieuw.soort === 'persoon' ? `BSN ${nieuw.bsn}` : `KvK-nummer ${nieuw.kvkNummer}`}), nog niet bekend als klant: wordt bij het koppelen vastgelegd`;
}

function kandidaatVelden(kandidaat: Kandidaat): SafeHtml {
  if ('bestaand' in kandidaat) return html`<input type="hidden" name="partij" value="${kandidaat.bestaand.uuid}">`;
  const nieuw = kandidaat.nieuw;
  if (nieuw.soort === 'organisatie') {
    return html`<input type="hidden" name="soort" value="organisatie"><input type="hidden" name="kvkNummer" value="${nieuw.kvkNummer}"><input type="hidden" name="naam" value="${nieuw.naam}">`;
  }
  return html`<input type="hidden" name="soort" value="persoon"><input type="hidden" name="bsn" value="${nieuw.bsn}"><input type="hidden" name="voornaam" value="${nieuw.voornaam}"><input type="hidden" name="voorvoegsel" value="${nieuw.voorvoegsel}"><input type="hidden" name="achternaam" value="${nieuw.achternaam}">`;
}

function identificatieSectie(view: ContactView): SafeHtml {
  const uuid = view.contact.klantcontact_uuid;
  const state = view.identificatie;
  const fouten = state?.fouten ?? {};
  const invoer = state?.invoer ?? {};
  const kandidaten = state?.kandidaten;
  return html`<section class="loket-sectie" aria-labelledby="wie-titel">
<h2 class="utrecht-heading-2" id="wie-titel">Wie is het?</h2>
${view.partij ? html`<p class="utrecht-paragraph">Gekoppeld aan ${partijRegel(view.partij)}.</p>` : html`<p class="utrecht-paragraph">Nog niemand gekoppeld.</p>`}
${
  view.wijzigbaar
    ? html`<form method="post" action="${contactPath(uuid)}/identificeren" aria-labelledby="zoek-persoon-titel" novalidate>
<h3 class="utrecht-heading-3" id="zoek-persoon-titel">${view.partij ? 'Andere persoon of organisatie zoeken' : 'Persoon of organisatie zoeken'}</h3>
${csrfField(view.staff.csrfToken)}
${keuzeGroep({ id: 'sleutel', name: 'sleutel', legend: 'Zoeken op', keuzes: SLEUTELS.map((sleutel) => ({ waarde: sleutel, label: SLEUTEL_LABELS[sleutel] })), gekozen: invoer.sleutel ?? 'bsn', fout: fouten.sleutel })}
${optioneelTekstveld({ id: 'waarde', name: 'waarde', label: 'Zoekwaarde', hint: 'Het nummer, de achternaam, het e-mailadres of het telefoonnummer.', value: invoer.waarde ?? '', maxLength: 254, fout: fouten.waarde })}
${optioneelTekstveld({ id: 'geboortedatum', name: 'geboortedatum', label: 'Geboortedatum (alleen bij zoeken op naam)', hint: 'Bijvoorbeeld 31-12-1980.', value: invoer.geboortedatum ?? '', maxLength: 10, fout: fouten.geboortedatum, inputmode: 'numeric' })}
<button type="submit" class="loket-button">Persoon zoeken</button>
</form>`
    : ''
}
${kandidaten === undefined ? '' : kandidatenLijst(view, kandidaten)}
</section>`;
}

function kandidatenLijst(view: ContactView, kandidaten: Kandidaat[]): SafeHtml {
  const uuid = view.contact.klantcontact_uuid;
  return html`<div role="status">
<h3 class="utrecht-heading-3" id="gevonden-titel">${kandidaten.length === 0 ? 'Niemand gevonden' : `Gevonden (${String(kandidaten.length)})`}</h3>
${kandidaten.length === 0 ? html`<p class="utrecht-paragraph">Met deze gegevens is niemand gevonden. Controleer de gegevens of zoek op iets anders.</p>` : ''}
</div>
${kandidaten.map(
  (kandidaat) => html`<div class="loket-kcc-kandidaat">
<p class="utrecht-paragraph">${kandidaatNaam(kandidaat)}</p>
<form method="post" action="${contactPath(uuid)}/partij">
${csrfField(view.staff.csrfToken)}
${kandidaatVelden(kandidaat)}
<button type="submit" class="loket-button loket-button-secondary">Koppelen aan dit contact</button>
</form>
</div>`,
)}`;
}

function zoekSectie(view: ContactView): SafeHtml {
  const uuid = view.contact.klantcontact_uuid;
  const zoek = view.zoek;
  return html`<section class="loket-sectie" aria-labelledby="zoeken-titel">
<h2 class="utrecht-heading-2" id="zoeken-titel">Zoeken</h2>
<form method="get" action="${contactPath(uuid)}" role="search" aria-labelledby="zoeken-titel">
${optioneelTekstveld({ id: 'q', name: 'q', label: 'Zoek in de kennisbank, de zaken en de eerdere contacten', value: zoek.q, maxLength: 200 })}
<button type="submit" class="loket-button">Zoeken</button>
</form>
${zoek.antwoorden ? antwoordenLijst(uuid, zoek) : ''}
${zoek.zaken ? zakenTabel(zoek) : ''}
${zoek.contacten ? contactenTabel(zoek) : ''}
</section>`;
}

function antwoordenLijst(uuid: string, zoek: KccZoekresultaat): SafeHtml {
  const antwoorden = zoek.antwoorden;
  if (!antwoorden) return html``;
  const zoekopdracht = antwoorden.zoekopdracht;
  return html`<h3 class="utrecht-heading-3" id="antwoorden-titel">Antwoorden uit de kennisbank (${String(antwoorden.count)})</h3>
${antwoorden.results.length === 0 ? html`<p class="utrecht-paragraph">Geen antwoorden gevonden voor "${zoek.q}".</p>` : ''}
<ol aria-labelledby="antwoorden-titel">${antwoorden.results.map(
    (result, index) => html`<li>
<a href="${zoekopdracht === undefined ? `/medewerker/kcc/antwoorden/${result.slug}?contact=${uuid}` : klikPath(zoekopdracht, result.slug, index + 1, uuid)}">${result.titel}</a>
<p class="utrecht-paragraph">${new SafeHtml(result.snippet)}</p>
${result.interneNotitie ? html`<p class="utrecht-paragraph loket-kcc-notitie"><strong>KCC-notitie:</strong> ${result.interneNotitie}</p>` : ''}
</li>`,
  )}</ol>`;
}

function zakenTabel(zoek: KccZoekresultaat): SafeHtml {
  const zaken = zoek.zaken ?? [];
  const titel = zoek.q === '' || zaken.length === 0 ? 'Zaken van deze persoon' : zoek.zakenOngefilterd ? `Geen zaken passen bij "${zoek.q}"; de nieuwste zaken van deze persoon` : 'Zaken van deze persoon die bij de zoekopdracht passen';
  if (zaken.length === 0) return html`<h3 class="utrecht-heading-3">${titel}</h3><p class="utrecht-paragraph">Geen zaken gevonden.</p>`;
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="zaken-titel" tabindex="0">
<table>
<caption id="zaken-titel">${titel}</caption>
<thead><tr><th scope="col">Zaaknummer</th><th scope="col">Zaaktype</th><th scope="col">Omschrijving</th><th scope="col">Gestart</th><th scope="col">Status</th></tr></thead>
<tbody>${zaken.map(
    (zaak) => html`<tr><td>${zaak.identificatie}</td><td>${zaak.zaaktype}</td><td>${zaak.omschrijving}</td><td>${datum(zaak.startdatum)}</td><td>${zaak.status ?? 'Ontvangen'}${zaak.einddatum ? html` (afgerond ${datum(zaak.einddatum)})` : ''}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

function contactenTabel(zoek: KccZoekresultaat): SafeHtml {
  const contacten = zoek.contacten ?? [];
  const titel = zoek.q === '' || contacten.length === 0 ? 'Eerdere contacten' : zoek.contactenOngefilterd ? `Geen eerdere contacten passen bij "${zoek.q}"; de nieuwste` : 'Eerdere contacten die bij de zoekopdracht passen';
  if (contacten.length === 0) return html`<h3 class="utrecht-heading-3">${titel}</h3><p class="utrecht-paragraph">Geen eerdere contacten gevonden.</p>`;
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="contacten-titel" tabindex="0">
<table>
<caption id="contacten-titel">${titel}</caption>
<thead><tr><th scope="col">Wanneer</th><th scope="col">Kanaal</th><th scope="col">Onderwerp</th><th scope="col">Uitkomst</th></tr></thead>
<tbody>${contacten.map(
    (contact) => html`<tr><td><a href="${contactPath(contact.uuid)}">${toonMoment(contact.plaatsgevondenOp)}</a></td><td>${kanaalLabel(contact.kanaal)}</td><td>${contact.onderwerp}</td><td>${contact.reactie}</td></tr>`,
  )}</tbody>
</table>
</div>`;
}

function notitiesSectie(view: ContactView): SafeHtml {
  const uuid = view.contact.klantcontact_uuid;
  const notities = view.notities ?? { waarde: view.contact.notities };
  return html`<section class="loket-sectie" aria-labelledby="notities-titel">
<h2 class="utrecht-heading-2" id="notities-titel">Notities</h2>
<form method="post" action="${contactPath(uuid)}/notities" aria-labelledby="notities-titel" novalidate>
${csrfField(view.staff.csrfToken)}
${tekstvak({ id: 'notities', name: 'notities', label: 'Vraag en notities', hint: 'Komt bij het afsluiten als inhoud in het klantcontact. Hooguit 1000 tekens.', value: notities.waarde, maxLength: 1000, fout: notities.fout })}
<button type="submit" class="loket-button loket-button-secondary">Notities opslaan</button>
</form>
</section>`;
}

function afsluitSectie(view: ContactView): SafeHtml {
  const uuid = view.contact.klantcontact_uuid;
  const invoer = view.afsluiten?.invoer ?? { kanaal: view.contact.kanaal, onderwerp: view.contact.onderwerp };
  const fouten = view.afsluiten?.fouten ?? {};
  return html`<section class="loket-sectie" aria-labelledby="afsluiten-titel">
<h2 class="utrecht-heading-2" id="afsluiten-titel">Afsluiten</h2>
<form method="post" action="${contactPath(uuid)}/afsluiten" aria-labelledby="afsluiten-titel" novalidate>
${csrfField(view.staff.csrfToken)}
${keuzelijst({ id: 'afsluiten-kanaal', name: 'kanaal', label: 'Kanaal', keuzes: KCC_KANALEN, gekozen: invoer.kanaal, fout: fouten.kanaal })}
${optioneelTekstveld({ id: 'afsluiten-onderwerp', name: 'onderwerp', label: 'Onderwerp', hint: 'Waarover ging het? Bijvoorbeeld "paspoort aanvragen".', value: invoer.onderwerp ?? '', maxLength: 200, fout: fouten.onderwerp })}
${keuzeGroep({ id: 'resultaat', name: 'resultaat', legend: 'Uitkomst', keuzes: KCC_RESULTATEN, gekozen: invoer.resultaat, fout: fouten.resultaat })}
${tekstvak({ id: 'toelichting', name: 'toelichting', label: 'Toelichting op de uitkomst (optioneel)', value: invoer.toelichting ?? '', maxLength: 2000, fout: fouten.toelichting, rows: 3 })}
${keuzeGroep({
  id: 'eersteContact',
  name: 'eersteContact',
  legend: 'Afgehandeld bij het eerste contact?',
  hint: 'Ja als de vraag nu helemaal is beantwoord, zonder terugbellen of doorzetten naar de backoffice.',
  keuzes: [
    { waarde: 'ja', label: 'Ja' },
    { waarde: 'nee', label: 'Nee' },
  ],
  gekozen: invoer.eersteContact,
  fout: fouten.eersteContact,
})}
<button type="submit" class="loket-button">Contact afsluiten</button>
</form>
</section>`;
}

function gesloten(view: ContactView): SafeHtml {
  const contact = view.contact;
  return html`<section class="loket-sectie" aria-labelledby="afgesloten-titel">
<h2 class="utrecht-heading-2" id="afgesloten-titel">Afgesloten</h2>
<dl>
<dt>Onderwerp</dt><dd>${contact.onderwerp}</dd>
<dt>Uitkomst</dt><dd>${resultaatLabel(contact.resultaat)}${contact.resultaat_toelichting ? `: ${contact.resultaat_toelichting}` : ''}</dd>
<dt>Afgehandeld bij het eerste contact</dt><dd>${contact.afgehandeld_bij_eerste_contact ? 'Ja' : 'Nee'}</dd>
<dt>Notities</dt><dd>${contact.notities === '' ? '(geen)' : contact.notities}</dd>
<dt>Afgesloten op</dt><dd>${contact.gesloten_op ? toonMoment(contact.gesloten_op) : ''}</dd>
</dl>
</section>`;
}

function summaryOf(view: ContactView): SummaryError[] {
  const errors: SummaryError[] = [];
  const identificatie = view.identificatie?.fouten ?? {};
  if (identificatie.sleutel) errors.push({ fieldId: 'sleutel', message: identificatie.sleutel });
  if (identificatie.waarde) errors.push({ fieldId: 'waarde', message: identificatie.waarde });
  if (identificatie.geboortedatum) errors.push({ fieldId: 'geboortedatum', message: identificatie.geboortedatum });
  if (view.notities?.fout) errors.push({ fieldId: 'notities', message: view.notities.fout });
  const afsluiten = view.afsluiten?.fouten ?? {};
  if (afsluiten.kanaal) errors.push({ fieldId: 'afsluiten-kanaal', message: afsluiten.kanaal });
  if (afsluiten.onderwerp) errors.push({ fieldId: 'afsluiten-onderwerp', message: afsluiten.onderwerp });
  if (afsluiten.resultaat) errors.push({ fieldId: 'resultaat', message: afsluiten.resultaat });
  if (afsluiten.toelichting) errors.push({ fieldId: 'toelichting', message: afsluiten.toelichting });
  if (afsluiten.eersteContact) errors.push({ fieldId: 'eersteContact', message: afsluiten.eersteContact });
  return errors;
}

/**
 * The page of one contact: who it is, one search box over the kennisbank and the person's zaken and contacts, the
 * notes, closing, and the hand-overs (contactverzoek, aanvraag) other pages handle.
 */
export function contactPage(view: ContactView): SafeHtml {
  const contact = view.contact;
  const uuid = contact.klantcontact_uuid;
  const summary = summaryOf(view);
  const open = contact.status === 'open';
  const titel = `Contact ${view.nummer}`;
  return kccPage({
    title: `${summary.length > 0 ? 'Fout: ' : ''}${titel}`,
    tenantName: view.tenantName,
    staff: view.staff,
    path: contactPath(uuid),
    body: html`${errorSummary(summary)}
${openContactenWissel(view.open, uuid)}
<h1 class="utrecht-heading-1">${titel}</h1>
<p class="utrecht-paragraph">${kanaalLabel(contact.kanaal)}, geopend ${toonMoment(contact.geopend_op)}. ${open ? 'Open.' : 'Afgesloten.'}</p>
${view.melding ? html`<p class="loket-notice" role="status">${view.melding}</p>` : ''}
<ul class="loket-kcc-links">
<li><a href="${contactverzoekPath(uuid)}">Contactverzoek maken</a></li>
<li><a href="${aanvraagPath(uuid)}">Aanvraag starten namens deze persoon</a></li>
</ul>
<div class="loket-kcc-kolommen">
<div>
${identificatieSectie(view)}
${zoekSectie(view)}
</div>
<div>
${view.wijzigbaar ? html`${notitiesSectie(view)}${afsluitSectie(view)}` : ''}
${open ? '' : gesloten(view)}
</div>
</div>`,
  });
}
