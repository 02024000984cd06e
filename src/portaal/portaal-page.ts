import type { FastifyReply } from 'fastify';
import type { Tenant } from '../platform/database/schema.ts';
import { html, type SafeHtml } from '../platform/http/html.ts';
import type { ResidentIdentity } from '../platform/auth/resident-session.ts';
import { csrfField } from '../platform/auth/csrf.ts';
import { RESIDENT_PATHS } from '../platform/auth/resident-paths.ts';
import { contactOptions, telHref } from './contact-options.ts';

export interface PortaalPageOptions {
  tenant: Tenant;
  /** What the page is about; the document title becomes "<title> - <municipality>". */
  title: string;
  body: SafeHtml;
  /** The home page has its own large search box; other pages show a small one in the header. */
  searchInHeader?: boolean;
  /** Prefills the header's search box. */
  q?: string;
  /**
   * The signed-in resident (pages of Mijn omgeving): the header then names them, offers sign-out, and the page warns
   * before the session's idle time-out.
   */
  resident?: ResidentIdentity;
}

/** "Mijn omgeving" for everyone; once signed in also who, and a sign-out button. */
function accountNavigation(resident: ResidentIdentity | undefined): SafeHtml {
  if (!resident) {
    return html`<nav class="portaal-account" aria-label="Mijn omgeving"><a class="utrecht-link" href="${RESIDENT_PATHS.home}">Mijn omgeving</a></nav>`;
  }
  return html`<nav class="portaal-account" aria-label="Mijn omgeving">
<span class="portaal-account__naam">Ingelogd als ${resident.naam === '' ? resident.identificatie : resident.naam}</span>
<a class="utrecht-link" href="${RESIDENT_PATHS.home}">Mijn omgeving</a>
<form method="post" action="${RESIDENT_PATHS.signOut}">${csrfField(resident.csrfToken)}<button class="utrecht-button utrecht-button--subtle" type="submit">Uitloggen</button></form>
</nav>`;
}

/**
 * The idle time-out notice (WCAG 2.2.1: the resident is told and can extend). Without script it states the rule; the
 * script shows a warning two minutes before the end with a button that extends the session, and says when it ended.
 */
function sessionWarning(resident: ResidentIdentity | undefined): SafeHtml {
  if (!resident) return html``;
  return html`<div class="portaal-sessie" id="sessie-melding" data-verloopt="${resident.expiresAt.toISOString()}" data-nu="${new Date().toISOString()}" data-verlengen="${RESIDENT_PATHS.keepAlive}" data-csrf="${resident.csrfToken}" data-inloggen="${RESIDENT_PATHS.signIn}">
<p class="portaal-sessie__regel">U wordt automatisch uitgelogd als u 15 minuten niets doet op deze website.</p>
<div class="portaal-sessie__waarschuwing utrecht-alert utrecht-alert--warning" role="alert" hidden>
<p class="portaal-sessie__tekst"></p>
<button class="utrecht-button utrecht-button--primary-action portaal-sessie__verlengen" type="button">Blijf ingelogd</button>
</div>
</div>`;
}

/**
 * The document around every portal page: Dutch, a skip link, header with the municipality's name, one main landmark
 * and a footer with the contact options. NL Design System CSS plus the tenant's theme; no inline styles or scripts.
 */
export function portaalPage(options: PortaalPageOptions): SafeHtml {
  const { tenant } = options;
  const contact = contactOptions(tenant);
  const search = options.searchInHeader !== false
    ? html`<form class="portaal-kopzoeken" action="/zoeken" method="get" role="search" aria-label="Zoeken op de website">
<label class="loket-visually-hidden" for="kop-zoekvraag">Zoeken</label>
<input class="utrecht-textbox utrecht-textbox--html-input" type="search" id="kop-zoekvraag" name="q" value="${options.q ?? ''}" maxlength="200">
<button class="utrecht-button utrecht-button--primary-action" type="submit">Zoeken</button>
</form>`
    : '';
  return html`<!doctype html>
<html lang="nl" class="utrecht-theme loket-portaal">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${tenant.name}</title>
<link rel="stylesheet" href="/static/utrecht/design-tokens.css">
<link rel="stylesheet" href="/static/utrecht/component-library.css">
<link rel="stylesheet" href="/static/portaal.css">
<link rel="stylesheet" href="/thema.css">
${options.resident ? html`<script src="/static/portaal-sessie.js" defer></script>` : ''}
</head>
<body class="utrecht-document utrecht-document--surface">
<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">Direct naar de inhoud</a>
<header class="portaal-kop">
<div class="portaal-breedte">
<a class="portaal-naam" href="/">${tenant.name}</a>
${search}
${accountNavigation(options.resident)}
</div>
</header>
${sessionWarning(options.resident)}
<main id="inhoud" class="portaal-inhoud" tabindex="-1">
<div class="portaal-breedte">
${options.body}
</div>
</main>
<footer class="portaal-voet">
<div class="portaal-breedte">
<section aria-labelledby="voet-contact">
<h2 id="voet-contact">Contact</h2>
<ul>
<li>Bel <a href="${telHref(contact.telefoon)}">${contact.telefoon}</a>, ${contact.telefoonTijden}</li>
<li>Mail naar <a href="mailto:${contact.email}">${contact.email}</a></li>
<li>${contact.balie}</li>
</ul>
</section>
<section aria-labelledby="voet-site">
<h2 id="voet-site">Over deze website</h2>
<ul>
<li><a href="/">Startpagina</a></li>
<li><a href="/zoeken">Zoeken</a></li>
<li><a href="/afspraak">Afspraak maken</a></li>
</ul>
</section>
</div>
</footer>
</body>
</html>`;
}

/** Sends a portal page. `privateForm` pages (a form token, or a resident's own data) are never cached. */
export function sendPortaalPage(reply: FastifyReply, status: number, document: SafeHtml, options: { privateForm?: boolean } = {}): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', options.privateForm ? 'no-store' : 'no-cache')
    .send(document.value);
}
