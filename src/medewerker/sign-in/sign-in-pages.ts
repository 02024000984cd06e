import { csrfField } from '../../platform/auth/csrf.ts';
import { STAFF_PATHS, withReturnPath } from '../../platform/auth/staff-paths.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { page } from '../../platform/http/page.ts';
import { errorSummary, inputField, type SummaryError } from '../form-fields.ts';

/** The generic refusal: it never says whether the address or the password was wrong. */
export const CREDENTIALS_ERROR = 'E-mailadres of wachtwoord onjuist.';

function returnField(returnPath: string): SafeHtml {
  return returnPath === STAFF_PATHS.home ? html`` : html`<input type="hidden" name="terug" value="${returnPath}">`;
}

function title(text: string, hasErrors: boolean): string {
  // A changed title is the first thing a screen reader announces after submitting.
  return hasErrors ? `Fout: ${text}` : text;
}

/** Both credential fields, with a refusal that concerns the pair shown once above them. */
function credentialsGroup(error: string | undefined, fields: SafeHtml): SafeHtml {
  if (error === undefined) return fields;
  return html`<div class="loket-field-group loket-form-field--invalid">
<p class="loket-field-error" id="inloggegevens-fout"><span class="loket-visually-hidden">Fout: </span>${error}</p>
${fields}
</div>`;
}

export interface SignInPageView {
  tenantName: string;
  formToken: string;
  returnPath: string;
  email: string;
  emailError?: string;
  passwordError?: string;
  /** A refusal about the combination (wrong credentials, lock): shown beside the password and marks both fields. */
  credentialsError?: string;
  notice?: 'uitgelogd' | 'verlopen';
  oidcEnabled: boolean;
}

/** Step one: e-mail address and password. Works without JavaScript; errors sit beside their fields. */
export function signInPage(view: SignInPageView): SafeHtml {
  const summary: SummaryError[] = [];
  if (view.emailError) summary.push({ fieldId: 'email', message: view.emailError });
  if (view.passwordError) summary.push({ fieldId: 'wachtwoord', message: view.passwordError });
  if (view.credentialsError) summary.push({ fieldId: 'email', message: view.credentialsError });
  const sharedErrorId = view.credentialsError ? 'inloggegevens-fout' : undefined;
  const notice =
    view.notice === 'uitgelogd'
      ? html`<p class="loket-notice" role="status">U bent uitgelogd.</p>`
      : view.notice === 'verlopen'
        ? html`<p class="loket-notice" role="status">Uw sessie is verlopen. Log opnieuw in.</p>`
        : html``;
  return page({
    title: title('Inloggen voor medewerkers', summary.length > 0),
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Inloggen voor medewerkers</h1>
${notice}
${errorSummary(summary)}
<form class="loket-form" method="post" action="${STAFF_PATHS.signIn}" novalidate>
${csrfField(view.formToken)}
${returnField(view.returnPath)}
${credentialsGroup(
  view.credentialsError,
  html`${inputField({ id: 'email', name: 'email', label: 'E-mailadres', type: 'email', autocomplete: 'username', value: view.email, error: view.emailError, sharedErrorId, inputmode: 'email', literal: true })}
${inputField({ id: 'wachtwoord', name: 'wachtwoord', label: 'Wachtwoord', type: 'password', autocomplete: 'current-password', error: view.passwordError, sharedErrorId })}`,
)}
<button type="submit" class="loket-button">Inloggen</button>
</form>
${
  view.oidcEnabled
    ? html`<p class="utrecht-paragraph loket-alternative"><a class="utrecht-link" href="${withReturnPath(STAFF_PATHS.oidcStart, view.returnPath)}">Inloggen via uw organisatie-account</a></p>`
    : ''
}`,
  });
}

export interface CodePageView {
  tenantName: string;
  csrfToken: string;
  returnPath: string;
  error?: string;
}

/** Step two: the six-digit code from the authenticator app, with a way to stop and sign out. */
export function codePage(view: CodePageView): SafeHtml {
  const summary: SummaryError[] = view.error ? [{ fieldId: 'code', message: view.error }] : [];
  return page({
    title: title('Inlogcode invoeren', summary.length > 0),
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">Inlogcode invoeren</h1>
${errorSummary(summary)}
<p class="utrecht-paragraph">Open de authenticator-app op uw telefoon en vul de code in die daar bij ${view.tenantName} staat.</p>
<form class="loket-form" method="post" action="${STAFF_PATHS.code}" novalidate>
${csrfField(view.csrfToken)}
${returnField(view.returnPath)}
${inputField({ id: 'code', name: 'code', label: 'Inlogcode', type: 'text', autocomplete: 'one-time-code', hint: 'De code bestaat uit 6 cijfers.', error: view.error, inputmode: 'numeric', literal: true })}
<button type="submit" class="loket-button">Verder</button>
</form>
<form class="loket-form loket-form--secondary" method="post" action="${STAFF_PATHS.signOut}">
${csrfField(view.csrfToken)}
<button type="submit" class="loket-button loket-button-secondary">Stoppen en uitloggen</button>
</form>`,
  });
}

/** A page that explains why signing in did not work, with the way back. */
export function signInRefusedPage(view: { tenantName: string; heading: string; message: string }): SafeHtml {
  return page({
    title: view.heading,
    tenantName: view.tenantName,
    body: html`<h1 class="utrecht-heading-1">${view.heading}</h1>
<p class="utrecht-paragraph">${view.message}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${STAFF_PATHS.signIn}">Terug naar inloggen</a></p>`,
  });
}

