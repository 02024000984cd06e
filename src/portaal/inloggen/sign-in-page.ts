import type { Tenant } from '../../platform/database/schema.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { RESIDENT_PATHS } from '../../platform/auth/resident-paths.ts';
import { contactOptions, telHref } from '../contact-options.ts';
import { portaalPage } from '../portaal-page.ts';

export interface SignInPageOptions {
  tenant: Tenant;
  returnPath: string;
  /** The previous session ran out: say so, so the resident knows why they are here. */
  expired: boolean;
  /** Whether the built-in demo identity provider is on (the page then says these are not real DigiD accounts). */
  demo: boolean;
}

function startLink(middel: 'digid' | 'eherkenning', returnPath: string): string {
  const query = new URLSearchParams({ middel });
  if (returnPath !== RESIDENT_PATHS.home) query.set('terug', returnPath);
  return `${RESIDENT_PATHS.signInStart}?${query.toString()}`;
}

/** `GET /inloggen`: DigiD for residents, eHerkenning for businesses, and the other ways to reach the municipality. */
export function signInPage(options: SignInPageOptions): SafeHtml {
  const { tenant, returnPath } = options;
  const contact = contactOptions(tenant);
  return portaalPage({
    tenant,
    title: 'Inloggen',
    body: html`<h1 class="utrecht-heading-1">Inloggen op Mijn omgeving</h1>
${options.expired ? html`<div class="utrecht-alert utrecht-alert--warning" role="status"><p class="utrecht-paragraph">U bent automatisch uitgelogd, omdat u 15 minuten niets heeft gedaan. Log opnieuw in om verder te gaan.</p></div>` : ''}
${options.demo ? html`<div class="utrecht-alert utrecht-alert--info portaal-demo"><p class="utrecht-paragraph"><strong>Demo-omgeving.</strong> U logt hier niet in met echte DigiD of eHerkenning, maar kiest een verzonnen inwoner of bedrijf.</p></div>` : ''}
<p class="utrecht-paragraph">In Mijn omgeving ziet u uw aanvragen en meldingen, berichten van de gemeente en documenten.</p>
<div class="portaal-inlogkeuzes">
<section class="portaal-inlogkeuze" aria-labelledby="inloggen-inwoner">
<h2 class="utrecht-heading-2" id="inloggen-inwoner">Voor inwoners</h2>
<p class="utrecht-paragraph">Log in met uw DigiD. Dat kan met de DigiD app of met een sms-controle.</p>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="${startLink('digid', returnPath)}">Inloggen met DigiD</a>
</section>
<section class="portaal-inlogkeuze" aria-labelledby="inloggen-bedrijf">
<h2 class="utrecht-heading-2" id="inloggen-bedrijf">Voor ondernemers</h2>
<p class="utrecht-paragraph">Log in met eHerkenning namens uw bedrijf of organisatie.</p>
<a class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href="${startLink('eherkenning', returnPath)}">Inloggen met eHerkenning</a>
</section>
</div>
<h2 class="utrecht-heading-2">Liever niet online?</h2>
<p class="utrecht-paragraph">Bel ons op <a class="utrecht-link" href="${telHref(contact.telefoon)}">${contact.telefoon}</a> (${contact.telefoonTijden}) of kom langs: ${contact.balie}</p>`,
  });
}

/** Sign-in that could not be completed: what happened and what to do, never a stack trace. */
export function signInFailedPage(tenant: Tenant, heading: string, message: string): SafeHtml {
  return portaalPage({
    tenant,
    title: heading,
    body: html`<h1 class="utrecht-heading-1">${heading}</h1>
<p class="utrecht-paragraph">${message}</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${RESIDENT_PATHS.signIn}">Opnieuw inloggen</a></p>`,
  });
}

/** After sign-out: confirmation, and the advice every DigiD site gives about shared computers. */
export function signedOutPage(tenant: Tenant): SafeHtml {
  return portaalPage({
    tenant,
    title: 'U bent uitgelogd',
    body: html`<h1 class="utrecht-heading-1">U bent uitgelogd</h1>
<p class="utrecht-paragraph">U bent veilig uitgelogd uit Mijn omgeving. Gebruikt u een computer die ook anderen gebruiken? Sluit dan uw browser.</p>
<p class="utrecht-paragraph"><a class="utrecht-link" href="${RESIDENT_PATHS.signIn}">Opnieuw inloggen</a> of ga naar de <a class="utrecht-link" href="/">startpagina</a>.</p>`,
  });
}
