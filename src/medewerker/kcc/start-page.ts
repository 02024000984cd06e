import { csrfField } from '../../platform/auth/csrf.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { errorSummary } from '../form-fields.ts';
import type { KccContactRow } from './contacten-repository.ts';
import { KCC_KANALEN } from './kcc-keuzes.ts';
import { kccPage, openContactenWissel } from './kcc-layout.ts';
import { KCC_CONTACTEN_PATH, KCC_PATH } from './kcc-paden.ts';
import { keuzeGroep, optioneelTekstveld } from './kcc-velden.ts';

export interface RegistratieInvoer {
  kanaal?: string;
  onderwerp?: string;
}

export type RegistratieFouten = Partial<Record<'kanaal' | 'onderwerp', string>>;

/** The KCC start page: the agent's open contacts and the form that registers a new one in any channel. */
export function startPage(view: { tenantName: string; staff: StaffIdentity; open: readonly KccContactRow[]; invoer?: RegistratieInvoer; fouten?: RegistratieFouten; gesloten?: boolean }): SafeHtml {
  const fouten = view.fouten ?? {};
  const invoer = view.invoer ?? {};
  const summary = [
    ...(fouten.kanaal ? [{ fieldId: 'kanaal', message: fouten.kanaal }] : []),
    ...(fouten.onderwerp ? [{ fieldId: 'onderwerp', message: fouten.onderwerp }] : []),
  ];
  return kccPage({
    title: `${summary.length > 0 ? 'Fout: ' : ''}Klantcontact (KCC)`,
    tenantName: view.tenantName,
    staff: view.staff,
    path: KCC_PATH,
    body: html`<h1 class="utrecht-heading-1">Klantcontact (KCC)</h1>
${view.gesloten ? html`<p class="loket-notice" role="status">Het contact is afgesloten.</p>` : ''}
${errorSummary(summary)}
${openContactenWissel(view.open, undefined)}
<h2 class="utrecht-heading-2" id="registreren-titel">Nieuw contact registreren</h2>
<p class="utrecht-paragraph">Registreer elk contact zodra het binnenkomt. Wie het is en waarover het gaat, legt u daarna vast.</p>
<form method="post" action="${KCC_CONTACTEN_PATH}" aria-labelledby="registreren-titel" novalidate>
${csrfField(view.staff.csrfToken)}
${keuzeGroep({ id: 'kanaal', name: 'kanaal', legend: 'Kanaal', keuzes: KCC_KANALEN, gekozen: invoer.kanaal, fout: fouten.kanaal })}
${optioneelTekstveld({ id: 'onderwerp', name: 'onderwerp', label: 'Onderwerp (optioneel)', hint: 'Als u al weet waarover het gaat.', value: invoer.onderwerp ?? '', maxLength: 200, fout: fouten.onderwerp })}
<button type="submit" class="loket-button">Contact registreren</button>
</form>`,
  });
}
