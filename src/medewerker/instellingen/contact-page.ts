import { csrfField } from '../../platform/auth/csrf.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import type { ContactField, ContactOptions } from '../../portaal/contact-options.ts';
import { errorSummary, inputField } from '../form-fields.ts';

export const CONTACT_SETTINGS_PATH = '/medewerker/instellingen/contact';

const LABELS: Record<ContactField, { label: string; hint: string; type: 'text' | 'email'; autocomplete: string }> = {
  telefoon: { label: 'Telefoonnummer', hint: 'Zoals inwoners het zien, bijvoorbeeld 14 0999.', type: 'text', autocomplete: 'off' },
  telefoonTijden: { label: 'Wanneer bereikbaar per telefoon', hint: 'Bijvoorbeeld: maandag tot en met vrijdag van 8.30 tot 17.00 uur.', type: 'text', autocomplete: 'off' },
  balie: { label: 'Balie', hint: 'Adres en hoe inwoners langskomen, bijvoorbeeld: Gemeentehuis, Marktplein 1. Kom op afspraak.', type: 'text', autocomplete: 'off' },
  email: { label: 'E-mailadres', hint: 'Het adres waarop inwoners de gemeente mailen.', type: 'email', autocomplete: 'off' },
  chatTijden: { label: 'Wanneer bereikbaar via de chat', hint: 'Bijvoorbeeld: maandag tot en met vrijdag van 9.00 tot 16.00 uur.', type: 'text', autocomplete: 'off' },
};

/** The beheerder's form for the contact options the portal shows on every page. */
export function contactSettingsPage(view: { tenantName: string; csrfToken: string; values: ContactOptions; errors?: Partial<Record<ContactField, string>>; saved?: boolean }): SafeHtml {
  const errors = view.errors ?? {};
  const fields = Object.keys(LABELS) as ContactField[];
  const summary = fields.filter((field) => errors[field] !== undefined).map((field) => ({ fieldId: `contact-${field}`, message: `${LABELS[field].label}: ${errors[field] ?? ''}` }));
  return page({
    title: `${summary.length > 0 ? 'Fout: ' : ''}Contactgegevens op de website`,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Contactgegevens op de website</h1>
${view.saved ? html`<div class="loket-notice" role="status"><p>De contactgegevens zijn opgeslagen. De website toont ze binnen enkele seconden.</p></div>` : ''}
${errorSummary(summary)}
<p class="utrecht-paragraph">Deze gegevens staan op elke pagina van de website voor inwoners en ondernemers.</p>
<form class="loket-form" method="post" action="${CONTACT_SETTINGS_PATH}" novalidate>
${csrfField(view.csrfToken)}
${fields.map((field) =>
  inputField({ id: `contact-${field}`, name: field, label: LABELS[field].label, hint: LABELS[field].hint, type: LABELS[field].type, autocomplete: LABELS[field].autocomplete, value: view.values[field], error: errors[field] }),
)}
<button type="submit" class="loket-button">Opslaan</button>
</form>`,
  });
}
