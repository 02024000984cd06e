import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { recordAudit, type AuditActie, type AuditBody } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { parseExpand, withExpansions } from '../../besluiten/shared/expand.ts';
import { expandedOne, expandInformatieobjecten } from '../informatieobjecten/expand.ts';

export { expandedOne };
import { informatieobjectKenmerken, informatieobjectWeergave } from '../informatieobjecten/present.ts';
import { findDocument, findVersie, type DocumentRow } from '../informatieobjecten/repository.ts';
import { seesDocument } from './access.ts';
import type { DocumentenCaller } from './caller.ts';
import { informatieobjectUrl, informatieobjectUuidFromUrl } from './urls.ts';

/*
 * What gebruiksrechten, objectinformatieobjecten and verzendingen share: each points to one document of this API
 * (by uuid, so its URL follows the caller's host), is authorised through that document, is recorded in that
 * document's audit trail and published on kanaal `documenten` with the document as hoofdObject, and can expand it.
 */

/**
 * The document a body's `informatieobject` names (`bad-url` when it names none of the tenant's, or one that does not
 * exist for the caller: see `seesDocument`).
 */
export async function documentOfUrl(db: Kysely<Database>, caller: DocumentenCaller, url: string, options: { forUpdate?: boolean } = {}): Promise<{ document?: DocumentRow; problem?: InvalidParam }> {
  const uuid = informatieobjectUuidFromUrl(url);
  const document = uuid ? await findDocument(db, caller.tenant.id, uuid, options) : undefined;
  return document && seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie) ? { document } : { problem: { name: 'informatieobject', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand enkelvoudig informatieobject.' } };
}

/** Records a change of a relation in its document's audit trail (bron drc) and publishes it on kanaal `documenten`. */
export async function recordDocumentRelationChange(
  trx: Transaction<Database>,
  caller: DocumentenCaller,
  document: DocumentRow,
  base: string,
  change: { resource: string; resourceUrl: string; actie: AuditActie; resultaat: number; oud?: AuditBody; nieuw?: AuditBody },
): Promise<void> {
  const versie = await findVersie(trx, document, {});
  if (!versie) throw new Error(`document ${document.uuid} has no current version`);
  const hoofdObject = informatieobjectUrl(base, document.uuid);
  await recordAudit(trx, auditEntryFromRequest(caller, { bron: 'drc', hoofdObject, resourceWeergave: informatieobjectWeergave(versie), ...change }));
  await publishNotificatie(trx, caller.tenant.id, {
    kanaal: 'documenten',
    hoofdObject,
    resource: change.resource,
    resourceUrl: change.resourceUrl,
    actie: change.actie,
    kenmerken: informatieobjectKenmerken(versie, base),
  });
}

const RELATIONS = ['informatieobject'] as const;
type Relation = (typeof RELATIONS)[number];

/** What a relation resource's `expand` may name: its informatieobject (and deeper). A 400 for anything else. */
export function parseRelationExpand(value: string | undefined): Map<Relation, string | undefined> {
  return parseExpand(value, RELATIONS, () => true);
}

/** The same, for one resource: drc-013's 404. */
export function parseRelationExpandOfOne(value: string | undefined): Promise<Map<Relation, string | undefined>> {
  return expandedOne(() => parseRelationExpand(value));
}

/** Adds `_expand.informatieobject` to presented relations when asked. */
export function withInformatieobject<Row extends { document_uuid: string }, Json extends object>(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  rows: readonly Row[],
  presented: readonly Json[],
  asked: ReadonlyMap<Relation, string | undefined>,
) {
  return withExpansions(db, tenantId, base, rows, presented, asked, { informatieobject: (row: Row) => row.document_uuid }, { informatieobject: expandInformatieobjecten });
}
