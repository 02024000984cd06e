import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { recordAudit, type AuditActie } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest, type AuditRequest } from '../../../platform/audit/request.ts';

/*
 * Every write to a part leaves an audit record (bron `ztc`) in its own transaction, in the audit trail of the
 * zaaktype it belongs to: the zaaktype is the main object, as a zaak is for its statussen. No notification: the
 * Catalogi API publishes on the kanalen `zaaktypen`, `besluittypen` and `informatieobjecttypen` for those main
 * resources only, and the reference implementation sends none for parts.
 */

/** One change to a part. */
export interface PartChange {
  /** The resource name: `statustype`, `resultaattype`, `roltype`, `eigenschap`, … */
  resource: string;
  actie: AuditActie;
  resultaat: number;
  url: string;
  zaaktypeUrl: string;
  weergave: string;
  oud?: Record<string, unknown> | null;
  nieuw?: Record<string, unknown> | null;
}

/** Records the change in the audit trail, inside the transaction `trx` that makes it. */
export async function recordPartChange(trx: Kysely<Database>, caller: AuditRequest, change: PartChange): Promise<void> {
  await recordAudit(
    trx,
    auditEntryFromRequest(caller, {
      bron: 'ztc',
      actie: change.actie,
      resultaat: change.resultaat,
      hoofdObject: change.zaaktypeUrl,
      resource: change.resource,
      resourceUrl: change.url,
      resourceWeergave: change.weergave,
      oud: change.oud ?? null,
      nieuw: change.nieuw ?? null,
    }),
  );
}
