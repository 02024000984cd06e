import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { themeStylesheet } from '../tenants/theme.ts';

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');

/** Small enhancement scripts of the server-rendered pages; every page works without them. */
const SCRIPTS = ['rich-text-editor.js', 'import-status.js', 'portaal-sessie.js'] as const;

/** Stylesheets served from Loket's own folder besides loket.css. */
const STYLESHEETS = ['portaal.css', 'werkplek.css'] as const;

const requireFromHere = createRequire(import.meta.url);
/** NL Design System (Utrecht) CSS, served from the installed packages so the CSP can stay `'self'`. */
const NL_DESIGN_SYSTEM = {
  'utrecht/component-library.css': '@utrecht/component-library-css/dist/index.css',
  'utrecht/design-tokens.css': '@utrecht/design-tokens/dist/theme.css',
} as const;

/**
 * The shared stylesheet and scripts (read once) and each tenant's theme tokens; pages reference them instead of inline
 * styles and scripts, so the CSP allows only Loket's own files.
 */
export function registerStaticRoutes(app: FastifyInstance): void {
  const stylesheet = readFileSync(join(STATIC_DIR, 'loket.css'));
  for (const name of SCRIPTS) {
    const script = readFileSync(join(STATIC_DIR, name));
    app.get(`/static/${name}`, { config: { public: true, tenantless: true }, logLevel: 'warn' }, async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(script),
    );
  }
  const css = (name: string, content: Buffer) =>
    app.get(`/static/${name}`, { config: { public: true, tenantless: true }, logLevel: 'warn' }, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(content),
    );
  for (const name of STYLESHEETS) css(name, readFileSync(join(STATIC_DIR, name)));
  for (const [name, file] of Object.entries(NL_DESIGN_SYSTEM)) css(name, readFileSync(requireFromHere.resolve(file)));
  app.get('/static/loket.css', { config: { public: true, tenantless: true }, logLevel: 'warn' }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(stylesheet),
  );
  // Per host: the tenant's colours. Short cache, so a changed theme shows within minutes.
  app.get('/thema.css', { config: { public: true }, logLevel: 'warn' }, async (request, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=300').header('Vary', 'Host').send(themeStylesheet(request.tenant.theme)),
  );
}
