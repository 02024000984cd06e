import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import type { Tenant } from '../src/platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, signZgwToken, type TestApp } from './fixtures.ts';

const ROUTE = '/platform/api/v1/gemeente';

describe('API authentication with ZGW JWTs', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let client: Awaited<ReturnType<typeof createTestClient>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, { LOKET_JWT_MAX_AGE_SECONDS: '600', LOKET_JWT_CLOCK_SKEW_SECONDS: '30' }, (app) => {
      app.get('/test/api/v1/scoped', { config: { scopes: ['zaken.lezen', 'zaken.bijwerken'] } }, async () => ({ ok: true }));
    });
    tenant = await createTestTenant(database.db);
    client = await createTestClient(database.db, test.keys, tenant);
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  async function call(authorization: string | undefined, url = ROUTE) {
    return test.app.inject({ method: 'GET', url, headers: { host: hostOf(tenant), ...(authorization ? { authorization } : {}) } });
  }

  function expectUnauthenticated(response: Awaited<ReturnType<typeof call>>) {
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.headers['www-authenticate']).toBe('Bearer');
    const body = response.json();
    expect(body).toMatchObject({ status: 401, code: 'not_authenticated' });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  }

  it('accepts a fresh token signed with the client secret', async () => {
    const response = await call(`Bearer ${await client.token()}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ naam: 'Gemeente Test', rsin: '123456782' });
  });

  it('refuses a request without a token', async () => {
    expectUnauthenticated(await call(undefined));
  });

  it.each([['not.a.jwt'], ['Zm9v'], ['eyJhbGciOiJIUzI1NiJ9.e30']])('refuses a malformed token %s', async (token) => {
    expectUnauthenticated(await call(`Bearer ${token}`));
  });

  it('refuses a token signed with the wrong secret', async () => {
    expectUnauthenticated(await call(`Bearer ${await signZgwToken(client.clientId, 'a-completely-different-secret')}`));
  });

  it('refuses an expired token (iat older than the maximum age)', async () => {
    expectUnauthenticated(await call(`Bearer ${await client.token({ iat: Math.floor(Date.now() / 1000) - 601 })}`));
  });

  it('refuses a token issued in the future beyond the clock skew', async () => {
    expectUnauthenticated(await call(`Bearer ${await client.token({ iat: Math.floor(Date.now() / 1000) + 120 })}`));
  });

  it('accepts a token issued slightly in the future, within the clock skew', async () => {
    const response = await call(`Bearer ${await client.token({ iat: Math.floor(Date.now() / 1000) + 10 })}`);
    expect(response.statusCode).toBe(200);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ client_id: client.clientId, iat: Math.floor(Date.now() / 1000) })).toString('base64url');
    expectUnauthenticated(await call(`Bearer ${header}.${payload}.`));
  });

  it('refuses a token without iat', async () => {
    const token = await new SignJWT({ client_id: client.clientId }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(client.secret));
    expectUnauthenticated(await call(`Bearer ${token}`));
  });

  it('refuses a token of an unknown client exactly as one with a wrong secret, so client ids cannot be probed', async () => {
    const unknown = await call(`Bearer ${await signZgwToken('unknown-client', client.secret)}`);
    expectUnauthenticated(unknown);
    const wrongSecret = await call(`Bearer ${await signZgwToken(client.clientId, 'a-completely-different-secret')}`);
    expect(unknown.json().detail).toBe(wrongSecret.json().detail);
  });

  it('gives 403 when the client lacks a required scope, naming it', async () => {
    const partial = await createTestClient(database.db, test.keys, tenant, { scopes: ['zaken.lezen'] });
    const response = await call(`Bearer ${await partial.token()}`, '/test/api/v1/scoped');
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'permission_denied' });
    expect(response.json().detail).toContain('zaken.bijwerken');
  });

  it('lets a client with all scopes or heeftAlleAutorisaties through', async () => {
    const full = await createTestClient(database.db, test.keys, tenant, { scopes: ['zaken.lezen', 'zaken.bijwerken'] });
    expect((await call(`Bearer ${await full.token()}`, '/test/api/v1/scoped')).statusCode).toBe(200);
    const all = await createTestClient(database.db, test.keys, tenant, { heeftAlleAutorisaties: true });
    expect((await call(`Bearer ${await all.token()}`, '/test/api/v1/scoped')).statusCode).toBe(200);
  });

  it('stores client secrets encrypted, never in plain text', async () => {
    const row = await database.db.selectFrom('api_clients').select('secret_encrypted').where('client_id', '=', client.clientId).executeTakeFirstOrThrow();
    expect(row.secret_encrypted).not.toContain(client.secret);
    expect(test.keys.decrypt(row.secret_encrypted ?? '')).toBe(client.secret);
  });
});
