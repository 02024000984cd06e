import { csrfField } from '../../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import type { Intrekking } from '../../../platform/auth/api-client-intrekking.ts';
import type { ApplicatieJson } from '../../../components/autorisaties/present.ts';
import { AUTORISATIE_COMPONENTEN } from '../../../components/autorisaties/schemas.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { checkboxField, errorSummary, inputField, notice, optionalInput, selectField, type FieldErrors, type SelectOption } from '../velden.ts';
import { VERTROUWELIJKHEID_LABELS, VERTROUWELIJKHEID_OPTIES } from '../zaaktypen/zaaktype-formulier.ts';

/* The API clients pages: the applicaties of the tenant with a form for a new one, one applicatie, and the confirmation before deleting one. */

export const API_CLIENTS_PATH = '/medewerker/beheer/api-clients';

export const COMPONENT_LABELS: Record<string, string> = { ac: 'Autorisaties API', nrc: 'Notificaties API', zrc: 'Zaken API', ztc: 'Catalogi API', drc: 'Documenten API', brc: 'Besluiten API' };
const COMPONENT_OPTIES: SelectOption[] = AUTORISATIE_COMPONENTEN.map((value) => ({ value, label: COMPONENT_LABELS[value] ?? value }));

export interface AutorisatieWaarden {
  component: string;
  scopes: string;
  zaaktype: string;
  maxVertrouwelijkheidaanduiding: string;
}

export const LEGE_AUTORISATIE: AutorisatieWaarden = { component: 'zrc', scopes: '', zaaktype: '', maxVertrouwelijkheidaanduiding: 'zaakvertrouwelijk' };

const INGETROKKEN_BADGE = html`<span class="loket-badge loket-badge--te-laat">Ingetrokken</span>`;

const MOMENT = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });

const LABELS: Record<string, string> = {
  clientId: 'Client id',
  label: 'Naam',
  component: 'API',
  scopes: 'Scopes',
  zaaktype: 'Zaaktype',
  maxVertrouwelijkheidaanduiding: 'Hoogste vertrouwelijkheid',
  algemeen: 'Autorisaties',
};

function summary(fouten: FieldErrors): SafeHtml {
  return errorSummary(Object.entries(fouten).map(([fieldId, message]) => ({ fieldId: fieldId === 'algemeen' ? 'autorisatie-component' : fieldId, message: `${LABELS[fieldId.replace('autorisatie-', '')] ?? ''}: ${message}` })));
}

function autorisatieVelden(waarden: AutorisatieWaarden, fouten: FieldErrors, zaaktypen: SelectOption[]): SafeHtml {
  return html`${selectField({ id: 'autorisatie-component', name: 'component', label: LABELS.component ?? '', options: COMPONENT_OPTIES, value: waarden.component, error: fouten['autorisatie-component'] })}
${optionalInput({ id: 'autorisatie-scopes', name: 'scopes', label: LABELS.scopes ?? '', hint: 'Gescheiden door spaties of komma’s, bijvoorbeeld zaken.lezen zaken.aanmaken.', value: waarden.scopes, error: fouten['autorisatie-scopes'] })}
${selectField({ id: 'autorisatie-zaaktype', name: 'zaaktype', label: `${LABELS.zaaktype ?? ''} (voor de Zaken API)`, options: [{ value: '', label: 'Geen' }, ...zaaktypen], value: waarden.zaaktype, error: fouten['autorisatie-zaaktype'] })}
${selectField({ id: 'autorisatie-maxVertrouwelijkheidaanduiding', name: 'maxVertrouwelijkheidaanduiding', label: LABELS.maxVertrouwelijkheidaanduiding ?? '', options: VERTROUWELIJKHEID_OPTIES, value: waarden.maxVertrouwelijkheidaanduiding, error: fouten['autorisatie-maxVertrouwelijkheidaanduiding'] })}`;
}

function autorisatiesLijst(applicatie: ApplicatieJson, zaaktypeNaam: (url: string) => string, verwijder?: (index: number) => SafeHtml): SafeHtml {
  if (applicatie.heeftAlleAutorisaties) return html`<p class="utrecht-paragraph">Alle autorisaties.</p>`;
  if (applicatie.autorisaties.length === 0) return html`<p class="utrecht-paragraph">Geen autorisaties.</p>`;
  return html`<ul class="utrecht-unordered-list">${applicatie.autorisaties.map(
    (autorisatie, index) => html`<li>${COMPONENT_LABELS[autorisatie.component] ?? autorisatie.component}: ${autorisatie.scopes.join(', ')}${autorisatie.zaaktype ? `, zaaktype ${zaaktypeNaam(autorisatie.zaaktype)}` : ''}${autorisatie.maxVertrouwelijkheidaanduiding ? `, tot ${(VERTROUWELIJKHEID_LABELS[autorisatie.maxVertrouwelijkheidaanduiding] ?? autorisatie.maxVertrouwelijkheidaanduiding).toLowerCase()}` : ''}${verwijder ? verwijder(index) : ''}</li>`,
  )}</ul>`;
}

export function apiClientsPage(context: {
  tenantName: string;
  staff: StaffIdentity;
  applicaties: ApplicatieJson[];
  /** The uuids of the applicaties whose access is revoked. */
  ingetrokken: ReadonlySet<string>;
  zaaktypen: SelectOption[];
  waarden?: { clientId: string; label: string; alle: boolean; token: boolean; autorisatie: AutorisatieWaarden };
  fouten?: FieldErrors;
  melding?: string;
}): SafeHtml {
  const fouten = context.fouten ?? {};
  const waarden = context.waarden ?? { clientId: '', label: '', alle: false, token: false, autorisatie: LEGE_AUTORISATIE };
  const naam = (url: string) => context.zaaktypen.find((optie) => optie.value === url)?.label ?? url;
  const body = html`<h1 class="utrecht-heading-1">API-clients</h1>
${notice(context.melding)}
${summary(fouten)}
<p class="utrecht-paragraph">Applicaties die de API’s van Loket gebruiken, zoals de Autorisaties API ze kent.</p>
${context.applicaties.length === 0 ? html`<p class="utrecht-paragraph">Nog geen API-clients.</p>` : ''}
${context.applicaties.map(
  (applicatie) => html`<section class="loket-sectie" aria-labelledby="applicatie-${applicatie.url.split('/').at(-1) ?? ''}">
<h2 class="utrecht-heading-2" id="applicatie-${applicatie.url.split('/').at(-1) ?? ''}"><a href="${API_CLIENTS_PATH}/${applicatie.url.split('/').at(-1) ?? ''}">${applicatie.label}</a></h2>
<p class="utrecht-paragraph">Client id: ${applicatie.clientIds.join(', ')}</p>
${context.ingetrokken.has(applicatie.url.split('/').at(-1) ?? '') ? html`<p class="utrecht-paragraph">Toegang: ${INGETROKKEN_BADGE}</p>` : ''}
${autorisatiesLijst(applicatie, naam)}
</section>`,
)}
<section class="loket-sectie" aria-labelledby="nieuwe-client">
<h2 class="utrecht-heading-2" id="nieuwe-client">Nieuwe API-client</h2>
<p class="utrecht-paragraph">Loket maakt het geheim (en desgewenst een token voor de Klantinteracties API) en toont het één keer.</p>
<form class="loket-form" method="post" action="${API_CLIENTS_PATH}" novalidate>${csrfField(context.staff.csrfToken)}
${inputField({ id: 'clientId', name: 'clientId', label: LABELS.clientId ?? '', hint: 'Zonder spaties, hoogstens 50 tekens, bijvoorbeeld zaak-app.', type: 'text', autocomplete: 'off', value: waarden.clientId, error: fouten.clientId, literal: true })}
${inputField({ id: 'label', name: 'label', label: LABELS.label ?? '', type: 'text', autocomplete: 'off', value: waarden.label, error: fouten.label })}
${checkboxField({ id: 'alle', name: 'alle', label: 'Alle autorisaties (heeftAlleAutorisaties)', hint: 'Anders geeft u hieronder de eerste autorisatie.', checked: waarden.alle })}
${autorisatieVelden(waarden.autorisatie, fouten, context.zaaktypen)}
${checkboxField({ id: 'token', name: 'token', label: 'Ook een token voor de Klantinteracties API maken', checked: waarden.token })}
<button type="submit" class="loket-button">API-client maken</button>
</form>
</section>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}API-clients`, tenantName: context.tenantName, staff: context.staff, body, path: API_CLIENTS_PATH });
}

function toegangBlok(path: string, csrf: SafeHtml, applicatie: ApplicatieJson, intrekkingen: readonly Intrekking[]): SafeHtml {
  const lopend = intrekkingen[0]?.heractiveerdOp === null ? intrekkingen[0] : undefined;
  const status = lopend
    ? html`<p class="utrecht-paragraph">${INGETROKKEN_BADGE} sinds ${MOMENT.format(lopend.ingetrokkenOp)}${lopend.ingetrokkenDoor ? ` door ${lopend.ingetrokkenDoor}` : ''}. Geen van de client ids kan de API’s nog gebruiken; geheimen en tokens van vóór het intrekken werken nooit meer.</p>
<form method="post" action="${path}/heractiveren">${csrf}<button type="submit" class="loket-button">Opnieuw activeren met een nieuw geheim</button></form>
<p class="loket-hint">Loket maakt voor elke client id een nieuw geheim en toont het één keer.</p>`
    : html`<p class="utrecht-paragraph">Actief.</p>
<p class="utrecht-paragraph">Intrekken stopt de toegang meteen (binnen een seconde): de geheimen en tokens van de client ids werken niet meer. De applicatie, haar autorisaties en deze geschiedenis blijven bewaard; u kunt haar later opnieuw activeren.</p>
<form method="post" action="${path}/intrekken">${csrf}<button type="submit" class="loket-button">API-client intrekken</button></form>
${applicatie.clientIds.map((clientId) => html`<form method="post" action="${path}/nieuw-geheim">${csrf}<input type="hidden" name="clientId" value="${clientId}"><button type="submit" class="loket-button-secondary">Nieuw geheim voor ${clientId}</button></form>`)}`;
  const geschiedenis =
    intrekkingen.length === 0
      ? ''
      : html`<div class="loket-tabel-wrap" role="region" aria-labelledby="intrekkingen-titel" tabindex="0"><table>
<caption id="intrekkingen-titel">Geschiedenis van intrekken</caption>
<thead><tr><th scope="col">Ingetrokken</th><th scope="col">Door</th><th scope="col">Opnieuw actief</th><th scope="col">Door</th></tr></thead>
<tbody>${intrekkingen.map(
          (intrekking) =>
            html`<tr><td>${MOMENT.format(intrekking.ingetrokkenOp)}</td><td>${intrekking.ingetrokkenDoor ?? '–'}</td><td>${intrekking.heractiveerdOp ? MOMENT.format(intrekking.heractiveerdOp) : 'nog ingetrokken'}</td><td>${intrekking.heractiveerdDoor ?? '–'}</td></tr>`,
        )}</tbody></table></div>`;
  return html`<section class="loket-sectie" aria-labelledby="toegang"><h2 class="utrecht-heading-2" id="toegang">Toegang</h2>
${status}
${geschiedenis}
</section>`;
}

export function apiClientPage(context: {
  tenantName: string;
  staff: StaffIdentity;
  applicatie: ApplicatieJson;
  /** Newest first; the first runs when it has no heractiveerdOp. */
  intrekkingen: readonly Intrekking[];
  zaaktypen: SelectOption[];
  autorisatie?: AutorisatieWaarden;
  fouten?: FieldErrors;
  melding?: string;
}): SafeHtml {
  const { applicatie, staff } = context;
  const fouten = context.fouten ?? {};
  const uuid = applicatie.url.split('/').at(-1) ?? '';
  const path = `${API_CLIENTS_PATH}/${uuid}`;
  const csrf = csrfField(staff.csrfToken);
  const naam = (url: string) => context.zaaktypen.find((optie) => optie.value === url)?.label ?? url;
  const ingetrokken = context.intrekkingen[0]?.heractiveerdOp === null;
  const body = html`<p class="utrecht-paragraph"><a href="${API_CLIENTS_PATH}">Alle API-clients</a></p>
<h1 class="utrecht-heading-1">${applicatie.label}</h1>
${notice(context.melding)}
${summary(fouten)}
<p class="utrecht-paragraph">Client id: ${applicatie.clientIds.join(', ')}</p>
${toegangBlok(path, csrf, applicatie, context.intrekkingen)}
<section class="loket-sectie" aria-labelledby="autorisaties"><h2 class="utrecht-heading-2" id="autorisaties">Autorisaties</h2>
${autorisatiesLijst(applicatie, naam, (index) => html` <form method="post" action="${path}/autorisaties/${index}/verwijderen" class="loket-form--secondary">${csrf}<input type="hidden" name="sleutel" value="${JSON.stringify(applicatie.autorisaties[index] ?? {})}"><button type="submit" class="loket-button-secondary">Verwijder autorisatie ${index + 1}</button></form>`)}
${
  applicatie.heeftAlleAutorisaties
    ? html`<form method="post" action="${path}/alle-autorisaties">${csrf}<input type="hidden" name="alle" value="nee"><button type="submit" class="loket-button-secondary">Niet langer alle autorisaties</button></form>
<p class="loket-hint">Geef daarna eerst een autorisatie: zonder autorisaties weigert de Autorisaties API de applicatie (ac-002).</p>`
    : html`<form method="post" action="${path}/alle-autorisaties">${csrf}<input type="hidden" name="alle" value="ja"><button type="submit" class="loket-button-secondary">Alle autorisaties geven</button></form>`
}
${
  applicatie.heeftAlleAutorisaties
    ? ''
    : html`<h3 class="utrecht-heading-3">Autorisatie toevoegen</h3>
<form class="loket-form" method="post" action="${path}/autorisaties" novalidate>${csrf}
${autorisatieVelden(context.autorisatie ?? LEGE_AUTORISATIE, fouten, context.zaaktypen)}
<button type="submit" class="loket-button">Autorisatie toevoegen</button>
</form>`
}
</section>
<section class="loket-sectie" aria-labelledby="tokens"><h2 class="utrecht-heading-2" id="tokens">Klantinteracties API</h2>
${
  ingetrokken
    ? html`<p class="utrecht-paragraph">Een ingetrokken API-client krijgt geen token; activeer haar eerst opnieuw.</p>`
    : html`<p class="utrecht-paragraph">Een nieuw token vervangt een eerder token van dezelfde client id.</p>
${applicatie.clientIds.map((clientId) => html`<form method="post" action="${path}/klantinteracties-token">${csrf}<input type="hidden" name="clientId" value="${clientId}"><button type="submit" class="loket-button-secondary">Nieuw token voor ${clientId}</button></form>`)}`
}
</section>
<section class="loket-sectie" aria-labelledby="verwijderen"><h2 class="utrecht-heading-2" id="verwijderen">Verwijderen</h2>
<p class="utrecht-paragraph">Verwijderen haalt de applicatie met haar client ids, autorisaties en geschiedenis definitief weg, ook uit de Autorisaties API. Wilt u alleen de toegang stoppen, trek de API-client dan in.</p>
<p class="utrecht-paragraph"><a href="${path}/verwijderen">API-client ${applicatie.label} verwijderen…</a></p>
</section>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}API-client ${applicatie.label}`, tenantName: context.tenantName, staff, body, path: API_CLIENTS_PATH });
}

/** The confirmation step before deleting an applicatie for good. */
export function apiClientVerwijderenPage(context: { tenantName: string; staff: StaffIdentity; applicatie: ApplicatieJson; fouten?: FieldErrors }): SafeHtml {
  const { applicatie, staff } = context;
  const fouten = context.fouten ?? {};
  const path = `${API_CLIENTS_PATH}/${applicatie.url.split('/').at(-1) ?? ''}`;
  const body = html`<p class="utrecht-paragraph"><a href="${path}">Terug naar ${applicatie.label}</a></p>
<h1 class="utrecht-heading-1">API-client ${applicatie.label} verwijderen</h1>
${errorSummary(Object.entries(fouten).map(([fieldId, message]) => ({ fieldId, message })))}
<p class="utrecht-paragraph">Dit haalt de applicatie definitief weg: de client ids ${applicatie.clientIds.join(', ')}, hun geheimen en tokens, de autorisaties en de geschiedenis van intrekken. Dat kan niet ongedaan worden gemaakt; ook de Autorisaties API kent de applicatie daarna niet meer.</p>
<p class="utrecht-paragraph">Wilt u alleen de toegang stoppen en de applicatie bewaren? <a href="${path}#toegang">Trek de API-client dan in.</a></p>
<form class="loket-form" method="post" action="${path}/verwijderen" novalidate>${csrfField(staff.csrfToken)}
${checkboxField({ id: 'bevestigen', name: 'bevestigen', label: `Ja, verwijder ${applicatie.label} definitief`, checked: false, error: fouten.bevestigen })}
<button type="submit" class="loket-button">Definitief verwijderen</button>
</form>`;
  return werkplekPage({ title: `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}API-client ${applicatie.label} verwijderen`, tenantName: context.tenantName, staff, body, path: API_CLIENTS_PATH });
}
