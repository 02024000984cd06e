import type { FastifyRequest } from 'fastify';
import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import type { AuditRequest } from '../../../platform/audit/request.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { invalidParamsFromValidation } from '../../../platform/http/error-handler.ts';

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

/**
 * Lists the body's schema problems (kept on the request by `attachValidation`) together with the rules that need
 * no database, so a client learns every problem at once. A failure outside the body goes the platform's way.
 */
export function assertValidBody(request: FastifyRequest, ruleProblems: (body: unknown) => InvalidParam[] = () => []): void {
  const failed = request.validationError;
  if (failed && failed.validationContext !== 'body') throw failed;
  const schemaProblems = failed ? invalidParamsFromValidation(failed.validation as Parameters<typeof invalidParamsFromValidation>[0], 'body') : [];
  const problems = [...schemaProblems, ...ruleProblems(request.body)];
  if (problems.length > 0) throw invalid(problems);
}

/** Whether a database error is a unique-constraint violation (a concurrent duplicate that passed the checks). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
