import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { ProblemError } from '../../../platform/errors/problem.ts';
import { presentAuditTrail, type AuditTrailJson } from '../../../platform/audit/present.ts';
import { findDocument } from '../informatieobjecten/repository.ts';
import { AUDITTRAILS_LEZEN } from '../scopes.ts';
import { assertMayUseDocument, seesDocument } from '../shared/access.ts';
import type { DocumentenCaller } from '../shared/caller.ts';
import { informatieobjectUrl, isUuid } from '../shared/urls.ts';
import { findDocumentAuditRecord, listDocumentAuditTrail, type DocumentAuditFilter } from './repository.ts';

/*
 * `audittrail_list` and `audittrail_retrieve` under a document: the history of the document and its relations (bron
 * drc), oldest first. Reading it needs `audittrails.lezen` for the document's informatieobjecttype and
 * vertrouwelijkheid, as the document itself does. A document that does not exist for the caller (none, or one an
 * applicatie with alleenIsGereedVoorPublicatie may not read) has an empty trail; such an applicatie does not see the
 * records that show the document in a state that was not gereed voor publicatie either. drc-008 removes the trail
 * of a deleted document. The records name the document by the URL of the host the writes came through.
 */

/** Whether the caller may read the document's trail: false when it does not exist for it, 403 without the scope. */
async function mayReadTrail(db: Kysely<Database>, caller: DocumentenCaller, documentUuid: string): Promise<boolean> {
  const document = await findDocument(db, caller.tenant.id, documentUuid);
  if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) return false;
  assertMayUseDocument(caller.apiCaller, document, [AUDITTRAILS_LEZEN]);
  return true;
}

function filterFor(caller: DocumentenCaller): DocumentAuditFilter {
  return { alleenGereedVoorPublicatie: caller.apiCaller.alleenIsGereedVoorPublicatie };
}

/** `audittrail_list`: the document's trail (empty for a document the caller cannot see; the spec lists no 404). */
export async function listInformatieobjectAudit(db: Kysely<Database>, caller: DocumentenCaller, base: string, documentUuid: string): Promise<AuditTrailJson[]> {
  if (!isUuid(documentUuid)) return [];
  const uuid = documentUuid.toLowerCase();
  if (!(await mayReadTrail(db, caller, uuid))) return [];
  return (await listDocumentAuditTrail(db, caller.tenant.id, informatieobjectUrl(base, uuid), filterFor(caller))).map(presentAuditTrail);
}

/** `audittrail_retrieve`: one record of the document's trail (404 for a record of another document). */
export async function retrieveInformatieobjectAudit(db: Kysely<Database>, caller: DocumentenCaller, base: string, documentUuid: string, uuid: string): Promise<AuditTrailJson> {
  const notFound = new ProblemError('not_found', `Auditregel ${uuid} bestaat niet bij dit informatieobject.`);
  if (!isUuid(documentUuid) || !isUuid(uuid)) throw notFound;
  const document = documentUuid.toLowerCase();
  if (!(await mayReadTrail(db, caller, document))) throw notFound;
  const record = await findDocumentAuditRecord(db, caller.tenant.id, informatieobjectUrl(base, document), uuid.toLowerCase(), filterFor(caller));
  if (!record) throw notFound;
  return presentAuditTrail(record);
}
