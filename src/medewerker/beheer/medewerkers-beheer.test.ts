import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant, hostOf } from '../../../test/fixtures.ts';
import { openSignInForm, signInStaff, totpCode, type SignedInStaff } from '../../../test/staff-session.ts';
import { insertTestZaaktype } from '../../../test/zgw-fixtures.ts';
import { listTeams } from '../toegang/teams.ts';
import { loadRolVertrouwelijkheid } from '../toegang/rol-vertrouwelijkheid.ts';
import { createLoggedTestApp, loggedEvents } from './beheer-test-app.ts';

/* Staff accounts and roles, teams and the vertrouwelijkheid per role, as the beheerder keeps them. */

describe('staff accounts, teams and vertrouwelijkheid beheer', () => {
  let database: TestDatabase;
  let test: Awaited<ReturnType<typeof createLoggedTestApp>>;
  let tenant: Tenant;
  let other: Tenant;
  let beheerder: SignedInStaff;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createLoggedTestApp(database);
    tenant = await createTestTenant(database.db, 'Gemeente Accounts');
    other = await createTestTenant(database.db, 'Gemeente Anders');
    beheerder = await signInStaff(test, tenant, { roles: ['beheerder'], displayName: 'Bea Beheerder' });
  });
  afterAll(async () => {
    await test.app.close();
    await database.close();
  });

  const get = (url: string, who: SignedInStaff = beheerder) => test.app.inject({ method: 'GET', url, headers: { ...who.headers, accept: 'text/html' } });
  const post = (url: string, payload: Record<string, string | string[]> = {}, who: SignedInStaff = beheerder) =>
    test.app.inject({ method: 'POST', url, headers: { ...who.headers, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(Object.entries({ _csrf: who.csrfToken, ...payload }).flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [key, item]) : [[key, value]]))).toString() });

  it('is for beheerders only', async () => {
    const teamleider = await signInStaff(test, tenant, { roles: ['teamleider', 'privacy'] });
    for (const url of ['/medewerker/beheer/medewerkers', '/medewerker/beheer/teams', '/medewerker/beheer/vertrouwelijkheid']) {
      expect((await get(url, teamleider)).statusCode).toBe(403);
      expect((await post(url, { naam: 'x' }, teamleider)).statusCode).toBe(403);
    }
    expect((await post(`/medewerker/beheer/medewerkers/${teamleider.user.id}/rollen`, { rollen: ['beheerder'] }, teamleider)).statusCode).toBe(403);
  });

  it('creates an account whose password and TOTP enrolment are shown once and work, never logged', async () => {
    const refused = await post('/medewerker/beheer/medewerkers', { naam: '', email: 'geen-adres', rollen: [] });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/id="naam-fout"/);
    expect(refused.body).toMatch(/id="email-fout"/);
    expect(refused.body).toMatch(/id="rollen-fout"/);

    const created = await post('/medewerker/beheer/medewerkers', { naam: 'Karel KCC', email: 'Karel@Example.nl', rollen: ['kcc', 'behandelaar'] });
    expect(created.statusCode).toBe(200);
    expect(created.headers['cache-control']).toBe('no-store');
    const password = /<dt>Wachtwoord<\/dt><dd><code>([^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    const secret = /<dt>Of de sleutel met de hand<\/dt><dd><code>([^<]+)<\/code>/.exec(created.body)?.[1] ?? '';
    expect(password.length).toBeGreaterThan(15);
    expect(created.body).toContain('otpauth://totp/');
    // A double submit does not make a second account.
    const twice = await post('/medewerker/beheer/medewerkers', { naam: 'Karel KCC', email: 'karel@example.nl', rollen: ['kcc'] });
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain('Er is al een account met dit e-mailadres');

    // The list shows the account; the secrets are nowhere but in the answer that made them.
    const list = await get('/medewerker/beheer/medewerkers');
    expect(list.body).toContain('karel@example.nl');
    expect(list.body).toContain('KCC-medewerker, Behandelaar');
    expect(list.body).not.toContain(password);
    const everything = test.lines.join('\n');
    expect(everything).not.toContain(password);
    expect(everything).not.toContain(secret);
    expect(loggedEvents(test.lines)).toContainEqual(expect.objectContaining({ event: 'staff.account_created', tenantId: tenant.id, by: beheerder.user.id }));

    // The new account signs in with what was shown.
    const form = await openSignInForm(test.app, hostOf(tenant));
    const signIn = await test.app.inject({ method: 'POST', url: '/medewerker/inloggen', headers: { host: hostOf(tenant), cookie: form.cookie, accept: 'text/html' }, payload: { _csrf: form.token, email: 'karel@example.nl', wachtwoord: password } });
    expect(signIn.statusCode).toBe(303);
    expect(totpCode(secret)).toMatch(/^\d{6}$/);
  });

  it('changes roles, blocks (ending sessions) and resets secrets, but never locks the beheerder out', async () => {
    const colleague = await signInStaff(test, tenant, { roles: ['kcc'] });
    const path = `/medewerker/beheer/medewerkers/${colleague.user.id}`;
    expect((await post(`${path}/rollen`, { rollen: ['kcc', 'teamleider'] })).statusCode).toBe(303);
    expect((await get(path)).body).toMatch(/value="teamleider" checked/);
    expect((await post(`${path}/rollen`, { rollen: ['baas'] })).statusCode).toBe(400);

    expect((await post(`${path}/blokkeren`)).statusCode).toBe(303);
    expect((await get('/medewerker', colleague)).statusCode).not.toBe(200);
    expect((await get('/medewerker/beheer/medewerkers')).body).toContain('Geblokkeerd');
    expect((await post(`${path}/deblokkeren`)).statusCode).toBe(303);

    const reset = await post(`${path}/wachtwoord`);
    expect(reset.statusCode).toBe(200);
    const newPassword = /<dt>Nieuw wachtwoord<\/dt><dd><code>([^<]+)<\/code>/.exec(reset.body)?.[1] ?? '';
    expect(newPassword).not.toBe('');
    expect(newPassword).not.toBe(colleague.password);
    const code = await post(`${path}/code`);
    expect(code.statusCode).toBe(200);
    expect(code.body).toContain('otpauth://totp/');
    expect(test.lines.join('\n')).not.toContain(newPassword);
    expect(loggedEvents(test.lines).map((entry) => entry.event)).toEqual(expect.arrayContaining(['staff.roles_changed', 'staff.account_disabled', 'staff.account_enabled', 'staff.password_reset', 'staff.totp_reset']));

    // Self-lockout: not the own beheerder role, not the own account.
    const own = `/medewerker/beheer/medewerkers/${beheerder.user.id}`;
    const dropOwnRole = await post(`${own}/rollen`, { rollen: ['kcc'] });
    expect(dropOwnRole.statusCode).toBe(400);
    expect(dropOwnRole.body).toContain('eigen rol functioneel beheerder');
    const blockSelf = await post(`${own}/blokkeren`);
    expect(blockSelf.statusCode).toBe(400);
    expect(blockSelf.body).toContain('eigen account niet blokkeren');
    expect((await get('/medewerker/beheer/medewerkers')).statusCode).toBe(200);
  });

  it('keeps teams with their zaaktypen and members', async () => {
    const zaaktype = await insertTestZaaktype(database.db, tenant, { identificatie: 'TEAM-ZAAK' });
    expect(zaaktype.uuid).not.toBe('');
    const member = await signInStaff(test, tenant, { roles: ['behandelaar'], displayName: 'Bram Behandelaar' });
    expect((await post('/medewerker/beheer/teams', { naam: '' })).statusCode).toBe(400);
    const created = await post('/medewerker/beheer/teams', { naam: 'Vergunningen' });
    expect(created.statusCode).toBe(303);
    expect((await post('/medewerker/beheer/teams', { naam: 'Vergunningen' })).body).toContain('Er is al een team met deze naam');
    const teamPath = String(created.headers.location).split('?')[0] ?? '';
    expect((await get(teamPath)).body).toContain('TEAM-ZAAK');
    expect((await post(`${teamPath}/zaaktypen`, { zaaktypen: ['TEAM-ZAAK'] })).statusCode).toBe(303);
    expect((await post(`${teamPath}/zaaktypen`, { zaaktypen: ['BESTAAT-NIET'] })).statusCode).toBe(400);
    expect((await post(`${teamPath}/leden`, { leden: [member.user.id] })).statusCode).toBe(303);
    expect((await post(`${teamPath}/naam`, { naam: 'Vergunningen en handhaving' })).statusCode).toBe(303);
    const [team] = await listTeams(database.db, tenant.id);
    expect(team).toMatchObject({ naam: 'Vergunningen en handhaving', zaaktypeIdentificaties: ['TEAM-ZAAK'], ledenIds: [member.user.id] });
    expect((await get('/medewerker/beheer/teams')).body).toContain('Bram Behandelaar');

    // Another tenant's staff cannot be made a member, nor its team reached.
    const outsider = await signInStaff(test, other, { roles: ['beheerder'] });
    expect((await post(`${teamPath}/leden`, { leden: [outsider.user.id] })).statusCode).toBe(400);
    expect((await get(teamPath, outsider)).statusCode).toBe(404);
    expect((await post(`${teamPath}/naam`, { naam: 'Overgenomen' }, outsider)).statusCode).toBe(404);
    expect((await get(`/medewerker/beheer/medewerkers/${member.user.id}`, outsider)).statusCode).toBe(404);
    expect((await post(`/medewerker/beheer/medewerkers/${member.user.id}/blokkeren`, {}, outsider)).statusCode).toBe(404);
    expect((await get('/medewerker/beheer/medewerkers', outsider)).body).not.toContain('Bram Behandelaar');
  });

  it('sets the maximum vertrouwelijkheid per role', async () => {
    const page = await get('/medewerker/beheer/vertrouwelijkheid');
    expect(page.statusCode).toBe(200);
    const values = { kcc: 'intern', behandelaar: 'vertrouwelijk', teamleider: 'confidentieel', beheerder: 'intern', privacy: 'intern', controller: 'openbaar', bestuur: 'openbaar' };
    expect((await post('/medewerker/beheer/vertrouwelijkheid', { ...values, kcc: 'supergeheim' })).statusCode).toBe(400);
    expect((await post('/medewerker/beheer/vertrouwelijkheid', values)).statusCode).toBe(303);
    const inForce = await loadRolVertrouwelijkheid(database.db, tenant.id);
    expect(inForce.get('kcc')).toBe('intern');
    expect(inForce.get('behandelaar')).toBe('vertrouwelijk');
    expect((await loadRolVertrouwelijkheid(database.db, other.id)).get('kcc')).toBe('zaakvertrouwelijk');
  });
});
