import type { Tenant } from '../../platform/database/schema.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { addIsoDuration } from '../../components/zaken/shared/duration.ts';
import { portaalPage } from '../portaal-page.ts';
import { formatDay } from './dates.ts';
import { MIJN_PATHS, zaakPath } from './portaal-links.ts';
import type { CurrentStatus, OwnZaak } from './zaken-repository.ts';
import { RESIDENT_PATHS } from '../../platform/auth/resident-paths.ts';

/**
 * When the resident may expect the decision at the latest: the zaak's deadline as the municipality keeps it (moved by
 * a suspension or an extension), else the planned end date, else the start date plus the zaaktype's doorlooptijd (the
 * term the law or the municipality sets for this kind of zaak).
 */
export function expectedDecisionDate(zaak: Pick<OwnZaak, 'uiterlijkeEinddatumAfdoening' | 'einddatumGepland' | 'startdatum' | 'doorlooptijd'>): string | undefined {
  return zaak.uiterlijkeEinddatumAfdoening ?? zaak.einddatumGepland ?? addIsoDuration(zaak.startdatum, zaak.doorlooptijd);
}

/** The status to show: the current step's name (and whether the zaak is closed), or what a zaak without steps is. */
export function statusText(zaak: Pick<OwnZaak, 'einddatum'>, current: string | undefined): string {
  if (current === undefined) return zaak.einddatum !== null ? 'Afgerond' : 'Ontvangen';
  return zaak.einddatum !== null ? `${current} (afgerond)` : current;
}

export interface MijnZakenList {
  zaken: OwnZaak[];
  statuses: Map<string, CurrentStatus>;
  pagina: number;
  pageSize: number;
  total: number;
}

function zaakItem(zaak: OwnZaak, status: CurrentStatus | undefined): SafeHtml {
  const verwacht = expectedDecisionDate(zaak);
  return html`<li class="mijn-zaak">
<h2 class="utrecht-heading-3"><a class="utrecht-link" href="${zaakPath(zaak.identificatie)}">${zaak.zaaktypeOmschrijving}<span class="loket-visually-hidden">, zaak ${zaak.identificatie}</span></a></h2>
<dl class="mijn-gegevens">
<div><dt>Zaaknummer</dt><dd>${zaak.identificatie}</dd></div>
<div><dt>Status</dt><dd>${statusText(zaak, status?.omschrijving)}</dd></div>
<div><dt>Gestart op</dt><dd><time datetime="${zaak.startdatum}">${formatDay(zaak.startdatum)}</time></dd></div>
${zaak.einddatum !== null
    ? html`<div><dt>Afgerond op</dt><dd><time datetime="${zaak.einddatum}">${formatDay(zaak.einddatum)}</time></dd></div>`
    : verwacht !== undefined ? html`<div><dt>Verwachte beslissing</dt><dd><time datetime="${verwacht}">${formatDay(verwacht)}</time></dd></div>` : ''}
</dl>
</li>`;
}

function pagination(list: MijnZakenList): SafeHtml {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages === 1) return html``;
  const link = (pagina: number) => (pagina === 1 ? MIJN_PATHS.zaken : `${MIJN_PATHS.zaken}?pagina=${pagina}`);
  return html`<nav class="mijn-paginering" aria-label="Paginering">
<p class="utrecht-paragraph">Pagina ${list.pagina} van ${pages}</p>
<ul class="mijn-paginering__lijst">
${list.pagina > 1 ? html`<li><a class="utrecht-link" href="${link(list.pagina - 1)}" rel="prev">Vorige pagina</a></li>` : ''}
${list.pagina < pages ? html`<li><a class="utrecht-link" href="${link(list.pagina + 1)}" rel="next">Volgende pagina</a></li>` : ''}
</ul>
</nav>`;
}

/** `GET /mijn/zaken`: the resident's zaken, newest first, with their status and the expected decision date. */
export function mijnZakenPage(tenant: Tenant, resident: ResidentIdentity, list: MijnZakenList): SafeHtml {
  return portaalPage({
    tenant,
    title: list.pagina > 1 ? `Mijn zaken, pagina ${list.pagina}` : 'Mijn zaken',
    resident,
    body: html`<nav class="mijn-kruimelpad" aria-label="Kruimelpad"><ol><li><a class="utrecht-link" href="${RESIDENT_PATHS.home}">Mijn omgeving</a></li><li aria-current="page">Mijn zaken</li></ol></nav>
<h1 class="utrecht-heading-1">Mijn zaken</h1>
${list.total === 0
    ? html`<p class="utrecht-paragraph">U heeft nog geen zaken bij ${tenant.name}. Een aanvraag of melding die u doet, ziet u hier terug.</p>`
    : html`<p class="utrecht-paragraph">U heeft ${list.total} ${list.total === 1 ? 'zaak' : 'zaken'}. De nieuwste staat bovenaan.</p>
<ul class="mijn-zaken">
${list.zaken.map((zaak) => zaakItem(zaak, list.statuses.get(zaak.uuid)))}
</ul>
${pagination(list)}`}`,
  });
}
