import type { FastifyRequest } from 'fastify';
import type { TraceContext } from '../../../platform/http/trace-context.ts';
import { besluitenCaller, type BesluitenCaller } from '../../besluiten/shared/caller.ts';

export { assertValidBody, isUniqueViolation } from '../../../platform/zgw/request-body.ts';

/**
 * Who asks, in which tenant, through which URL: what the Documenten services need from an API request; the trace
 * context for the processing log (verzendingen hold addresses of persons).
 */
export type DocumentenCaller = BesluitenCaller & { trace: TraceContext };

/** The caller of a Documenten API route (its scopes policy guarantees a verified token). */
export function documentenCaller(request: FastifyRequest): DocumentenCaller {
  return { ...besluitenCaller(request), trace: request.trace };
}
