import type { Tenant } from '../../platform/database/schema.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { csrfField } from '../../platform/auth/csrf.ts';
import { RESIDENT_PATHS } from '../../platform/auth/resident-paths.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { portaalPage } from '../portaal-page.ts';
import type { Bericht } from './berichten-repository.ts';
import type { Documentverzoek } from './documentverzoeken-repository.ts';
import { ALLOWED_TYPES, MAX_UPLOAD_BYTES } from './documentverzoeken.ts';
import { formatDay, formatMoment, formatMomentDay, isoDay } from './dates.ts';
import { describedBy, errorSummary, fieldError } from './form-errors.ts';
import { expectedDecisionDate, statusText } from './mijn-zaken-page.ts';
import { berichtPath, MIJN_PATHS, zaakPath } from './portaal-links.ts';
import type { OwnZaak, TimelineStep, VisibleDocument } from './zaken-repository.ts';

/** Everything the zaak page shows. */
export interface ZaakView {
  zaak: OwnZaak;
  steps: TimelineStep[];
  currentStatustypeUuid: string | null;
  documenten: VisibleDocument[];
  verzoeken: Documentverzoek[];
  berichten: Bericht[];
}

/** The state of one hand-in form after a failed attempt, or the notice after a successful one. */
export type UploadState = { kind: 'fout'; verzoekUuid: string; message: string } | { kind: 'ingediend' } | { kind: 'geen' };

/** The path that shows and downloads a document of a zaak. */
export function documentPath(zaak: Pick<OwnZaak, 'identificatie'>, documentUuid: string): string {
  return `${zaakPath(zaak.identificatie)}/documenten/${documentUuid}`;
}

/** Where a hand-in form posts. */
export function verzoekPath(zaak: Pick<OwnZaak, 'identificatie'>, verzoekUuid: string): string {
  return `${zaakPath(zaak.identificatie)}/documentverzoeken/${verzoekUuid}`;
}

function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function timeline(view: ZaakView): SafeHtml {
  if (view.steps.length === 0) return html`<p class="utrecht-paragraph">Voor dit soort zaak zijn geen stappen bekend.</p>`;
  return html`<ol class="mijn-tijdlijn">
${view.steps.map((step) => {
    const current = step.statustypeUuid === view.currentStatustypeUuid;
    const state = current ? 'huidige stap' : step.bereiktOp !== null ? 'afgerond' : 'nog niet bereikt';
    const modifier = current ? 'mijn-stap--huidig' : step.bereiktOp !== null ? 'mijn-stap--bereikt' : 'mijn-stap--open';
    return html`<li class="mijn-stap ${modifier}"${current ? html` aria-current="step"` : ''}>
<p class="mijn-stap__naam">${step.omschrijving} <span class="mijn-stap__staat">(${state})</span></p>
${step.bereiktOp !== null ? html`<p class="mijn-stap__datum"><time datetime="${step.bereiktOp.toISOString()}">${formatMomentDay(step.bereiktOp)}</time></p>` : ''}
${step.bereiktOp !== null && step.statustekst !== '' ? html`<p class="utrecht-paragraph">${step.statustekst}</p>` : ''}
</li>`;
  })}
</ol>`;
}

function uploadForm(view: ZaakView, verzoek: Documentverzoek, resident: ResidentIdentity, upload: UploadState): SafeHtml {
  const fieldId = `bestand-${verzoek.uuid}`;
  const error = upload.kind === 'fout' && upload.verzoekUuid === verzoek.uuid ? upload.message : undefined;
  const types = Object.values(ALLOWED_TYPES).join(', ');
  return html`<li class="mijn-verzoek">
<h3 class="utrecht-heading-3" id="verzoek-${verzoek.uuid}">${verzoek.informatieobjecttypeOmschrijving}</h3>
<p class="utrecht-paragraph">${verzoek.omschrijving}</p>
${verzoek.deadline !== null ? html`<p class="utrecht-paragraph">Stuur het document uiterlijk <time datetime="${verzoek.deadline}">${formatDay(verzoek.deadline)}</time>.</p>` : ''}
<form method="post" action="${verzoekPath(view.zaak, verzoek.uuid)}" enctype="multipart/form-data" aria-labelledby="verzoek-${verzoek.uuid}">
${csrfField(resident.csrfToken)}
<div class="utrecht-form-field mijn-veld${error !== undefined ? ' utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="${fieldId}">Kies het bestand</label>
<p class="utrecht-form-field-description" id="${fieldId}-hint">Een ${types}-bestand van hoogstens ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.</p>
${fieldError(fieldId, error)}
<input class="mijn-bestand" type="file" id="${fieldId}" name="bestand" required accept="${Object.keys(ALLOWED_TYPES).join(',')}"${describedBy(fieldId, { hint: true, error })}>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Document versturen</button>
</form>
</li>`;
}

function verzoekenSection(view: ZaakView, resident: ResidentIdentity, upload: UploadState): SafeHtml {
  if (view.verzoeken.length === 0) return html``;
  const open = view.verzoeken.filter((verzoek) => verzoek.status === 'open');
  const ingediend = view.verzoeken.filter((verzoek) => verzoek.status === 'ingediend');
  return html`<section class="mijn-sectie" aria-labelledby="documentverzoeken" id="documentverzoeken-sectie">
<h2 class="utrecht-heading-2" id="documentverzoeken">Gevraagde documenten</h2>
${upload.kind === 'ingediend' ? html`<div class="utrecht-alert utrecht-alert--ok mijn-bevestiging" role="status"><p class="utrecht-paragraph">Bedankt. Wij hebben uw document ontvangen.</p></div>` : ''}
${open.length > 0 ? html`<p class="utrecht-paragraph">Wij hebben deze documenten van u nodig om uw zaak te behandelen.</p>
<ul class="mijn-verzoeken">${open.map((verzoek) => uploadForm(view, verzoek, resident, upload))}</ul>` : html`<p class="utrecht-paragraph">Wij wachten niet op documenten van u.</p>`}
${ingediend.length > 0 ? html`<h3 class="utrecht-heading-3">Ingediend</h3>
<ul class="utrecht-unordered-list">${ingediend.map((verzoek) => html`<li>${verzoek.informatieobjecttypeOmschrijving}${verzoek.ingediendAt !== null ? html`, ingediend op <time datetime="${isoDay(verzoek.ingediendAt)}">${formatMomentDay(verzoek.ingediendAt)}</time>` : ''}</li>`)}</ul>` : ''}
</section>`;
}

function documentenSection(view: ZaakView): SafeHtml {
  return html`<section class="mijn-sectie" aria-labelledby="documenten">
<h2 class="utrecht-heading-2" id="documenten">Documenten</h2>
${view.documenten.length === 0
    ? html`<p class="utrecht-paragraph">Er zijn (nog) geen documenten bij deze zaak die u kunt inzien.</p>`
    : html`<ul class="utrecht-unordered-list mijn-documenten">${view.documenten.map((document) => {
        const details = [document.formaat !== '' ? (ALLOWED_TYPES[document.formaat] ?? document.formaat) : '', fileSize(document.bestandsomvang)].filter(Boolean).join(', ');
        return html`<li><a class="utrecht-link" href="${documentPath(view.zaak, document.uuid)}" download>${document.titel === '' ? document.bestandsnaam : document.titel}</a>${details ? ` (${details})` : ''}</li>`;
      })}</ul>`}
</section>`;
}

function berichtenSection(view: ZaakView): SafeHtml {
  return html`<section class="mijn-sectie" aria-labelledby="berichten">
<h2 class="utrecht-heading-2" id="berichten">Berichten over deze zaak</h2>
${view.berichten.length === 0
    ? html`<p class="utrecht-paragraph">Er zijn nog geen berichten over deze zaak.</p>`
    : html`<ul class="mijn-berichten">${view.berichten.map((bericht) => html`<li class="mijn-bericht${bericht.richting === 'van_behandelaar' && bericht.gelezenAt === null ? ' mijn-bericht--ongelezen' : ''}">
<a class="utrecht-link" href="${berichtPath(bericht.uuid)}">${bericht.onderwerp}</a>
<p class="mijn-bericht__meta">${bericht.richting === 'van_behandelaar' ? `Van ${bericht.afzender}` : 'Van u'}, <time datetime="${bericht.createdAt.toISOString()}">${formatMoment(bericht.createdAt)}</time>${bericht.richting === 'van_behandelaar' && bericht.gelezenAt === null ? ' (ongelezen)' : ''}</p>
</li>`)}</ul>`}
</section>`;
}

/** `GET /mijn/zaken/{zaak}`: the zaak's progress, expected decision, requested and visible documents and berichten. */
export function zaakPage(tenant: Tenant, resident: ResidentIdentity, view: ZaakView, upload: UploadState = { kind: 'geen' }): SafeHtml {
  const { zaak } = view;
  const verwacht = expectedDecisionDate(zaak);
  const current = view.steps.find((step) => step.statustypeUuid === view.currentStatustypeUuid);
  const errors = upload.kind === 'fout' ? [{ fieldId: `bestand-${upload.verzoekUuid}`, message: upload.message }] : [];
  return portaalPage({
    tenant,
    title: `${errors.length > 0 ? 'Fout: ' : ''}${zaak.zaaktypeOmschrijving} (${zaak.identificatie})`,
    resident,
    body: html`<nav class="mijn-kruimelpad" aria-label="Kruimelpad"><ol><li><a class="utrecht-link" href="${RESIDENT_PATHS.home}">Mijn omgeving</a></li><li><a class="utrecht-link" href="${MIJN_PATHS.zaken}">Mijn zaken</a></li><li aria-current="page">${zaak.identificatie}</li></ol></nav>
${errorSummary(errors)}
<h1 class="utrecht-heading-1">${zaak.zaaktypeOmschrijving}</h1>
<dl class="mijn-gegevens">
<div><dt>Zaaknummer</dt><dd>${zaak.identificatie}</dd></div>
${zaak.omschrijving !== '' ? html`<div><dt>Omschrijving</dt><dd>${zaak.omschrijving}</dd></div>` : ''}
<div><dt>Status</dt><dd>${statusText(zaak, current?.omschrijving)}</dd></div>
<div><dt>Gestart op</dt><dd><time datetime="${zaak.startdatum}">${formatDay(zaak.startdatum)}</time></dd></div>
${zaak.einddatum !== null
    ? html`<div><dt>Afgerond op</dt><dd><time datetime="${zaak.einddatum}">${formatDay(zaak.einddatum)}</time></dd></div>`
    : verwacht !== undefined ? html`<div><dt>Verwachte beslissing</dt><dd>Uiterlijk <time datetime="${verwacht}">${formatDay(verwacht)}</time></dd></div>` : ''}
</dl>
${verzoekenSection(view, resident, upload)}
<section class="mijn-sectie" aria-labelledby="voortgang">
<h2 class="utrecht-heading-2" id="voortgang">Voortgang</h2>
${timeline(view)}
</section>
${documentenSection(view)}
${berichtenSection(view)}`,
  });
}
