import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Keys } from '../crypto/keys.ts';
import { ProblemError } from '../errors/problem.ts';
import { assertSameOrigin, csrfTokensMatch, newCsrfToken, takeSubmittedCsrfToken } from './csrf.ts';

/** Cookie that carries the sign-in form's token before any session exists (double submit). */
export const FORM_TOKEN_COOKIE = 'loket_formulier';
const COOKIE_PATH = '/medewerker/inloggen';

/** Which cookie holds a form token and under which path it is sent: each anonymous form area has its own. */
export interface FormTokenScope {
  cookie: string;
  path: string;
}

const SIGN_IN_SCOPE: FormTokenScope = { cookie: FORM_TOKEN_COOKIE, path: COOKIE_PATH };
const LIFETIME_MS = 2 * 3_600_000;
/** A token this close to expiry is replaced when the form is shown again, so a form never dies while being filled in. */
const RENEW_WITHIN_MS = 30 * 60_000;

interface SealedFormToken {
  tenantId: string;
  token: string;
  expiresAt: number;
}

function unseal(keys: Keys, sealed: string | undefined): SealedFormToken | undefined {
  if (sealed === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(keys.decrypt(sealed));
    if (typeof value !== 'object' || value === null) return undefined;
    const { tenantId, token, expiresAt } = value as Record<string, unknown>;
    if (typeof tenantId !== 'string' || typeof token !== 'string' || typeof expiresAt !== 'number') return undefined;
    return { tenantId, token, expiresAt };
  } catch {
    // Altered, from another key, or not ours at all: treated as no token.
    return undefined;
  }
}

/**
 * The token for a sign-in form shown before a session exists. The cookie holds it sealed with
 * Loket's key (authenticated encryption, bound to the tenant), the form holds it in plain text: a
 * forged request can set neither a matching pair nor read the cookie. An existing valid token is
 * reused, so several open tabs keep working.
 */
export function issueFormToken(request: FastifyRequest, reply: FastifyReply, keys: Keys, now: number = Date.now(), scope: FormTokenScope = SIGN_IN_SCOPE): string {
  const current = unseal(keys, request.cookies[scope.cookie]);
  if (current && current.tenantId === request.tenant.id && current.expiresAt - now > RENEW_WITHIN_MS) return current.token;
  const token = newCsrfToken();
  const sealed: SealedFormToken = { tenantId: request.tenant.id, token, expiresAt: now + LIFETIME_MS };
  reply.setCookie(scope.cookie, keys.encrypt(JSON.stringify(sealed)), {
    httpOnly: true,
    sameSite: 'lax',
    path: scope.path,
    secure: request.protocol === 'https',
    maxAge: LIFETIME_MS / 1000,
  });
  return token;
}

/**
 * Checks a sign-in form submission: same origin, and the `_csrf` field equal to the token sealed
 * in this tenant's unexpired form cookie. Returns the token (it identifies this one form, so a
 * double submit can replace its own session); throws 403 `csrf_failed` otherwise.
 */
export function verifyFormToken(request: FastifyRequest, keys: Keys, now: number = Date.now(), scope: FormTokenScope = SIGN_IN_SCOPE): string {
  assertSameOrigin(request);
  const sealed = unseal(keys, request.cookies[scope.cookie]);
  const submitted = takeSubmittedCsrfToken(request);
  if (!sealed || sealed.tenantId !== request.tenant.id || sealed.expiresAt <= now || !csrfTokensMatch(sealed.token, submitted)) {
    throw new ProblemError('csrf_failed');
  }
  return sealed.token;
}
