import type { AuditEntry } from './record.ts';

/**
 * What the audit trail needs from a Fastify request. Structural, so it accepts a `FastifyRequest`
 * whether or not the staff session (`request.staff`) is declared on it yet.
 */
export interface AuditRequest {
  id: string;
  headers: Record<string, string | string[] | undefined>;
  tenant: { id: string };
  apiCaller: { clientId: string; userId: string; userRepresentation: string } | undefined;
  staff?: { userId: string; displayName: string } | null | undefined;
}

/** How Loket's own staff screens appear as the application in an audit record. */
export const STAFF_APPLICATION = { id: 'loket-medewerker', weergave: 'Loket medewerkerportaal' } as const;

/** The parts of an audit entry that describe the action itself rather than who asked for it. */
export type AuditAction = Omit<AuditEntry, 'tenantId' | 'applicatieId' | 'applicatieWeergave' | 'gebruikersId' | 'gebruikersWeergave' | 'toelichting' | 'requestId'>;

function headerValue(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value.join(', ') : (value ?? '')).trim();
}

/**
 * Builds the audit entry for an action done in a request: the application is the API client (or
 * Loket's staff screens), the user comes from the JWT's `user_id`/`user_representation` or from the
 * signed-in staff member, `toelichting` from the `X-Audit-Toelichting` header, and the request id joins
 * the record to the application logs.
 */
export function auditEntryFromRequest(request: AuditRequest, action: AuditAction): AuditEntry {
  const who = request.apiCaller
    ? { applicatieId: request.apiCaller.clientId, gebruikersId: request.apiCaller.userId, gebruikersWeergave: request.apiCaller.userRepresentation }
    : request.staff
      ? { applicatieId: STAFF_APPLICATION.id, applicatieWeergave: STAFF_APPLICATION.weergave, gebruikersId: request.staff.userId, gebruikersWeergave: request.staff.displayName }
      : { applicatieId: '', applicatieWeergave: '', gebruikersId: '', gebruikersWeergave: '' };
  return {
    ...action,
    ...who,
    tenantId: request.tenant.id,
    toelichting: headerValue(request.headers['x-audit-toelichting']),
    requestId: request.id,
  };
}
