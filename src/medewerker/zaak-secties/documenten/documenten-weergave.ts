import { csrfField } from '../../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { errorSummary, type SummaryError } from '../../form-fields.ts';
import { bestandVeld, keuzeVeld, tekstVeld, tekstvlakVeld } from '../sectie-velden.ts';
import { aanduidingWeergave, dagWeergave, grootteWeergave, isoMoment, momentWeergave } from '../weergave.ts';
import { zaakPagePath } from '../sectie-zaak.ts';
import { MAX_DOCUMENT_BYTES } from './document-upload-body.ts';
import type { DocumentVersie, ZaakDocument } from './zaak-documenten.ts';

/* The HTML of the documents section, the new-document form and the document page. */

/** Paths of the document routes of one zaak. */
export const documentPaden = {
  lijst: (zaak: string) => `${zaakPagePath(zaak)}/documenten`,
  nieuw: (zaak: string) => `${zaakPagePath(zaak)}/documenten/nieuw`,
  document: (zaak: string, document: string) => `${zaakPagePath(zaak)}/documenten/${document}`,
  inhoud: (zaak: string, document: string, versie?: number) => `${zaakPagePath(zaak)}/documenten/${document}/inhoud${versie === undefined ? '' : `?versie=${versie}`}`,
  versies: (zaak: string, document: string) => `${zaakPagePath(zaak)}/documenten/${document}/versies`,
  vergrendelen: (zaak: string, document: string) => `${zaakPagePath(zaak)}/documenten/${document}/vergrendeling`,
  ontgrendelen: (zaak: string, document: string) => `${zaakPagePath(zaak)}/documenten/${document}/ontgrendeling`,
};

/** The size limit as the form and its error say it. */
export function maxGrootteTekst(maxBytes: number): string {
  return grootteWeergave(maxBytes);
}

/** The lock state in words. */
export function vergrendelingTekst(document: ZaakDocument): SafeHtml {
  if (!document.locked) return html`Niet vergrendeld`;
  const lock = document.vergrendeling;
  if (!lock) return html`Vergrendeld door een andere toepassing`;
  return html`Vergrendeld door ${lock.doorMij ? 'u' : lock.door} sinds <time datetime="${isoMoment(lock.sinds)}">${momentWeergave(lock.sinds)}</time>`;
}

function documentNaam(document: ZaakDocument): string {
  return document.titel !== '' ? document.titel : document.bestandsnaam !== '' ? document.bestandsnaam : 'Naamloos document';
}

function documentRij(zaakUuid: string, document: ZaakDocument): SafeHtml {
  const naam = documentNaam(document);
  return html`<tr>
<td><a href="${documentPaden.document(zaakUuid, document.uuid)}">${naam}</a></td>
<td>${document.typeOmschrijving}</td>
<td>${String(document.versie)}</td>
<td>${document.creatiedatum === '' ? '' : html`<time datetime="${document.creatiedatum}">${dagWeergave(document.creatiedatum)}</time>`}</td>
<td>${grootteWeergave(document.bestandsomvang)}</td>
<td>${aanduidingWeergave(document.vertrouwelijkheidaanduiding)}</td>
<td>${vergrendelingTekst(document)}</td>
<td>${document.heeftInhoud ? html`<a href="${documentPaden.inhoud(zaakUuid, document.uuid)}">Downloaden<span class="loket-visually-hidden"> ${naam}</span></a>` : 'Geen inhoud'}</td>
</tr>`;
}

/** The table of the zaak's documents. */
export function documentenTabel(zaakUuid: string, identificatie: string, documenten: readonly ZaakDocument[]): SafeHtml {
  if (documenten.length === 0) return html`<p class="utrecht-paragraph">Er zijn (nog) geen documenten bij deze zaak die u mag inzien.</p>`;
  return html`<div class="loket-table-scroll" role="region" aria-labelledby="documenten-tabel-titel" tabindex="0">
<table>
<caption id="documenten-tabel-titel">Documenten bij zaak ${identificatie}</caption>
<thead><tr><th scope="col">Titel</th><th scope="col">Type</th><th scope="col">Versie</th><th scope="col">Datum</th><th scope="col">Grootte</th><th scope="col">Vertrouwelijkheid</th><th scope="col">Vergrendeling</th><th scope="col">Inhoud</th></tr></thead>
<tbody>${documenten.map((document) => documentRij(zaakUuid, document))}</tbody>
</table>
</div>`;
}

/** What the new-document form shows: the choices, the values sent back and the problems by field. */
export interface NieuwDocumentForm {
  zaakUuid: string;
  csrfToken: string;
  typen: readonly { uuid: string; omschrijving: string }[];
  waarden?: { titel?: string; informatieobjecttype?: string; vertrouwelijkheidaanduiding?: string; beschrijving?: string };
  fouten?: Partial<Record<'titel' | 'informatieobjecttype' | 'vertrouwelijkheidaanduiding' | 'beschrijving' | 'bestand', string>>;
  maxBytes?: number;
  /** The highest vertrouwelijkheid rank the member may give (1 openbaar … 8 zeer geheim): higher ones are not offered. */
  maxRank?: number;
  /** The id of the page's own heading that names the form (a page of its own); else the form has its own heading. */
  kopId?: string;
}

/** The field ids of the new-document form, for the error summary's links. */
export const NIEUW_DOCUMENT_VELDEN = {
  titel: 'document-nieuw-titel',
  informatieobjecttype: 'document-nieuw-type',
  vertrouwelijkheidaanduiding: 'document-nieuw-vertrouwelijkheid',
  beschrijving: 'document-nieuw-beschrijving',
  bestand: 'document-nieuw-bestand',
} as const;

/** The form that adds a document to the zaak (multipart: the file travels with it). */
export function nieuwDocumentFormulier(form: NieuwDocumentForm): SafeHtml {
  const waarden = form.waarden ?? {};
  const fouten = form.fouten ?? {};
  const maxBytes = form.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (form.typen.length === 0) return html`<p class="utrecht-paragraph">Bij dit zaaktype zijn geen documenttypen vastgelegd, dus er kunnen geen documenten worden toegevoegd.</p>`;
  return html`<form method="post" action="${documentPaden.lijst(form.zaakUuid)}" enctype="multipart/form-data" aria-labelledby="${form.kopId ?? 'document-nieuw-titel-kop'}" novalidate>
${form.kopId === undefined ? html`<h3 class="utrecht-heading-3" id="document-nieuw-titel-kop">Document toevoegen</h3>` : ''}
${csrfField(form.csrfToken)}
${tekstVeld({ id: NIEUW_DOCUMENT_VELDEN.titel, name: 'titel', label: 'Titel', value: waarden.titel, maxlength: 200, error: fouten.titel })}
${keuzeVeld({
  id: NIEUW_DOCUMENT_VELDEN.informatieobjecttype,
  name: 'informatieobjecttype',
  label: 'Documenttype',
  value: waarden.informatieobjecttype,
  error: fouten.informatieobjecttype,
  options: [{ value: '', label: 'Kies een documenttype' }, ...form.typen.map((type) => ({ value: type.uuid, label: type.omschrijving }))],
})}
${keuzeVeld({
  id: NIEUW_DOCUMENT_VELDEN.vertrouwelijkheidaanduiding,
  name: 'vertrouwelijkheidaanduiding',
  label: 'Vertrouwelijkheid',
  hint: 'Laat u dit op "Zoals het documenttype", dan geldt de vertrouwelijkheid van het documenttype.',
  value: waarden.vertrouwelijkheidaanduiding,
  error: fouten.vertrouwelijkheidaanduiding,
  required: false,
  options: [{ value: '', label: 'Zoals het documenttype' }, ...VERTROUWELIJKHEIDAANDUIDINGEN.filter((_aanduiding, index) => index < (form.maxRank ?? VERTROUWELIJKHEIDAANDUIDINGEN.length)).map((aanduiding) => ({ value: aanduiding, label: aanduidingWeergave(aanduiding) }))],
})}
${tekstvlakVeld({ id: NIEUW_DOCUMENT_VELDEN.beschrijving, name: 'beschrijving', label: 'Beschrijving', value: waarden.beschrijving, error: fouten.beschrijving, required: false, rows: 3 })}
${bestandVeld({ id: NIEUW_DOCUMENT_VELDEN.bestand, name: 'bestand', label: 'Bestand', hint: `Hoogstens ${maxGrootteTekst(maxBytes)}.`, error: fouten.bestand })}
<button type="submit">Document toevoegen</button>
</form>`;
}

/** The error summary of the new-document form. */
export function nieuwDocumentSamenvatting(fouten: NieuwDocumentForm['fouten']): SafeHtml {
  const errors: SummaryError[] = Object.entries(fouten ?? {}).flatMap(([veld, message]) =>
    message === undefined ? [] : [{ fieldId: NIEUW_DOCUMENT_VELDEN[veld as keyof typeof NIEUW_DOCUMENT_VELDEN], message }],
  );
  return errorSummary(errors);
}

/** What the document page shows. */
export interface DocumentPaginaView {
  zaakUuid: string;
  zaakIdentificatie: string;
  csrfToken: string;
  document: ZaakDocument;
  versies: readonly DocumentVersie[];
  magWijzigen: boolean;
  /** Why changes are not offered (read-only member, closed zaak). */
  alleenLezenReden?: string;
  melding?: string;
  /** A refusal of the whole action (the document's lock), not of a field. */
  fout?: string;
  versieFout?: string;
  maxBytes?: number;
}

function versieRij(view: DocumentPaginaView, versie: DocumentVersie): SafeHtml {
  return html`<tr>
<td>${String(versie.versie)}</td>
<td>${versie.beginRegistratie === '' ? '' : html`<time datetime="${versie.beginRegistratie}">${momentWeergave(versie.beginRegistratie)}</time>`}</td>
<td>${versie.auteur}</td>
<td>${versie.bestandsnaam}</td>
<td>${grootteWeergave(versie.bestandsomvang)}</td>
<td>${versie.heeftInhoud ? html`<a href="${documentPaden.inhoud(view.zaakUuid, view.document.uuid, versie.versie)}">Versie ${String(versie.versie)} downloaden</a>` : 'Geen inhoud'}</td>
</tr>`;
}

function vergrendelingActies(view: DocumentPaginaView): SafeHtml {
  const { document } = view;
  if (!view.magWijzigen) return html``;
  if (!document.locked) {
    return html`<form class="loket-inline-form" method="post" action="${documentPaden.vergrendelen(view.zaakUuid, document.uuid)}">${csrfField(view.csrfToken)}<button type="submit" class="loket-button-secondary">Vergrendelen om te bewerken</button></form>`;
  }
  if (document.vergrendeling?.doorMij) {
    return html`<form class="loket-inline-form" method="post" action="${documentPaden.ontgrendelen(view.zaakUuid, document.uuid)}">${csrfField(view.csrfToken)}<button type="submit" class="loket-button-secondary">Ontgrendelen</button></form>`;
  }
  return html``;
}

function nieuweVersieFormulier(view: DocumentPaginaView): SafeHtml {
  const { document } = view;
  if (!view.magWijzigen) return html`<p class="utrecht-paragraph">${view.alleenLezenReden ?? 'U kunt dit document alleen inzien.'}</p>`;
  if (document.locked && !document.vergrendeling?.doorMij) {
    return html`<p class="utrecht-paragraph">Een nieuwe versie kan pas als het document is ontgrendeld.</p>`;
  }
  const maxBytes = view.maxBytes ?? MAX_DOCUMENT_BYTES;
  return html`<form class="loket-sectie-formulier" method="post" action="${documentPaden.versies(view.zaakUuid, document.uuid)}" enctype="multipart/form-data" aria-labelledby="nieuwe-versie-kop" novalidate>
<h2 class="utrecht-heading-2" id="nieuwe-versie-kop">Nieuwe versie toevoegen</h2>
${csrfField(view.csrfToken)}
${bestandVeld({ id: 'nieuwe-versie-bestand', name: 'bestand', label: 'Bestand met de nieuwe versie', hint: `Hoogstens ${maxGrootteTekst(maxBytes)}. De huidige versie blijft bewaard.`, error: view.versieFout })}
<button type="submit">Nieuwe versie opslaan</button>
</form>`;
}

/** The body of the document page: facts, lock, versions, new version. */
export function documentPaginaInhoud(view: DocumentPaginaView): SafeHtml {
  const { document } = view;
  return html`<p><a href="${zaakPagePath(view.zaakUuid)}#documenten">Terug naar zaak ${view.zaakIdentificatie}</a></p>
${view.versieFout ? errorSummary([{ fieldId: 'nieuwe-versie-bestand', message: view.versieFout }]) : ''}
${view.fout ? html`<div class="loket-form-error" role="alert"><p>${view.fout}</p></div>` : ''}
${view.melding ? html`<div class="loket-notice" role="status"><p>${view.melding}</p></div>` : ''}
<h1 class="utrecht-heading-1">${documentNaam(document)}</h1>
<dl class="loket-gegevens">
<dt>Documenttype</dt><dd>${document.typeOmschrijving}</dd>
<dt>Huidige versie</dt><dd>${String(document.versie)}</dd>
<dt>Datum</dt><dd>${document.creatiedatum === '' ? 'onbekend' : dagWeergave(document.creatiedatum)}</dd>
<dt>Bestand</dt><dd>${document.bestandsnaam === '' ? 'geen' : document.bestandsnaam} (${grootteWeergave(document.bestandsomvang)})</dd>
<dt>Vertrouwelijkheid</dt><dd>${aanduidingWeergave(document.vertrouwelijkheidaanduiding)}</dd>
<dt>Vergrendeling</dt><dd>${vergrendelingTekst(document)}</dd>
</dl>
${vergrendelingActies(view)}
<h2 class="utrecht-heading-2" id="versies-kop">Versies</h2>
<div class="loket-table-scroll" role="region" aria-labelledby="versies-tabel-titel" tabindex="0">
<table>
<caption id="versies-tabel-titel">Versies van dit document, nieuwste eerst</caption>
<thead><tr><th scope="col">Versie</th><th scope="col">Vastgelegd op</th><th scope="col">Auteur</th><th scope="col">Bestandsnaam</th><th scope="col">Grootte</th><th scope="col">Inhoud</th></tr></thead>
<tbody>${view.versies.map((versie) => versieRij(view, versie))}</tbody>
</table>
</div>
${nieuweVersieFormulier(view)}`;
}
