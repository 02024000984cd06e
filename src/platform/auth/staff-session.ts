import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { STAFF_ROLES, type StaffRole } from '../http/route-policy.ts';
import { deleteStaffSession, findStaffSession, touchStaffSession } from './staff-session-repository.ts';

/** Name of the staff session cookie. */
export const SESSION_COOKIE = 'loket_sessie';

/** Activity is written back at most this often, so a busy page does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** The signed-in member of staff, set on `request.staff` for routes with `staffRoles`. */
export interface StaffIdentity {
  userId: string;
  tenantId: string;
  email: string;
  displayName: string;
  roles: StaffRole[];
  /** Per-session token that every state-changing form must send back as `_csrf`. */
  csrfToken: string;
}

/** How long a session lives: idle time-out and absolute time-out, both checked on the server. */
export interface StaffSessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export interface ActiveStaffSession {
  idHash: string;
  identity: StaffIdentity;
  /** False while only the password step has passed: such a session only reaches the code step. */
  mfaPassed: boolean;
}

/** What the browser's session cookie amounts to: nothing, a session that just ran out, or a live session. */
export type StaffSessionLookup = { state: 'none' } | { state: 'expired' } | { state: 'active'; session: ActiveStaffSession };

/** sha256 of a cookie value: only this is stored, so a leaked table row cannot be used as a cookie. */
export function sessionIdHash(cookieValue: string): string {
  return createHash('sha256').update(cookieValue, 'utf8').digest('hex');
}

/** A fresh random session id (32 bytes) and the hash to store. */
export function newSessionId(): { cookieValue: string; idHash: string } {
  const cookieValue = randomBytes(32).toString('base64url');
  return { cookieValue, idHash: sessionIdHash(cookieValue) };
}

/** The hash of the session cookie the request carries, if any (the staff cookie unless another is named). */
export function requestSessionHash(request: FastifyRequest, cookie: string = SESSION_COOKIE): string | undefined {
  const value = request.cookies[cookie];
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? sessionIdHash(value) : undefined;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, whole site, Secure over HTTPS; no expiry (the server decides). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, cookieValue: string): void {
  reply.setCookie(SESSION_COOKIE, cookieValue, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' });
}

/** Removes the session cookie from the browser. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' });
}

function knownRoles(roles: string[]): StaffRole[] {
  return STAFF_ROLES.filter((role) => roles.includes(role));
}

/**
 * Looks up the request's session for its tenant and enforces the time-outs: an idle or too old
 * session, or one of a disabled account, is deleted on the spot. Activity is recorded at most
 * once a minute.
 */
export async function loadStaffSession(db: Kysely<Database>, policy: StaffSessionPolicy, request: FastifyRequest, now: Date = new Date()): Promise<StaffSessionLookup> {
  const idHash = requestSessionHash(request);
  if (idHash === undefined) return { state: 'none' };
  const stored = await findStaffSession(db, request.tenant.id, idHash);
  if (!stored) return { state: 'none' };
  const idleMs = now.getTime() - stored.lastSeenAt.getTime();
  const ageMs = now.getTime() - stored.createdAt.getTime();
  if (stored.userDisabledAt !== null) {
    await deleteStaffSession(db, stored.tenantId, idHash);
    return { state: 'none' };
  }
  if (idleMs > policy.idleMinutes * 60_000 || ageMs > policy.absoluteHours * 3_600_000) {
    await deleteStaffSession(db, stored.tenantId, idHash);
    request.log.info({ event: 'staff.session_expired', tenantId: stored.tenantId, userId: stored.userId }, 'staff session expired');
    return { state: 'expired' };
  }
  if (idleMs >= TOUCH_INTERVAL_MS) await touchStaffSession(db, stored.tenantId, idHash, now);
  return {
    state: 'active',
    session: {
      idHash,
      mfaPassed: stored.mfaPassedAt !== null,
      identity: {
        userId: stored.userId,
        tenantId: stored.tenantId,
        email: stored.email,
        displayName: stored.displayName,
        roles: knownRoles(stored.roles),
        csrfToken: stored.csrfToken,
      },
    },
  };
}
