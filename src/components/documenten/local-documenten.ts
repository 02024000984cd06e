import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import { uuidFromUrl } from '../../platform/auth/autorisaties.ts';
import { fetchOutboundJson, OutboundRequestError, type OutboundPolicy } from '../../platform/http/outbound-url.ts';
import type { Documenten as BesluitenDocumenten } from '../besluiten/shared/documenten.ts';
import type { Documenten as ZakenDocumenten, InformatieobjectFacts } from '../zaken/zaakinformatieobjecten/documenten.ts';
import { findDocument, findVersie } from './informatieobjecten/repository.ts';
import { deleteRelation, insertObjectinformatieobject, relationExists, type ObjectReference } from './objectinformatieobjecten/repository.ts';
import { informatieobjectUuidFromUrl } from './shared/urls.ts';

/*
 * Loket's own Documenten API as the Zaken and Besluiten APIs see it (their `Documenten` interfaces): whether an
 * informatieobject exists and of which type (zrc-003/zrc-017, brc-003/brc-008), and the OBJECTINFORMATIEOBJECT
 * mirror of their relations (zrc-005, brc-005), written in the caller's transaction so both relations exist or
 * neither does. A document of this tenant is found by its uuid; the Zaken API also relates documents of another
 * Documenten API by URL, and those are fetched (through the outbound URL guard) and mirrored by that API, not here.
 */

async function localFacts(db: Kysely<Database>, tenantId: string, uuid: string): Promise<InformatieobjectFacts | null> {
  const document = await findDocument(db, tenantId, uuid.toLowerCase());
  return document ? { informatieobjecttypeUuid: document.informatieobjecttype_uuid } : null;
}

/** A document of another Documenten API: exists when its URL answers 200 with an informatieobjecttype. */
async function remoteFacts(url: string, policy: OutboundPolicy): Promise<InformatieobjectFacts | null> {
  let document: unknown;
  try {
    document = await fetchOutboundJson(url, policy);
  } catch (error) {
    if (error instanceof OutboundRequestError) return null;
    throw error;
  }
  const type = typeof document === 'object' && document !== null ? (document as { informatieobjecttype?: unknown }).informatieobjecttype : undefined;
  if (typeof type !== 'string') return null;
  // A type outside Loket's catalogue has no uuid of ours: zrc-017 then finds it in no zaaktype.
  return { informatieobjecttypeUuid: uuidFromUrl(type) ?? '' };
}

async function link(trx: Kysely<Database>, tenantId: string, documentUuid: string, object: ObjectReference): Promise<void> {
  // Only this tenant's documents have their mirror here; a document of another API keeps its own.
  if (!(await findDocument(trx, tenantId, documentUuid))) return;
  if (await relationExists(trx, tenantId, documentUuid, object)) return;
  await insertObjectinformatieobject(trx, tenantId, documentUuid, object);
}

/** The Documenten API for the Zaken API. */
export function zakenDocumenten(outbound: OutboundPolicy): ZakenDocumenten {
  return {
    async findInformatieobject(db, tenantId, uuid, url) {
      const local = await localFacts(db, tenantId, uuid);
      if (local || url === undefined) return local;
      return remoteFacts(url, outbound);
    },
    linkZaak: (trx, tenantId, relation) => link(trx, tenantId, relation.informatieobjectUuid, { type: 'zaak', uuid: relation.zaakUuid }),
    unlinkZaak: (trx, tenantId, relation) => deleteRelation(trx, tenantId, relation.informatieobjectUuid, { type: 'zaak', uuid: relation.zaakUuid }),
  };
}

/** The Documenten API for the Besluiten API (which relates this tenant's documents only: it stores their uuids). */
export const BESLUITEN_DOCUMENTEN: BesluitenDocumenten = {
  findInformatieobject: localFacts,
  linkBesluit: (trx, tenantId, relation) => link(trx, tenantId, relation.informatieobjectUuid, { type: 'besluit', uuid: relation.besluitUuid }),
  unlinkBesluit: (trx, tenantId, relation) => deleteRelation(trx, tenantId, relation.informatieobjectUuid, { type: 'besluit', uuid: relation.besluitUuid }),
};

/**
 * zrc-022: the status of an informatieobject a zaak relates to, when it is a document of this tenant (by the uuid in
 * its URL); undefined when it is not, so the caller fetches it from its own Documenten API.
 */
export async function localInformatieobjectStatus(db: Kysely<Database>, tenantId: string, url: string): Promise<string | undefined> {
  const uuid = informatieobjectUuidFromUrl(url);
  const document = uuid ? await findDocument(db, tenantId, uuid) : undefined;
  if (!document) return undefined;
  const versie = await findVersie(db, document, {});
  return String(versie?.data.status ?? '');
}
