import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { newCsrfToken } from './csrf.ts';
import { verifyStaffPassword } from './staff-password.ts';
import { newSessionId, type ActiveStaffSession, type StaffSessionPolicy } from './staff-session.ts';
import { deleteStaffSession, markStaffSessionMfaPassed, startStaffSession } from './staff-session-repository.ts';
import { DEFAULT_THROTTLE, findSignInLock, recordSignInAttempt, withAccountSignInLock, type SignInLock, type ThrottlePolicy } from './staff-sign-in-throttle.ts';
import { acceptTotpCode } from './staff-totp.ts';
import { findStaffUserByEmail, findStaffUserById } from './staff-user-repository.ts';

/** What the sign-in steps need, built once per app. */
export interface StaffSignInDeps {
  db: Kysely<Database>;
  keys: Keys;
  sessions: StaffSessionPolicy;
  mfaRequired: boolean;
  throttle?: ThrottlePolicy;
}

/** The request a sign-in step runs for: tenant, client and the session cookie it already carried. */
export interface SignInContext {
  tenantId: string;
  ip: string;
  userAgent: string;
  previousSessionHash: string | undefined;
  log: FastifyBaseLogger;
}

export type PasswordSignInResult =
  | { outcome: 'signed-in'; cookieValue: string; mfaPending: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'locked'; lock: SignInLock }
  | { outcome: 'no-second-factor' };

/** `session-gone`: the session ended (expired, or replaced by another sign-in) while the code was checked. */
export type CodeResult = { outcome: 'accepted' } | { outcome: 'wrong' } | { outcome: 'reused' } | { outcome: 'session-gone' } | { outcome: 'locked'; lock: SignInLock };

export type OidcSignInResult = { outcome: 'signed-in'; cookieValue: string } | { outcome: 'unknown-account' };

type SignInMethod = 'password' | 'password+totp' | 'oidc';

function logSignedIn(context: SignInContext, userId: string, method: SignInMethod): void {
  context.log.info({ event: 'staff.sign_in', tenantId: context.tenantId, userId, method, ip: context.ip }, 'staff member signed in');
}

function logFailed(context: SignInContext, reason: string, userId: string | undefined): void {
  // Never the password or code; the user id only when the account exists, never the typed e-mail address.
  context.log.warn({ event: 'staff.sign_in_failed', tenantId: context.tenantId, userId, reason, ip: context.ip }, 'staff sign-in failed');
}

async function createSession(deps: StaffSignInDeps, context: SignInContext, userId: string, mfaPassed: boolean, signInFormToken: string | undefined): Promise<string> {
  const now = new Date();
  const { cookieValue, idHash } = newSessionId();
  await startStaffSession(
    deps.db,
    {
      idHash,
      tenantId: context.tenantId,
      userId,
      csrfToken: newCsrfToken(),
      mfaPassedAt: mfaPassed ? now : null,
      now,
      ip: context.ip,
      userAgent: context.userAgent.slice(0, 500),
      signInFormHash: signInFormToken === undefined ? null : createHash('sha256').update(signInFormToken).digest('hex'),
    },
    {
      previousIdHash: context.previousSessionHash,
      idleBefore: new Date(now.getTime() - deps.sessions.idleMinutes * 60_000),
      createdBefore: new Date(now.getTime() - deps.sessions.absoluteHours * 3_600_000),
    },
  );
  return cookieValue;
}

/**
 * First step: e-mail address and password. Refuses while the account or address is locked,
 * counts every failure, and on success starts a new session (replacing whatever the browser or
 * this same form had) that still needs the code step when MFA is required.
 */
export async function signInWithPassword(
  deps: StaffSignInDeps,
  context: SignInContext,
  input: { email: string; password: string; signInFormToken: string },
): Promise<PasswordSignInResult> {
  return withAccountSignInLock(deps.db, context.tenantId, input.email, (trx) => passwordAttempt({ ...deps, db: trx }, context, input));
}

async function passwordAttempt(deps: StaffSignInDeps, context: SignInContext, input: { email: string; password: string; signInFormToken: string }): Promise<PasswordSignInResult> {
  const throttle = deps.throttle ?? DEFAULT_THROTTLE;
  const lock = await findSignInLock(deps.db, context.tenantId, input.email, context.ip, throttle);
  if (lock) {
    logFailed(context, 'locked', undefined);
    return { outcome: 'locked', lock };
  }
  const user = await findStaffUserByEmail(deps.db, context.tenantId, input.email);
  if (!(await verifyStaffPassword(user, input.password)) || !user) {
    await recordSignInAttempt(deps.db, { tenantId: context.tenantId, email: input.email, ip: context.ip, succeeded: false });
    logFailed(context, 'credentials', user?.id);
    return { outcome: 'invalid' };
  }
  if (deps.mfaRequired && user.totp_secret_encrypted === null) {
    logFailed(context, 'no_second_factor', user.id);
    return { outcome: 'no-second-factor' };
  }
  const cookieValue = await createSession(deps, context, user.id, !deps.mfaRequired, input.signInFormToken);
  if (!deps.mfaRequired) {
    // Only a complete sign-in restarts the count: a known password must not reset the code attempts.
    await recordSignInAttempt(deps.db, { tenantId: context.tenantId, email: user.email, ip: context.ip, succeeded: true });
    logSignedIn(context, user.id, 'password');
  }
  return { outcome: 'signed-in', cookieValue, mfaPending: deps.mfaRequired };
}

/**
 * Second step: the six-digit code for a session whose password step passed. Code failures count
 * towards the same lock as password failures; a code is accepted once per time step.
 */
export async function confirmTotpCode(deps: StaffSignInDeps, context: SignInContext, session: ActiveStaffSession, code: string): Promise<CodeResult> {
  return withAccountSignInLock(deps.db, context.tenantId, session.identity.email, (trx) => codeAttempt({ ...deps, db: trx }, context, session, code));
}

async function codeAttempt(deps: StaffSignInDeps, context: SignInContext, session: ActiveStaffSession, code: string): Promise<CodeResult> {
  const throttle = deps.throttle ?? DEFAULT_THROTTLE;
  const { identity } = session;
  const lock = await findSignInLock(deps.db, context.tenantId, identity.email, context.ip, throttle);
  if (lock) {
    logFailed(context, 'locked', identity.userId);
    return { outcome: 'locked', lock };
  }
  const user = await findStaffUserById(deps.db, context.tenantId, identity.userId);
  const outcome = user ? await acceptTotpCode(deps.db, deps.keys, user, code) : 'wrong';
  if (outcome !== 'accepted') {
    await recordSignInAttempt(deps.db, { tenantId: context.tenantId, email: identity.email, ip: context.ip, succeeded: false });
    logFailed(context, outcome === 'reused' ? 'totp_reused' : 'totp', identity.userId);
    return { outcome };
  }
  if (!(await markStaffSessionMfaPassed(deps.db, context.tenantId, session.idHash, new Date()))) return { outcome: 'session-gone' };
  await recordSignInAttempt(deps.db, { tenantId: context.tenantId, email: identity.email, ip: context.ip, succeeded: true });
  logSignedIn(context, identity.userId, 'password+totp');
  return { outcome: 'accepted' };
}

/**
 * Sign-in through the organisation's identity broker: the verified e-mail address must belong to
 * an active staff account of this tenant (no accounts are created). The broker enforces MFA, so
 * the session starts complete.
 */
export async function signInWithOidc(deps: StaffSignInDeps, context: SignInContext, email: string): Promise<OidcSignInResult> {
  const user = await findStaffUserByEmail(deps.db, context.tenantId, email);
  if (!user || user.disabled_at !== null) {
    logFailed(context, 'oidc_unknown_account', user?.id);
    return { outcome: 'unknown-account' };
  }
  const cookieValue = await createSession(deps, context, user.id, true, undefined);
  await recordSignInAttempt(deps.db, { tenantId: context.tenantId, email: user.email, ip: context.ip, succeeded: true });
  logSignedIn(context, user.id, 'oidc');
  return { outcome: 'signed-in', cookieValue };
}

/** Ends a session and records it. */
export async function signOut(deps: StaffSignInDeps, context: SignInContext, session: ActiveStaffSession): Promise<void> {
  await deleteStaffSession(deps.db, context.tenantId, session.idHash);
  context.log.info({ event: 'staff.sign_out', tenantId: context.tenantId, userId: session.identity.userId, ip: context.ip }, 'staff member signed out');
}
