import { sql, type Kysely, type Selectable } from 'kysely';
import type { AudittrailTable, Database } from '../database/schema.ts';

/** ZGW `BronEnum`: the component in which the change was made. */
export type AuditBron = 'ac' | 'nrc' | 'zrc' | 'ztc' | 'drc' | 'brc' | 'cmc' | 'kc' | 'vrc';

/** The actions the standard names for `actie` (other values are allowed, but Loket uses these). */
export type AuditActie = 'create' | 'list' | 'retrieve' | 'destroy' | 'update' | 'partial_update';

/** `actieWeergave`, in the words of the standard's own explanation of `actie`. */
export const ACTIE_WEERGAVE: Record<AuditActie, string> = {
  create: 'Object aangemaakt',
  list: 'Lijst van objecten opgehaald',
  retrieve: 'Object opgehaald',
  destroy: 'Object verwijderd',
  update: 'Object bijgewerkt',
  partial_update: 'Object deels bijgewerkt',
};

/** A stored audit record. */
export type AuditRecord = Selectable<AudittrailTable>;

/** The full JSON body of a resource before or after the action. */
export type AuditBody = Record<string, unknown>;

/** One audited action on an API resource. */
export interface AuditEntry {
  tenantId: string;
  bron: AuditBron;
  /** The API client (`client_id`); `applicatieWeergave` defaults to the client's label in this tenant. */
  applicatieId: string;
  applicatieWeergave?: string;
  /** The person: the JWT's `user_id`/`user_representation`, or the signed-in staff member. */
  gebruikersId: string;
  gebruikersWeergave: string;
  actie: AuditActie;
  /** HTTP status of the response. */
  resultaat: number;
  /** URL of the main object (the zaak, besluit, informatieobject) whose audit trail this joins. */
  hoofdObject: string;
  /** Resource type, e.g. `zaak`, `status`, `rol`. */
  resource: string;
  resourceUrl: string;
  resourceWeergave: string;
  /** Why the action was done (header `X-Audit-Toelichting`). */
  toelichting?: string;
  /** Request id, to join the record to the application logs. */
  requestId?: string;
  oud?: AuditBody | null;
  nieuw?: AuditBody | null;
}

// The standard's maxLength per field: a longer name from a client token must not make our own responses invalid.
const LIMITS = { applicatieId: 100, applicatieWeergave: 200, gebruikersId: 255, gebruikersWeergave: 255, resource: 50, resourceWeergave: 200 } as const;

function clip(value: string, max: number): string {
  return [...value].length > max ? [...value].slice(0, max).join('') : value;
}

/**
 * Stores an audit record. Call it with the transaction that makes the change, so the record exists
 * exactly when the change does.
 */
export async function recordAudit(trx: Kysely<Database>, entry: AuditEntry): Promise<AuditRecord> {
  if (!Number.isInteger(entry.resultaat) || entry.resultaat < 100 || entry.resultaat > 599) throw new Error(`Audit resultaat must be an HTTP status, not ${entry.resultaat}`);
  const applicatieId = clip(entry.applicatieId, LIMITS.applicatieId);
  const applicatieWeergave =
    entry.applicatieWeergave !== undefined
      ? clip(entry.applicatieWeergave, LIMITS.applicatieWeergave)
      : sql<string>`left(coalesce((SELECT nullif(label, '') FROM api_clients WHERE tenant_id = ${entry.tenantId} AND client_id = ${entry.applicatieId}), ${applicatieId}), ${LIMITS.applicatieWeergave})`;
  return trx
    .insertInto('audittrail')
    .values({
      tenant_id: entry.tenantId,
      bron: entry.bron,
      applicatie_id: applicatieId,
      applicatie_weergave: applicatieWeergave,
      gebruikers_id: clip(entry.gebruikersId, LIMITS.gebruikersId),
      gebruikers_weergave: clip(entry.gebruikersWeergave, LIMITS.gebruikersWeergave),
      actie: entry.actie,
      actie_weergave: ACTIE_WEERGAVE[entry.actie],
      resultaat: entry.resultaat,
      hoofd_object: entry.hoofdObject,
      resource: clip(entry.resource, LIMITS.resource),
      resource_url: entry.resourceUrl,
      resource_weergave: clip(entry.resourceWeergave, LIMITS.resourceWeergave),
      toelichting: entry.toelichting ?? '',
      request_id: entry.requestId ?? '',
      // now() is the transaction's start: several records of one transaction need distinct times to keep their order.
      aanmaakdatum: sql<Date>`clock_timestamp()`,
      oud: entry.oud ? JSON.stringify(entry.oud) : null,
      nieuw: entry.nieuw ? JSON.stringify(entry.nieuw) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
