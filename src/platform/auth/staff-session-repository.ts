import { sql, type InferResult, type Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { inTransaction } from '../database/transaction.ts';
import { prepared } from '../database/prepared.ts';

/** A stored staff session together with the account it belongs to, as read on every staff request. */
export interface StoredStaffSession {
  idHash: string;
  tenantId: string;
  userId: string;
  csrfToken: string;
  mfaPassedAt: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
  email: string;
  displayName: string;
  roles: string[];
  userDisabledAt: Date | null;
}

export interface NewStaffSession {
  idHash: string;
  tenantId: string;
  userId: string;
  csrfToken: string;
  mfaPassedAt: Date | null;
  now: Date;
  ip: string;
  userAgent: string;
  signInFormHash: string | null;
}

/** Finds a session of this tenant by the hash of its cookie value (a session never crosses tenants). */
export async function findStaffSession(db: Kysely<Database>, tenantId: string, idHash: string): Promise<StoredStaffSession | undefined> {
  // Prepared: read on every staff request, always the same text.
  const query = db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', (join) => join.onRef('u.id', '=', 's.user_id').onRef('u.tenant_id', '=', 's.tenant_id'))
    .select([
      's.id_hash',
      's.tenant_id',
      's.user_id',
      's.csrf_token',
      's.mfa_passed_at',
      's.created_at',
      's.last_seen_at',
      'u.email',
      'u.display_name',
      'u.roles',
      'u.disabled_at',
    ])
    .where('s.tenant_id', '=', tenantId)
    .where('s.id_hash', '=', idHash);
  const [row] = (await prepared(sql<InferResult<typeof query>[number]>`${query}`).execute(db)).rows;
  if (!row) return undefined;
  return {
    idHash: row.id_hash,
    tenantId: row.tenant_id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    mfaPassedAt: row.mfa_passed_at,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    userDisabledAt: row.disabled_at,
  };
}

/**
 * Starts a session after a successful first step, in one transaction with removing what it
 * supersedes: the session the browser held before (no fixation, no leftovers), the user's
 * half-finished sign-ins (password passed, code not yet), sessions created from the same sign-in
 * form (a double submit replaces rather than adds) and the user's expired sessions.
 */
export async function startStaffSession(
  db: Kysely<Database>,
  session: NewStaffSession,
  superseded: { previousIdHash: string | undefined; idleBefore: Date; createdBefore: Date },
): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (superseded.previousIdHash !== undefined) {
      await trx.deleteFrom('staff_sessions').where('tenant_id', '=', session.tenantId).where('id_hash', '=', superseded.previousIdHash).execute();
    }
    await trx
      .deleteFrom('staff_sessions')
      .where('tenant_id', '=', session.tenantId)
      .where('user_id', '=', session.userId)
      .where((eb) => {
        const conditions = [
          eb('mfa_passed_at', 'is', null),
          eb('last_seen_at', '<', superseded.idleBefore),
          eb('created_at', '<', superseded.createdBefore),
        ];
        if (session.signInFormHash !== null) conditions.push(eb('sign_in_form_hash', '=', session.signInFormHash));
        return eb.or(conditions);
      })
      .execute();
    await trx
      .insertInto('staff_sessions')
      .values({
        id_hash: session.idHash,
        tenant_id: session.tenantId,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        mfa_passed_at: session.mfaPassedAt,
        created_at: session.now,
        last_seen_at: session.now,
        ip: session.ip,
        user_agent: session.userAgent,
        sign_in_form_hash: session.signInFormHash,
      })
      .execute();
  });
}

/** Records activity; callers do this at most once a minute so a busy page does not write on every request. */
export async function touchStaffSession(db: Kysely<Database>, tenantId: string, idHash: string, now: Date): Promise<void> {
  await db.updateTable('staff_sessions').set({ last_seen_at: now }).where('tenant_id', '=', tenantId).where('id_hash', '=', idHash).execute();
}

/** Marks the second factor as passed; false when the session is gone or had already passed it. */
export async function markStaffSessionMfaPassed(db: Kysely<Database>, tenantId: string, idHash: string, now: Date): Promise<boolean> {
  const updated = await db
    .updateTable('staff_sessions')
    .set({ mfa_passed_at: now, last_seen_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id_hash', '=', idHash)
    .where('mfa_passed_at', 'is', null)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/** Ends one session (sign-out, time-out, disabled account). */
export async function deleteStaffSession(db: Kysely<Database>, tenantId: string, idHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('tenant_id', '=', tenantId).where('id_hash', '=', idHash).execute();
}
