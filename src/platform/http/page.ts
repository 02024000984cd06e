import { html, type SafeHtml } from './html.ts';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Name of the municipality, shown in the header and the title. */
  tenantName?: string;
  /** Enhancement scripts Loket serves itself (e.g. `/static/rich-text-editor.js`); the page works without them. */
  scripts?: readonly string[];
  /** Stylesheets Loket serves itself beside loket.css (e.g. `/static/werkplek.css`). */
  stylesheets?: readonly string[];
  /** A navigation landmark shown in the header (the staff workspace's menu). */
  navigation?: SafeHtml;
}

/**
 * The HTML document around every server-rendered page: Dutch, a skip link, landmarks and the
 * shared stylesheet (no inline styles or scripts, so the CSP stays strict).
 */
export function page(options: PageOptions): SafeHtml {
  const site = options.tenantName ?? 'Loket';
  return html`<!doctype html>
<html lang="nl" class="utrecht-theme">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${options.title} - ${site}</title>
<link rel="stylesheet" href="/static/loket.css">
<link rel="stylesheet" href="/thema.css">
${(options.stylesheets ?? []).map((href) => html`<link rel="stylesheet" href="${href}">
`)}${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>
`)}</head>
<body class="utrecht-page">
<a class="loket-skip-link" href="#inhoud">Direct naar de inhoud</a>
<header class="loket-header"><p class="loket-site-name">${site}</p>${options.navigation ?? ''}</header>
<main id="inhoud" class="utrecht-page__content">
${options.body}
</main>
</body>
</html>`;
}
