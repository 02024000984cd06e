import type { FastifyRequest } from 'fastify';
import { requestSessionHash } from '../../platform/auth/staff-session.ts';
import type { SignInContext } from '../../platform/auth/staff-sign-in.ts';

/** The request as the sign-in service sees it: tenant, client address and agent, and the session cookie it carried. */
export function signInContext(request: FastifyRequest): SignInContext {
  return {
    tenantId: request.tenant.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
    previousSessionHash: requestSessionHash(request),
    log: request.log,
  };
}
