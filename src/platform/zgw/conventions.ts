import type { FastifyInstance } from 'fastify';
import { registerApiVersion, type ZgwComponent } from './api-version.ts';
import { registerCrs } from './crs.ts';
import { registerEtag } from './etag.ts';

/**
 * Gives a ZGW component's routes the behaviour every ZGW specification shares: the `API-version`
 * header on every response, ETag/If-None-Match on routes with `config.etag`, and the Accept-Crs /
 * Content-Crs rules on routes with `config.crs`. Call it first thing inside the component's prefixed
 * plugin: the hooks are encapsulated there, so they reach only that component's routes.
 *
 * @example
 * await app.register(async (zaken) => {
 *   registerZgwConventions(zaken, 'zaken');
 *   zaken.get('/zaken/:uuid', { config: { scopes: ['zaken.lezen'], etag: true } }, handler);
 * }, { prefix: '/zaken/api/v1' });
 */
export function registerZgwConventions(app: FastifyInstance, component: ZgwComponent): void {
  registerApiVersion(app, component);
  registerEtag(app);
  registerCrs(app);
}
