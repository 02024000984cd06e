import { csrfField } from '../../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { werkplekPage } from '../../werkplek-page.ts';
import { formatDuur, DUUR_HINT } from '../duur.ts';
import { checkboxField, errorSummary, notice, optionalInput, requiredInput, selectField, textareaField, type FieldErrors, type SelectOption, type SummaryError } from '../velden.ts';
import type { CatalogusMetZaaktypen, ZaaktypeMetOnderdelen } from './zaaktype-gegevens.ts';
import { lijst, verwijderKnop } from './onderdeel-lijst.ts';
import { NIEUWE_EIGENSCHAP, type EigenschapWaarden } from './eigenschappen.ts';
import { eigenschappenSectie, eigenschapSamenvatting } from './eigenschap-sectie.ts';
import type { KoppelingWaarden, NieuwIotWaarden } from './informatieobjecttypen.ts';
import { informatieobjecttypenSectie, informatieobjecttypeSamenvatting } from './informatieobjecttype-sectie.ts';
import { procestypeOpties, VERTROUWELIJKHEID_LABELS, VERTROUWELIJKHEID_OPTIES, ZAAKTYPE_LABELS, type ZaaktypeWaarden } from './zaaktype-formulier.ts';
import {
  AFLEIDINGSWIJZE_OPTIES,
  ARCHIEFNOMINATIE_LABELS,
  ARCHIEFNOMINATIE_OPTIES,
  RESULTAATTYPE_LABELS,
  resultaattypeomschrijvingOpties,
  ROLTYPE_LABELS,
  ROLTYPE_OPTIES,
  selectielijstResultaatNaam,
  selectielijstResultaatOpties,
  STATUSTYPE_LABELS,
  type ResultaattypeWaarden,
  type RoltypeWaarden,
  type StatustypeWaarden,
} from './onderdelen.ts';

/* The zaaktype beheer pages: the list per catalogus, one zaaktype with its parts, and the forms. */

export const ZAAKTYPEN_PATH = '/medewerker/beheer/zaaktypen';

export function zaaktypePath(uuid: string): string {
  return `${ZAAKTYPEN_PATH}/${uuid}`;
}

/** The uuid at the end of an API URL. */
export function uuidVan(url: unknown): string {
  return String(url ?? '').split('/').at(-1) ?? '';
}

interface PageContext {
  tenantName: string;
  staff: StaffIdentity;
}

function summary(fouten: FieldErrors, labels: Record<string, string>, prefix: string, algemeenId: string): SafeHtml {
  const items: SummaryError[] = Object.entries(fouten).map(([key, message]) => {
    if (key === 'algemeen') return { fieldId: algemeenId, message };
    const veld = key.startsWith(prefix) ? key.slice(prefix.length) : key;
    return { fieldId: key, message: labels[veld] ? `${labels[veld]}: ${message}` : message };
  });
  return errorSummary(items);
}

function titel(base: string, fouten: FieldErrors): string {
  return `${Object.keys(fouten).length > 0 ? 'Fout: ' : ''}${base}`;
}

function status(zaaktype: Record<string, unknown>): SafeHtml {
  return zaaktype.concept === true ? html`<span class="loket-badge loket-badge--opgeschort">Concept</span>` : html`<span class="loket-badge">Gepubliceerd</span>`;
}

function geldigheid(zaaktype: Record<string, unknown>): string {
  const einde = zaaktype.eindeGeldigheid;
  return `${String(zaaktype.beginGeldigheid)} t/m ${typeof einde === 'string' && einde !== '' ? einde : 'heden'}`;
}

/** The list of zaaktypen per catalogus. */
export function zaaktypenLijstPage(context: PageContext & { catalogussen: CatalogusMetZaaktypen[]; melding?: string }): SafeHtml {
  const body = html`<h1 class="utrecht-heading-1">Zaaktypen</h1>
${notice(context.melding)}
<p class="utrecht-paragraph">Een zaaktype is een concept tot het gepubliceerd is; daarna verandert het niet meer, maar krijgt het een nieuwe versie met een latere begindatum.</p>
${context.catalogussen.length > 0 ? html`<p class="utrecht-paragraph"><a href="${ZAAKTYPEN_PATH}/nieuw">Nieuw zaaktype maken</a></p>` : html`<p class="utrecht-paragraph">Deze gemeente heeft nog geen catalogus. Importeer er een met <code>loket catalogus import</code> of maak er een via de Catalogi API.</p>`}
${context.catalogussen.map(
  (catalogus) => html`<section class="loket-sectie" aria-labelledby="catalogus-${uuidVan(catalogus.url)}">
<h2 class="utrecht-heading-2" id="catalogus-${uuidVan(catalogus.url)}">${catalogus.naam}</h2>
${
  catalogus.zaaktypen.length === 0
    ? html`<p class="utrecht-paragraph">Nog geen zaaktypen.</p>`
    : html`<div class="loket-tabel-wrap"><table class="utrecht-table">
<caption class="loket-visually-hidden">Zaaktypen in ${catalogus.naam}</caption>
<thead><tr><th scope="col">Zaaktype</th><th scope="col">Identificatie</th><th scope="col">Versie</th><th scope="col">Status</th><th scope="col">Geldig</th><th scope="col">Doorlooptijd</th></tr></thead>
<tbody>
${catalogus.zaaktypen.map((zaaktype) => {
  const json = zaaktype as unknown as Record<string, unknown>;
  return html`<tr><td><a href="${zaaktypePath(uuidVan(zaaktype.url))}">${String(json.omschrijving)}</a></td><td>${String(json.identificatie)}</td><td>${String(json.versiedatum ?? json.beginGeldigheid)}</td><td>${status(json)}</td><td>${geldigheid(json)}</td><td>${formatDuur(String(json.doorlooptijd ?? ''))}</td></tr>`;
})}
</tbody></table></div>`
}
</section>`,
)}`;
  return werkplekPage({ title: 'Zaaktypen', tenantName: context.tenantName, staff: context.staff, body, path: ZAAKTYPEN_PATH });
}

/** The form of a new zaaktype, or of a concept being changed. */
export function zaaktypeFormulierPage(
  context: PageContext & { waarden: ZaaktypeWaarden; fouten: FieldErrors; catalogusOpties?: SelectOption[]; uuid?: string },
): SafeHtml {
  const { waarden, fouten } = context;
  const nieuw = context.uuid === undefined;
  const kop = nieuw ? 'Nieuw zaaktype' : `Zaaktype ${waarden.omschrijving} bewerken`;
  const action = nieuw ? `${ZAAKTYPEN_PATH}/nieuw` : `${zaaktypePath(context.uuid ?? '')}/bewerken`;
  const tekst = (naam: keyof ZaaktypeWaarden, hint?: string) => requiredInput({ id: naam, name: naam, label: ZAAKTYPE_LABELS[naam], hint, value: waarden[naam], error: fouten[naam] });
  const body = html`<h1 class="utrecht-heading-1">${kop}</h1>
${summary(fouten, ZAAKTYPE_LABELS, '', 'zaaktype-formulier')}
${fouten.algemeen ? html`<p class="loket-field-error" id="zaaktype-formulier-fout">${fouten.algemeen}</p>` : ''}
<form class="loket-form" id="zaaktype-formulier" method="post" action="${action}" novalidate>
${csrfField(context.staff.csrfToken)}
${nieuw && context.catalogusOpties ? selectField({ id: 'catalogus', name: 'catalogus', label: ZAAKTYPE_LABELS.catalogus, options: context.catalogusOpties, value: waarden.catalogus, error: fouten.catalogus }) : ''}
${tekst('identificatie', 'Blijft gelijk over de versies heen, bijvoorbeeld PARKEERVERGUNNING. Teams en e-formulieren verwijzen ernaar.')}
${tekst('omschrijving', 'Zoals medewerkers en inwoners het zaaktype kennen.')}
${selectField({ id: 'vertrouwelijkheidaanduiding', name: 'vertrouwelijkheidaanduiding', label: ZAAKTYPE_LABELS.vertrouwelijkheidaanduiding, hint: 'De vertrouwelijkheid die zaken van dit type krijgen.', options: VERTROUWELIJKHEID_OPTIES, value: waarden.vertrouwelijkheidaanduiding, error: fouten.vertrouwelijkheidaanduiding })}
${textareaField({ id: 'doel', name: 'doel', label: ZAAKTYPE_LABELS.doel, value: waarden.doel, error: fouten.doel })}
${textareaField({ id: 'aanleiding', name: 'aanleiding', label: ZAAKTYPE_LABELS.aanleiding, value: waarden.aanleiding, error: fouten.aanleiding })}
${tekst('onderwerp')}
${tekst('handelingInitiator', 'Bijvoorbeeld Aanvragen of Melden.')}
${tekst('handelingBehandelaar', 'Bijvoorbeeld Behandelen of Beslissen.')}
${selectField({ id: 'indicatieInternOfExtern', name: 'indicatieInternOfExtern', label: ZAAKTYPE_LABELS.indicatieInternOfExtern, options: [{ value: 'extern', label: 'Extern (inwoners en bedrijven)' }, { value: 'intern', label: 'Intern' }], value: waarden.indicatieInternOfExtern, error: fouten.indicatieInternOfExtern })}
${tekst('doorlooptijd', `De wettelijke beslistermijn. ${DUUR_HINT}`)}
${optionalInput({ id: 'servicenorm', name: 'servicenorm', label: `${ZAAKTYPE_LABELS.servicenorm} (niet verplicht)`, hint: `Wat de gemeente belooft, korter dan de doorlooptijd. ${DUUR_HINT}`, value: waarden.servicenorm, error: fouten.servicenorm })}
${checkboxField({ id: 'opschortingEnAanhoudingMogelijk', name: 'opschortingEnAanhoudingMogelijk', label: ZAAKTYPE_LABELS.opschortingEnAanhoudingMogelijk, hint: 'Bijvoorbeeld wachten op stukken van de aanvrager.', checked: waarden.opschortingEnAanhoudingMogelijk === 'ja', error: fouten.opschortingEnAanhoudingMogelijk })}
${checkboxField({ id: 'verlengingMogelijk', name: 'verlengingMogelijk', label: ZAAKTYPE_LABELS.verlengingMogelijk, hint: 'De doorlooptijd mag één keer worden verlengd.', checked: waarden.verlengingMogelijk === 'ja', error: fouten.verlengingMogelijk })}
${optionalInput({ id: 'verlengingstermijn', name: 'verlengingstermijn', label: `${ZAAKTYPE_LABELS.verlengingstermijn} (alleen als verlengen mogelijk is)`, hint: DUUR_HINT, value: waarden.verlengingstermijn, error: fouten.verlengingstermijn })}
${selectField({ id: 'selectielijstProcestype', name: 'selectielijstProcestype', label: ZAAKTYPE_LABELS.selectielijstProcestype, hint: 'Nodig voor de resultaattypen: hun Selectielijst-resultaat hoort bij dit procestype.', options: procestypeOpties(), value: waarden.selectielijstProcestype, error: fouten.selectielijstProcestype })}
${tekst('referentieprocesNaam', 'De naam van het proces waarop dit zaaktype is gebaseerd.')}
${tekst('verantwoordelijke', 'De afdeling of functie die verantwoordelijk is.')}
${checkboxField({ id: 'publicatieIndicatie', name: 'publicatieIndicatie', label: 'Zaken van dit type worden gepubliceerd', checked: waarden.publicatieIndicatie === 'ja', error: fouten.publicatieIndicatie })}
${textareaField({ id: 'toelichting', name: 'toelichting', label: `${ZAAKTYPE_LABELS.toelichting} (niet verplicht)`, value: waarden.toelichting, error: fouten.toelichting })}
${requiredInput({ id: 'beginGeldigheid', name: 'beginGeldigheid', type: 'date', label: ZAAKTYPE_LABELS.beginGeldigheid, hint: 'Vanaf deze datum kunnen zaken van dit type worden gemaakt, zodra het gepubliceerd is.', value: waarden.beginGeldigheid, error: fouten.beginGeldigheid })}
<button type="submit" class="loket-button">${nieuw ? 'Concept maken' : 'Concept opslaan'}</button>
</form>
<p class="utrecht-paragraph"><a href="${nieuw ? ZAAKTYPEN_PATH : zaaktypePath(context.uuid ?? '')}">Terug zonder opslaan</a></p>`;
  return werkplekPage({ title: titel(kop, fouten), tenantName: context.tenantName, staff: context.staff, body, path: ZAAKTYPEN_PATH });
}

/** Form state of one of the zaaktype page's own forms after a refused POST. */
export interface ZaaktypeFormulieren {
  statustype?: { waarden: StatustypeWaarden; fouten: FieldErrors };
  resultaattype?: { waarden: ResultaattypeWaarden; fouten: FieldErrors };
  roltype?: { waarden: RoltypeWaarden; fouten: FieldErrors };
  eigenschap?: { waarden: EigenschapWaarden; fouten: FieldErrors };
  koppeling?: { waarden: KoppelingWaarden; fouten: FieldErrors };
  nieuwiot?: { waarden: NieuwIotWaarden; fouten: FieldErrors };
  publiceren?: FieldErrors;
  versie?: { beginGeldigheid: string; fouten: FieldErrors };
}

const PUBLISH_SECTIONS: Record<string, string> = {
  statustypen: 'statustypen',
  resultaattypen: 'resultaattypen',
  roltypen: 'roltypen',
  eigenschappen: 'eigenschappen',
  informatieobjecttypen: 'informatieobjecttypen',
  beginGeldigheid: 'gegevens',
  eindeGeldigheid: 'gegevens',
};

function statustypeVelden(waarden: StatustypeWaarden, fouten: FieldErrors, prefix: string): SafeHtml {
  const id = (veld: string) => `${prefix}${veld}`;
  return html`${requiredInput({ id: id('volgnummer'), name: 'volgnummer', label: STATUSTYPE_LABELS.volgnummer, hint: 'De volgorde van de stappen; de hoogste is de eindstatus.', value: waarden.volgnummer, error: fouten[id('volgnummer')] })}
${requiredInput({ id: id('omschrijving'), name: 'omschrijving', label: STATUSTYPE_LABELS.omschrijving, value: waarden.omschrijving, error: fouten[id('omschrijving')] })}
${textareaField({ id: id('statustekst'), name: 'statustekst', label: `${STATUSTYPE_LABELS.statustekst} (niet verplicht)`, hint: 'Staat in het bericht aan de inwoner als die wordt geïnformeerd.', value: waarden.statustekst, error: fouten[id('statustekst')], rows: 2 })}
${checkboxField({ id: id('informeren'), name: 'informeren', label: 'Inwoner informeren bij deze status', checked: waarden.informeren === 'ja', error: fouten[id('informeren')] })}
${optionalInput({ id: id('doorlooptijd'), name: 'doorlooptijd', label: `${STATUSTYPE_LABELS.doorlooptijd} (niet verplicht)`, hint: DUUR_HINT, value: waarden.doorlooptijd, error: fouten[id('doorlooptijd')] })}`;
}

function resultaattypeVelden(waarden: ResultaattypeWaarden, fouten: FieldErrors, prefix: string, procestype: string): SafeHtml {
  const id = (veld: string) => `${prefix}${veld}`;
  const resultaten = selectielijstResultaatOpties(procestype);
  return html`${requiredInput({ id: id('omschrijving'), name: 'omschrijving', label: RESULTAATTYPE_LABELS.omschrijving, hint: 'Hoogstens 30 tekens, bijvoorbeeld Verleend of Geweigerd.', value: waarden.omschrijving, error: fouten[id('omschrijving')] })}
${selectField({ id: id('resultaattypeomschrijving'), name: 'resultaattypeomschrijving', label: RESULTAATTYPE_LABELS.resultaattypeomschrijving, options: [{ value: '', label: 'Kies…' }, ...resultaattypeomschrijvingOpties()], value: waarden.resultaattypeomschrijving, error: fouten[id('resultaattypeomschrijving')] })}
${selectField({
  id: id('selectielijstklasse'),
  name: 'selectielijstklasse',
  label: RESULTAATTYPE_LABELS.selectielijstklasse,
  hint: resultaten.length > 0 ? 'Bepaalt of het dossier bewaard of vernietigd wordt en na hoe lang.' : 'Het zaaktype heeft nog geen Selectielijst-procestype; kies dat eerst bij de gegevens van het zaaktype.',
  options: [{ value: '', label: 'Kies…' }, ...resultaten],
  value: waarden.selectielijstklasse,
  error: fouten[id('selectielijstklasse')],
})}
${selectField({ id: id('archiefnominatie'), name: 'archiefnominatie', label: RESULTAATTYPE_LABELS.archiefnominatie, options: ARCHIEFNOMINATIE_OPTIES, value: waarden.archiefnominatie, error: fouten[id('archiefnominatie')] })}
${optionalInput({ id: id('archiefactietermijn'), name: 'archiefactietermijn', label: `${RESULTAATTYPE_LABELS.archiefactietermijn} (leeg: volgens de Selectielijst)`, hint: DUUR_HINT, value: waarden.archiefactietermijn, error: fouten[id('archiefactietermijn')] })}
${selectField({ id: id('afleidingswijze'), name: 'afleidingswijze', label: RESULTAATTYPE_LABELS.afleidingswijze, hint: 'Bij procestermijn nihil in de Selectielijst: afhandeling van de zaak.', options: AFLEIDINGSWIJZE_OPTIES, value: waarden.afleidingswijze, error: fouten[id('afleidingswijze')] })}
${optionalInput({ id: id('procestermijn'), name: 'procestermijn', label: `${RESULTAATTYPE_LABELS.procestermijn} (alleen bij afhandeling plus de procestermijn)`, hint: DUUR_HINT, value: waarden.procestermijn, error: fouten[id('procestermijn')] })}
${textareaField({ id: id('toelichting'), name: 'toelichting', label: `${RESULTAATTYPE_LABELS.toelichting} (niet verplicht)`, value: waarden.toelichting, error: fouten[id('toelichting')], rows: 2 })}`;
}

/** One zaaktype with its parts, and on a concept the forms to change them and to publish. */
export function zaaktypePage(context: PageContext & { gegevens: ZaaktypeMetOnderdelen; formulieren?: ZaaktypeFormulieren; melding?: string; volgendVolgnummer: number }): SafeHtml {
  const { gegevens, staff } = context;
  const formulieren = context.formulieren ?? {};
  const json = gegevens.zaaktype as unknown as Record<string, unknown>;
  const uuid = uuidVan(json.url);
  const path = zaaktypePath(uuid);
  const concept = json.concept === true;
  const procestype = String(json.selectielijstProcestype ?? '');
  const kop = `${String(json.omschrijving)} (${String(json.identificatie)})`;
  const fouten: FieldErrors = {
    ...(formulieren.statustype?.fouten ?? {}),
    ...(formulieren.resultaattype?.fouten ?? {}),
    ...(formulieren.roltype?.fouten ?? {}),
    ...(formulieren.versie?.fouten ?? {}),
  };
  const publishErrors: SummaryError[] = Object.entries(formulieren.publiceren ?? {}).map(([naam, message]) => ({ fieldId: PUBLISH_SECTIONS[naam] ?? 'publiceren', message }));
  const fieldErrors: SummaryError[] = Object.entries(fouten).map(([key, message]) => {
    const [soort, veld] = key.split('-', 2);
    const labels: Record<string, string> = soort === 'statustype' ? STATUSTYPE_LABELS : soort === 'resultaattype' ? RESULTAATTYPE_LABELS : soort === 'roltype' ? ROLTYPE_LABELS : { beginGeldigheid: 'Begindatum nieuwe versie' };
    return key.endsWith('algemeen') ? { fieldId: `${soort ?? ''}-toevoegen`, message } : { fieldId: key, message: `${labels[veld ?? ''] ?? ''}: ${message}` };
  });
  fieldErrors.push(...eigenschapSamenvatting(formulieren.eigenschap?.fouten ?? {}, 'eigenschappen'));
  fieldErrors.push(...informatieobjecttypeSamenvatting({ ...(formulieren.koppeling?.fouten ?? {}), ...(formulieren.nieuwiot?.fouten ?? {}) }));
  const volgendeIot = String(Math.max(0, ...gegevens.informatieobjecttypen.map((iot) => iot.volgnummer)) + 1);
  const koppelingForm = formulieren.koppeling ?? { waarden: { informatieobjecttype: '', volgnummer: volgendeIot, richting: 'inkomend' }, fouten: {} };
  const nieuwiotForm = formulieren.nieuwiot ?? {
    waarden: { omschrijving: '', vertrouwelijkheidaanduiding: String(json.vertrouwelijkheidaanduiding ?? 'zaakvertrouwelijk'), beginGeldigheid: String(json.beginGeldigheid ?? ''), informatieobjectcategorie: '', volgnummer: volgendeIot, richting: 'inkomend' },
    fouten: {},
  };
  const statustypeForm = formulieren.statustype ?? { waarden: { volgnummer: String(context.volgendVolgnummer), omschrijving: '', statustekst: '', informeren: '', doorlooptijd: '' }, fouten: {} };
  const resultaattypeForm = formulieren.resultaattype ?? { waarden: { omschrijving: '', resultaattypeomschrijving: '', selectielijstklasse: '', archiefnominatie: '', archiefactietermijn: '', afleidingswijze: 'afgehandeld', procestermijn: '', toelichting: '' }, fouten: {} };
  const roltypeForm = formulieren.roltype ?? { waarden: { omschrijving: '', omschrijvingGeneriek: 'initiator' }, fouten: {} };
  const csrf = csrfField(staff.csrfToken);

  const body = html`<p class="utrecht-paragraph"><a href="${ZAAKTYPEN_PATH}">Alle zaaktypen</a></p>
<h1 class="utrecht-heading-1">${kop}</h1>
${notice(context.melding)}
${errorSummary([...publishErrors, ...fieldErrors])}
<p class="utrecht-paragraph">${status(json)} Geldig ${geldigheid(json)}.</p>

<section class="loket-sectie" aria-labelledby="gegevens" tabindex="-1" id="gegevens-sectie">
<h2 class="utrecht-heading-2" id="gegevens">Gegevens</h2>
<dl>
<dt>Vertrouwelijkheid</dt><dd>${VERTROUWELIJKHEID_LABELS[String(json.vertrouwelijkheidaanduiding)] ?? String(json.vertrouwelijkheidaanduiding)}</dd>
<dt>Doorlooptijd</dt><dd>${formatDuur(String(json.doorlooptijd ?? ''))}</dd>
<dt>Servicenorm</dt><dd>${formatDuur(typeof json.servicenorm === 'string' ? json.servicenorm : '') || 'Geen'}</dd>
<dt>Opschorten</dt><dd>${json.opschortingEnAanhoudingMogelijk === true ? 'Mogelijk' : 'Niet mogelijk'}</dd>
<dt>Verlengen</dt><dd>${json.verlengingMogelijk === true ? `Mogelijk, met ${formatDuur(String(json.verlengingstermijn ?? ''))}` : 'Niet mogelijk'}</dd>
<dt>Procestype in de Selectielijst</dt><dd>${procestypeOpties().find((optie) => optie.value !== '' && uuidVan(optie.value) === uuidVan(procestype))?.label ?? (procestype || 'Geen')}</dd>
<dt>Verantwoordelijke</dt><dd>${String(json.verantwoordelijke ?? '')}</dd>
</dl>
${concept ? html`<p class="utrecht-paragraph"><a href="${path}/bewerken">Gegevens bewerken</a></p>` : ''}
</section>

<section class="loket-sectie" aria-labelledby="statustypen" id="statustypen-sectie">
<h2 class="utrecht-heading-2" id="statustypen" tabindex="-1">Statustypen</h2>
${lijst(gegevens.statustypen, 'Nog geen statustypen. Een zaaktype heeft er ten minste twee nodig om gepubliceerd te worden.', (statustype) => html`<li>${String(statustype.volgnummer)}. ${String(statustype.omschrijving)}${statustype.informeren === true ? ' (inwoner wordt geïnformeerd)' : ''}${typeof statustype.doorlooptijd === 'string' && statustype.doorlooptijd ? `, ${formatDuur(statustype.doorlooptijd)}` : ''}${
  concept ? html` <a href="${path}/statustypen/${uuidVan(statustype.url)}">Bewerk<span class="loket-visually-hidden"> statustype ${String(statustype.omschrijving)}</span></a> ${verwijderKnop(`${path}/statustypen/${uuidVan(statustype.url)}/verwijderen`, staff.csrfToken, `statustype ${String(statustype.omschrijving)}`)}` : ''
}</li>`)}
${concept ? html`<h3 class="utrecht-heading-3" id="statustype-toevoegen" tabindex="-1">Statustype toevoegen</h3>
<form class="loket-form" method="post" action="${path}/statustypen" novalidate>${csrf}
${statustypeVelden(statustypeForm.waarden, statustypeForm.fouten, 'statustype-')}
<button type="submit" class="loket-button">Statustype toevoegen</button>
</form>` : ''}
</section>

<section class="loket-sectie" aria-labelledby="resultaattypen" id="resultaattypen-sectie">
<h2 class="utrecht-heading-2" id="resultaattypen" tabindex="-1">Resultaattypen</h2>
${lijst(gegevens.resultaattypen, 'Nog geen resultaattypen. Een zaaktype heeft er ten minste één nodig om gepubliceerd te worden.', (resultaattype) => html`<li>${String(resultaattype.omschrijving)}: Selectielijst ${selectielijstResultaatNaam(String(resultaattype.selectielijstklasse), procestype)}; archiefnominatie ${ARCHIEFNOMINATIE_LABELS[String(resultaattype.archiefnominatie)] ?? 'onbekend'}${typeof resultaattype.archiefactietermijn === 'string' && resultaattype.archiefactietermijn ? `, na ${formatDuur(resultaattype.archiefactietermijn)}` : ''}${
  concept ? html` <a href="${path}/resultaattypen/${uuidVan(resultaattype.url)}">Bewerk<span class="loket-visually-hidden"> resultaattype ${String(resultaattype.omschrijving)}</span></a> ${verwijderKnop(`${path}/resultaattypen/${uuidVan(resultaattype.url)}/verwijderen`, staff.csrfToken, `resultaattype ${String(resultaattype.omschrijving)}`)}` : ''
}</li>`)}
${concept ? html`<h3 class="utrecht-heading-3" id="resultaattype-toevoegen" tabindex="-1">Resultaattype toevoegen</h3>
<form class="loket-form" method="post" action="${path}/resultaattypen" novalidate>${csrf}
${resultaattypeVelden(resultaattypeForm.waarden, resultaattypeForm.fouten, 'resultaattype-', procestype)}
<button type="submit" class="loket-button">Resultaattype toevoegen</button>
</form>` : ''}
</section>

<section class="loket-sectie" aria-labelledby="roltypen" id="roltypen-sectie">
<h2 class="utrecht-heading-2" id="roltypen" tabindex="-1">Roltypen</h2>
${lijst(gegevens.roltypen, 'Nog geen roltypen. Een zaaktype heeft er ten minste één nodig om gepubliceerd te worden.', (roltype) => html`<li>${String(roltype.omschrijving)} (${ROLTYPE_OPTIES.find((optie) => optie.value === roltype.omschrijvingGeneriek)?.label ?? String(roltype.omschrijvingGeneriek)})${
  concept ? html` ${verwijderKnop(`${path}/roltypen/${uuidVan(roltype.url)}/verwijderen`, staff.csrfToken, `roltype ${String(roltype.omschrijving)}`)}` : ''
}</li>`)}
${concept ? html`<h3 class="utrecht-heading-3" id="roltype-toevoegen" tabindex="-1">Roltype toevoegen</h3>
<form class="loket-form" method="post" action="${path}/roltypen" novalidate>${csrf}
${requiredInput({ id: 'roltype-omschrijving', name: 'omschrijving', label: ROLTYPE_LABELS.omschrijving, hint: 'Bijvoorbeeld Aanvrager.', value: roltypeForm.waarden.omschrijving, error: roltypeForm.fouten['roltype-omschrijving'] })}
${selectField({ id: 'roltype-omschrijvingGeneriek', name: 'omschrijvingGeneriek', label: ROLTYPE_LABELS.omschrijvingGeneriek, options: ROLTYPE_OPTIES, value: roltypeForm.waarden.omschrijvingGeneriek, error: roltypeForm.fouten['roltype-omschrijvingGeneriek'] })}
<button type="submit" class="loket-button">Roltype toevoegen</button>
</form>` : ''}
</section>

${eigenschappenSectie({ path, concept, eigenschappen: gegevens.eigenschappen, formulier: formulieren.eigenschap ?? { waarden: NIEUWE_EIGENSCHAP, fouten: {} }, csrfToken: staff.csrfToken })}

${informatieobjecttypenSectie({ path, concept, gekoppeld: gegevens.informatieobjecttypen, catalogus: gegevens.catalogusInformatieobjecttypen, formulieren: { koppeling: koppelingForm, nieuwiot: nieuwiotForm }, csrfToken: staff.csrfToken })}

<section class="loket-sectie" aria-labelledby="publiceren">
<h2 class="utrecht-heading-2" id="publiceren" tabindex="-1">${concept ? 'Publiceren' : 'Nieuwe versie'}</h2>
${
  concept
    ? html`<p class="utrecht-paragraph">Na publiceren kunnen zaken van dit type worden gemaakt en verandert het zaaktype niet meer. Een eerdere gepubliceerde versie eindigt de dag voor de begindatum van deze versie.</p>
<form method="post" action="${path}/publiceren">${csrf}<button type="submit" class="loket-button">Zaaktype publiceren</button></form>`
    : html`<p class="utrecht-paragraph">Een gepubliceerd zaaktype verandert niet. Maak een nieuwe versie met een latere begindatum; die is een concept met dezelfde statustypen, resultaattypen, rollen, eigenschappen en informatieobjecttypen, tot u die publiceert. Deze versie blijft geldig tot de dag voor die begindatum.</p>
<form class="loket-form" method="post" action="${path}/nieuwe-versie" novalidate>${csrf}
${requiredInput({ id: 'versie-beginGeldigheid', name: 'beginGeldigheid', type: 'date', label: 'Begindatum nieuwe versie', value: formulieren.versie?.beginGeldigheid ?? '', error: fouten['versie-beginGeldigheid'] })}
<button type="submit" class="loket-button">Nieuwe versie maken</button>
</form>`
}
</section>

${gegevens.versies.length > 0 ? html`<section class="loket-sectie" aria-labelledby="versies"><h2 class="utrecht-heading-2" id="versies">Andere versies</h2>
<ul class="utrecht-unordered-list">${gegevens.versies.map((versie) => html`<li><a href="${zaaktypePath(uuidVan(versie.url))}">Versie van ${String(versie.beginGeldigheid)}</a> (${versie.concept === true ? 'concept' : 'gepubliceerd'}, geldig ${geldigheid(versie as unknown as Record<string, unknown>)})</li>`)}</ul></section>` : ''}`;
  const hasErrors = publishErrors.length + fieldErrors.length > 0;
  return werkplekPage({ title: `${hasErrors ? 'Fout: ' : ''}Zaaktype ${kop}`, tenantName: context.tenantName, staff, body, path: ZAAKTYPEN_PATH });
}

/** The page to change one statustype or resultaattype of a concept. */
export function onderdeelPage(
  context: PageContext & { zaaktype: Record<string, unknown>; soort: 'statustype' | 'resultaattype'; uuid: string; statustype?: StatustypeWaarden; resultaattype?: ResultaattypeWaarden; fouten: FieldErrors },
): SafeHtml {
  const zaaktypeUuid = uuidVan(context.zaaktype.url);
  const path = `${zaaktypePath(zaaktypeUuid)}/${context.soort}n/${context.uuid}`;
  const labels: Record<string, string> = context.soort === 'statustype' ? STATUSTYPE_LABELS : RESULTAATTYPE_LABELS;
  const kop = `${context.soort === 'statustype' ? 'Statustype' : 'Resultaattype'} bewerken`;
  const body = html`<p class="utrecht-paragraph"><a href="${zaaktypePath(zaaktypeUuid)}">Terug naar ${String(context.zaaktype.omschrijving)}</a></p>
<h1 class="utrecht-heading-1">${kop}</h1>
${summary(context.fouten, labels, `${context.soort}-`, `${context.soort}-formulier`)}
${context.fouten.algemeen ? html`<p class="loket-field-error">${context.fouten.algemeen}</p>` : ''}
<form class="loket-form" id="${context.soort}-formulier" method="post" action="${path}" novalidate>
${csrfField(context.staff.csrfToken)}
${context.statustype ? statustypeVelden(context.statustype, context.fouten, 'statustype-') : ''}
${context.resultaattype ? resultaattypeVelden(context.resultaattype, context.fouten, 'resultaattype-', String(context.zaaktype.selectielijstProcestype ?? '')) : ''}
<button type="submit" class="loket-button">Opslaan</button>
</form>`;
  return werkplekPage({ title: titel(kop, context.fouten), tenantName: context.tenantName, staff: context.staff, body, path: ZAAKTYPEN_PATH });
}
