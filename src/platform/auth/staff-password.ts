import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { StaffUser } from '../database/schema.ts';
import { ARGON2_OPTIONS } from './staff-user-repository.ts';

let dummyHash: Promise<string> | undefined;

/** A hash of a random password with the same cost as real ones, made once per process. */
function dummy(): Promise<string> {
  dummyHash ??= hash(randomBytes(18).toString('base64url'), ARGON2_OPTIONS);
  return dummyHash;
}

/**
 * Verifies a password against an account's argon2id hash. For an unknown, disabled or
 * password-less account it verifies against a dummy hash and answers false, so the response time
 * does not reveal which e-mail addresses have an account.
 */
export async function verifyStaffPassword(user: StaffUser | undefined, password: string): Promise<boolean> {
  const usable = user !== undefined && user.disabled_at === null && user.password_hash !== null ? user.password_hash : undefined;
  const stored = usable ?? (await dummy());
  let matches: boolean;
  try {
    matches = await verify(stored, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a server error that would tell the account exists.
    matches = false;
  }
  return usable !== undefined && matches;
}
