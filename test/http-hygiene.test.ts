import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../src/platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from './fixtures.ts';

describe('HTTP hygiene: errors, headers and health', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, { LOKET_BODY_LIMIT_BYTES: '2048' }, (app) => {
      app.post(
        '/test/api/v1/dingen',
        {
          config: { public: true },
          schema: {
            body: {
              type: 'object',
              additionalProperties: false,
              required: ['naam', 'aantal'],
              properties: { naam: { type: 'string', minLength: 1 }, aantal: { type: 'integer', minimum: 1 } },
            },
            querystring: { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } },
          },
        },
        async (request) => request.body,
      );
      app.get('/test/api/v1/kapot', { config: { public: true } }, async () => {
        throw new Error('database password is hunter2');
      });
    });
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const host = () => hostOf(tenant);

  it('answers liveness and readiness (database reachable)', async () => {
    const live = await test.app.inject({ url: '/health/live' });
    expect(live.statusCode).toBe(200);
    const ready = await test.app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', database: database.engine });
  });

  it('sets security headers with a CSP that allows no inline scripts', async () => {
    const response = await test.app.inject({ url: '/health/live' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('gives every response a request id and keeps a sane one from the caller', async () => {
    const generated = await test.app.inject({ url: '/health/live' });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await test.app.inject({ url: '/health/live', headers: { 'x-request-id': 'abc-123-def-456' } });
    expect(kept.headers['x-request-id']).toBe('abc-123-def-456');
    const replaced = await test.app.inject({ url: '/health/live', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).not.toBe('<script>');
  });

  it('lists every invalid field in one problem', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/test/api/v1/dingen', headers: { host: host() }, payload: { aantal: 0, kleur: 'rood' } });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('invalid');
    const names = body.invalidParams.map((param: { name: string }) => param.name).sort();
    expect(names).toEqual(['aantal', 'kleur', 'naam']);
  });

  it('refuses unknown query parameters with 400 unknown-parameters', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/test/api/v1/dingen?expand=x&foo=1&bar=2', headers: { host: host() }, payload: { naam: 'a', aantal: 1 } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('unknown-parameters');
    expect(body.invalidParams.map((param: { name: string }) => param.name).sort()).toEqual(['bar', 'foo']);
  });

  it('refuses unknown query parameters on routes that declare none', async () => {
    const response = await test.app.inject({ url: '/health/ready?verbose=1' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('unknown-parameters');
  });

  it('refuses malformed JSON with a parse error', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/test/api/v1/dingen', headers: { host: host(), 'content-type': 'application/json' }, payload: '{"naam": ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('parse_error');
  });

  it('refuses a body over the size limit with 413', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/test/api/v1/dingen', headers: { host: host() }, payload: { naam: 'x'.repeat(5000), aantal: 1 } });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('request_too_large');
  });

  it('refuses an unsupported content type with 415', async () => {
    const response = await test.app.inject({ method: 'POST', url: '/test/api/v1/dingen', headers: { host: host(), 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(response.statusCode).toBe(415);
  });

  it('answers an unknown path with a uniform 404 problem', async () => {
    const response = await test.app.inject({ url: '/bestaat/niet', headers: { host: host() } });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('gives an unknown path under a ZGW component its API-version too', async () => {
    const response = await test.app.inject({ url: '/zaken/api/v1/bestaat-niet', headers: { host: host() } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['api-version']).toBe('1.7.0');
  });

  it('answers a wrong method with 405 and an Allow header', async () => {
    const response = await test.app.inject({ method: 'DELETE', url: '/test/api/v1/dingen', headers: { host: host() } });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.json().code).toBe('method_not_allowed');
  });

  it('never shows a stack trace or internal message to a client', async () => {
    const response = await test.app.inject({ url: '/test/api/v1/kapot', headers: { host: host() } });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toMatch(/\.ts:\d+/);
    expect(response.json().code).toBe('error');
  });

  it('refuses a host that belongs to no tenant', async () => {
    const response = await test.app.inject({ url: '/platform/api/v1/gemeente', headers: { host: 'onbekend.example' } });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('unknown_tenant');
  });

  it('shows browsers a readable Dutch error page instead of JSON', async () => {
    const response = await test.app.inject({ url: '/bestaat/niet', headers: { host: host(), accept: 'text/html' } });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<html lang="nl"');
    expect(response.body).toContain('Niet gevonden.');
  });
});
