import { csrfField } from '../../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { requiredInput, selectField, type FieldErrors, type SelectOption } from '../velden.ts';
import { KOPPELING_LABELS, RICHTING_OPTIES, richtingLabel, type KoppelingWaarden, type NieuwIotWaarden } from './informatieobjecttypen.ts';
import { lijst, verwijderKnop } from './onderdeel-lijst.ts';
import type { GekoppeldInformatieobjecttype } from './zaaktype-gegevens.ts';
import { VERTROUWELIJKHEID_OPTIES } from './zaaktype-formulier.ts';

/*
 * The informatieobjecttypen on the zaaktype page: the linked ones in volgnummer order; on a concept also the forms to
 * link one of the catalogus, to make a new concept one and link it, to publish a concept one and to unlink. Field
 * ids carry the prefixes `koppeling-` and `nieuwiot-`, as the error keys do.
 */

function uuidVan(url: unknown): string {
  return String(url ?? '').split('/').at(-1) ?? '';
}

/** The catalogus's informatieobjecttypen to link, one option per omschrijving (a link holds for all its versions). */
export function informatieobjecttypeOpties(iots: readonly Record<string, unknown>[]): SelectOption[] {
  const byOmschrijving = new Map<string, boolean>();
  for (const iot of iots) byOmschrijving.set(String(iot.omschrijving), (byOmschrijving.get(String(iot.omschrijving)) ?? false) || iot.concept !== true);
  return [...byOmschrijving].map(([omschrijving, gepubliceerd]) => ({ value: omschrijving, label: gepubliceerd ? omschrijving : `${omschrijving} (concept)` }));
}

/** The summary items of these forms' errors: `<prefix>algemeen` points at the section's heading (there on a published zaaktype too). */
export function informatieobjecttypeSamenvatting(fouten: FieldErrors): { fieldId: string; message: string }[] {
  return Object.entries(fouten).map(([key, message]) => {
    const veld = key.split('-', 2)[1];
    if (veld === 'algemeen') return { fieldId: 'informatieobjecttypen', message };
    const label = KOPPELING_LABELS[veld ?? ''];
    return { fieldId: key, message: label ? `${label}: ${message}` : message };
  });
}

export interface InformatieobjecttypeFormulieren {
  koppeling: { waarden: KoppelingWaarden; fouten: FieldErrors };
  nieuwiot: { waarden: NieuwIotWaarden; fouten: FieldErrors };
}

function algemeen(fouten: FieldErrors, prefix: string): SafeHtml {
  const message = fouten[`${prefix}-algemeen`];
  return message ? html`<p class="loket-field-error">${message}</p>` : html``;
}

/** The section of the zaaktype page. */
export function informatieobjecttypenSectie(context: {
  path: string;
  concept: boolean;
  gekoppeld: readonly GekoppeldInformatieobjecttype[];
  catalogus: readonly Record<string, unknown>[];
  formulieren: InformatieobjecttypeFormulieren;
  csrfToken: string;
}): SafeHtml {
  const { path, concept, formulieren, csrfToken } = context;
  const koppeling = formulieren.koppeling;
  const nieuw = formulieren.nieuwiot;
  const opties = informatieobjecttypeOpties(context.catalogus);
  const csrf = csrfField(csrfToken);
  return html`<section class="loket-sectie" aria-labelledby="informatieobjecttypen" id="informatieobjecttypen-sectie">
<h2 class="utrecht-heading-2" id="informatieobjecttypen" tabindex="-1">Informatieobjecttypen</h2>
<p class="utrecht-paragraph">De soorten documenten die een zaak van dit type kan hebben, in volgorde, met hun richting. Een zaaktype kan pas gepubliceerd worden als deze informatieobjecttypen gepubliceerd zijn.</p>
${lijst(context.gekoppeld, 'Geen informatieobjecttypen.', (iot) => html`<li>${String(iot.volgnummer)}. ${iot.omschrijving} (${richtingLabel(iot.richting).toLowerCase()})${iot.concept ? html` <span class="loket-badge loket-badge--opgeschort">Concept</span>` : ''}${
  concept
    ? html`${iot.concept && iot.url !== '' ? verwijderKnop(`${path}/informatieobjecttypen/${uuidVan(iot.url)}/publiceren`, csrfToken, `informatieobjecttype ${iot.omschrijving}`, 'Publiceer') : ''} ${verwijderKnop(
        `${path}/zaaktype-informatieobjecttypen/${uuidVan(iot.koppeling)}/verwijderen`,
        csrfToken,
        `informatieobjecttype ${iot.omschrijving} van dit zaaktype`,
        'Ontkoppel',
      )}`
    : ''
}</li>`)}
${
  concept
    ? html`<h3 class="utrecht-heading-3" id="koppeling-toevoegen" tabindex="-1">Informatieobjecttype uit de catalogus koppelen</h3>
${
  opties.length === 0
    ? html`<p class="utrecht-paragraph">De catalogus heeft nog geen informatieobjecttypen; maak er hieronder een.</p>`
    : html`${algemeen(koppeling.fouten, 'koppeling')}<form class="loket-form" method="post" action="${path}/informatieobjecttypen" novalidate>${csrf}
${selectField({ id: 'koppeling-informatieobjecttype', name: 'informatieobjecttype', label: KOPPELING_LABELS.informatieobjecttype ?? '', options: [{ value: '', label: 'Kies…' }, ...opties], value: koppeling.waarden.informatieobjecttype, error: koppeling.fouten['koppeling-informatieobjecttype'] })}
${requiredInput({ id: 'koppeling-volgnummer', name: 'volgnummer', label: KOPPELING_LABELS.volgnummer ?? '', hint: 'De plaats in de lijst, uniek binnen het zaaktype (1 tot en met 999).', value: koppeling.waarden.volgnummer, error: koppeling.fouten['koppeling-volgnummer'] })}
${selectField({ id: 'koppeling-richting', name: 'richting', label: KOPPELING_LABELS.richting ?? '', hint: 'Inkomend: de inwoner stuurt het. Uitgaand: de gemeente stuurt het. Intern: blijft binnen de gemeente.', options: RICHTING_OPTIES, value: koppeling.waarden.richting, error: koppeling.fouten['koppeling-richting'] })}
<button type="submit" class="loket-button">Informatieobjecttype koppelen</button>
</form>`
}
<h3 class="utrecht-heading-3" id="nieuwiot-toevoegen" tabindex="-1">Nieuw informatieobjecttype maken en koppelen</h3>
<p class="utrecht-paragraph">Het nieuwe informatieobjecttype komt als concept in de catalogus; publiceer het voordat u het zaaktype publiceert.</p>
${algemeen(nieuw.fouten, 'nieuwiot')}<form class="loket-form" method="post" action="${path}/informatieobjecttypen/nieuw" novalidate>${csrf}
${requiredInput({ id: 'nieuwiot-omschrijving', name: 'omschrijving', label: KOPPELING_LABELS.omschrijving ?? '', hint: 'Hoogstens 80 tekens, bijvoorbeeld Aanvraagformulier of Situatietekening.', value: nieuw.waarden.omschrijving, error: nieuw.fouten['nieuwiot-omschrijving'] })}
${selectField({ id: 'nieuwiot-vertrouwelijkheidaanduiding', name: 'vertrouwelijkheidaanduiding', label: KOPPELING_LABELS.vertrouwelijkheidaanduiding ?? '', hint: 'De vertrouwelijkheid die documenten van dit type krijgen.', options: VERTROUWELIJKHEID_OPTIES, value: nieuw.waarden.vertrouwelijkheidaanduiding, error: nieuw.fouten['nieuwiot-vertrouwelijkheidaanduiding'] })}
${requiredInput({ id: 'nieuwiot-beginGeldigheid', name: 'beginGeldigheid', type: 'date', label: KOPPELING_LABELS.beginGeldigheid ?? '', value: nieuw.waarden.beginGeldigheid, error: nieuw.fouten['nieuwiot-beginGeldigheid'] })}
${requiredInput({ id: 'nieuwiot-informatieobjectcategorie', name: 'informatieobjectcategorie', label: KOPPELING_LABELS.informatieobjectcategorie ?? '', hint: 'Bijvoorbeeld Aanvraag, Besluit of Bijlage.', value: nieuw.waarden.informatieobjectcategorie, error: nieuw.fouten['nieuwiot-informatieobjectcategorie'] })}
${requiredInput({ id: 'nieuwiot-volgnummer', name: 'volgnummer', label: KOPPELING_LABELS.volgnummer ?? '', hint: 'De plaats in de lijst, uniek binnen het zaaktype (1 tot en met 999).', value: nieuw.waarden.volgnummer, error: nieuw.fouten['nieuwiot-volgnummer'] })}
${selectField({ id: 'nieuwiot-richting', name: 'richting', label: KOPPELING_LABELS.richting ?? '', options: RICHTING_OPTIES, value: nieuw.waarden.richting, error: nieuw.fouten['nieuwiot-richting'] })}
<button type="submit" class="loket-button">Informatieobjecttype maken en koppelen</button>
</form>`
    : html`<p class="utrecht-paragraph">Dit zaaktype is gepubliceerd, dus de gekoppelde informatieobjecttypen veranderen niet meer. Wilt u er een koppelen of ontkoppelen, maak dan hieronder een nieuwe versie.</p>`
}
</section>`;
}

