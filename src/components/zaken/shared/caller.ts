import type { FastifyRequest } from 'fastify';
import type { ApiCaller } from '../../../platform/auth/api-jwt.ts';
import type { AuditRequest } from '../../../platform/audit/request.ts';
import type { ProcessingRequest } from '../../../platform/processing-log/request.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';

/**
 * Who asks, in which tenant, through which URL: what the Zaken API services need from a request. Structural, so a
 * service can be called with a Fastify request or, in a test or another channel, with a plain object.
 */
export interface ZakenCaller extends Omit<AuditRequest, 'staff'>, Omit<ProcessingRequest, 'staff'> {
  apiCaller: ApiCaller;
  staff?: { userId: string; displayName: string; roles: readonly string[] } | null | undefined;
  protocol: 'http' | 'https';
  host: string;
  url: string;
}

/** The caller of a Zaken API route; its scopes policy guarantees a verified token. */
export function zakenCaller(request: FastifyRequest): ZakenCaller {
  const apiCaller = request.apiCaller;
  if (!apiCaller) throw new ProblemError('not_authenticated');
  return {
    id: request.id,
    headers: request.headers,
    tenant: request.tenant,
    trace: request.trace,
    staff: request.staff,
    apiCaller,
    protocol: request.protocol,
    host: request.host,
    url: request.url,
  };
}
