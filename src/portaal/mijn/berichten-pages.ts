import type { Tenant } from '../../platform/database/schema.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import { csrfField } from '../../platform/auth/csrf.ts';
import { RESIDENT_PATHS } from '../../platform/auth/resident-paths.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { portaalPage } from '../portaal-page.ts';
import type { Bericht } from './berichten-repository.ts';
import { MAX_TEKST } from './berichten.ts';
import { formatMoment } from './dates.ts';
import { describedBy, errorSummary, fieldError } from './form-errors.ts';
import { berichtPath, MIJN_PATHS, zaakPath } from './portaal-links.ts';

function afzender(bericht: Bericht): string {
  return bericht.richting === 'van_behandelaar' ? bericht.afzender : 'U';
}

/** `GET /mijn/berichten`: the messages about all the resident's zaken, newest first, unread ones marked. */
export function berichtenPage(tenant: Tenant, resident: ResidentIdentity, berichten: readonly Bericht[]): SafeHtml {
  return portaalPage({
    tenant,
    title: 'Mijn berichten',
    resident,
    body: html`<nav class="mijn-kruimelpad" aria-label="Kruimelpad"><ol><li><a class="utrecht-link" href="${RESIDENT_PATHS.home}">Mijn omgeving</a></li><li aria-current="page">Mijn berichten</li></ol></nav>
<h1 class="utrecht-heading-1">Mijn berichten</h1>
${berichten.length === 0
    ? html`<p class="utrecht-paragraph">U heeft nog geen berichten. Als de behandelaar van uw zaak u iets wil laten weten, ziet u dat hier.</p>`
    : html`<ul class="mijn-berichten">${berichten.map((bericht) => {
        const ongelezen = bericht.richting === 'van_behandelaar' && bericht.gelezenAt === null;
        return html`<li class="mijn-bericht${ongelezen ? ' mijn-bericht--ongelezen' : ''}">
<a class="utrecht-link" href="${berichtPath(bericht.uuid)}">${bericht.onderwerp}</a>${ongelezen ? html` <span class="mijn-label">Ongelezen</span>` : ''}
<p class="mijn-bericht__meta">Van ${afzender(bericht)}, over zaak ${bericht.zaakIdentificatie}, <time datetime="${bericht.createdAt.toISOString()}">${formatMoment(bericht.createdAt)}</time></p>
</li>`;
      })}</ul>`}`,
  });
}

/** The reply form's state: empty, refused with a message, or just sent. */
export type AntwoordState = { kind: 'leeg' } | { kind: 'fout'; message: string; tekst: string } | { kind: 'verstuurd' };

/** `GET /mijn/berichten/{bericht}`: one message, the zaak it is about, and (for a behandelaar's message) a reply form. */
export function berichtPage(tenant: Tenant, resident: ResidentIdentity, bericht: Bericht, antwoord: AntwoordState): SafeHtml {
  const error = antwoord.kind === 'fout' ? antwoord.message : undefined;
  return portaalPage({
    tenant,
    title: `${error !== undefined ? 'Fout: ' : ''}${bericht.onderwerp}`,
    resident,
    body: html`<nav class="mijn-kruimelpad" aria-label="Kruimelpad"><ol><li><a class="utrecht-link" href="${RESIDENT_PATHS.home}">Mijn omgeving</a></li><li><a class="utrecht-link" href="${MIJN_PATHS.berichten}">Mijn berichten</a></li><li aria-current="page">${bericht.onderwerp}</li></ol></nav>
${errorSummary(error !== undefined ? [{ fieldId: 'antwoord', message: error }] : [])}
<article class="mijn-berichttekst">
<h1 class="utrecht-heading-1">${bericht.onderwerp}</h1>
<p class="mijn-bericht__meta">Van ${afzender(bericht)}, <time datetime="${bericht.createdAt.toISOString()}">${formatMoment(bericht.createdAt)}</time>, over zaak <a class="utrecht-link" href="${zaakPath(bericht.zaakIdentificatie)}">${bericht.zaakIdentificatie}</a></p>
${bericht.tekst.split(/\n{2,}/).map((alinea) => html`<p class="utrecht-paragraph mijn-alinea">${alinea}</p>`)}
</article>
${antwoord.kind === 'verstuurd' ? html`<div class="utrecht-alert utrecht-alert--ok mijn-bevestiging" role="status"><p class="utrecht-paragraph">Uw antwoord is verstuurd. U vindt het bij <a class="utrecht-link" href="${zaakPath(bericht.zaakIdentificatie)}#berichten">de berichten van deze zaak</a>.</p></div>` : ''}
${bericht.richting === 'van_behandelaar' ? html`<section class="mijn-sectie" aria-labelledby="beantwoorden">
<h2 class="utrecht-heading-2" id="beantwoorden">Beantwoorden</h2>
<form method="post" action="${berichtPath(bericht.uuid)}/antwoord">
${csrfField(resident.csrfToken)}
<div class="utrecht-form-field mijn-veld${error !== undefined ? ' utrecht-form-field--invalid' : ''}">
<label class="utrecht-form-label" for="antwoord">Uw antwoord</label>
<p class="utrecht-form-field-description" id="antwoord-hint">Uw antwoord komt bij de behandelaar van zaak ${bericht.zaakIdentificatie}.</p>
${fieldError('antwoord', error)}
<textarea class="utrecht-textarea mijn-tekstvak" id="antwoord" name="tekst" rows="6" maxlength="${MAX_TEKST}" required${describedBy('antwoord', { hint: true, error })}>${antwoord.kind === 'fout' ? antwoord.tekst : ''}</textarea>
</div>
<button class="utrecht-button utrecht-button--primary-action" type="submit">Antwoord versturen</button>
</form>
</section>` : ''}`,
  });
}
