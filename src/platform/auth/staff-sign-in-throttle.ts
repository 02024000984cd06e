import { sql, type Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';

/** Limits on failed sign-ins (password or code), per account and per IP address, within one tenant. */
export interface ThrottlePolicy {
  /** Failures of one account within the window that lock it. */
  accountFailures: number;
  /** Failures from one IP address within the window (any account) that lock the address. */
  ipFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { accountFailures: 5, ipFailures: 20, windowMinutes: 15, lockMinutes: 15 };

/**
 * When a lock ends, given the most recent failures (newest first): locked when the last
 * `threshold` failures fell within one window, until `lockMinutes` after the newest of them.
 * Pure, so the rule is tested apart from the database.
 */
export function lockedUntil(failuresNewestFirst: Date[], threshold: number, policy: ThrottlePolicy, now: Date): Date | undefined {
  const newest = failuresNewestFirst[0];
  const oldest = failuresNewestFirst[threshold - 1];
  if (newest === undefined || oldest === undefined) return undefined;
  if (newest.getTime() - oldest.getTime() > policy.windowMinutes * 60_000) return undefined;
  const until = new Date(newest.getTime() + policy.lockMinutes * 60_000);
  return until > now ? until : undefined;
}

/** A lock in force: whole minutes left (at least 1), for the message and Retry-After. */
export interface SignInLock {
  until: Date;
  minutesLeft: number;
}

function asLock(until: Date, now: Date): SignInLock {
  return { until, minutesLeft: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) };
}

/** Normalised form in which an e-mail address is counted (the same for known and unknown accounts). */
export function attemptEmail(email: string): string {
  return email.trim().toLowerCase().slice(0, 320);
}

/**
 * The lock on this account or this IP address, if any. An account's count restarts after its last
 * successful sign-in; unknown addresses are counted like known ones, so a lock reveals nothing.
 */
export async function findSignInLock(db: Kysely<Database>, tenantId: string, email: string, ip: string, policy: ThrottlePolicy = DEFAULT_THROTTLE, now: Date = new Date()): Promise<SignInLock | undefined> {
  // Failures older than a window plus a lock can no longer cause a lock.
  const horizon = new Date(now.getTime() - (policy.windowMinutes + policy.lockMinutes) * 60_000);
  const account = attemptEmail(email);
  const lastSuccess = await db
    .selectFrom('sign_in_attempts')
    .select((eb) => eb.fn.max('attempted_at').as('at'))
    .where('tenant_id', '=', tenantId)
    .where('email', '=', account)
    .where('succeeded', '=', true)
    .where('attempted_at', '>', horizon)
    .executeTakeFirst();
  const since = lastSuccess?.at ? new Date(lastSuccess.at) : horizon;
  const accountFailures = await db
    .selectFrom('sign_in_attempts')
    .select('attempted_at')
    .where('tenant_id', '=', tenantId)
    .where('email', '=', account)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .orderBy('attempted_at', 'desc')
    .limit(policy.accountFailures)
    .execute();
  const ipFailures = await db
    .selectFrom('sign_in_attempts')
    .select('attempted_at')
    .where('tenant_id', '=', tenantId)
    .where('ip', '=', ip)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', horizon)
    .orderBy('attempted_at', 'desc')
    .limit(policy.ipFailures)
    .execute();
  const locks = [
    lockedUntil(accountFailures.map((row) => row.attempted_at), policy.accountFailures, policy, now),
    lockedUntil(ipFailures.map((row) => row.attempted_at), policy.ipFailures, policy, now),
  ].filter((until): until is Date => until !== undefined);
  if (locks.length === 0) return undefined;
  return asLock(new Date(Math.max(...locks.map((until) => until.getTime()))), now);
}

/** Records one sign-in outcome; a success restarts the account's count. */
export async function recordSignInAttempt(db: Kysely<Database>, attempt: { tenantId: string; email: string; ip: string; succeeded: boolean }, now: Date = new Date()): Promise<void> {
  await db
    .insertInto('sign_in_attempts')
    .values({ tenant_id: attempt.tenantId, email: attemptEmail(attempt.email), ip: attempt.ip, succeeded: attempt.succeeded, attempted_at: now })
    .execute();
}

/**
 * Runs one sign-in attempt for an account under a per-account lock, inside one transaction: the
 * lock check, the verification and the recorded outcome. Without it, parallel requests would all
 * pass the check before any failure is counted, and a burst of code guesses could outrun the lock.
 */
export async function withAccountSignInLock<T>(db: Kysely<Database>, tenantId: string, email: string, attempt: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${tenantId}:${attemptEmail(email)}`}, 0))`.execute(trx);
    return attempt(trx);
  });
}
