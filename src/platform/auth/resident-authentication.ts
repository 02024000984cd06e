import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { ProblemError } from '../errors/problem.ts';
import { wantsHtml } from '../http/error-page.ts';
import { residentSignInLocation, safeResidentReturnPath } from './resident-paths.ts';
import { clearResidentSessionCookie, loadResidentSession, RESIDENT_SESSION_COOKIE, type ResidentSessionPolicy } from './resident-session.ts';

export interface ResidentAuthenticationDeps {
  db: Kysely<Database>;
  policy: ResidentSessionPolicy;
}

/**
 * The `resident` route policy, run in the onRequest hook: a live portal session of this tenant. Browsers asking for
 * a page are sent to sign in (303, with `terug`); other requests get a 401 problem. Returns false when it has
 * answered the request itself.
 */
export async function authenticateResident(request: FastifyRequest, reply: FastifyReply, deps: ResidentAuthenticationDeps): Promise<boolean> {
  // Mijn omgeving shows personal data and carries CSRF tokens: never keep it in a cache.
  reply.header('Cache-Control', 'no-store');
  const lookup = await loadResidentSession(deps.db, deps.policy, request);
  if (lookup.state !== 'active') {
    if (request.cookies[RESIDENT_SESSION_COOKIE] !== undefined) clearResidentSessionCookie(request, reply);
    if ((request.method === 'GET' || request.method === 'HEAD') && wantsHtml(request)) {
      reply.redirect(residentSignInLocation(safeResidentReturnPath(request.url), lookup.state === 'expired'), 303);
      return false;
    }
    throw new ProblemError('not_authenticated', lookup.state === 'expired' ? 'Uw sessie is verlopen. Log opnieuw in.' : 'U bent niet ingelogd.');
  }
  request.resident = lookup.identity;
  return true;
}
