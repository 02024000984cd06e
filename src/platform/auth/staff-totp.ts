import { authenticator } from 'otplib';
import type { Kysely } from 'kysely';
import type { Database, StaffUser } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { recordTotpStep } from './staff-user-repository.ts';

/** RFC 6238 time step of authenticator apps. */
const STEP_SECONDS = 30;
/** One step either side: tolerates a phone clock that is up to half a minute off, and typing time. */
const WINDOW_STEPS = 1;

/** Normalises what people type: spaces and dashes some apps show between digit groups are dropped. */
export function normaliseTotpCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Whether the input looks like a code at all (six digits), before any checking. */
export function isTotpCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** The time step a valid code belongs to (±1 step around `now`), or undefined when it is wrong. */
export function matchTotpStep(secret: string, code: string, now: number): number | undefined {
  if (!isTotpCodeShape(code)) return undefined;
  const delta = authenticator.clone({ window: WINDOW_STEPS, epoch: now, step: STEP_SECONDS }).checkDelta(code, secret);
  if (delta === null) return undefined;
  return Math.floor(now / 1000 / STEP_SECONDS) + delta;
}

export type TotpOutcome = 'accepted' | 'wrong' | 'reused';

/**
 * Checks a code against the account's encrypted seed and, when it is valid, records its time step
 * atomically: a code whose step was already accepted (a replay, or a second tab) is 'reused'.
 */
export async function acceptTotpCode(db: Kysely<Database>, keys: Keys, user: StaffUser, code: string, now: number = Date.now()): Promise<TotpOutcome> {
  if (user.totp_secret_encrypted === null) return 'wrong';
  const step = matchTotpStep(keys.decrypt(user.totp_secret_encrypted), code, now);
  if (step === undefined) return 'wrong';
  return (await recordTotpStep(db, user.tenant_id, user.id, step)) ? 'accepted' : 'reused';
}
