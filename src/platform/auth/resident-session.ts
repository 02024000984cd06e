import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { newCsrfToken } from './csrf.ts';
import { newSessionId, requestSessionHash, sessionIdHash } from './staff-session.ts';

/** Name of the portal session cookie (the staff cookie is another one: the two never mix). */
export const RESIDENT_SESSION_COOKIE = 'loket_inwoner';

/**
 * Activity is written back at most this often. Short, because the idle time-out is only 15 minutes and the page's
 * warning counts from the page's own load: the server's clock may run at most this far ahead of it.
 */
const TOUCH_INTERVAL_MS = 10_000;

/** How a resident's identity was vouched for. */
export type SignInMeans = 'digid' | 'eherkenning' | 'demo';

/** The signed-in resident (BSN, DigiD) or business (KvK number, eHerkenning), set on `request.resident`. */
export interface ResidentIdentity {
  tenantId: string;
  soort: 'bsn' | 'kvk';
  /** The BSN or KvK number. */
  identificatie: string;
  naam: string;
  eMail: string | undefined;
  middel: SignInMeans;
  betrouwbaarheidsniveau: string | undefined;
  /** Per-session token that every state-changing portal form of a signed-in resident sends back as `_csrf`. */
  csrfToken: string;
  /** When the session ends if the resident does nothing (shown in the page's time-out warning). */
  expiresAt: Date;
}

/** Idle and absolute time-outs, both checked on the server. */
export interface ResidentSessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export type ResidentSessionLookup = { state: 'none' } | { state: 'expired' } | { state: 'active'; identity: ResidentIdentity };

/** What a sign-in vouched for; becomes a session. */
export interface NewResidentSession {
  tenantId: string;
  soort: 'bsn' | 'kvk';
  identificatie: string;
  naam: string;
  eMail?: string;
  middel: SignInMeans;
  betrouwbaarheidsniveau?: string;
}

function cookieOptions(request: FastifyRequest) {
  return { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: request.protocol === 'https' };
}

/**
 * Starts a session for a verified identity and returns the cookie value. The session the browser held before is
 * removed in the same statement batch, so a sign-in never inherits an earlier session id (no fixation).
 */
export async function startResidentSession(db: Kysely<Database>, session: NewResidentSession, previousCookie: string | undefined, now: Date = new Date()): Promise<string> {
  const { cookieValue, idHash } = newSessionId();
  await db.transaction().execute(async (trx) => {
    if (previousCookie !== undefined) {
      await trx.deleteFrom('inwoner_sessies').where('tenant_id', '=', session.tenantId).where('id_hash', '=', sessionIdHash(previousCookie)).execute();
    }
    await trx
      .insertInto('inwoner_sessies')
      .values({
        id_hash: idHash,
        tenant_id: session.tenantId,
        soort: session.soort,
        identificatie: session.identificatie,
        naam: session.naam,
        e_mail: session.eMail ?? null,
        middel: session.middel,
        betrouwbaarheidsniveau: session.betrouwbaarheidsniveau ?? null,
        csrf_token: newCsrfToken(),
        created_at: now,
        last_seen_at: now,
      })
      .execute();
  });
  return cookieValue;
}

export function setResidentSessionCookie(request: FastifyRequest, reply: FastifyReply, cookieValue: string): void {
  reply.setCookie(RESIDENT_SESSION_COOKIE, cookieValue, cookieOptions(request));
}

export function clearResidentSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(RESIDENT_SESSION_COOKIE, cookieOptions(request));
}

/** Ends the request's session on the server (sign-out). */
export async function endResidentSession(db: Kysely<Database>, request: FastifyRequest): Promise<void> {
  const idHash = requestSessionHash(request, RESIDENT_SESSION_COOKIE);
  if (idHash !== undefined) await db.deleteFrom('inwoner_sessies').where('tenant_id', '=', request.tenant.id).where('id_hash', '=', idHash).execute();
}

/**
 * Looks up the request's portal session for its tenant and enforces the time-outs: an idle or too old session is
 * deleted on the spot. Every request of a live session counts as activity (written back every few seconds).
 */
export async function loadResidentSession(db: Kysely<Database>, policy: ResidentSessionPolicy, request: FastifyRequest, now: Date = new Date()): Promise<ResidentSessionLookup> {
  const idHash = requestSessionHash(request, RESIDENT_SESSION_COOKIE);
  if (idHash === undefined) return { state: 'none' };
  const row = await db.selectFrom('inwoner_sessies').selectAll().where('tenant_id', '=', request.tenant.id).where('id_hash', '=', idHash).executeTakeFirst();
  if (!row) return { state: 'none' };
  const idleMs = now.getTime() - row.last_seen_at.getTime();
  const ageMs = now.getTime() - row.created_at.getTime();
  if (idleMs > policy.idleMinutes * 60_000 || ageMs > policy.absoluteHours * 3_600_000) {
    await db.deleteFrom('inwoner_sessies').where('tenant_id', '=', row.tenant_id).where('id_hash', '=', idHash).execute();
    request.log.info({ event: 'resident.session_expired', tenantId: row.tenant_id, middel: row.middel }, 'resident session expired');
    return { state: 'expired' };
  }
  let lastSeen = row.last_seen_at;
  if (idleMs >= TOUCH_INTERVAL_MS) {
    await db.updateTable('inwoner_sessies').set({ last_seen_at: now }).where('tenant_id', '=', row.tenant_id).where('id_hash', '=', idHash).execute();
    lastSeen = now;
  }
  const idleEnd = lastSeen.getTime() + policy.idleMinutes * 60_000;
  const absoluteEnd = row.created_at.getTime() + policy.absoluteHours * 3_600_000;
  return {
    state: 'active',
    identity: {
      tenantId: row.tenant_id,
      soort: row.soort,
      identificatie: row.identificatie,
      naam: row.naam,
      eMail: row.e_mail ?? undefined,
      middel: row.middel as SignInMeans,
      betrouwbaarheidsniveau: row.betrouwbaarheidsniveau ?? undefined,
      csrfToken: row.csrf_token,
      expiresAt: new Date(Math.min(idleEnd, absoluteEnd)),
    },
  };
}
