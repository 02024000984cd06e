import type { FastifyRequest } from 'fastify';
import type { ProblemError } from '../errors/problem.ts';
import { html, type SafeHtml } from './html.ts';
import { page } from './page.ts';

/** Browsers (not API clients) get error pages: they ask for HTML and the route is not an API. */
export function wantsHtml(request: FastifyRequest): boolean {
  if (request.url.includes('/api/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/** A plain Dutch error page naming the request id for the service desk. */
export function errorPage(problem: ProblemError, requestId: string): SafeHtml {
  return page({
    title: problem.title,
    body: html`<h1 class="utrecht-heading-1">${problem.title}</h1>
      ${problem.detail && problem.detail !== problem.title ? html`<p class="utrecht-paragraph">${problem.detail}</p>` : ''}
      <p class="utrecht-paragraph">Foutcode: ${problem.code} (status ${problem.status}). Kenmerk voor de servicedesk: <code>${requestId}</code>.</p>
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/">Naar de startpagina</a></p>`,
  });
}
