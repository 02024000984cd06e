import { hash } from '@node-rs/argon2';
import { authenticator } from 'otplib';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import { ARGON2_OPTIONS, generatePassword } from '../../../platform/auth/staff-user-repository.ts';
import type { StaffRole } from '../../../platform/http/route-policy.ts';

/*
 * The tenant's staff accounts as the beheerder keeps them: list, roles, blocking, and a new password or TOTP seed.
 * Every query is scoped to the tenant. Blocking and a new password end the account's sessions at once (the session
 * check also refuses a blocked account, this makes it immediate and leaves no session to reuse).
 */

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
  teams: string[];
}

export async function listStaffAccounts(db: Kysely<Database>, tenantId: string): Promise<StaffAccount[]> {
  const [users, teams] = await Promise.all([
    db.selectFrom('staff_users').select(['id', 'email', 'display_name', 'roles', 'disabled_at']).where('tenant_id', '=', tenantId).orderBy('display_name').orderBy('email').execute(),
    db.selectFrom('team_leden').innerJoin('teams', 'teams.id', 'team_leden.team_id').select(['team_leden.staff_user_id', 'teams.naam']).where('teams.tenant_id', '=', tenantId).orderBy('teams.naam').execute(),
  ]);
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    roles: user.roles,
    disabled: user.disabled_at !== null,
    teams: teams.filter((team) => team.staff_user_id === user.id).map((team) => team.naam),
  }));
}

export async function findStaffAccount(db: Kysely<Database>, tenantId: string, id: string): Promise<StaffAccount | undefined> {
  return (await listStaffAccounts(db, tenantId)).find((account) => account.id === id);
}

async function endSessions(db: Kysely<Database>, tenantId: string, userId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
}

export async function setStaffRoles(db: Kysely<Database>, tenantId: string, userId: string, roles: readonly StaffRole[]): Promise<void> {
  await db.updateTable('staff_users').set({ roles: [...roles] }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
}

/** Blocks (ending every session) or unblocks an account. */
export async function setStaffDisabled(db: Kysely<Database>, tenantId: string, userId: string, disabled: boolean): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_users').set({ disabled_at: disabled ? new Date() : null }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
    if (disabled) await endSessions(trx, tenantId, userId);
  });
}

/** A new generated password (returned once, stored as an argon2id hash); the account's sessions end. */
export async function resetStaffPassword(db: Kysely<Database>, tenantId: string, userId: string): Promise<string> {
  const password = generatePassword();
  const passwordHash = await hash(password, ARGON2_OPTIONS);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_users').set({ password_hash: passwordHash }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
    await endSessions(trx, tenantId, userId);
  });
  return password;
}

/** A new TOTP seed (returned once as an enrolment URI and key, stored encrypted); the account's sessions end. */
export async function resetStaffTotp(db: Kysely<Database>, keys: Keys, tenantId: string, userId: string, email: string, issuer: string): Promise<{ totpUri: string; totpSecret: string }> {
  const totpSecret = authenticator.generateSecret(20);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff_users').set({ totp_secret_encrypted: keys.encrypt(totpSecret), totp_last_step: null }).where('tenant_id', '=', tenantId).where('id', '=', userId).execute();
    await endSessions(trx, tenantId, userId);
  });
  return { totpSecret, totpUri: authenticator.keyuri(email, issuer, totpSecret) };
}
