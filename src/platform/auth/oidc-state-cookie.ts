import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Keys } from '../crypto/keys.ts';
import type { PendingOidcSignIn } from './oidc-staff-client.ts';

/** Cookie holding the state, nonce and PKCE verifier of a started OIDC sign-in, sealed with Loket's key. */
export const OIDC_STATE_COOKIE = 'loket_oidc';

/** Name and path of the cookie: staff and residents each have their own, sent only to their callback. */
export interface OidcStateCookieScope {
  name: string;
  path: string;
}

const STAFF_SCOPE: OidcStateCookieScope = { name: OIDC_STATE_COOKIE, path: '/medewerker/inloggen/oidc' };

function cookieOptions(request: FastifyRequest, scope: OidcStateCookieScope) {
  // Lax, not Strict: the browser must send it on the top-level redirect back from the issuer.
  return { httpOnly: true, sameSite: 'lax' as const, path: scope.path, secure: request.protocol === 'https' };
}

/** Stores the pending sign-in in an encrypted, authenticated cookie that lives as long as the attempt. */
export function setOidcStateCookie(request: FastifyRequest, reply: FastifyReply, keys: Keys, pending: PendingOidcSignIn, now: number = Date.now(), scope: OidcStateCookieScope = STAFF_SCOPE): void {
  reply.setCookie(scope.name, keys.encrypt(JSON.stringify(pending)), {
    ...cookieOptions(request, scope),
    maxAge: Math.max(1, Math.floor((pending.expiresAt - now) / 1000)),
  });
}

/**
 * Reads and removes the pending sign-in: it can be used once. Undefined when missing, altered,
 * expired or started for another tenant.
 */
export function takeOidcStateCookie(request: FastifyRequest, reply: FastifyReply, keys: Keys, now: number = Date.now(), scope: OidcStateCookieScope = STAFF_SCOPE): PendingOidcSignIn | undefined {
  const sealed = request.cookies[scope.name];
  if (sealed === undefined) return undefined;
  reply.clearCookie(scope.name, cookieOptions(request, scope));
  let value: unknown;
  try {
    value = JSON.parse(keys.decrypt(sealed));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const fields = value as Record<string, unknown>;
  const texts = ['tenantId', 'state', 'nonce', 'codeVerifier', 'returnPath', 'redirectUri'] as const;
  if (!texts.every((name) => typeof fields[name] === 'string') || typeof fields.expiresAt !== 'number') return undefined;
  const pending = value as PendingOidcSignIn;
  if (pending.tenantId !== request.tenant.id || pending.expiresAt <= now) return undefined;
  return pending;
}
