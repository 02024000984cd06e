import type { FastifyRequest } from 'fastify';
import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import type { AuditRequest } from '../../../platform/audit/request.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';

/** Who asks, in which tenant, through which URL: what the Besluiten services need from an API request. */
export interface BesluitenCaller extends AuditRequest, Pick<FastifyRequest, 'protocol' | 'host' | 'url'> {
  apiCaller: ApiCaller;
}

/** The caller of a Besluiten API route (its scopes policy guarantees a verified token). */
export function besluitenCaller(request: FastifyRequest): BesluitenCaller {
  const apiCaller = request.apiCaller;
  if (!apiCaller) throw new ProblemError('not_authenticated');
  return { id: request.id, headers: request.headers, tenant: request.tenant, staff: request.staff, apiCaller, protocol: request.protocol, host: request.host, url: request.url };
}

export { assertValidBody, isUniqueViolation } from '../../../platform/zgw/request-body.ts';
