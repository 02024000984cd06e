import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import type { PersonProcessing, PersonProcessingPage } from '../../platform/processing-log/query.ts';
import { errorSummary, inputField } from '../form-fields.ts';

export const INZAGE_PATH = '/medewerker/privacy/verwerkingen';

const STATUS_LABELS = { ok: 'Geslaagd', error: 'Mislukt', unknown: 'Onbekend' } as const;

const SHOWN_IN = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'medium' });

export interface InzageView {
  tenantName: string;
  csrfToken: string;
  bsn?: string;
  error?: string;
  result?: PersonProcessingPage;
}

function row(item: PersonProcessing): SafeHtml {
  return html`<tr>
<td>${SHOWN_IN.format(item.startTime)}</td>
<td>${item.activity.name}${item.activity.confidential ? html` <strong>(vertrouwelijk)</strong>` : ''}</td>
<td>${item.activity.purpose}</td>
<td>${item.activity.legalGround}</td>
<td>${item.name}</td>
<td>${item.actor}</td>
<td>${STATUS_LABELS[item.status]}</td>
</tr>`;
}

function results(view: InzageView, result: PersonProcessingPage): SafeHtml {
  if (result.items.length === 0) return html`<h2 class="utrecht-heading-2">Resultaat</h2><p class="utrecht-paragraph">Er zijn geen verwerkingen van deze persoon vastgelegd.</p>`;
  return html`<h2 class="utrecht-heading-2">Resultaat</h2>
<div class="loket-table-scroll" role="region" aria-labelledby="verwerkingen-titel" tabindex="0">
<table>
<caption id="verwerkingen-titel">Verwerkingen van persoonsgegevens, nieuwste eerst (tijden in Nederlandse tijd)</caption>
<thead><tr><th scope="col">Tijdstip</th><th scope="col">Verwerkingsactiviteit</th><th scope="col">Doel</th><th scope="col">Grondslag</th><th scope="col">Handeling</th><th scope="col">Door</th><th scope="col">Status</th></tr></thead>
<tbody>${result.items.map(row)}</tbody>
</table>
</div>
${
  result.nextBefore !== undefined
    ? html`<form method="post" action="${INZAGE_PATH}">
${csrfField(view.csrfToken)}
<input type="hidden" name="bsn" value="${view.bsn ?? ''}">
<input type="hidden" name="voor" value="${String(result.nextBefore)}">
<button type="submit" class="loket-button loket-button-secondary">Oudere verwerkingen tonen</button>
</form>`
    : ''
}`;
}

/**
 * The privacy officer's inzage page: which processing of one person's data the municipality
 * recorded, with activity, purpose and legal ground from the register.
 */
export function inzagePage(view: InzageView): SafeHtml {
  return page({
    // "Fout:" first in the title tells screen-reader users at once that the submission failed.
    title: view.error ? 'Fout: Verwerkingen van een persoon' : 'Verwerkingen van een persoon',
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Verwerkingen van een persoon</h1>
<p class="utrecht-paragraph">Voor een inzageverzoek (AVG artikel 15): zoek op burgerservicenummer. Deze opzoeking wordt zelf ook vastgelegd.</p>
${errorSummary(view.error ? [{ fieldId: 'bsn', message: view.error }] : [])}
<form method="post" action="${INZAGE_PATH}" novalidate>
${csrfField(view.csrfToken)}
${inputField({ id: 'bsn', name: 'bsn', label: 'Burgerservicenummer', type: 'text', autocomplete: 'off', inputmode: 'numeric', literal: true, hint: '9 cijfers', value: view.bsn, error: view.error })}
<button type="submit" class="loket-button">Zoeken</button>
</form>
${view.result ? results(view, view.result) : ''}
<p class="utrecht-paragraph"><a class="utrecht-link" href="/medewerker">Terug naar de werkplek</a></p>`,
  });
}
