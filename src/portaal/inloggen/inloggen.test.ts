import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { RESIDENT_SESSION_COOKIE } from '../../platform/auth/resident-session.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf } from '../../../test/fixtures.ts';
import { followIssuerRedirects, startTestOidcProvider, type TestOidcProvider } from '../../../test/oidc-provider.ts';

/** A browser's cookie jar over `app.inject`: follows the redirects of a sign-in on this app's host. */
class InjectBrowser {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: FastifyInstance,
    readonly host: string,
  ) {}

  private keep(response: LightMyRequestResponse): void {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires !== undefined && cookie.expires.getTime() < Date.now())) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  async request(method: 'GET' | 'POST', url: string, form?: Record<string, string>): Promise<LightMyRequestResponse> {
    const target = new URL(url, `http://${this.host}`);
    if (target.host !== this.host) throw new Error(`left the host: ${url}`);
    const response = await this.app.inject({
      method,
      url: target.pathname + target.search,
      headers: {
        host: this.host,
        accept: 'text/html',
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      payload: form ? new URLSearchParams(form).toString() : undefined,
    });
    this.keep(response);
    return response;
  }

  /** Follows 30x answers (GET) until a page is returned. */
  async follow(response: LightMyRequestResponse, hops = 10): Promise<{ response: LightMyRequestResponse; path: string }> {
    let current = response;
    let path = '';
    for (let hop = 0; hop < hops && current.statusCode >= 300 && current.statusCode < 400; hop++) {
      const location = String(current.headers.location);
      path = new URL(location, `http://${this.host}`).pathname;
      if (path === '/mijn') return { response: current, path };
      current = await this.request('GET', location);
    }
    return { response: current, path };
  }
}

describe('resident sign-in through the demo identity provider', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ app } = await createTestApp(database, { LOKET_DEMO_IDP: 'true' }));
    tenant = await createTestTenant(database.db, 'Gemeente Inlog');
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  async function signInAs(browser: InjectBrowser, middel: 'digid' | 'eherkenning', account: string, terug?: string) {
    const start = await browser.request('GET', `/inloggen/start?middel=${middel}${terug ? `&terug=${encodeURIComponent(terug)}` : ''}`);
    expect(start.statusCode).toBe(303);
    const toProvider = new URL(String(start.headers.location));
    expect(toProvider.pathname).toBe('/demo-idp/auth');
    expect(toProvider.searchParams.get('code_challenge_method')).toBe('S256');
    const interaction = await browser.follow(start);
    expect(interaction.response.statusCode).toBe(200);
    expect(interaction.path).toMatch(/^\/demo-idp\/interaction\//);
    const page = interaction.response.body;
    expect(page).toContain('Dit is geen echte');
    const chosen = await browser.request('POST', interaction.path, { account, actie: 'inloggen' });
    expect(chosen.statusCode).toBe(303);
    return browser.follow(chosen);
  }

  it('offers DigiD and eHerkenning, marked as a demo', async () => {
    const page = await new InjectBrowser(app, hostOf(tenant)).request('GET', '/inloggen?terug=%2Fmijn%2Fzaken&verlopen=1');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/inloggen/start?middel=digid&amp;terug=%2Fmijn%2Fzaken"');
    expect(page.body).toContain('Inloggen met eHerkenning');
    expect(page.body).toContain('Demo-omgeving.');
    expect(page.body).toContain('U bent automatisch uitgelogd');
  });

  it('signs a resident in with the BSN from the provider and returns to the page asked for', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    const start = await browser.request('GET', '/inloggen/start?middel=digid&terug=%2Fmijn%2Fzaken');
    const interaction = await browser.follow(start);
    expect(interaction.response.body).toContain('Suzanne Moulin');
    expect(interaction.response.body).not.toContain('Bakkerij');
    const chosen = await browser.request('POST', interaction.path, { account: 'demo-suzanne', actie: 'inloggen' });
    let response = chosen;
    for (let hop = 0; hop < 5 && response.statusCode === 303; hop++) {
      const location = new URL(String(response.headers.location), `http://${browser.host}`);
      if (location.pathname === '/mijn/zaken') break;
      response = await browser.request('GET', location.href);
    }
    expect(new URL(String(response.headers.location), 'http://x').pathname).toBe('/mijn/zaken');
    expect(browser.cookies.has(RESIDENT_SESSION_COOKIE)).toBe(true);
    const session = await database.db.selectFrom('inwoner_sessies').selectAll().where('tenant_id', '=', tenant.id).where('identificatie', '=', '999993653').executeTakeFirstOrThrow();
    expect(session).toMatchObject({ soort: 'bsn', naam: 'Suzanne Moulin', middel: 'demo', e_mail: 'suzanne.moulin@example.org' });
  });

  it('signs a business in with its KvK number through eHerkenning', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    const done = await signInAs(browser, 'eherkenning', 'demo-bakkerij');
    expect(done.path).toBe('/mijn');
    const session = await database.db.selectFrom('inwoner_sessies').selectAll().where('tenant_id', '=', tenant.id).where('identificatie', '=', '69599084').executeTakeFirstOrThrow();
    expect(session.soort).toBe('kvk');
  });

  it('refuses an account of the other kind and asks again with the error beside the choice', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    const interaction = await browser.follow(await browser.request('GET', '/inloggen/start?middel=digid'));
    const wrong = await browser.request('POST', interaction.path, { account: 'demo-bakkerij', actie: 'inloggen' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('<title>Fout: ');
    expect(wrong.body).toContain('id="account-fout"');
  });

  it('tells the resident when they cancel at the provider, without a session', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    const interaction = await browser.follow(await browser.request('GET', '/inloggen/start?middel=digid'));
    const cancelled = await browser.follow(await browser.request('POST', interaction.path, { actie: 'annuleren' }));
    expect(cancelled.response.statusCode).toBe(400);
    expect(cancelled.response.body).toContain('Inloggen is afgebroken');
    expect(browser.cookies.has(RESIDENT_SESSION_COOKIE)).toBe(false);
  });

  it('refuses a callback without the state cookie of a sign-in this browser started', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    const response = await browser.request('GET', '/inloggen/terugkeer?code=abc&state=def');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Inloggen is verlopen');
  });

  it('never returns to another site after sign-in', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    const start = await browser.request('GET', `/inloggen/start?middel=digid&terug=${encodeURIComponent('//evil.example/x')}`);
    const interaction = await browser.follow(start);
    let response = await browser.request('POST', interaction.path, { account: 'demo-mehmet', actie: 'inloggen' });
    for (let hop = 0; hop < 5 && response.statusCode === 303; hop++) {
      const location = new URL(String(response.headers.location), `http://${browser.host}`);
      if (!location.pathname.startsWith('/demo-idp') && !location.pathname.startsWith('/inloggen')) break;
      response = await browser.request('GET', location.href);
    }
    expect(response.headers.location).toBe('/mijn');
  });

  it('signs out only with the session token, then the session is gone on the server', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    await signInAs(browser, 'digid', 'demo-anouk');
    const cookie = browser.cookies.get(RESIDENT_SESSION_COOKIE);
    expect(cookie).toBeDefined();
    const keepAlive = await app.inject({ method: 'POST', url: '/mijn/sessie', headers: { host: browser.host, cookie: `${RESIDENT_SESSION_COOKIE}=${cookie}`, accept: 'application/json' } });
    expect(keepAlive.statusCode).toBe(403);
    const row = await database.db.selectFrom('inwoner_sessies').select('csrf_token').where('tenant_id', '=', tenant.id).where('identificatie', '=', '999991115').executeTakeFirstOrThrow();
    const extended = await app.inject({ method: 'POST', url: '/mijn/sessie', headers: { host: browser.host, cookie: `${RESIDENT_SESSION_COOKIE}=${cookie}`, 'x-csrf-token': row.csrf_token } });
    expect(extended.statusCode).toBe(200);
    const answer = extended.json<{ verloopt: string; nu: string }>();
    const minutesLeft = (Date.parse(answer.verloopt) - Date.parse(answer.nu)) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);
    const refused = await browser.request('POST', '/uitloggen', { _csrf: 'wrong' });
    expect(refused.statusCode).toBe(403);
    const signedOut = await browser.request('POST', '/uitloggen', { _csrf: row.csrf_token });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe('/uitgelogd');
    const left = await database.db.selectFrom('inwoner_sessies').select('id_hash').where('tenant_id', '=', tenant.id).where('identificatie', '=', '999991115').execute();
    expect(left).toEqual([]);
    expect((await browser.request('GET', '/uitgelogd')).body).toContain('U bent uitgelogd');
  });

  it('ends a session after 15 minutes without activity and says so', async () => {
    const browser = new InjectBrowser(app, hostOf(tenant));
    await signInAs(browser, 'digid', 'demo-suzanne');
    await database.db.updateTable('inwoner_sessies').set({ last_seen_at: new Date(Date.now() - 15 * 60_000 - 1000) }).where('tenant_id', '=', tenant.id).execute();
    const keepAlive = await app.inject({ method: 'POST', url: '/mijn/sessie', headers: { host: browser.host, cookie: `${RESIDENT_SESSION_COOKIE}=${browser.cookies.get(RESIDENT_SESSION_COOKIE) ?? ''}`, accept: 'application/json' } });
    expect(keepAlive.statusCode).toBe(401);
    expect(keepAlive.json<{ detail: string }>().detail).toContain('verlopen');
  });
});

describe('resident sign-in through a municipality broker', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tenant: Tenant;
  let broker: TestOidcProvider;
  const callbackPrefix = () => `http://${hostOf(tenant)}/inloggen/terugkeer`;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db, 'Gemeente Broker');
    broker = await startTestOidcProvider(
      { clientId: 'portaal', clientSecret: 'portaal-geheim', redirectUris: [`http://${hostOf(tenant)}/inloggen/terugkeer`] },
      {
        inwoner: { burgerservicenummer: '999990019', name: 'Mehmet Yilmaz', email: 'mehmet@example.org' },
        'zonder-bsn': { email: 'iemand@example.org', name: 'Iemand' },
        'ongeldig-bsn': { burgerservicenummer: '123456789', name: 'Fout Nummer' },
      },
    );
    ({ app } = await createTestApp(database, {
      LOKET_PORTAAL_OIDC_ISSUER: broker.issuer,
      LOKET_PORTAAL_OIDC_CLIENT_ID: 'portaal',
      LOKET_PORTAAL_OIDC_CLIENT_SECRET: 'portaal-geheim',
      LOKET_PORTAAL_OIDC_BSN_CLAIM: 'burgerservicenummer',
      LOKET_PORTAAL_OIDC_DIGID_PARAMETERS: 'scope=openid email profile',
    }));
  });
  afterAll(async () => {
    await app.close();
    await broker.close();
    await database.close();
  });

  async function signInAtBroker(subject: string): Promise<{ browser: InjectBrowser; response: LightMyRequestResponse }> {
    const browser = new InjectBrowser(app, hostOf(tenant));
    broker.loginAs(subject);
    const start = await browser.request('GET', '/inloggen/start?middel=digid');
    expect(start.statusCode).toBe(303);
    const location = String(start.headers.location);
    expect(location.startsWith(broker.issuer)).toBe(true);
    expect(new URL(location).searchParams.get('scope')).toBe('openid email profile');
    const callback = await followIssuerRedirects(location, callbackPrefix());
    return { browser, response: await browser.request('GET', callback.pathname + callback.search) };
  }

  it('has no demo provider once a broker is configured', async () => {
    const response = await app.inject({ method: 'GET', url: '/demo-idp/.well-known/openid-configuration', headers: { host: hostOf(tenant) } });
    expect(response.statusCode).toBe(404);
    const page = await app.inject({ method: 'GET', url: '/inloggen', headers: { host: hostOf(tenant) } });
    expect(page.body).not.toContain('Demo-omgeving');
  });

  it('takes the BSN from the claim the configuration names', async () => {
    const { browser, response } = await signInAtBroker('inwoner');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/mijn');
    expect(browser.cookies.has(RESIDENT_SESSION_COOKIE)).toBe(true);
    const session = await database.db.selectFrom('inwoner_sessies').selectAll().where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ soort: 'bsn', identificatie: '999990019', naam: 'Mehmet Yilmaz', middel: 'digid', e_mail: 'mehmet@example.org' });
  });

  it('refuses an answer without a BSN, and a BSN that fails the 11-proef, starting no session', async () => {
    const missing = await signInAtBroker('zonder-bsn');
    expect(missing.response.statusCode).toBe(403);
    expect(missing.response.body).toContain('geen burgerservicenummer');
    expect(missing.browser.cookies.has(RESIDENT_SESSION_COOKIE)).toBe(false);
    const invalid = await signInAtBroker('ongeldig-bsn');
    expect(invalid.response.statusCode).toBe(403);
    expect(invalid.response.body).toContain('niet geldig');
    expect(invalid.browser.cookies.has(RESIDENT_SESSION_COOKIE)).toBe(false);
  });
});
