import type { Tenant } from '../../../platform/database/schema.ts';
import { html, type SafeHtml } from '../../../platform/http/html.ts';
import { portaalPage } from '../../portaal-page.ts';
import type { DemoAccount } from './accounts.ts';

/**
 * The demo identity provider's "log in" step: pick a fictional resident or business. Marked as a demo in its title,
 * heading and text, so nobody mistakes it for DigiD.
 */
export function demoInteractionPage(options: { tenant: Tenant; action: string; middel: 'digid' | 'eherkenning'; accounts: readonly DemoAccount[]; error?: string }): SafeHtml {
  const wie = options.middel === 'digid' ? 'inwoner' : 'bedrijf';
  const { error } = options;
  return portaalPage({
    tenant: options.tenant,
    title: `${error ? 'Fout: ' : ''}Demo-inloggen (geen echte ${options.middel === 'digid' ? 'DigiD' : 'eHerkenning'})`,
    searchInHeader: false,
    body: html`<h1 class="utrecht-heading-1">Demo-inloggen</h1>
<div class="utrecht-alert utrecht-alert--warning portaal-demo" role="note"><p class="utrecht-paragraph"><strong>Dit is geen echte ${options.middel === 'digid' ? 'DigiD' : 'eHerkenning'}.</strong> Deze demo-omgeving van Loket laat u inloggen als een verzonnen ${wie}. Gebruik nooit echte gegevens.</p></div>
${error ? html`<div class="utrecht-alert utrecht-alert--error" role="alert" aria-labelledby="fouten-kop"><h2 class="utrecht-heading-2" id="fouten-kop">Er is een fout</h2><ul><li><a class="utrecht-link" href="#account-${options.accounts[0]?.sub ?? ''}">${error}</a></li></ul></div>` : ''}
<form method="post" action="${options.action}" novalidate>
<fieldset class="utrecht-form-fieldset"${error ? html` aria-describedby="account-fout"` : ''}>
<legend class="utrecht-form-fieldset__legend">Als welk${options.middel === 'digid' ? 'e inwoner' : ' bedrijf'} wilt u inloggen?</legend>
${error ? html`<p class="utrecht-form-field-error-message" id="account-fout">${error}</p>` : ''}
${options.accounts.map((account) => html`<div class="portaal-keuze"><input class="utrecht-radio-button utrecht-radio-button--html-input" type="radio" id="account-${account.sub}" name="account" value="${account.sub}"${error ? html` aria-invalid="true"` : ''}><label for="account-${account.sub}"><strong>${account.naam}</strong> (${account.soort === 'bsn' ? 'BSN' : 'KvK'} ${account.identificatie}): ${account.toelichting}</label></div>
`)}
</fieldset>
<div class="portaal-knoppen">
<button class="utrecht-button utrecht-button--primary-action" type="submit" name="actie" value="inloggen">Inloggen</button>
<button class="utrecht-button utrecht-button--secondary-action" type="submit" name="actie" value="annuleren">Annuleren</button>
</div>
</form>`,
  });
}
