import { inTransaction } from '../../../platform/database/transaction.ts';
import { Transaction, type Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { recordAudit, type AuditActie } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import type { CatalogiCaller } from './caller.ts';

/*
 * Every write to a catalogue type leaves, in its own transaction, an audit record (bron `ztc`) and a notification
 * on the type's kanaal with the kenmerk `catalogus` (the Catalogi API 1.3 kanalen `zaaktypen`, `besluittypen`
 * and `informatieobjecttypen`).
 */

/**
 * Runs `work` in the caller's transaction when `db` is one (an import that creates a whole catalogue at once),
 * otherwise in a new transaction.
 */
export async function inWriteTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db instanceof Transaction ? work(db) : inTransaction(db, work);
}

/** One change to a catalogue type, as the audit trail and the notification describe it. */
export interface TypeChange {
  kanaal: 'zaaktypen' | 'besluittypen' | 'informatieobjecttypen';
  /** The resource name in the audit record and notification: `zaaktype`, `besluittype`, `informatieobjecttype`. */
  resource: string;
  /** The notification's actie: the audit actie, or `publish`. */
  actie: AuditActie | 'publish';
  resultaat: number;
  url: string;
  catalogusUrl: string;
  weergave: string;
  oud?: Record<string, unknown> | null;
  nieuw?: Record<string, unknown> | null;
}

/** Records the change in the audit trail and publishes its notification, both inside `trx`. */
export async function recordTypeChange(trx: Transaction<Database>, caller: CatalogiCaller, change: TypeChange): Promise<void> {
  // The audit trail knows the standard's actions only; publishing changes one attribute (concept), a partial update.
  const auditActie: AuditActie = change.actie === 'publish' ? 'partial_update' : change.actie;
  await recordAudit(
    trx,
    auditEntryFromRequest(caller, {
      bron: 'ztc',
      actie: auditActie,
      resultaat: change.resultaat,
      hoofdObject: change.url,
      resource: change.resource,
      resourceUrl: change.url,
      resourceWeergave: change.weergave,
      oud: change.oud ?? null,
      nieuw: change.nieuw ?? null,
    }),
  );
  await publishNotificatie(trx, caller.tenant.id, {
    kanaal: change.kanaal,
    hoofdObject: change.url,
    resource: change.resource,
    resourceUrl: change.url,
    actie: change.actie,
    kenmerken: { catalogus: change.catalogusUrl },
  });
}
