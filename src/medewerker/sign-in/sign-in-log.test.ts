import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../platform/context.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { createKeys } from '../../platform/crypto/keys.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { buildApp } from '../../platform/http/app.ts';
import { registerModules } from '../../platform/modules.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant, hostOf, testConfig } from '../../../test/fixtures.ts';
import { openSignInForm, signInStaff } from '../../../test/staff-session.ts';

describe('sign-in events in the log', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let context: AppContext;
  let tenant: Tenant;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    context = { config: testConfig(), database, keys: createKeys(randomBytes(32)), logger: createLogger('info', { write: (line: string) => void lines.push(line) }) };
    app = await buildApp(context, (instance) => registerModules(instance, context));
    await app.ready();
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const events = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => typeof entry.event === 'string');

  it('records sign-in, failed sign-in and sign-out as structured lines without passwords or codes', async () => {
    const staff = await signInStaff({ app, context }, tenant);
    const form = await openSignInForm(app, hostOf(tenant));
    await app.inject({
      method: 'POST',
      url: '/medewerker/inloggen',
      headers: { host: hostOf(tenant), cookie: form.cookie },
      payload: { _csrf: form.token, email: staff.user.email, wachtwoord: 'Geheim-Fout-Wachtwoord' },
    });
    await app.inject({ method: 'POST', url: '/medewerker/uitloggen', headers: staff.headers, payload: { _csrf: staff.csrfToken } });

    const logged = events();
    expect(logged).toContainEqual(expect.objectContaining({ event: 'staff.sign_in', userId: staff.user.id, tenantId: tenant.id, method: 'password+totp' }));
    expect(logged).toContainEqual(expect.objectContaining({ event: 'staff.sign_in_failed', userId: staff.user.id, reason: 'credentials' }));
    expect(logged).toContainEqual(expect.objectContaining({ event: 'staff.sign_out', userId: staff.user.id }));
    const everything = lines.join('\n');
    expect(everything).not.toContain(staff.password);
    expect(everything).not.toContain('Geheim-Fout-Wachtwoord');
    expect(everything).not.toContain(staff.cookie.split('=')[1]);
  });
});

describe('staff sign-in with MFA turned off (behind a broker that enforces it)', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let context: AppContext;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    context = { config: testConfig({ LOKET_STAFF_MFA_REQUIRED: 'false' }), database, keys: createKeys(randomBytes(32)), logger: createLogger('silent') };
    app = await buildApp(context, (instance) => registerModules(instance, context));
    await app.ready();
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('signs in with the password alone, and a double submit still leaves one session', async () => {
    const staff = await signInStaff({ app, context }, tenant);
    const form = await openSignInForm(app, hostOf(tenant));
    const submit = () =>
      app.inject({
        method: 'POST',
        url: '/medewerker/inloggen',
        headers: { host: hostOf(tenant), cookie: form.cookie },
        payload: { _csrf: form.token, email: staff.user.email, wachtwoord: staff.password },
      });
    const first = await submit();
    expect(first.headers.location).toBe('/medewerker');
    await submit();
    const sessions = await database.db.selectFrom('staff_sessions').select('id_hash').where('tenant_id', '=', tenant.id).where('user_id', '=', staff.user.id).execute();
    // The helper's own session plus the one from this form: the double submit replaced rather than added.
    expect(sessions).toHaveLength(2);
  });
});
