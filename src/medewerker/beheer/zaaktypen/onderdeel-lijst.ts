import { csrfField } from '../../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';

/* The pieces every part section of the zaaktype page shares: its list (or a line saying there is none) and the remove button. */

/** The items as a list, or the sentence for none. */
export function lijst<T>(items: readonly T[], leeg: string, rij: (item: T) => SafeHtml): SafeHtml {
  return items.length === 0 ? html`<p class="utrecht-paragraph">${leeg}</p>` : html`<ul class="utrecht-unordered-list">${items.map(rij)}</ul>`;
}

/** A small form with one button that posts to `action` (with the CSRF token) to remove `wat`. */
export function verwijderKnop(action: string, csrfToken: string, wat: string, knop = 'Verwijder'): SafeHtml {
  return html`<form method="post" action="${action}" class="loket-form--secondary">${csrfField(csrfToken)}<button type="submit" class="loket-button-secondary">${knop} ${wat}</button></form>`;
}
