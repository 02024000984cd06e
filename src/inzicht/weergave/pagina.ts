import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { werkplekPage } from '../../medewerker/werkplek-page.ts';
import { errorSummary } from '../../medewerker/form-fields.ts';
import type { Dashboard, Sectie } from '../dashboard.ts';
import { filterQueryString, type FilterFout, type Filters } from '../filters.ts';
import { KANALEN, ZOEKKANALEN, ZOEKKANAAL_LABELS, kanaalLabel } from '../kanalen.ts';
import { INZICHT_PADEN, type DashboardNaam } from '../paden.ts';
import { datumTekst } from '../periode.ts';
import { WACHTEND_MAX } from '../aggregaten/verversen.ts';
import { celTekst, tabelHtml } from './tabel.ts';

export const DASHBOARD_TITELS: Record<DashboardNaam, string> = {
  kanalen: 'Kanalen',
  dienstverlening: 'Dienstverlening',
  kcc: 'Klantcontactcentrum',
  kennisbank: 'Kennisbank',
  volwassenheid: 'Digitale volwassenheid',
};

export interface Keuzes {
  zaaktypen: readonly { identificatie: string; naam: string }[];
  teams: readonly { id: string; naam: string }[];
}

function dashboardNav(toegestaan: readonly DashboardNaam[], huidig: DashboardNaam | null, query: string): SafeHtml {
  return html`<nav class="inzicht-nav" aria-label="Dashboards">
<ul><li><a href="${INZICHT_PADEN.index}"${huidig === null ? html` aria-current="page"` : ''}>Overzicht</a></li>
${toegestaan.map((naam) => html`<li><a href="${INZICHT_PADEN.dashboard(naam)}${query}"${naam === huidig ? html` aria-current="page"` : ''}>${DASHBOARD_TITELS[naam]}</a></li>`)}</ul>
</nav>`;
}

function fout(fouten: readonly FilterFout[], veld: FilterFout['veld']): FilterFout | undefined {
  return fouten.find((item) => item.veld === veld);
}

function veld(id: FilterFout['veld'], label: string, fouten: readonly FilterFout[], control: (attributen: SafeHtml) => SafeHtml, hint?: string): SafeHtml {
  const f = fout(fouten, id);
  const beschreven = [hint ? `${id}-hint` : '', f ? `${id}-fout` : ''].filter(Boolean).join(' ');
  const attributen = html` id="${id}" name="${id}"${f ? html` aria-invalid="true"` : ''}${beschreven ? html` aria-describedby="${beschreven}"` : ''}`;
  return html`<div class="loket-form-field${f ? ' loket-form-field--invalid' : ''}"><label for="${id}">${label}</label>
${hint ? html`<p class="loket-hint" id="${id}-hint">${hint}</p>` : ''}${f ? html`<p class="loket-field-error" id="${id}-fout"><span class="loket-visually-hidden">Fout: </span>${f.melding}</p>` : ''}
${control(attributen)}</div>`;
}

function keuzelijst(waarde: string | undefined, opties: readonly { value: string; label: string }[], alle: string): (attributen: SafeHtml) => SafeHtml {
  return (attributen) => html`<select${attributen}><option value="">${alle}</option>${opties.map((optie) => html`<option value="${optie.value}"${optie.value === waarde ? html` selected` : ''}>${optie.label}</option>`)}</select>`;
}

/** The filter form: a plain GET form, so it works without script and the URL can be shared. */
function filterFormulier(naam: DashboardNaam, dashboard: Dashboard, filters: Filters, fouten: readonly FilterFout[], keuzes: Keuzes): SafeHtml {
  const keuze = dashboard.filters;
  return html`<form class="loket-form loket-form--secondary inzicht-filters" method="get" action="${INZICHT_PADEN.dashboard(naam)}">
<fieldset><legend>Filters</legend>
${veld('van', 'Van', fouten, (a) => html`<input type="date"${a} value="${filters.van}">`, 'Eerste dag, bijvoorbeeld 2027-01-01')}
${veld('tot', 'Tot en met', fouten, (a) => html`<input type="date"${a} value="${filters.tot}">`, 'Laatste dag')}
${keuze.zaaktype ? veld('zaaktype', 'Product of zaaktype', fouten, keuzelijst(filters.zaaktype, keuzes.zaaktypen.map((z) => ({ value: z.identificatie, label: z.naam })), 'Alle')) : ''}
${keuze.kanaal ? veld('kanaal', 'Kanaal', fouten, keuzelijst(filters.kanaal, KANALEN.map((k) => ({ value: k, label: kanaalLabel(k) })), 'Alle kanalen')) : ''}
${keuze.team ? veld('team', 'Team', fouten, keuzelijst(filters.team, keuzes.teams.map((t) => ({ value: t.id, label: t.naam })), 'Alle teams')) : ''}
${keuze.zoekkanaal ? veld('zoekkanaal', 'Gezocht via', fouten, keuzelijst(filters.zoekkanaal, ZOEKKANALEN.map((k) => ({ value: k, label: ZOEKKANAAL_LABELS[k] })), 'Alle')) : ''}
<button type="submit" class="loket-button">Toon</button>
</fieldset>
</form>`;
}

function sectieHtml(naam: DashboardNaam, sectie: Sectie, query: string): SafeHtml {
  const csv = (id: string) => `${INZICHT_PADEN.csv(naam)}${query}&tabel=${encodeURIComponent(id)}`;
  return html`<section class="inzicht-sectie" aria-labelledby="${sectie.id}-kop">
<h2 class="utrecht-heading-2" id="${sectie.id}-kop">${sectie.kop}</h2>
${sectie.uitleg ? html`<p class="utrecht-paragraph">${sectie.uitleg}</p>` : ''}
${sectie.kerncijfers && sectie.kerncijfers.length > 0 ? html`<dl class="inzicht-kerncijfers">${sectie.kerncijfers.map((cijfer) => html`<div><dt>${cijfer.label}</dt><dd>${cijfer.waarde}</dd></div>`)}</dl>` : ''}
<div class="inzicht-naast">${(sectie.grafieken ?? []).map((grafiek) => grafiek)}</div>
${sectie.tabellen.map((tabel) => tabelHtml(tabel, csv(tabel.id)))}
</section>`;
}

/** A dashboard page: the dashboards' navigation, the filters, and every section with its charts and tables. */
export function dashboardPagina(options: {
  tenantName: string;
  staff: StaffIdentity;
  naam: DashboardNaam;
  toegestaan: readonly DashboardNaam[];
  dashboard: Dashboard;
  filters: Filters;
  fouten: readonly FilterFout[];
  keuzes: Keuzes;
  wachtend: number;
}): SafeHtml {
  const { dashboard, filters } = options;
  const query = filterQueryString(filters);
  const periode = dashboard.filters.zaaktype || dashboard.filters.kanaal || dashboard.filters.zoekkanaal || dashboard.filters.team;
  return werkplekPage({
    title: `${options.fouten.length > 0 ? 'Fout: ' : ''}${dashboard.titel} – Inzicht`,
    tenantName: options.tenantName,
    staff: options.staff,
    path: INZICHT_PADEN.dashboard(options.naam),
    body: html`${dashboardNav(options.toegestaan, options.naam, query)}
<h1 class="utrecht-heading-1">${dashboard.titel}</h1>
<p class="utrecht-paragraph">${dashboard.inleiding}</p>
${errorSummary(options.fouten.map((item) => ({ fieldId: item.veld, message: item.melding })))}
${periode ? filterFormulier(options.naam, dashboard, filters, options.fouten, options.keuzes) : ''}
${periode ? html`<p class="utrecht-paragraph">Periode: <strong>${datumTekst(filters.van)}</strong> tot en met <strong>${datumTekst(filters.tot)}</strong>.</p>` : ''}
${options.wachtend > 0 ? html`<p class="utrecht-paragraph inzicht-melding">De cijfers worden bijgewerkt: ${options.wachtend > WACHTEND_MAX ? `meer dan ${celTekst(WACHTEND_MAX)}` : celTekst(options.wachtend)} recente wijzigingen zijn nog niet verwerkt.</p>` : ''}
${dashboard.secties.map((sectie) => sectieHtml(options.naam, sectie, query))}`,
  });
}

/** The index: what each dashboard answers, and the open-data export. */
export function indexPagina(options: { tenantName: string; staff: StaffIdentity; toegestaan: readonly DashboardNaam[]; vandaag: string }): SafeHtml {
  const uitleg: Record<DashboardNaam, string> = {
    kanalen: 'Aanvragen en contacten per kanaal, het aandeel digitaal en wat nog telefonisch of aan de balie binnenkomt.',
    dienstverlening: 'Instroom en afhandeling, doorlooptijden tegenover normen, werkvoorraad per team, opschorting en verlenging.',
    kcc: 'Contacten per kanaal en uur, oplossing bij eerste contact, contactverzoeken.',
    kennisbank: 'Zoektermen, wat niet gevonden wordt, laagst beoordeelde antwoorden en verlopen reviews.',
    volwassenheid: 'Per product: online, DigiD/eHerkenning, status volgen, vooraf ingevuld en zonder papier.',
  };
  return werkplekPage({
    title: 'Inzicht',
    tenantName: options.tenantName,
    staff: options.staff,
    path: INZICHT_PADEN.index,
    body: html`${dashboardNav(options.toegestaan, null, '')}
<h1 class="utrecht-heading-1">Inzicht</h1>
<p class="utrecht-paragraph">Cijfers uit website, kennisbank, klantcontactcentrum en zaaksysteem samen, om op te sturen. Alle cijfers zijn aantallen zonder persoonsgegevens.</p>
<ul class="utrecht-unordered-list">${options.toegestaan.map((naam) => html`<li><a class="utrecht-link" href="${INZICHT_PADEN.dashboard(naam)}">${DASHBOARD_TITELS[naam]}</a>: ${uitleg[naam]}</li>`)}</ul>
<h2 class="utrecht-heading-2">Open data</h2>
<p class="utrecht-paragraph">Aanvragen en afgehandelde zaken per product, kanaal en maand, om te publiceren. Aantallen onder de 10 staan er niet in (leeg in CSV, <code>null</code> in JSON), zodat niemand herkenbaar wordt. Standaard de twaalf maanden tot en met ${options.vandaag.slice(0, 7)}; kies een andere periode met <code>?van=</code> en <code>?tot=</code>.</p>
<ul class="utrecht-unordered-list"><li><a class="utrecht-link" href="${INZICHT_PADEN.openDataCsv}" download>Open data (CSV)</a></li><li><a class="utrecht-link" href="${INZICHT_PADEN.openDataJson}" download>Open data (JSON)</a></li></ul>`,
  });
}
