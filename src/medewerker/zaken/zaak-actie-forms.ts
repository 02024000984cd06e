import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import type { FieldErrors } from './actie-fouten.ts';
import { formulierFout, selectVeld, tekstVeld, tekstvakVeld } from './actie-velden.ts';
import type { ZaakKern, ZaaktypeKeuzes } from './zaak-gegevens.ts';

/*
 * The forms of the zaak page's actions. Each posts to /medewerker/zaken/:uuid/acties/<actie> with the CSRF token and
 * the zaak's fingerprint (./zaak-versie.ts); after a refusal the form shows the member's values and the messages.
 */

export const ACTIES = ['status', 'besluit', 'opschorten', 'hervatten', 'verlengen', 'afsluiten', 'heropenen', 'bericht'] as const;
export type Actie = (typeof ACTIES)[number];

export interface ActieStaat {
  actie: Actie;
  errors: FieldErrors;
  values: Record<string, string>;
}

export interface ActieFormContext {
  zaak: ZaakKern;
  keuzes: ZaaktypeKeuzes;
  csrfToken: string;
  versie: string;
  staat?: ActieStaat;
}

export function actiePath(zaakUuid: string, actie: Actie): string {
  return `/medewerker/zaken/${zaakUuid}/acties/${actie}`;
}

/** Form field id of an action's field (also what the error summary links to). */
export function veldId(actie: Actie, name: string): string {
  return `${actie}-${name}`;
}

const TITELS: Record<Actie, string> = {
  status: 'Status zetten',
  besluit: 'Besluit vastleggen',
  opschorten: 'Termijn opschorten',
  hervatten: 'Termijn hervatten',
  verlengen: 'Termijn verlengen',
  afsluiten: 'Resultaat vastleggen en zaak afsluiten',
  heropenen: 'Zaak heropenen',
  bericht: 'Bericht aan de inwoner sturen',
};

/** One action's form around its fields. */
export function actieForm(context: ActieFormContext, actie: Actie, knop: string, velden: (field: (name: string) => { id: string; name: string; error?: string; value?: string }) => SafeHtml[]): SafeHtml {
  const staat = context.staat?.actie === actie ? context.staat : undefined;
  const field = (name: string) => ({ id: veldId(actie, name), name, error: staat?.errors[name], value: staat?.values[name] });
  return html`<form method="post" action="${actiePath(context.zaak.uuid, actie)}" class="loket-actie" aria-labelledby="${actie}-titel" novalidate>
<h3 class="utrecht-heading-3" id="${actie}-titel">${TITELS[actie]}</h3>
${csrfField(context.csrfToken)}<input type="hidden" name="versie" value="${context.versie}">
${formulierFout(veldId(actie, 'nonFieldErrors'), staat?.errors.nonFieldErrors)}
${velden(field)}
<button type="submit" class="loket-button">${knop}</button>
</form>`;
}

function statusForm(context: ActieFormContext): SafeHtml {
  const keuzes = context.keuzes.statustypen.filter((type) => !type.eindstatus).map((type) => ({ value: type.uuid, label: type.informeren ? `${type.omschrijving} (inwoner krijgt bericht)` : type.omschrijving }));
  return actieForm(context, 'status', 'Status zetten', (field) => [
    selectVeld({ ...field('statustype'), label: 'Nieuwe status', keuzes, leeg: 'Kies een status', required: true }),
    tekstvakVeld({ ...field('toelichting'), label: 'Toelichting (optioneel)', maxlength: 1000 }),
  ]);
}

function besluitForm(context: ActieFormContext): SafeHtml {
  if (context.keuzes.besluittypen.length === 0) return html`<p class="utrecht-paragraph">Bij dit zaaktype horen geen besluittypen.</p>`;
  return actieForm(context, 'besluit', 'Besluit vastleggen', (field) => [
    selectVeld({ ...field('besluittype'), label: 'Besluittype', keuzes: context.keuzes.besluittypen.map((type) => ({ value: type.uuid, label: type.omschrijving })), leeg: 'Kies een besluittype', required: true }),
    tekstVeld({ ...field('datum'), label: 'Besluitdatum', hint: 'Als JJJJ-MM-DD. Leeg: vandaag.', type: 'text', maxlength: 10 }),
    tekstVeld({ ...field('ingangsdatum'), label: 'Ingangsdatum', hint: 'Als JJJJ-MM-DD. Leeg: de besluitdatum.', type: 'text', maxlength: 10 }),
    tekstvakVeld({ ...field('toelichting'), label: 'Toelichting (optioneel)', maxlength: 1000 }),
  ]);
}

function termijnForms(context: ActieFormContext): SafeHtml[] {
  const { zaak } = context;
  const forms: SafeHtml[] = [];
  if (zaak.opschorting?.indicatie) {
    forms.push(actieForm(context, 'hervatten', 'Termijn hervatten', () => [html`<p class="utrecht-paragraph">De opgeschorte dagen schuiven de uiterlijke afhandeldatum op.</p>`]));
  } else if (zaak.zaaktype.opschortingMogelijk) {
    forms.push(
      actieForm(context, 'opschorten', 'Termijn opschorten', (field) => [
        tekstvakVeld({ ...field('reden'), label: 'Reden', hint: 'Bijvoorbeeld: wacht op aanvullende stukken van de aanvrager.', maxlength: 200, required: true }),
      ]),
    );
  } else {
    forms.push(html`<p class="utrecht-paragraph">Dit zaaktype staat opschorten niet toe.</p>`);
  }
  if (zaak.verlenging) forms.push(html`<p class="utrecht-paragraph">De termijn is al verlengd; dat kan maar één keer.</p>`);
  else if (zaak.zaaktype.verlengingMogelijk && zaak.zaaktype.verlengingstermijn) {
    forms.push(
      actieForm(context, 'verlengen', 'Termijn verlengen', (field) => [
        tekstVeld({ ...field('dagen'), label: 'Verlengen met (dagen)', hint: `Hoogstens de verlengingstermijn van het zaaktype (${zaak.zaaktype.verlengingstermijn}).`, inputmode: 'numeric', maxlength: 4, required: true }),
        tekstvakVeld({ ...field('reden'), label: 'Reden', maxlength: 200, required: true }),
      ]),
    );
  } else forms.push(html`<p class="utrecht-paragraph">Dit zaaktype staat verlengen niet toe.</p>`);
  return forms;
}

function afsluitForm(context: ActieFormContext): SafeHtml {
  return actieForm(context, 'afsluiten', 'Zaak afsluiten', (field) => [
    selectVeld({ ...field('resultaattype'), label: 'Resultaat', keuzes: context.keuzes.resultaattypen.map((type) => ({ value: type.uuid, label: type.omschrijving })), leeg: 'Kies een resultaat', required: true }),
    tekstvakVeld({ ...field('toelichting'), label: 'Toelichting (optioneel)', maxlength: 1000 }),
  ]);
}

function heropenForm(context: ActieFormContext): SafeHtml {
  const keuzes = context.keuzes.statustypen.filter((type) => !type.eindstatus).map((type) => ({ value: type.uuid, label: type.omschrijving }));
  return actieForm(context, 'heropenen', 'Zaak heropenen', (field) => [
    selectVeld({ ...field('statustype'), label: 'Verder met status', keuzes, leeg: 'Kies een status', required: true }),
    tekstvakVeld({ ...field('toelichting'), label: 'Waarom wordt de zaak heropend?', maxlength: 1000, required: true }),
  ]);
}

/** The actions a handler can take now: on an open zaak status, besluit, deadlines and closing; on a closed one reopening. */
export function actiesBlok(context: ActieFormContext): SafeHtml {
  if (context.zaak.einddatum !== null) return html`<div class="loket-kolommen">${heropenForm(context)}</div>`;
  return html`<div class="loket-kolommen">${statusForm(context)}${besluitForm(context)}${termijnForms(context)}${afsluitForm(context)}</div>`;
}
