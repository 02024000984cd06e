import type { FastifyInstance } from 'fastify';
import { ProblemError } from '../errors/problem.ts';

/**
 * Coordinate reference system negotiation for ZGW endpoints with geometry (`zaakgeometrie`,
 * `zaakobject` geometries, `/zaken/_zoek`). The specifications declare `Accept-Crs` and
 * `Content-Crs` as required headers whose only value is EPSG:4326 (WGS84, GeoJSON's default), answer
 * with `Content-Crs`, and list 406 and 412 among the responses. The statuses follow the reference
 * implementation (vng-api-common's GeoMixin, used by Open Zaak): a missing header is 412
 * `precondition_failed`, an unsupported CRS is 406 `not_acceptable` — for `Content-Crs` as well.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route reads or writes geometry: Accept-Crs / Content-Crs rules apply. */
    crs?: true;
  }
}

/** The one CRS Loket stores and serves. */
export const SUPPORTED_CRS = 'EPSG:4326';

/** Methods whose request body may hold geometry, so they must say in which CRS it is. */
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.trim();
}

/**
 * The problem for one request to a geometry endpoint, or undefined when its CRS headers are fine.
 * DELETE sends and returns no geometry, so it needs neither header.
 */
export function crsProblem(method: string, headers: Record<string, string | string[] | undefined>): ProblemError | undefined {
  if (BODY_METHODS.has(method)) {
    const contentCrs = headerValue(headers['content-crs']);
    if (contentCrs === undefined || contentCrs === '') return new ProblemError('precondition_failed', "'Content-Crs' header ontbreekt.");
    if (contentCrs !== SUPPORTED_CRS) return new ProblemError('not_acceptable', `CRS '${contentCrs}' is niet ondersteund.`);
  }
  if (method === 'DELETE') return undefined;
  const acceptCrs = headerValue(headers['accept-crs']);
  if (acceptCrs === undefined || acceptCrs === '') return new ProblemError('precondition_failed', "'Accept-Crs' header ontbreekt.");
  if (acceptCrs !== SUPPORTED_CRS) return new ProblemError('not_acceptable', `CRS '${acceptCrs}' is niet ondersteund.`);
  return undefined;
}

/**
 * Enforces the CRS rules on the routes of `app` that declare `config.crs`. Registered on the
 * component's plugin, its onRequest hook runs after the platform's authentication, so an unknown
 * caller still gets a 401 first, and before body validation, as in the reference implementation.
 * Every response of such a route says `Content-Crs: EPSG:4326`.
 */
export function registerCrs(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.config.crs) return;
    const problem = crsProblem(request.method, request.headers);
    if (problem) throw problem;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.config.crs) reply.header('Content-Crs', SUPPORTED_CRS);
    return payload;
  });
}
