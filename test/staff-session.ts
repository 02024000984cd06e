import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import type { Tenant, StaffUser } from '../src/platform/database/schema.ts';
import type { AppContext } from '../src/platform/context.ts';
import type { StaffRole } from '../src/platform/http/route-policy.ts';
import { createStaffUser } from '../src/platform/auth/staff-user-repository.ts';
import { SESSION_COOKIE } from '../src/platform/auth/staff-session.ts';
import { FORM_TOKEN_COOKIE } from '../src/platform/auth/csrf-form-token.ts';
import { hostOf } from './fixtures.ts';

/** A member of staff signed in through the real flow, ready to call staff pages with `app.inject`. */
export interface SignedInStaff {
  user: StaffUser;
  password: string;
  totpSecret: string;
  /** `loket_sessie=…`, for the Cookie header. */
  cookie: string;
  /** The session's CSRF token: send it as `_csrf` in every POST/PUT/PATCH/DELETE. */
  csrfToken: string;
  /** Host and Cookie headers for this tenant and session. */
  headers: { host: string; cookie: string };
}

/** The value of a cookie the response sets, if any. */
export function responseCookie(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((cookie) => cookie.name === name)?.value;
}

/** The `_csrf` hidden field's value in a rendered form. */
export function csrfTokenIn(body: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(body);
  if (!match?.[1]) throw new Error('The page has no _csrf field');
  return match[1];
}

/** The code an authenticator app shows now (or `offsetSteps` periods of 30 s away). */
export function totpCode(secret: string, offsetSteps = 0): string {
  return authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);
}

/** Opens the sign-in form: its sealed form cookie (`loket_formulier=…`) and the matching token. */
export async function openSignInForm(app: FastifyInstance, host: string): Promise<{ cookie: string; token: string }> {
  const response = await app.inject({ method: 'GET', url: '/medewerker/inloggen', headers: { host, accept: 'text/html' } });
  const value = responseCookie(response, FORM_TOKEN_COOKIE);
  if (response.statusCode !== 200 || value === undefined) throw new Error(`The sign-in page answered ${response.statusCode}`);
  return { cookie: `${FORM_TOKEN_COOKIE}=${value}`, token: csrfTokenIn(response.body) };
}

/**
 * Creates a staff account in `tenant` and signs it in through the real flow (sign-in page,
 * password, TOTP code), returning the session cookie and CSRF token. Each call makes a new
 * account, so codes are never reused between calls.
 */
export async function signInStaff(
  test: { app: FastifyInstance; context: AppContext },
  tenant: Tenant,
  options: { roles?: StaffRole[]; email?: string; displayName?: string } = {},
): Promise<SignedInStaff> {
  const { app, context } = test;
  const host = hostOf(tenant);
  const created = await createStaffUser(context.database.db, context.keys, {
    tenantId: tenant.id,
    email: options.email ?? `medewerker-${randomBytes(4).toString('hex')}@example.nl`,
    displayName: options.displayName ?? 'Test Medewerker',
    roles: options.roles ?? ['kcc'],
  });
  const form = await openSignInForm(app, host);
  const passwordStep = await app.inject({
    method: 'POST',
    url: '/medewerker/inloggen',
    headers: { host, cookie: form.cookie, accept: 'text/html' },
    payload: { _csrf: form.token, email: created.user.email, wachtwoord: created.password },
  });
  const session = responseCookie(passwordStep, SESSION_COOKIE);
  if (passwordStep.statusCode !== 303 || session === undefined) throw new Error(`Password step answered ${passwordStep.statusCode}`);
  const cookie = `${SESSION_COOKIE}=${session}`;
  if (context.config.staffMfaRequired) {
    const codePage = await app.inject({ method: 'GET', url: '/medewerker/inloggen/code', headers: { host, cookie, accept: 'text/html' } });
    const codeStep = await app.inject({
      method: 'POST',
      url: '/medewerker/inloggen/code',
      headers: { host, cookie, accept: 'text/html' },
      payload: { _csrf: csrfTokenIn(codePage.body), code: totpCode(created.totpSecret) },
    });
    if (codeStep.statusCode !== 303) throw new Error(`Code step answered ${codeStep.statusCode}`);
  }
  const home = await app.inject({ method: 'GET', url: '/medewerker', headers: { host, cookie, accept: 'text/html' } });
  if (home.statusCode !== 200) throw new Error(`/medewerker answered ${home.statusCode} after sign-in`);
  return {
    user: created.user,
    password: created.password,
    totpSecret: created.totpSecret,
    cookie,
    csrfToken: csrfTokenIn(home.body),
    headers: { host, cookie },
  };
}
