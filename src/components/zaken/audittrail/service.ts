import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { presentAuditTrail, type AuditTrailJson } from '../../../platform/audit/present.ts';
import type { ZakenCaller } from '../shared/caller.ts';
import { assertMayUseZaak, findZaakRow } from '../shared/zaak-reference.ts';
import { findZaakAuditRecord, listZaakAuditTrail } from './repository.ts';

/*
 * `audittrail_list` and `audittrail_retrieve` of a zaak: every change to the zaak and its relations, oldest first.
 * Reading it needs `audittrails.lezen` for the zaak's zaaktype and vertrouwelijkheid (zrc-006). A zaak that does not
 * exist (or no longer: a destroyed zaak's trail goes with it, zrc-023) has an empty trail.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function assertMayRead(db: Kysely<Database>, caller: ZakenCaller, zaakUuid: string): Promise<boolean> {
  const zaak = await findZaakRow(db, caller.tenant.id, zaakUuid);
  if (!zaak) return false;
  assertMayUseZaak(caller.apiCaller, zaak, 'audittrails.lezen');
  return true;
}

/** `audittrail_list`: the zaak's audit trail. */
export async function listZaakAudit(db: Kysely<Database>, caller: ZakenCaller, zaakUuid: string): Promise<AuditTrailJson[]> {
  if (!UUID.test(zaakUuid)) return [];
  const uuid = zaakUuid.toLowerCase();
  if (!(await assertMayRead(db, caller, uuid))) return [];
  return (await listZaakAuditTrail(db, caller.tenant.id, uuid)).map(presentAuditTrail);
}

/** `audittrail_retrieve`: one record of the zaak's audit trail (404 for a record of another zaak). */
export async function retrieveZaakAudit(db: Kysely<Database>, caller: ZakenCaller, zaakUuid: string, uuid: string): Promise<AuditTrailJson> {
  const notFound = new ProblemError('not_found', `Audittrail ${uuid} van zaak ${zaakUuid} bestaat niet.`);
  if (!UUID.test(zaakUuid) || !UUID.test(uuid)) throw notFound;
  if (!(await assertMayRead(db, caller, zaakUuid.toLowerCase()))) throw notFound;
  const record = await findZaakAuditRecord(db, caller.tenant.id, zaakUuid.toLowerCase(), uuid.toLowerCase());
  if (!record) throw notFound;
  return presentAuditTrail(record);
}
