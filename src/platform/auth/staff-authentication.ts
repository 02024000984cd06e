import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { ProblemError } from '../errors/problem.ts';
import { wantsHtml } from '../http/error-page.ts';
import type { StaffRole } from '../http/route-policy.ts';
import { safeReturnPath, signInStepLocation, STAFF_PATHS } from './staff-paths.ts';
import { clearSessionCookie, loadStaffSession, SESSION_COOKIE, type StaffSessionPolicy } from './staff-session.ts';

/** What the staff-route check needs, built once per app. */
export interface StaffAuthenticationDeps {
  db: Kysely<Database>;
  policy: StaffSessionPolicy;
}

/** A browser asking for a page: it is better served by the sign-in page than by a 401. */
function isPageRequest(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && wantsHtml(request);
}

/**
 * The `staffRoles` route policy, run in the onRequest hook: a live session of this tenant whose
 * second factor passed and whose account holds one of the route's roles. Browsers asking for a
 * page are sent to sign in (303, with `terug`); other requests get a 401 problem; a missing role is
 * a 403. Returns false when it has answered the request itself (a redirect).
 */
export async function authenticateStaff(request: FastifyRequest, reply: FastifyReply, roles: readonly StaffRole[], deps: StaffAuthenticationDeps): Promise<boolean> {
  // Staff pages show personal and case data and carry CSRF tokens: never keep them in a cache.
  reply.header('Cache-Control', 'no-store');
  const lookup = await loadStaffSession(deps.db, deps.policy, request);
  if (lookup.state !== 'active') {
    // Tell the browser to drop a cookie that no longer names a session (but do not set one on every anonymous call).
    if (request.cookies[SESSION_COOKIE] !== undefined) clearSessionCookie(request, reply);
    if (isPageRequest(request)) {
      reply.redirect(signInStepLocation(STAFF_PATHS.signIn, safeReturnPath(request.url), lookup.state === 'expired'), 303);
      return false;
    }
    throw new ProblemError('not_authenticated', lookup.state === 'expired' ? 'Uw sessie is verlopen. Log opnieuw in.' : 'U bent niet ingelogd.');
  }
  const { session } = lookup;
  if (!session.mfaPassed) {
    if (isPageRequest(request)) {
      reply.redirect(signInStepLocation(STAFF_PATHS.code, safeReturnPath(request.url), false), 303);
      return false;
    }
    throw new ProblemError('not_authenticated', 'Vul eerst de inlogcode uit uw authenticator-app in.');
  }
  if (!session.identity.roles.some((role) => roles.includes(role))) {
    request.log.info({ event: 'staff.access_denied', tenantId: session.identity.tenantId, userId: session.identity.userId, required: roles }, 'staff role missing');
    throw new ProblemError('permission_denied', 'Uw rol geeft geen toegang tot deze pagina.');
  }
  request.staff = session.identity;
  return true;
}
