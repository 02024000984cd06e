import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { Bericht } from '../../portaal/mijn/berichten-repository.ts';
import { isAtwWerkdag, volgendeAtwWerkdag } from '../../platform/kalender/feestdagen.ts';
import { errorSummary, type SummaryError } from '../form-fields.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { daysBetween, risicoDagen, termijnStand, type Termijnen } from '../../components/zaken/termijnen/awb-termijnen.ts';
import { tekstVeld, tekstvakVeld } from './actie-velden.ts';
import { datumTekst, momentTekst, termijnBadge } from './termijn-badge.ts';
import { actieForm, actiesBlok, veldId, type ActieStaat } from './zaak-actie-forms.ts';
import type { BesluitRegel, OpschortingRegel, RolRegel, StatusRegel, ZaakKern, ZaaktypeKeuzes } from './zaak-gegevens.ts';
import { WERKVOORRAAD_PATH } from './werkvoorraad-page.ts';

/*
 * The staff zaak page: the zaak's own blocks (data and eigenschappen, deadlines, rollen, status history, besluiten,
 * messages with the resident, the actions for a handler), then the sections of ZAAK_SECTIES, all listed in a table of
 * contents at the top.
 */

export interface ZaakPageView {
  staff: StaffIdentity;
  tenantName: string;
  zaak: ZaakKern;
  eigenschappen: { naam: string; waarde: string }[];
  rollen: RolRegel[];
  statussen: StatusRegel[];
  besluiten: BesluitRegel[];
  resultaat: { omschrijving: string; toelichting: string } | undefined;
  opschortingen: OpschortingRegel[];
  termijnen: Termijnen;
  /** The Awb count of the legal deadline, when the workspace moved it to the next working day by the Atw. */
  uiterlijkVoorAtw?: string | undefined;
  behandelaar: string | undefined;
  berichten: Bericht[];
  keuzes: ZaaktypeKeuzes;
  magBehandelen: boolean;
  versie: string;
  today: string;
  melding?: string;
  staat?: ActieStaat;
  secties: { id: string; titel: string; inhoud: SafeHtml }[];
}

function gegevens(view: ZaakPageView): SafeHtml {
  const { zaak } = view;
  const regel = (term: string, waarde: string | SafeHtml) => html`<dt>${term}</dt><dd>${waarde}</dd>`;
  return html`<dl class="loket-gegevens">
${regel('Zaaktype', zaak.zaaktype.omschrijving)}
${regel('Omschrijving', zaak.omschrijving || '–')}
${zaak.toelichting ? regel('Toelichting', zaak.toelichting) : ''}
${regel('Startdatum', datumTekst(zaak.startdatum))}
${regel('Registratiedatum', datumTekst(zaak.registratiedatum))}
${regel('Behandelaar', view.behandelaar ?? 'Niet toegewezen')}
${regel('Vertrouwelijkheid', zaak.vertrouwelijkheidaanduiding.replaceAll('_', ' '))}
${regel('Status', view.statussen[0]?.omschrijving ?? 'Nog geen status')}
${regel('Resultaat', view.resultaat ? view.resultaat.omschrijving : '–')}
${zaak.einddatum ? regel('Afgesloten op', datumTekst(zaak.einddatum)) : ''}
${zaak.einddatum ? regel('Archiefnominatie', zaak.archiefnominatie ?? '–') : ''}
${zaak.einddatum ? regel('Archiefactiedatum', datumTekst(zaak.archiefactiedatum)) : ''}
${view.eigenschappen.map((eigenschap) => regel(eigenschap.naam, eigenschap.waarde))}
</dl>`;
}

/**
 * Why the legal deadline is the date it is, in words beside it: moved by the Algemene termijnenwet, or (a date set
 * elsewhere, or the zaaktype's own count) ending on a day the Atw moves on to the next working day.
 */
function atwUitleg(uiterlijk: string | null, uiterlijkVoorAtw: string | undefined): string {
  if (uiterlijk === null) return '';
  if (uiterlijkVoorAtw !== undefined) return ` – verschoven naar de eerstvolgende werkdag (Algemene termijnenwet); de termijn zelf eindigde op ${datumTekst(uiterlijkVoorAtw)}`;
  if (!isAtwWerkdag(uiterlijk)) return ` – valt op een zaterdag, zondag of feestdag; volgens de Algemene termijnenwet loopt de termijn door tot en met ${datumTekst(volgendeAtwWerkdag(uiterlijk))}`;
  return '';
}

function termijnenBlok(view: ZaakPageView): SafeHtml {
  const { zaak, termijnen } = view;
  const stand = zaak.einddatum === null ? termijnStand({ uiterlijk: zaak.uiterlijkeEinddatumAfdoening, opgeschort: Boolean(zaak.opschorting?.indicatie), risicoDagen: risicoDagen(zaak.startdatum, zaak.zaaktype.doorlooptijd) }, view.today) : 'geen-termijn';
  const lopend = zaak.opschorting?.indicatie ? view.opschortingen.find((periode) => periode.einddatum === null) : undefined;
  return html`<dl class="loket-gegevens">
<dt>Uiterlijke afhandeldatum (wettelijke termijn)</dt><dd>${datumTekst(zaak.uiterlijkeEinddatumAfdoening)}${atwUitleg(zaak.uiterlijkeEinddatumAfdoening, view.uiterlijkVoorAtw)} ${termijnBadge(stand)}</dd>
<dt>Servicenorm</dt><dd>${datumTekst(zaak.einddatumGepland)}</dd>
<dt>Termijn volgens zaaktype</dt><dd>${datumTekst(termijnen.oorspronkelijk)} (startdatum + doorlooptijd ${zaak.zaaktype.doorlooptijd})${atwUitleg(termijnen.oorspronkelijk, undefined)}</dd>
<dt>Verlenging</dt><dd>${zaak.verlenging ? `${zaak.verlenging.duur}: ${zaak.verlenging.reden}` : 'Geen'}</dd>
<dt>Opgeschort</dt><dd>${lopend ? `Sinds ${datumTekst(lopend.begindatum)} (${daysBetween(lopend.begindatum, view.today)} dagen): ${lopend.reden}` : zaak.opschorting?.indicatie ? `Ja: ${zaak.opschorting.reden}` : 'Nee'}${termijnen.opgeschorteDagen > 0 ? `; eerder ${termijnen.opgeschorteDagen} dagen opgeschort` : ''}</dd>
</dl>
${
  view.opschortingen.length === 0
    ? ''
    : html`<div class="loket-tabel-wrap" role="region" aria-labelledby="opschortingen-titel" tabindex="0"><table>
<caption id="opschortingen-titel">Opschortingen</caption>
<thead><tr><th scope="col">Van</th><th scope="col">Tot</th><th scope="col">Dagen</th><th scope="col">Reden</th></tr></thead>
<tbody>${view.opschortingen.map(
        (periode) =>
          html`<tr><td>${datumTekst(periode.begindatum)}</td><td>${periode.einddatum ? datumTekst(periode.einddatum) : 'loopt nog'}</td><td>${String(daysBetween(periode.begindatum, periode.einddatum ?? view.today))}</td><td>${periode.reden}</td></tr>`,
      )}</tbody></table></div>`
}`;
}

function rollenBlok(view: ZaakPageView): SafeHtml {
  if (view.rollen.length === 0) return html`<p class="utrecht-paragraph">Geen betrokkenen.</p>`;
  return html`<ul>${view.rollen.map((rol) => html`<li>${rol.roltype}: ${rol.naam || rol.betrokkeneType.replaceAll('_', ' ')}</li>`)}</ul>`;
}

function statussenBlok(view: ZaakPageView): SafeHtml {
  if (view.statussen.length === 0) return html`<p class="utrecht-paragraph">Nog geen status gezet.</p>`;
  return html`<div class="loket-tabel-wrap" role="region" aria-labelledby="statussen-titel" tabindex="0"><table>
<caption id="statussen-titel">Statusgeschiedenis, nieuwste eerst</caption>
<thead><tr><th scope="col">Status</th><th scope="col">Gezet op</th><th scope="col">Toelichting</th></tr></thead>
<tbody>${view.statussen.map((status) => html`<tr><td>${status.omschrijving}</td><td>${momentTekst(status.datumStatusGezet)}</td><td>${status.toelichting || '–'}</td></tr>`)}</tbody>
</table></div>`;
}

function besluitenBlok(view: ZaakPageView): SafeHtml {
  if (view.besluiten.length === 0) return html`<p class="utrecht-paragraph">Nog geen besluiten.</p>`;
  return html`<ul>${view.besluiten.map((besluit) => html`<li>${besluit.besluittype} (${besluit.identificatie}), genomen op ${datumTekst(besluit.datum)}, ingang ${datumTekst(besluit.ingangsdatum)}${besluit.toelichting ? `: ${besluit.toelichting}` : ''}</li>`)}</ul>`;
}

function berichtenBlok(view: ZaakPageView): SafeHtml {
  const lijst =
    view.berichten.length === 0
      ? html`<p class="utrecht-paragraph">Nog geen berichten.</p>`
      : html`<ul>${view.berichten.map(
          (bericht) => html`<li><strong>${bericht.onderwerp}</strong> – ${bericht.richting === 'van_inwoner' ? 'van de inwoner' : `van ${bericht.afzender}`}, ${momentTekst(bericht.createdAt)}<br>${bericht.tekst}</li>`,
        )}</ul>`;
  const form = view.magBehandelen
    ? actieForm({ zaak: view.zaak, keuzes: view.keuzes, csrfToken: view.staff.csrfToken, versie: view.versie, staat: view.staat }, 'bericht', 'Bericht versturen', (field) => [
        tekstVeld({ ...field('onderwerp'), label: 'Onderwerp', maxlength: 200, required: true }),
        tekstvakVeld({ ...field('tekst'), label: 'Bericht', hint: 'De inwoner leest het in Mijn berichten en krijgt een e-mail als er een adres bekend is.', maxlength: 10_000, required: true }),
      ])
    : html``;
  return html`${lijst}${form}`;
}

function fouten(view: ZaakPageView): SummaryError[] {
  const staat = view.staat;
  if (!staat) return [];
  return Object.entries(staat.errors).map(([name, message]) => ({ fieldId: veldId(staat.actie, name), message }));
}

/** The zaak page. */
export function zaakPage(view: ZaakPageView): SafeHtml {
  const { zaak } = view;
  const blokken: { id: string; titel: string; inhoud: SafeHtml }[] = [
    { id: 'gegevens', titel: 'Gegevens', inhoud: gegevens(view) },
    { id: 'termijnen', titel: 'Termijnen', inhoud: termijnenBlok(view) },
    { id: 'betrokkenen', titel: 'Betrokkenen', inhoud: rollenBlok(view) },
    { id: 'statussen', titel: 'Statussen', inhoud: statussenBlok(view) },
    { id: 'besluiten', titel: 'Besluiten', inhoud: besluitenBlok(view) },
    { id: 'berichten', titel: 'Berichten met de inwoner', inhoud: berichtenBlok(view) },
    ...(view.magBehandelen ? [{ id: 'acties', titel: 'Acties', inhoud: actiesBlok({ zaak, keuzes: view.keuzes, csrfToken: view.staff.csrfToken, versie: view.versie, staat: view.staat }) }] : []),
  ];
  // The ZAAK_SECTIES render their own <section> with its id and heading; the table of contents lists them too.
  const inhoudsopgave = [...blokken, ...view.secties];
  const body = html`<p class="utrecht-paragraph"><a class="utrecht-link" href="${WERKVOORRAAD_PATH}">Terug naar de werkvoorraad</a></p>
<h1 class="utrecht-heading-1">Zaak ${zaak.identificatie}</h1>
<p class="utrecht-paragraph">${zaak.zaaktype.omschrijving}${zaak.einddatum ? ` – afgesloten op ${datumTekst(zaak.einddatum)}` : ''}</p>
${errorSummary(fouten(view))}
${view.melding ? html`<div class="loket-notice" role="status"><p>${view.melding}</p></div>` : ''}
<nav aria-labelledby="inhoud-titel"><h2 class="utrecht-heading-2" id="inhoud-titel">Op deze pagina</h2>
<ul>${inhoudsopgave.map((blok) => html`<li><a class="utrecht-link" href="#${blok.id}">${blok.titel}</a></li>`)}</ul></nav>
${blokken.map((blok) => html`<section class="loket-sectie" id="${blok.id}" aria-labelledby="${blok.id}-kop"><h2 class="utrecht-heading-2" id="${blok.id}-kop">${blok.titel}</h2>${blok.inhoud}</section>`)}
${view.secties.map((sectie) => sectie.inhoud)}`;
  return werkplekPage({ title: `Zaak ${zaak.identificatie}`, tenantName: view.tenantName, staff: view.staff, body, path: WERKVOORRAAD_PATH });
}
