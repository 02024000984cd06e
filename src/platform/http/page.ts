import { html, type SafeHtml } from './html.ts';

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Name of the municipality, shown in the header and the title. */
  tenantName?: string;
  /** Enhancement scripts Loket serves itself (e.g. `/static/rich-text-editor.js`); the page works without them. */
  scripts?: readonly string[];
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
${(options.scripts ?? []).map((src) => html`<script src="${src}" defer></script>
`)}</head>
<body class="utrecht-page">
<a class="loket-skip-link" href="#inhoud">Direct naar de inhoud</a>
<header class="loket-header"><p class="loket-site-name">${site}</p></header>
<main id="inhoud" class="utrecht-page__content">
${options.body}
</main>
</body>
</html>`;
}
