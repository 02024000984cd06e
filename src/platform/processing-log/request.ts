import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import type { TraceContext } from '../http/trace-context.ts';
import { logProcessing, type LoggedProcessing, type ProcessingEntry } from './log.ts';

/**
 * What the processing log needs from a Fastify request. Structural, so it accepts a `FastifyRequest`
 * whether or not the staff session (`request.staff`) is declared on it, and needs nothing of a staff
 * member but their roles: the log records the kind of actor, never the person.
 */
export interface ProcessingRequest {
  tenant: { id: string };
  trace: TraceContext;
  apiCaller: { clientId: string } | undefined;
  staff?: { roles: readonly string[] } | null | undefined;
}

/** Actor of an unauthenticated request (a visitor of the public site). */
export const PUBLIC_ACTOR = 'publiek';

/**
 * The kind of actor behind a request: `medewerker:<rol>[,<rol>…]` for a staff member (roles only),
 * `applicatie:<client_id>` for an API client (the JWT's user_id is a person and stays out), else `publiek`.
 */
export function actorOf(request: Pick<ProcessingRequest, 'apiCaller' | 'staff'>): string {
  if (request.staff) {
    const roles = [...request.staff.roles].sort();
    return roles.length > 0 ? `medewerker:${roles.join(',')}` : 'medewerker';
  }
  if (request.apiCaller) return `applicatie:${request.apiCaller.clientId}`;
  return PUBLIC_ACTOR;
}

/** The entry fields a request supplies; `actor` may still be given to name a more specific kind (e.g. `inwoner`). */
export type RequestProcessingEntry = Omit<ProcessingEntry, 'tenantId' | 'trace' | 'actor' | 'foreignEntity'> & { actor?: string };

/**
 * Logs a Dataverwerking done for an HTTP request: tenant, trace context (a continued foreign trace
 * becomes `foreign_operation`, attributed to the calling API client) and actor come from the request.
 * Pass the transaction that makes the change.
 */
export async function logRequestProcessing(db: Kysely<Database>, keys: Pick<Keys, 'pseudonymise'>, request: ProcessingRequest, entry: RequestProcessingEntry): Promise<LoggedProcessing> {
  return logProcessing(db, keys, {
    ...entry,
    tenantId: request.tenant.id,
    trace: request.trace,
    actor: entry.actor ?? actorOf(request),
    foreignEntity: request.apiCaller ? `urn:loket:applicatie:${request.apiCaller.clientId}` : undefined,
  });
}
