import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createStaffUser } from '../../platform/auth/staff-user-repository.ts';
import { SESSION_COOKIE, sessionIdHash } from '../../platform/auth/staff-session.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import { csrfTokenIn, openSignInForm, responseCookie, signInStaff, totpCode } from '../../../test/staff-session.ts';

describe('staff sign-in with password and TOTP', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, {}, (app) => {
      // Test-only staff routes: one for beheerders only, one form post for kcc and beheer.
      app.get('/medewerker/test/beheer', { config: { staffRoles: ['beheerder'] } }, async () => 'beheer');
      app.post(
        '/medewerker/test/formulier',
        {
          config: { staffRoles: ['kcc', 'beheerder'] },
          schema: { body: { type: 'object', additionalProperties: false, properties: { naam: { type: 'string' } } } },
        },
        async (request) => ({ ontvangen: request.body }),
      );
    });
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db, 'Gemeente Anders');
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const host = () => hostOf(tenant);
  const html = { accept: 'text/html' };
  // Each test signs in from its own address, so failures of one test never lock the address of another.
  let clientIp = '127.0.0.1';
  beforeEach(() => {
    const [a, b, c] = randomBytes(3);
    clientIp = `10.${a}.${b}.${c}`;
  });

  async function newUser(roles: ('kcc' | 'beheerder')[] = ['kcc']) {
    return createStaffUser(database.db, test.keys, {
      tenantId: tenant.id,
      email: `m-${randomBytes(4).toString('hex')}@example.nl`,
      displayName: 'Mila Medewerker',
      roles,
    });
  }

  async function postPassword(email: string, password: string, options: { remoteAddress?: string; terug?: string } = {}) {
    const form = await openSignInForm(test.app, host());
    return test.app.inject({
      method: 'POST',
      url: '/medewerker/inloggen',
      remoteAddress: options.remoteAddress ?? clientIp,
      headers: { host: host(), cookie: form.cookie, ...html },
      payload: { _csrf: form.token, email, wachtwoord: password, ...(options.terug === undefined ? {} : { terug: options.terug }) },
    });
  }

  async function postCode(cookie: string, code: string, remoteAddress?: string) {
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/inloggen/code', headers: { host: host(), cookie, ...html } });
    return test.app.inject({
      method: 'POST',
      url: '/medewerker/inloggen/code',
      remoteAddress: remoteAddress ?? clientIp,
      headers: { host: host(), cookie, ...html },
      payload: { _csrf: csrfTokenIn(page.body), code },
    });
  }

  function sessionCookie(response: { cookies: { name: string; value: string }[] }): string {
    const value = response.cookies.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
    if (value === undefined) throw new Error('no session cookie set');
    return `${SESSION_COOKIE}=${value}`;
  }

  const hashOf = (cookie: string) => sessionIdHash(cookie.slice(SESSION_COOKIE.length + 1));

  it('signs in with password and code, and reaches the landing page', async () => {
    const user = await newUser(['kcc']);
    const passwordStep = await postPassword(user.user.email, user.password);
    expect(passwordStep.statusCode).toBe(303);
    expect(passwordStep.headers.location).toBe('/medewerker/inloggen/code');
    const setCookie = String(passwordStep.headers['set-cookie']);
    expect(setCookie).toMatch(/loket_sessie=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = sessionCookie(passwordStep);

    // Only the hash of the cookie is stored; a half session only reaches the code step.
    const row = await database.db.selectFrom('staff_sessions').selectAll().where('tenant_id', '=', tenant.id).where('user_id', '=', user.user.id).executeTakeFirstOrThrow();
    expect(row.id_hash).toBe(hashOf(cookie));
    expect(row.mfa_passed_at).toBeNull();
    const early = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { host: host(), cookie, ...html } });
    expect(early.statusCode).toBe(303);
    expect(early.headers.location).toBe('/medewerker/inloggen/code');

    const codeStep = await postCode(cookie, totpCode(user.totpSecret));
    expect(codeStep.statusCode).toBe(303);
    expect(codeStep.headers.location).toBe('/medewerker');
    const home = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { host: host(), cookie, ...html } });
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.body).toContain('Ingelogd als <strong>Mila Medewerker</strong>');
    expect(home.body).toContain('KCC-medewerker');
    expect(home.body).toContain('action="/medewerker/uitloggen"');
  });

  it('sets the Secure flag when the request came over HTTPS', async () => {
    const secure = await createTestApp(database, { LOKET_TRUST_PROXY: 'true' });
    try {
      const user = await newUser();
      const form = await openSignInForm(secure.app, host());
      const response = await secure.app.inject({
        method: 'POST',
        url: '/medewerker/inloggen',
        headers: { host: host(), cookie: form.cookie, 'x-forwarded-proto': 'https', ...html },
        payload: { _csrf: form.token, email: user.user.email, wachtwoord: user.password },
      });
      expect(response.statusCode).toBe(303);
      expect(String(response.headers['set-cookie'])).toMatch(/loket_sessie=.*; Secure/);
    } finally {
      await secure.app.close();
    }
  });

  it('refuses a wrong password and an unknown address with the same generic message, beside the fields', async () => {
    const user = await newUser();
    const wrong = await postPassword(user.user.email, 'niet-het-wachtwoord');
    const unknown = await postPassword('niemand@example.nl', 'niet-het-wachtwoord');
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('E-mailadres of wachtwoord onjuist.');
      expect(response.body).toContain('aria-describedby="inloggegevens-fout"');
      expect(response.body).toContain('aria-invalid="true"');
      expect(response.body).toContain('<title>Fout: Inloggen voor medewerkers');
      expect(responseCookie(response, SESSION_COOKIE)).toBeUndefined();
    }
    // The typed address stays in the form, the password does not.
    expect(wrong.body).toContain(`value="${user.user.email}"`);
    expect(wrong.body).not.toContain('niet-het-wachtwoord');
  });

  it('shows which field is empty', async () => {
    const response = await postPassword('', '');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Vul uw e-mailadres in.');
    expect(response.body).toContain('Vul uw wachtwoord in.');
    expect(response.body).toContain('aria-describedby="email-fout"');
    expect(response.body).toContain('aria-describedby="wachtwoord-fout"');
    expect(response.body).toContain('href="#email"');
  });

  it('refuses a wrong code and a code that was already used', async () => {
    const user = await newUser();
    const first = sessionCookie(await postPassword(user.user.email, user.password));
    const code = totpCode(user.totpSecret);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await postCode(first, wrongCode);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('De inlogcode is onjuist.');
    expect(wrong.body).toContain('aria-describedby="code-hint code-fout"');
    expect((await postCode(first, code)).statusCode).toBe(303);

    const second = sessionCookie(await postPassword(user.user.email, user.password));
    const reused = await postCode(second, code);
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain('Deze inlogcode is al gebruikt.');
    const stillHalf = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { host: host(), cookie: second, ...html } });
    expect(stillHalf.headers.location).toBe('/medewerker/inloggen/code');
  });

  it('counts parallel wrong codes one by one, so a burst cannot outrun the account lock', async () => {
    const user = await newUser();
    const cookie = sessionCookie(await postPassword(user.user.email, user.password));
    const code = totpCode(user.totpSecret);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/inloggen/code', headers: { host: host(), cookie, ...html } });
    const token = csrfTokenIn(page.body);
    const burst = await Promise.all(
      Array.from({ length: 12 }, () =>
        test.app.inject({ method: 'POST', url: '/medewerker/inloggen/code', remoteAddress: clientIp, headers: { host: host(), cookie, ...html }, payload: { _csrf: token, code: wrongCode } }),
      ),
    );
    const statuses = burst.map((response) => response.statusCode);
    // Five guesses are judged; every later one finds the account locked.
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('locks an account after five failures, with the generic message and the minutes to wait', async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await postPassword(user.user.email, `fout-${attempt}`)).statusCode).toBe(400);
    }
    const locked = await postPassword(user.user.email, user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.body).toContain('E-mailadres of wachtwoord onjuist. Probeer het over 15 minuten opnieuw.');
    expect(responseCookie(locked, SESSION_COOKIE)).toBeUndefined();

    // Another account from the same address is not affected.
    const other = await newUser();
    expect((await postPassword(other.user.email, other.password)).statusCode).toBe(303);

    // Once the failures are older than the lock, the account signs in again.
    await database.db
      .updateTable('sign_in_attempts')
      .set({ attempted_at: new Date(Date.now() - 20 * 60_000) })
      .where('tenant_id', '=', tenant.id)
      .where('email', '=', user.user.email)
      .execute();
    expect((await postPassword(user.user.email, user.password)).statusCode).toBe(303);
  });

  it('locks an unknown address the same way, so a lock reveals nothing', async () => {
    for (let attempt = 0; attempt < 5; attempt++) await postPassword('onbekend@example.nl', 'gok');
    const locked = await postPassword('onbekend@example.nl', 'gok');
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Probeer het over 15 minuten opnieuw.');
  });

  it('restarts the account count after a complete sign-in', async () => {
    const user = await newUser();
    for (let attempt = 0; attempt < 4; attempt++) await postPassword(user.user.email, 'fout');
    await postCode(sessionCookie(await postPassword(user.user.email, user.password)), totpCode(user.totpSecret));
    for (let attempt = 0; attempt < 4; attempt++) await postPassword(user.user.email, 'fout');
    expect((await postPassword(user.user.email, user.password)).statusCode).toBe(303);
  });

  it('counts wrong codes towards the account lock', async () => {
    const user = await newUser();
    const cookie = sessionCookie(await postPassword(user.user.email, user.password));
    const wrongCode = totpCode(user.totpSecret) === '000000' ? '111111' : '000000';
    for (let attempt = 0; attempt < 5; attempt++) expect((await postCode(cookie, wrongCode)).statusCode).toBe(400);
    const locked = await postCode(cookie, totpCode(user.totpSecret));
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain('Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.');
    expect((await postPassword(user.user.email, user.password)).statusCode).toBe(429);
  });

  it('locks an IP address after twenty failures across accounts', async () => {
    const attacker = '203.0.113.7';
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await postPassword(`gok-${attempt}@example.nl`, 'gok', { remoteAddress: attacker })).statusCode).toBe(400);
    }
    const user = await newUser();
    const fromAttacker = await postPassword(user.user.email, user.password, { remoteAddress: attacker });
    expect(fromAttacker.statusCode).toBe(429);
    expect(fromAttacker.body).toContain('Probeer het over 15 minuten opnieuw.');
    expect((await postPassword(user.user.email, user.password, { remoteAddress: '198.51.100.9' })).statusCode).toBe(303);
  });

  it('ends a session after the idle time-out and deletes it', async () => {
    const staff = await signInStaff(test, tenant);
    await database.db
      .updateTable('staff_sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000) })
      .where('tenant_id', '=', tenant.id)
      .where('id_hash', '=', hashOf(staff.cookie))
      .execute();
    const response = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { ...staff.headers, ...html } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/medewerker/inloggen?verlopen=1');
    const rows = await database.db.selectFrom('staff_sessions').select('id_hash').where('tenant_id', '=', tenant.id).where('id_hash', '=', hashOf(staff.cookie)).execute();
    expect(rows).toHaveLength(0);
    const page = await test.app.inject({ method: 'GET', url: response.headers.location, headers: { host: host(), ...html } });
    expect(page.body).toContain('Uw sessie is verlopen. Log opnieuw in.');
  });

  it('ends a session after the absolute time-out, however active', async () => {
    const staff = await signInStaff(test, tenant);
    await database.db
      .updateTable('staff_sessions')
      .set({ created_at: new Date(Date.now() - 11 * 3_600_000), last_seen_at: new Date() })
      .where('tenant_id', '=', tenant.id)
      .where('id_hash', '=', hashOf(staff.cookie))
      .execute();
    const api = await test.app.inject({ method: 'GET', url: '/medewerker', headers: staff.headers });
    expect(api.statusCode).toBe(401);
    expect(api.json()).toMatchObject({ code: 'not_authenticated' });
    const again = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { ...staff.headers, ...html } });
    expect(again.statusCode).toBe(303);
  });

  it('records activity at most once a minute', async () => {
    const staff = await signInStaff(test, tenant);
    const where = (query: ReturnType<typeof database.db.updateTable<'staff_sessions'>>) => query.where('tenant_id', '=', tenant.id).where('id_hash', '=', hashOf(staff.cookie));
    const read = async () =>
      (await database.db.selectFrom('staff_sessions').select('last_seen_at').where('tenant_id', '=', tenant.id).where('id_hash', '=', hashOf(staff.cookie)).executeTakeFirstOrThrow()).last_seen_at;

    const recent = new Date(Date.now() - 20_000);
    await where(database.db.updateTable('staff_sessions').set({ last_seen_at: recent })).execute();
    await test.app.inject({ method: 'GET', url: '/medewerker', headers: { ...staff.headers, ...html } });
    expect((await read()).getTime()).toBe(recent.getTime());

    const older = new Date(Date.now() - 5 * 60_000);
    await where(database.db.updateTable('staff_sessions').set({ last_seen_at: older })).execute();
    await test.app.inject({ method: 'GET', url: '/medewerker', headers: { ...staff.headers, ...html } });
    expect((await read()).getTime()).toBeGreaterThan(older.getTime() + 4 * 60_000);
  });

  it('requires the session CSRF token on every state-changing staff request, and strips it from the body', async () => {
    const staff = await signInStaff(test, tenant, { roles: ['kcc'] });
    const post = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
      test.app.inject({ method: 'POST', url: '/medewerker/test/formulier', headers: { ...staff.headers, ...headers }, payload });

    const missing = await post({ naam: 'x' });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf_failed' });
    expect((await post({ naam: 'x', _csrf: 'verkeerd' })).json()).toMatchObject({ code: 'csrf_failed' });
    const otherSession = await signInStaff(test, tenant, { roles: ['kcc'] });
    expect((await post({ naam: 'x', _csrf: otherSession.csrfToken })).statusCode).toBe(403);
    expect((await post({ naam: 'x', _csrf: staff.csrfToken }, { origin: 'https://aanvaller.example' })).statusCode).toBe(403);
    expect((await post({ naam: 'x', _csrf: staff.csrfToken }, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    const browserPage = await post({ naam: 'x' }, { accept: 'text/html' });
    expect(browserPage.statusCode).toBe(403);
    expect(browserPage.headers['content-type']).toContain('text/html');

    const ok = await post({ naam: 'x', _csrf: staff.csrfToken }, { origin: `http://${host()}`, 'sec-fetch-site': 'same-origin' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ontvangen: { naam: 'x' } });
    const viaHeader = await post({ naam: 'y' }, { 'x-csrf-token': staff.csrfToken });
    expect(viaHeader.statusCode).toBe(200);
  });

  it('requires the form token on the sign-in, code and sign-out forms', async () => {
    const user = await newUser();
    const form = await openSignInForm(test.app, host());
    const noToken = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen', headers: { host: host(), cookie: form.cookie }, payload: { email: user.user.email, wachtwoord: user.password } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'csrf_failed' });
    const noCookie = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen', headers: { host: host() }, payload: { _csrf: form.token, email: user.user.email, wachtwoord: user.password } });
    expect(noCookie.statusCode).toBe(403);
    // A form cookie issued on another tenant's host does not count here.
    const foreign = await openSignInForm(test.app, hostOf(otherTenant));
    const crossTenant = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen', headers: { host: host(), cookie: foreign.cookie }, payload: { _csrf: foreign.token, email: user.user.email, wachtwoord: user.password } });
    expect(crossTenant.statusCode).toBe(403);
    const crossSite = await test.app.inject({
      method: 'POST',
      url: '/medewerker/inloggen',
      headers: { host: host(), cookie: form.cookie, 'sec-fetch-site': 'same-site' },
      payload: { _csrf: form.token, email: user.user.email, wachtwoord: user.password },
    });
    expect(crossSite.statusCode).toBe(403);

    const cookie = sessionCookie(await postPassword(user.user.email, user.password));
    const code = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen/code', headers: { host: host(), cookie }, payload: { code: totpCode(user.totpSecret) } });
    expect(code.statusCode).toBe(403);

    const staff = await signInStaff(test, tenant);
    const signOut = await test.app.inject({ method: 'POST', url: '/medewerker/uitloggen', headers: staff.headers, payload: { _csrf: 'verkeerd' } });
    expect(signOut.statusCode).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/medewerker', headers: { ...staff.headers, ...html } })).statusCode).toBe(200);
  });

  it('refuses a member of staff without the route role with 403', async () => {
    const kcc = await signInStaff(test, tenant, { roles: ['kcc'] });
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/test/beheer', headers: { ...kcc.headers, ...html } });
    expect(page.statusCode).toBe(403);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('U heeft geen toestemming');
    const api = await test.app.inject({ method: 'GET', url: '/medewerker/test/beheer', headers: kcc.headers });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ code: 'permission_denied' });
    const beheerder = await signInStaff(test, tenant, { roles: ['beheerder'] });
    const allowed = await test.app.inject({ method: 'GET', url: '/medewerker/test/beheer', headers: beheerder.headers });
    expect(allowed.statusCode).toBe(200);
    expect(allowed.body).toBe('beheer');
  });

  it('sends an anonymous browser to sign in and back, and refuses other anonymous callers with 401', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/test/beheer', headers: { host: host(), ...html } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/medewerker/inloggen?terug=%2Fmedewerker%2Ftest%2Fbeheer');
    const api = await test.app.inject({ method: 'GET', url: '/medewerker/test/beheer', headers: { host: host() } });
    expect(api.statusCode).toBe(401);
    const post = await test.app.inject({ method: 'POST', url: '/medewerker/test/formulier', headers: { host: host(), ...html }, payload: { naam: 'x' } });
    expect(post.statusCode).toBe(401);

    const user = await newUser(['beheerder']);
    const passwordStep = await postPassword(user.user.email, user.password, { terug: '/medewerker/test/beheer' });
    expect(passwordStep.headers.location).toBe('/medewerker/inloggen/code?terug=%2Fmedewerker%2Ftest%2Fbeheer');
    const cookie = sessionCookie(passwordStep);
    const codePage = await test.app.inject({ method: 'GET', url: passwordStep.headers.location ?? '', headers: { host: host(), cookie, ...html } });
    expect(codePage.body).toContain('name="terug" value="/medewerker/test/beheer"');
    const codeStep = await test.app.inject({
      method: 'POST',
      url: '/medewerker/inloggen/code',
      headers: { host: host(), cookie, ...html },
      payload: { _csrf: csrfTokenIn(codePage.body), code: totpCode(user.totpSecret), terug: '/medewerker/test/beheer' },
    });
    expect(codeStep.headers.location).toBe('/medewerker/test/beheer');
  });

  it.each([['//aanvaller.example/pad'], ['https://aanvaller.example'], ['/\\aanvaller.example'], ['/%2F%2Faanvaller.example'], ['javascript:alert(1)'], ['/\t/aanvaller.example']])(
    'refuses %s as return target and goes to the landing page instead',
    async (terug) => {
      const user = await newUser();
      const passwordStep = await postPassword(user.user.email, user.password, { terug });
      expect(passwordStep.headers.location).toBe('/medewerker/inloggen/code');
      const codeStep = await test.app.inject({
        method: 'POST',
        url: '/medewerker/inloggen/code',
        headers: { host: host(), cookie: sessionCookie(passwordStep), ...html },
        payload: { _csrf: csrfTokenIn((await test.app.inject({ method: 'GET', url: '/medewerker/inloggen/code', headers: { host: host(), cookie: sessionCookie(passwordStep) } })).body), code: totpCode(user.totpSecret), terug },
      });
      expect(codeStep.headers.location).toBe('/medewerker');
      const signInPage = await test.app.inject({ method: 'GET', url: `/medewerker/inloggen?terug=${encodeURIComponent(terug)}`, headers: { host: host(), ...html } });
      expect(signInPage.body).not.toContain('aanvaller');
    },
  );

  it('does not accept a session of one municipality on another municipality’s host', async () => {
    const staff = await signInStaff(test, tenant);
    const elsewhere = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { host: hostOf(otherTenant), cookie: staff.cookie, ...html } });
    expect(elsewhere.statusCode).toBe(303);
    expect(elsewhere.headers.location).toBe('/medewerker/inloggen');
    const api = await test.app.inject({ method: 'GET', url: '/medewerker', headers: { host: hostOf(otherTenant), cookie: staff.cookie } });
    expect(api.statusCode).toBe(401);
    // The session is untouched at home.
    expect((await test.app.inject({ method: 'GET', url: '/medewerker', headers: staff.headers })).statusCode).toBe(200);
  });

  it('signs out: deletes the session, clears the cookie and says so', async () => {
    const staff = await signInStaff(test, tenant);
    const response = await test.app.inject({ method: 'POST', url: '/medewerker/uitloggen', headers: { ...staff.headers, ...html }, payload: { _csrf: staff.csrfToken } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/medewerker/inloggen?uitgelogd=1');
    expect(String(response.headers['set-cookie'])).toMatch(/loket_sessie=;/);
    const rows = await database.db.selectFrom('staff_sessions').select('id_hash').where('tenant_id', '=', tenant.id).where('user_id', '=', staff.user.id).execute();
    expect(rows).toHaveLength(0);
    expect((await test.app.inject({ method: 'GET', url: '/medewerker', headers: { ...staff.headers, ...html } })).statusCode).toBe(303);
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/inloggen?uitgelogd=1', headers: { host: host(), ...html } });
    expect(page.body).toContain('U bent uitgelogd.');
  });

  it('replaces the session of a double-submitted sign-in form instead of leaving two', async () => {
    const user = await newUser();
    const form = await openSignInForm(test.app, host());
    const submit = () =>
      test.app.inject({
        method: 'POST',
        url: '/medewerker/inloggen',
        headers: { host: host(), cookie: form.cookie, ...html },
        payload: { _csrf: form.token, email: user.user.email, wachtwoord: user.password },
      });
    await submit();
    const second = await submit();
    const rows = await database.db.selectFrom('staff_sessions').select('id_hash').where('tenant_id', '=', tenant.id).where('user_id', '=', user.user.id).execute();
    expect(rows).toEqual([{ id_hash: hashOf(sessionCookie(second)) }]);
    // A double-submitted code form: the second submission just continues.
    const cookie = sessionCookie(second);
    const page = await test.app.inject({ method: 'GET', url: '/medewerker/inloggen/code', headers: { host: host(), cookie } });
    const code = totpCode(user.totpSecret);
    const payload = { _csrf: csrfTokenIn(page.body), code };
    const firstCode = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen/code', headers: { host: host(), cookie, ...html }, payload });
    const secondCode = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen/code', headers: { host: host(), cookie, ...html }, payload });
    expect([firstCode.statusCode, secondCode.statusCode]).toEqual([303, 303]);
    expect(secondCode.headers.location).toBe('/medewerker');
  });

  it('issues a new session id at sign-in and drops the one the browser had (no fixation)', async () => {
    const staff = await signInStaff(test, tenant);
    const form = await openSignInForm(test.app, host());
    const again = await test.app.inject({
      method: 'POST',
      url: '/medewerker/inloggen',
      headers: { host: host(), cookie: `${form.cookie}; ${staff.cookie}`, ...html },
      payload: { _csrf: form.token, email: staff.user.email, wachtwoord: staff.password },
    });
    expect(sessionCookie(again)).not.toBe(staff.cookie);
    const old = await database.db.selectFrom('staff_sessions').select('id_hash').where('tenant_id', '=', tenant.id).where('id_hash', '=', hashOf(staff.cookie)).execute();
    expect(old).toHaveLength(0);
  });

  it('ends the sessions of a disabled account', async () => {
    const staff = await signInStaff(test, tenant);
    await database.db.updateTable('staff_users').set({ disabled_at: new Date() }).where('tenant_id', '=', tenant.id).where('id', '=', staff.user.id).execute();
    expect((await test.app.inject({ method: 'GET', url: '/medewerker', headers: staff.headers })).statusCode).toBe(401);
  });
});
