import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { themeStylesheet } from '../tenants/theme.ts';

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

/** The shared stylesheet (read once) and each tenant's theme tokens; pages reference them instead of inline styles. */
export function registerStaticRoutes(app: FastifyInstance): void {
  const stylesheet = readFileSync(join(STATIC_DIR, 'loket.css'));
  app.get('/static/loket.css', { config: { public: true, tenantless: true }, logLevel: 'warn' }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(stylesheet),
  );
  // Per host: the tenant's colours. Short cache, so a changed theme shows within minutes.
  app.get('/thema.css', { config: { public: true }, logLevel: 'warn' }, async (request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300').header('Vary', 'Host').send(themeStylesheet(request.tenant.theme)),
  );
}
