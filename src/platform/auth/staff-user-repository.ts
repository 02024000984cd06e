import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { authenticator } from 'otplib';
import type { Kysely } from 'kysely';
import type { Database, StaffUser } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import type { StaffRole } from '../http/route-policy.ts';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
export const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface StaffUserInput {
  tenantId: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  /** Leave out to generate a strong one (returned once). */
  password?: string;
}

export interface CreatedStaffUser {
  user: StaffUser;
  password: string;
  /** TOTP enrolment for an authenticator app; shown once. */
  totpUri: string;
  totpSecret: string;
}

/** A readable random password (about 100 bits). */
export function generatePassword(): string {
  return randomBytes(16).toString('base64url').replace(/[-_]/g, 'x');
}

/** Creates a staff account with an argon2id password hash and a TOTP seed stored encrypted. */
export async function createStaffUser(db: Kysely<Database>, keys: Keys, input: StaffUserInput, issuer = 'Loket'): Promise<CreatedStaffUser> {
  const password = input.password ?? generatePassword();
  const totpSecret = authenticator.generateSecret(20);
  const user = await db
    .insertInto('staff_users')
    .values({
      tenant_id: input.tenantId,
      email: input.email.trim().toLowerCase(),
      display_name: input.displayName,
      password_hash: await hash(password, ARGON2_OPTIONS),
      totp_secret_encrypted: keys.encrypt(totpSecret),
      roles: input.roles,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { user, password, totpSecret, totpUri: authenticator.keyuri(user.email, issuer, totpSecret) };
}

export async function findStaffUserByEmail(db: Kysely<Database>, tenantId: string, email: string): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_users').selectAll().where('tenant_id', '=', tenantId).where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findStaffUserById(db: Kysely<Database>, tenantId: string, id: string): Promise<StaffUser | undefined> {
  return db.selectFrom('staff_users').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/**
 * Records `step` as the account's last accepted TOTP time step, but only when it is later than the
 * one recorded: returns false when the code's step was already used (a replay), also under a race.
 */
export async function recordTotpStep(db: Kysely<Database>, tenantId: string, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
