import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import type { AppContext } from '../../platform/context.ts';
import { createKeys } from '../../platform/crypto/keys.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { buildApp } from '../../platform/http/app.ts';
import { createStaffUser } from '../../platform/auth/staff-user-repository.ts';
import { OIDC_STATE_COOKIE } from '../../platform/auth/oidc-state-cookie.ts';
import { SESSION_COOKIE } from '../../platform/auth/staff-session.ts';
import { registerMedewerker } from '../routes.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, testConfig } from '../../../test/fixtures.ts';
import { followIssuerRedirects, startTestOidcProvider, type TestOidcProvider } from '../../../test/oidc-provider.ts';
import { responseCookie } from '../../../test/staff-session.ts';

describe('staff sign-in through the organisation’s OpenID Connect issuer', () => {
  let database: TestDatabase;
  let issuer: TestOidcProvider;
  let app: FastifyInstance;
  let context: AppContext;
  let tenant: Tenant;
  const html = { accept: 'text/html' };

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    issuer = await startTestOidcProvider(
      { clientId: 'loket', clientSecret: 'geheim-voor-de-test', redirectUris: [`http://${hostOf(tenant)}/medewerker/inloggen/oidc/callback`] },
      {
        'sub-olga': { email: 'olga@example.nl', email_verified: true, name: 'Olga' },
        'sub-onbekend': { email: 'onbekend@example.nl', email_verified: true },
        'sub-onbevestigd': { email: 'olga@example.nl', email_verified: false },
      },
    );
    const config = testConfig({ LOKET_OIDC_ISSUER: issuer.issuer, LOKET_OIDC_CLIENT_ID: 'loket', LOKET_OIDC_CLIENT_SECRET: 'geheim-voor-de-test' });
    context = { config, database, keys: createKeys(randomBytes(32)), logger: createLogger('silent') };
    // The local issuer speaks http: allowed here explicitly, never by configuration.
    app = await buildApp(context, (instance) => registerMedewerker(instance, context, { oidc: { allowInsecureRequests: true } }));
    await app.ready();
    await createStaffUser(database.db, context.keys, { tenantId: tenant.id, email: 'olga@example.nl', displayName: 'Olga Organisatie', roles: ['behandelaar'] });
  });
  afterAll(async () => {
    await app.close();
    await issuer.close();
    await database.close();
  });

  /** Starts at Loket, passes the issuer as `subject`, and returns Loket's answer at the callback. */
  async function signInAs(subject: string, terug?: string) {
    issuer.loginAs(subject);
    const start = await app.inject({ method: 'GET', url: `/medewerker/inloggen/oidc${terug ? `?terug=${encodeURIComponent(terug)}` : ''}`, headers: { host: hostOf(tenant), ...html } });
    expect(start.statusCode).toBe(303);
    const authorization = new URL(start.headers.location ?? '');
    expect(authorization.origin).toBe(issuer.issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('state')).toBeTruthy();
    expect(authorization.searchParams.get('nonce')).toBeTruthy();
    const state = responseCookie(start, OIDC_STATE_COOKIE);
    expect(state).toBeDefined();
    const callback = await followIssuerRedirects(authorization.href, `http://${hostOf(tenant)}/medewerker/inloggen/oidc/callback`);
    return app.inject({ method: 'GET', url: callback.pathname + callback.search, headers: { host: hostOf(tenant), cookie: `${OIDC_STATE_COOKIE}=${state}`, ...html } });
  }

  it('offers the organisation sign-in on the sign-in page', async () => {
    const page = await app.inject({ method: 'GET', url: '/medewerker/inloggen', headers: { host: hostOf(tenant), ...html } });
    expect(page.body).toContain('Inloggen via uw organisatie-account');
  });

  it('signs in an existing staff account by its e-mail claim, with MFA counted as passed', async () => {
    const callback = await signInAs('sub-olga', '/medewerker?tab=1');
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/medewerker?tab=1');
    const session = responseCookie(callback, SESSION_COOKIE);
    expect(session).toBeDefined();
    const home = await app.inject({ method: 'GET', url: '/medewerker', headers: { host: hostOf(tenant), cookie: `${SESSION_COOKIE}=${session}`, ...html } });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Ingelogd als <strong>Olga Organisatie</strong>');
  });

  it('refuses an account this municipality does not know, readably and without creating one', async () => {
    const callback = await signInAs('sub-onbekend');
    expect(callback.statusCode).toBe(403);
    expect(callback.body).toContain('geen actief medewerkersaccount voor onbekend@example.nl');
    expect(responseCookie(callback, SESSION_COOKIE)).toBeUndefined();
    const created = await database.db.selectFrom('staff_users').select('id').where('tenant_id', '=', tenant.id).where('email', '=', 'onbekend@example.nl').execute();
    expect(created).toHaveLength(0);
  });

  it('refuses an e-mail address the issuer marks as unverified', async () => {
    const callback = await signInAs('sub-onbevestigd');
    expect(callback.statusCode).toBe(403);
    expect(responseCookie(callback, SESSION_COOKIE)).toBeUndefined();
  });

  it('refuses a callback without its state cookie, or with a state that does not match', async () => {
    issuer.loginAs('sub-olga');
    const start = await app.inject({ method: 'GET', url: '/medewerker/inloggen/oidc', headers: { host: hostOf(tenant), ...html } });
    const callback = await followIssuerRedirects(start.headers.location ?? '', `http://${hostOf(tenant)}/medewerker/inloggen/oidc/callback`);
    const withoutCookie = await app.inject({ method: 'GET', url: callback.pathname + callback.search, headers: { host: hostOf(tenant), ...html } });
    expect(withoutCookie.statusCode).toBe(400);
    expect(withoutCookie.body).toContain('Inloggen is verlopen');

    const otherStart = await app.inject({ method: 'GET', url: '/medewerker/inloggen/oidc', headers: { host: hostOf(tenant), ...html } });
    const otherState = responseCookie(otherStart, OIDC_STATE_COOKIE);
    const mismatched = await app.inject({
      method: 'GET',
      url: callback.pathname + callback.search,
      headers: { host: hostOf(tenant), cookie: `${OIDC_STATE_COOKIE}=${otherState}`, ...html },
    });
    expect(mismatched.statusCode).toBe(400);
    expect(responseCookie(mismatched, SESSION_COOKIE)).toBeUndefined();
  });

  it('shows a readable refusal when the issuer reports an error', async () => {
    const start = await app.inject({ method: 'GET', url: '/medewerker/inloggen/oidc', headers: { host: hostOf(tenant), ...html } });
    const state = new URL(start.headers.location ?? '').searchParams.get('state') ?? '';
    const response = await app.inject({
      method: 'GET',
      url: `/medewerker/inloggen/oidc/callback?error=access_denied&state=${state}`,
      headers: { host: hostOf(tenant), cookie: `${OIDC_STATE_COOKIE}=${responseCookie(start, OIDC_STATE_COOKIE)}`, ...html },
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Uw organisatie heeft het inloggen niet bevestigd.');
  });
});

describe('staff sign-in without OpenID Connect configured', () => {
  it('shows no organisation sign-in and has no such route', async () => {
    const database = await createTestDatabase();
    const test = await createTestApp(database);
    try {
      const tenant = await createTestTenant(database.db);
      const page = await test.app.inject({ method: 'GET', url: '/medewerker/inloggen', headers: { host: hostOf(tenant), accept: 'text/html' } });
      expect(page.body).not.toContain('organisatie-account');
      const route = await test.app.inject({ method: 'GET', url: '/medewerker/inloggen/oidc', headers: { host: hostOf(tenant) } });
      expect(route.statusCode).toBe(404);
    } finally {
      await test.app.close();
      await database.close();
    }
  });
});
