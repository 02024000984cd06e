import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../src/platform/database/schema.ts';
import { RESIDENT_SESSION_COOKIE, startResidentSession, type NewResidentSession } from '../src/platform/auth/resident-session.ts';
import { sessionIdHash } from '../src/platform/auth/staff-session.ts';
import { hostOf } from './fixtures.ts';

/** A resident (or business) with a portal session, ready to call Mijn omgeving with `app.inject`. */
export interface SignedInResident {
  /** `loket_inwoner=…`, for the Cookie header. */
  cookie: string;
  /** The session's CSRF token: send it as `_csrf` in every POST. */
  csrfToken: string;
  /** Host and Cookie headers for this tenant and session. */
  headers: { host: string; cookie: string };
}

/**
 * Starts a portal session directly, as a completed DigiD/eHerkenning sign-in would (the sign-in flow itself is tested
 * against a real OpenID Connect provider in src/portaal/inloggen). Defaults: a resident with BSN 999993653.
 */
export async function signInResident(db: Kysely<Database>, tenant: Tenant, identity: Partial<Omit<NewResidentSession, 'tenantId'>> = {}): Promise<SignedInResident> {
  const value = await startResidentSession(db, {
    tenantId: tenant.id,
    soort: identity.soort ?? 'bsn',
    identificatie: identity.identificatie ?? '999993653',
    naam: identity.naam ?? 'Suzanne Moulin',
    eMail: identity.eMail,
    middel: identity.middel ?? 'digid',
    betrouwbaarheidsniveau: identity.betrouwbaarheidsniveau,
  }, undefined);
  const row = await db.selectFrom('inwoner_sessies').select('csrf_token').where('tenant_id', '=', tenant.id).where('id_hash', '=', sessionIdHash(value)).executeTakeFirstOrThrow();
  const cookie = `${RESIDENT_SESSION_COOKIE}=${value}`;
  return { cookie, csrfToken: row.csrf_token, headers: { host: hostOf(tenant), cookie } };
}
