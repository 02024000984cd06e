import type { FastifyInstance } from 'fastify';
import { KLANTINTERACTIES_API_VERSION } from '../../components/klantinteracties/shared/urls.ts';

/**
 * The version of each ZGW specification Loket implements: the `info.version` of the OpenAPI files in
 * `shared/standards/zgw/` (a test reads those files and compares, so a spec upgrade cannot leave a
 * stale number behind). Kept as constants so the running service does not need the spec files.
 */
export const ZGW_API_VERSIONS = {
  zaken: '1.7.0',
  catalogi: '1.3.3',
  besluiten: '1.1.0',
  documenten: '1.7.0',
  autorisaties: '1.1.0',
  notificaties: '1.0.1',
} as const;

export type ZgwComponent = keyof typeof ZGW_API_VERSIONS;

/** The response header every ZGW specification declares on every response, errors included. */
export const API_VERSION_HEADER = 'API-version';

/**
 * Sets `API-version` on every response of the routes registered in `app` (a component's prefixed
 * plugin). It is set in onSend, which also runs for problems raised before the component's own hooks
 * (a refused token, a validation error), so error responses carry it as the specifications declare.
 */
export function registerApiVersion(app: FastifyInstance, component: ZgwComponent): void {
  const version = ZGW_API_VERSIONS[component];
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header(API_VERSION_HEADER, version);
    return payload;
  });
}

/**
 * The version of the API a path belongs to (`/zaken/api/v1/…` → Zaken's, `/klantinteracties/api/v1/…` → 0.9.0), for responses
 * that no component route produced: an unknown path or method under a component's prefix.
 */
export function apiVersionForPath(path: string): string | undefined {
  const component = /^\/([a-z]+)\/api\/v1(?:\/|$)/.exec(path)?.[1];
  if (component === 'klantinteracties') return KLANTINTERACTIES_API_VERSION;
  return component !== undefined && component in ZGW_API_VERSIONS ? ZGW_API_VERSIONS[component as ZgwComponent] : undefined;
}
