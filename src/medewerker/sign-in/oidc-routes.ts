import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Keys } from '../../platform/crypto/keys.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { StaffOidcClient } from '../../platform/auth/oidc-staff-client.ts';
import { setOidcStateCookie, takeOidcStateCookie } from '../../platform/auth/oidc-state-cookie.ts';
import { safeReturnPath, STAFF_PATHS } from '../../platform/auth/staff-paths.ts';
import { setSessionCookie } from '../../platform/auth/staff-session.ts';
import { signInWithOidc, type StaffSignInDeps } from '../../platform/auth/staff-sign-in.ts';
import { sendPage } from '../send-page.ts';
import { signInRefusedPage } from './sign-in-pages.ts';
import { signInContext } from './sign-in-context.ts';

export interface OidcRouteDeps {
  signIn: StaffSignInDeps;
  keys: Keys;
  client: StaffOidcClient;
}

const START_QUERY = { type: 'object', additionalProperties: false, properties: { terug: { type: 'string', maxLength: 2000 } } } as const;
// The issuer decides which parameters it appends to the callback (session_state, scope, …): they are read, not refused.
const CALLBACK_QUERY = {
  type: 'object',
  additionalProperties: true,
  properties: { code: { type: 'string' }, state: { type: 'string' }, iss: { type: 'string' }, error: { type: 'string' }, error_description: { type: 'string' } },
} as const;

/** The callback address on this tenant's own host, so each municipality's sessions stay on its host. */
function callbackUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${STAFF_PATHS.oidcCallback}`;
}

/**
 * Optional staff sign-in through the organisation's identity broker (registered only when
 * `config.oidc` is set). The broker enforces MFA; Loket maps its e-mail claim to an existing,
 * active staff account of this tenant and never creates accounts.
 */
export function registerOidcRoutes(app: FastifyInstance, deps: OidcRouteDeps): void {
  const refuse = (request: FastifyRequest, heading: string, message: string) => signInRefusedPage({ tenantName: request.tenant.name, heading, message });

  app.get<{ Querystring: { terug?: string } }>(STAFF_PATHS.oidcStart, { config: { public: true }, schema: { querystring: START_QUERY } }, async (request, reply) => {
    let started: Awaited<ReturnType<StaffOidcClient['start']>>;
    try {
      started = await deps.client.start({ tenantId: request.tenant.id, redirectUri: callbackUrl(request), returnPath: safeReturnPath(request.query.terug) });
    } catch (error) {
      request.log.error({ err: error, event: 'staff.oidc_unavailable' }, 'OIDC issuer unreachable');
      throw new ProblemError('service_unavailable', 'Inloggen via uw organisatie-account lukt nu niet. Probeer het later opnieuw of log in met uw e-mailadres en wachtwoord.');
    }
    setOidcStateCookie(request, reply, deps.keys, started.pending);
    reply.header('Cache-Control', 'no-store');
    return reply.redirect(started.url.href, 303);
  });

  app.get<{ Querystring: { error?: string } }>(STAFF_PATHS.oidcCallback, { config: { public: true }, schema: { querystring: CALLBACK_QUERY } }, async (request, reply) => {
    const pending = takeOidcStateCookie(request, reply, deps.keys);
    if (!pending) {
      return sendPage(reply, 400, refuse(request, 'Inloggen is verlopen', 'Het inloggen via uw organisatie-account duurde te lang of is al afgerond. Probeer het opnieuw.'));
    }
    if (request.query.error !== undefined) {
      request.log.warn({ event: 'staff.sign_in_failed', tenantId: request.tenant.id, reason: 'oidc_error', oidcError: request.query.error }, 'staff sign-in failed');
      return sendPage(reply, 400, refuse(request, 'Inloggen is niet gelukt', 'Uw organisatie heeft het inloggen niet bevestigd. Probeer het opnieuw of log in met uw e-mailadres en wachtwoord.'));
    }
    let identity: Awaited<ReturnType<StaffOidcClient['finish']>>;
    try {
      identity = await deps.client.finish(new URL(request.url, `${request.protocol}://${request.host}`), pending);
    } catch (error) {
      request.log.warn({ event: 'staff.sign_in_failed', tenantId: request.tenant.id, reason: 'oidc_invalid_response', err: error }, 'staff sign-in failed');
      return sendPage(reply, 400, refuse(request, 'Inloggen is niet gelukt', 'Het antwoord van uw organisatie kon niet worden gecontroleerd. Probeer het opnieuw.'));
    }
    if (identity.email === undefined || !identity.emailVerified) {
      request.log.warn({ event: 'staff.sign_in_failed', tenantId: request.tenant.id, reason: 'oidc_no_email' }, 'staff sign-in failed');
      return sendPage(reply, 403, refuse(request, 'Geen toegang', 'Uw organisatie-account geeft geen bevestigd e-mailadres door. Neem contact op met de functioneel beheerder.'));
    }
    const result = await signInWithOidc(deps.signIn, signInContext(request), identity.email);
    if (result.outcome === 'unknown-account') {
      return sendPage(
        reply,
        403,
        refuse(request, 'Geen toegang', `Er is bij ${request.tenant.name} geen actief medewerkersaccount voor ${identity.email}. Vraag de functioneel beheerder om een account.`),
      );
    }
    setSessionCookie(request, reply, result.cookieValue);
    return reply.redirect(pending.returnPath, 303);
  });
}
