import { csrfField } from '../../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import type { ZaaknotitieJson } from '../../../components/zaken/zaaknotities/present.ts';
import { errorSummary } from '../../form-fields.ts';
import { tekstVeld, tekstvlakVeld } from '../sectie-velden.ts';
import { zaakPagePath } from '../sectie-zaak.ts';
import { isoMoment, momentWeergave } from '../weergave.ts';
import { MAX_ONDERWERP, MAX_TEKST } from './zaak-notities.ts';

/* The HTML of the notes: the list, newest first, and the form to add one. */

export const NOTITIE_VELDEN = { onderwerp: 'notitie-onderwerp', tekst: 'notitie-tekst' } as const;

/** The path notes are posted to. */
export function notitiesPad(zaakUuid: string): string {
  return `${zaakPagePath(zaakUuid)}/notities`;
}

/** The notes, newest first, each with its author and time. */
export function notitieLijst(notities: readonly ZaaknotitieJson[]): SafeHtml {
  if (notities.length === 0) return html`<p class="utrecht-paragraph">Er zijn nog geen notities bij deze zaak.</p>`;
  return html`<ol class="loket-notities" aria-label="Notities, nieuwste eerst" role="list">
${notities.map(
  (notitie) => html`<li class="loket-notitie">
<h3 class="utrecht-heading-3">${notitie.onderwerp}</h3>
<p class="loket-meta">${notitie.aangemaaktDoor === '' ? 'Onbekende auteur' : notitie.aangemaaktDoor}, <time datetime="${isoMoment(notitie.aanmaakdatum)}">${momentWeergave(notitie.aanmaakdatum)}</time>${notitie.notitieType === 'extern' ? ' (extern)' : ''}</p>
<p>${notitie.tekst}</p>
</li>`,
)}
</ol>`;
}

export interface NotitieForm {
  zaakUuid: string;
  csrfToken: string;
  waarden?: { onderwerp?: string; tekst?: string };
  fouten?: Partial<Record<'onderwerp' | 'tekst', string>>;
  /** The id of the page's own heading that names the form (a page of its own); else the form has its own heading. */
  kopId?: string;
}

/** The form that adds a note. */
export function notitieFormulier(form: NotitieForm): SafeHtml {
  const fouten = form.fouten ?? {};
  return html`<form method="post" action="${notitiesPad(form.zaakUuid)}" aria-labelledby="${form.kopId ?? 'notitie-nieuw-kop'}" novalidate>
${form.kopId === undefined ? html`<h3 class="utrecht-heading-3" id="notitie-nieuw-kop">Notitie toevoegen</h3>` : ''}
${csrfField(form.csrfToken)}
${tekstVeld({ id: NOTITIE_VELDEN.onderwerp, name: 'onderwerp', label: 'Onderwerp', value: form.waarden?.onderwerp, maxlength: MAX_ONDERWERP, error: fouten.onderwerp })}
${tekstvlakVeld({ id: NOTITIE_VELDEN.tekst, name: 'tekst', label: 'Notitie', hint: `Alleen voor medewerkers; hoogstens ${MAX_TEKST} tekens. Een notitie kan daarna niet meer worden gewijzigd.`, value: form.waarden?.tekst, error: fouten.tekst })}
<button type="submit">Notitie opslaan</button>
</form>`;
}

/** The error summary of the note form. */
export function notitieSamenvatting(fouten: NotitieForm['fouten']): SafeHtml {
  return errorSummary(
    (['onderwerp', 'tekst'] as const).flatMap((veld) => {
      const message = fouten?.[veld];
      return message === undefined ? [] : [{ fieldId: NOTITIE_VELDEN[veld], message }];
    }),
  );
}
