import { csrfField } from '../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorSummary } from '../form-fields.ts';
import { werkplekPage } from '../werkplek-page.ts';
import { atwEinddag, risicoDagen, termijnStand } from '../../components/zaken/termijnen/awb-termijnen.ts';
import { datumTekst, termijnBadge } from './termijn-badge.ts';
import type { Collega } from './toewijzing.ts';
import { COUNT_CAP, LIJSTEN, PAGE_SIZE, type Lijst, type WerkvoorraadFilter, type WerkvoorraadRegel } from './werkvoorraad-query.ts';

export const WERKVOORRAAD_PATH = '/medewerker/werkvoorraad';
export const TOEWIJZEN_PATH = '/medewerker/werkvoorraad/toewijzen';

const LIJST_LABELS: Record<Lijst, string> = { mijn: 'Mijn zaken', team: 'Mijn team', 'niet-toegewezen': 'Niet toegewezen' };

export interface WerkvoorraadView {
  staff: StaffIdentity;
  tenantName: string;
  lijst: Lijst;
  filter: WerkvoorraadFilter;
  /** The status filter as the form sends it. */
  statusWaarde: string;
  counts: Record<Lijst, number>;
  rows: WerkvoorraadRegel[];
  keuzes: { zaaktypen: { identificatie: string; omschrijving: string }[]; statussen: string[] };
  /** Colleagues per zaaktype identificatie, for the assign forms. */
  collegas: Map<string, Collega[]>;
  pagina: number;
  today: string;
  melding?: string;
  /** An assignment that could not be made: the row and why. */
  fout?: { zaakUuid: string; message: string };
}

/** The query string of the werkvoorraad with these settings (omitting defaults). */
export function werkvoorraadQuery(lijst: Lijst, zaaktype: string | undefined, status: string, pagina = 1): string {
  const params = new URLSearchParams({ lijst });
  if (zaaktype) params.set('zaaktype', zaaktype);
  if (status && status !== 'open') params.set('status', status);
  if (pagina > 1) params.set('pagina', String(pagina));
  return params.toString();
}

function aantal(count: number): string {
  return count > COUNT_CAP ? `${COUNT_CAP.toLocaleString('nl-NL')}+` : String(count);
}

function filterForm(view: WerkvoorraadView): SafeHtml {
  const option = (value: string, label: string, selected: boolean) => html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  return html`<form method="get" action="${WERKVOORRAAD_PATH}" class="loket-filters" aria-label="Filters">
<input type="hidden" name="lijst" value="${view.lijst}">
<div class="loket-form-field"><label for="filter-zaaktype">Zaaktype</label>
<select id="filter-zaaktype" name="zaaktype">${option('', 'Alle zaaktypen', view.filter.zaaktype === undefined)}${view.keuzes.zaaktypen.map((zaaktype) => option(zaaktype.identificatie, zaaktype.omschrijving, zaaktype.identificatie === view.filter.zaaktype))}</select></div>
<div class="loket-form-field"><label for="filter-status">Status</label>
<select id="filter-status" name="status">${option('open', 'Alle open zaken', view.statusWaarde === 'open')}${option('opgeschort', 'Opgeschort', view.statusWaarde === 'opgeschort')}${view.keuzes.statussen.map((status) => option(`status:${status}`, `Status: ${status}`, view.statusWaarde === `status:${status}`))}${option('afgesloten', 'Afgesloten zaken', view.statusWaarde === 'afgesloten')}</select></div>
<div class="loket-form-field"><button type="submit" class="loket-button loket-button-secondary">Filteren</button></div>
</form>`;
}

function tabs(view: WerkvoorraadView): SafeHtml {
  return html`<nav aria-label="Lijsten van de werkvoorraad"><ul class="loket-tabs">${LIJSTEN.map(
    (lijst) => html`<li><a class="utrecht-link" href="${WERKVOORRAAD_PATH}?${werkvoorraadQuery(lijst, view.filter.zaaktype, view.statusWaarde)}"${lijst === view.lijst ? html` aria-current="page"` : ''}>${LIJST_LABELS[lijst]} <span class="loket-tab-aantal">(${aantal(view.counts[lijst])}<span class="loket-visually-hidden"> zaken</span>)</span></a></li>`,
  )}</ul></nav>`;
}

function toewijsForm(view: WerkvoorraadView, row: WerkvoorraadRegel): SafeHtml {
  if (row.einddatum !== null) return html``;
  const collegas = view.collegas.get(row.zaaktypeIdentificatie) ?? [];
  const id = `toewijzen-${row.uuid}`;
  const fout = view.fout?.zaakUuid === row.uuid ? view.fout.message : undefined;
  const terug = `${WERKVOORRAAD_PATH}?${werkvoorraadQuery(view.lijst, view.filter.zaaktype, view.statusWaarde, view.pagina)}`;
  return html`<form method="post" action="${TOEWIJZEN_PATH}" class="loket-toewijzen">
${csrfField(view.staff.csrfToken)}<input type="hidden" name="zaak" value="${row.uuid}"><input type="hidden" name="terug" value="${terug}">
<label for="${id}" class="loket-visually-hidden">Behandelaar van zaak ${row.identificatie}</label>
${fout ? html`<p class="loket-field-error" id="${id}-fout"><span class="loket-visually-hidden">Fout: </span>${fout}</p>` : ''}
<select id="${id}" name="behandelaar"${fout ? html` aria-invalid="true" aria-describedby="${id}-fout"` : ''}>${collegas.map(
    (collega) => html`<option value="${collega.id}"${collega.id === view.staff.userId ? html` selected` : ''}>${collega.id === view.staff.userId ? `Mijzelf (${collega.naam})` : collega.naam}</option>`,
  )}</select>
<button type="submit" class="loket-button loket-button-secondary">Toewijzen<span class="loket-visually-hidden"> (zaak ${row.identificatie})</span></button>
</form>`;
}

function regel(view: WerkvoorraadView, row: WerkvoorraadRegel): SafeHtml {
  const stand = row.einddatum === null ? termijnStand({ uiterlijk: row.uiterlijkeEinddatumAfdoening, opgeschort: row.opgeschort, risicoDagen: risicoDagen(row.startdatum, row.doorlooptijd) }, view.today) : 'geen-termijn';
  return html`<tr>
<th scope="row"><a class="utrecht-link" href="/medewerker/zaken/${row.uuid}">${row.identificatie}</a></th>
<td>${row.omschrijving || '–'}</td>
<td>${row.zaaktype}</td>
<td>${row.einddatum === null ? (row.status ?? 'Nog geen status') : `Afgesloten op ${datumTekst(row.einddatum)}`}</td>
<td>${datumTekst(atwEinddag(row.uiterlijkeEinddatumAfdoening))} ${termijnBadge(stand)}</td>
<td>${row.behandelaar ?? 'Niet toegewezen'}</td>
<td>${toewijsForm(view, row)}</td>
</tr>`;
}

function paginering(view: WerkvoorraadView): SafeHtml {
  const total = view.counts[view.lijst];
  const hasNext = view.pagina * PAGE_SIZE < total;
  if (view.pagina === 1 && !hasNext) return html``;
  const link = (pagina: number, label: string) => html`<a class="utrecht-link" href="${WERKVOORRAAD_PATH}?${werkvoorraadQuery(view.lijst, view.filter.zaaktype, view.statusWaarde, pagina)}">${label}</a>`;
  return html`<nav aria-label="Paginering" class="loket-paginering"><p>
${view.pagina > 1 ? link(view.pagina - 1, 'Vorige pagina') : ''}
<span>Pagina ${view.pagina}</span>
${hasNext ? link(view.pagina + 1, 'Volgende pagina') : ''}
</p></nav>`;
}

/** The werkvoorraad: three lists with counts, filters, the zaken by deadline, and assigning. */
export function werkvoorraadPage(view: WerkvoorraadView): SafeHtml {
  const titel = LIJST_LABELS[view.lijst];
  const body = html`<h1 class="utrecht-heading-1">Werkvoorraad</h1>
${view.fout ? errorSummary([{ fieldId: view.rows.some((row) => row.uuid === view.fout?.zaakUuid) ? `toewijzen-${view.fout.zaakUuid}` : 'werkvoorraad-titel', message: view.fout.message }]) : ''}
${view.melding ? html`<div class="loket-notice" role="status"><p>${view.melding}</p></div>` : ''}
${tabs(view)}
${filterForm(view)}
<div class="loket-tabel-wrap" role="region" aria-labelledby="werkvoorraad-titel" tabindex="0">
<table>
<caption id="werkvoorraad-titel">${titel}: zaken op volgorde van uiterlijke afhandeldatum, vroegste eerst</caption>
<thead><tr><th scope="col">Zaak</th><th scope="col">Omschrijving</th><th scope="col">Zaaktype</th><th scope="col">Status</th><th scope="col">Uiterlijke afhandeldatum</th><th scope="col">Behandelaar</th><th scope="col">Toewijzen</th></tr></thead>
<tbody>${view.rows.length === 0 ? html`<tr><td colspan="7">Geen zaken in deze lijst.</td></tr>` : view.rows.map((row) => regel(view, row))}</tbody>
</table>
</div>
${paginering(view)}
<p class="utrecht-paragraph loket-hint">Risico: minder dan 20% van de doorlooptijd over (ten minste 3 dagen). Te laat: de uiterlijke afhandeldatum is voorbij. Een opgeschorte zaak telt niet af. Een termijn die op een zaterdag, zondag of feestdag eindigt, loopt door tot en met de eerstvolgende werkdag (Algemene termijnenwet): die datum staat hier.</p>`;
  return werkplekPage({ title: `Werkvoorraad – ${titel}`, tenantName: view.tenantName, staff: view.staff, body, path: WERKVOORRAAD_PATH });
}
