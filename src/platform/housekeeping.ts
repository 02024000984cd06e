import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from './database/schema.ts';
import { removeOldAfspraken } from '../afspraken/retention.ts';

/** Failed and successful sign-in attempts are kept this long (for throttling and for investigating attacks). */
export const SIGN_IN_ATTEMPT_RETENTION_DAYS = 30;
const INTERVAL_MS = 10 * 60_000;

interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

/** Staff session time-outs, and those of the portal's resident sessions. */
export interface SessionPolicies extends SessionPolicy {
  resident?: SessionPolicy;
}

const DEFAULT_RESIDENT_POLICY: SessionPolicy = { idleMinutes: 15, absoluteHours: 4 };

/**
 * Removes what has outlived its use: sessions past their idle or absolute time-out (a user who never
 * comes back would otherwise leave them forever) and old sign-in attempts. Each statement is one
 * indexed delete, harmless when several processes run it at once.
 */
export async function removeExpiredAuthenticationData(
  db: Kysely<Database>,
  policy: SessionPolicies,
  now: Date = new Date(),
): Promise<{ sessions: number; residentSessions: number; signInAttempts: number }> {
  const sessions = await db
    .deleteFrom('staff_sessions')
    .where((eb) =>
      eb.or([eb('last_seen_at', '<', new Date(now.getTime() - policy.idleMinutes * 60_000)), eb('created_at', '<', new Date(now.getTime() - policy.absoluteHours * 3_600_000))]),
    )
    .executeTakeFirst();
  const resident = policy.resident ?? DEFAULT_RESIDENT_POLICY;
  const residentSessions = await db
    .deleteFrom('inwoner_sessies')
    .where((eb) =>
      eb.or([eb('last_seen_at', '<', new Date(now.getTime() - resident.idleMinutes * 60_000)), eb('created_at', '<', new Date(now.getTime() - resident.absoluteHours * 3_600_000))]),
    )
    .executeTakeFirst();
  const attempts = await db
    .deleteFrom('sign_in_attempts')
    .where('attempted_at', '<', new Date(now.getTime() - SIGN_IN_ATTEMPT_RETENTION_DAYS * 24 * 3_600_000))
    .executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), residentSessions: Number(residentSessions.numDeletedRows), signInAttempts: Number(attempts.numDeletedRows) };
}

/** Runs the housekeeping every ten minutes until stopped; a failed round is logged and retried next time. */
export function startHousekeeping(db: Kysely<Database>, policy: SessionPolicies, logger: Logger): () => void {
  const round = () => {
    removeExpiredAuthenticationData(db, policy).then(
      (removed) => {
        if (removed.sessions + removed.residentSessions + removed.signInAttempts > 0) logger.info({ event: 'housekeeping', ...removed }, 'expired authentication data removed');
      },
      (error: unknown) => logger.warn({ err: error }, 'housekeeping failed'),
    );
    removeOldAfspraken(db).then(
      (removed) => {
        if (removed > 0) logger.info({ event: 'housekeeping', afspraken: removed }, 'appointments past their retention removed');
      },
      (error: unknown) => logger.warn({ err: error }, 'housekeeping of appointments failed'),
    );
  };
  const timer = setInterval(round, INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
