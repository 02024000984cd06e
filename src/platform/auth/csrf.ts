import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ProblemError } from '../errors/problem.ts';
import { html, type SafeHtml } from '../http/html.ts';

/** Name of the hidden form field that carries the CSRF token. */
export const CSRF_FIELD = '_csrf';
/** Header alternative for scripts that send JSON instead of a form. */
export const CSRF_HEADER = 'x-csrf-token';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether a method changes state and therefore needs a CSRF token. */
export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method);
}

/** A fresh unguessable token (32 bytes). */
export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time, so the token cannot be guessed byte by byte from response times. */
export function csrfTokensMatch(expected: string, submitted: string | undefined): boolean {
  if (submitted === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(submitted, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Refuses a state-changing request that the browser says came from another site: `Sec-Fetch-Site`
 * other than same-origin (or none: typed by the user), or an `Origin` that is not this host.
 * Clients that send neither header are judged by the token alone.
 */
export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new ProblemError('csrf_failed', 'Het formulier is niet vanaf deze website verstuurd.');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin.toLowerCase() !== `${request.protocol}://${request.host}`.toLowerCase()) {
    throw new ProblemError('csrf_failed', 'Het formulier is niet vanaf deze website verstuurd.');
  }
}

/**
 * The token the request sent (form field `_csrf` or header `X-CSRF-Token`). The form field is
 * removed from the body, so route body schemas need not know about it.
 */
export function takeSubmittedCsrfToken(request: FastifyRequest): string | undefined {
  const body = request.body;
  let fromBody: unknown;
  if (typeof body === 'object' && body !== null && CSRF_FIELD in body) {
    const fields = body as Record<string, unknown>;
    fromBody = fields[CSRF_FIELD];
    delete fields[CSRF_FIELD];
  }
  if (typeof fromBody === 'string') return fromBody;
  const header = request.headers[CSRF_HEADER];
  return typeof header === 'string' ? header : undefined;
}

/** Checks origin headers and that the submitted token equals `expected`; throws 403 `csrf_failed` otherwise. */
export function verifyCsrf(request: FastifyRequest, expected: string): void {
  assertSameOrigin(request);
  if (!csrfTokensMatch(expected, takeSubmittedCsrfToken(request))) throw new ProblemError('csrf_failed');
}

/**
 * Central CSRF check for every `staffRoles` route (run before body validation): a state-changing
 * request must carry its session's token. Pages get protection by rendering `csrfField`.
 */
export function enforceStaffCsrf(request: FastifyRequest): void {
  if (!isStateChanging(request.method)) return;
  const staff = request.staff;
  // The staffRoles policy ran first; without a staff identity the request never gets here.
  if (!staff) throw new ProblemError('not_authenticated');
  verifyCsrf(request, staff.csrfToken);
}

/** The same check for every `resident` route (Mijn omgeving): the token of the resident's portal session. */
export function enforceResidentCsrf(request: FastifyRequest): void {
  if (!isStateChanging(request.method)) return;
  const resident = request.resident;
  if (!resident) throw new ProblemError('not_authenticated');
  verifyCsrf(request, resident.csrfToken);
}

/** The hidden input every state-changing staff or resident form includes. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}
