import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { fetchOutboundJson, OutboundRequestError, type OutboundPolicy } from '../../../platform/http/outbound-url.ts';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertMayUseDocument, documentAccess, seesDocument } from '../shared/access.ts';
import { isUniqueViolation, type DocumentenCaller } from '../shared/caller.ts';
import { documentOfUrl, expandedOne, parseRelationExpand, parseRelationExpandOfOne, recordDocumentRelationChange, withInformatieobject } from '../shared/relation.ts';
import { besluitUuidFromUrl, informatieobjectUrl, informatieobjectUuidFromUrl, isUuid, zaakUuidFromUrl } from '../shared/urls.ts';
import { findDocument } from '../informatieobjecten/repository.ts';
import type { DocumentenDeps } from '../informatieobjecten/service.ts';
import { presentObjectinformatieobject, type ObjectinformatieobjectJson } from './present.ts';
import {
  deleteObjectinformatieobject,
  findObjectinformatieobject,
  insertObjectinformatieobject,
  listObjectinformatieobjecten,
  relationExists,
  type ObjectReference,
} from './repository.ts';

/*
 * Business rules of OBJECTINFORMATIEOBJECT (drc-002, drc-003, drc-004). The relation mirrors a ZAAKINFORMATIEOBJECT,
 * BESLUITINFORMATIEOBJECT or VERZOEKINFORMATIEOBJECT, which leads. For a zaak or besluit of this Loket the Zaken and
 * Besluiten APIs keep the mirror themselves, in the transaction of their own relation (see ../local-documenten.ts):
 * a client can neither add nor remove one here without the source disagreeing (drc-004). For an object of another
 * API, the source is asked over HTTP (through the outbound URL guard) whether it has the relation.
 */

/** What the objectinformatieobjecten service needs besides the document services' own. */
export interface ObjectinformatieobjectDeps extends DocumentenDeps {
  outbound: OutboundPolicy;
}

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Objectinformatieobject ${uuid} bestaat niet.`);
}

const SOURCE_RELATIONS = { zaak: 'zaakinformatieobjecten', besluit: 'besluitinformatieobjecten', verzoek: 'verzoekinformatieobjecten' } as const;

/** The object a body's `object` names: ours by uuid when it is a zaak or besluit URL of this API's host. */
function objectReference(objectType: string, url: string, host: string): ObjectReference {
  let sameHost: boolean;
  try {
    sameHost = new URL(url).host === host;
  } catch {
    sameHost = false;
  }
  const uuid = objectType === 'zaak' ? zaakUuidFromUrl(url) : objectType === 'besluit' ? besluitUuidFromUrl(url) : null;
  return sameHost && uuid !== null ? { type: objectType, uuid } : { type: objectType, url };
}

async function fetchJson(url: string, policy: OutboundPolicy): Promise<unknown> {
  try {
    return await fetchOutboundJson(url, policy);
  } catch (error) {
    if (error instanceof OutboundRequestError) return undefined;
    throw error;
  }
}

/** drc-004: whether the object's own API lists the relation (`…/<type>informatieobjecten?<type>=…&informatieobject=…`). */
async function sourceHasRelation(objectUrl: string, objectType: keyof typeof SOURCE_RELATIONS, documentUrl: string, policy: OutboundPolicy): Promise<boolean | undefined> {
  const listUrl = new URL(objectUrl.replace(/\/[^/]+\/[^/]+\/?$/, `/${SOURCE_RELATIONS[objectType]}`));
  listUrl.search = new URLSearchParams({ [objectType]: objectUrl, informatieobject: documentUrl }).toString();
  const answer = await fetchJson(listUrl.toString(), policy);
  if (answer === undefined) return undefined;
  const results = Array.isArray(answer) ? answer : (answer as { results?: unknown }).results;
  return Array.isArray(results) && results.length > 0;
}

function inconsistent(reason: string): InvalidParam {
  return { name: 'nonFieldErrors', code: 'inconsistent-relation', reason };
}

/** `objectinformatieobject_list`: the relations of documents the caller may read (filtered in SQL), not paginated. */
export async function listObjectinformatieobjectAll(deps: DocumentenDeps, caller: DocumentenCaller, base: string, query: { object?: string; informatieobject?: string; expand?: string }): Promise<ObjectinformatieobjectJson[]> {
  const asked = parseRelationExpand(query.expand);
  const rows = await listObjectinformatieobjecten(deps.db, caller.tenant.id, {
    documentUuid: query.informatieobject === undefined ? undefined : informatieobjectUuidFromUrl(query.informatieobject),
    object: query.object === undefined ? undefined : { uuid: zaakUuidFromUrl(query.object) ?? besluitUuidFromUrl(query.object), url: query.object },
    access: documentAccess(caller.apiCaller, DOCUMENTEN_LEZEN),
  });
  return withInformatieobject(deps.db, caller.tenant.id, base, rows, rows.map((row) => presentObjectinformatieobject(row, base)), asked);
}

async function rowFor(db: Kysely<Database>, caller: DocumentenCaller, uuid: string, scopes: readonly string[]) {
  const row = isUuid(uuid) ? await findObjectinformatieobject(db, caller.tenant.id, uuid.toLowerCase()) : undefined;
  if (!row) throw notFound(uuid);
  const document = await findDocument(db, caller.tenant.id, row.document_uuid);
  if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw notFound(uuid);
  assertMayUseDocument(caller.apiCaller, document, scopes);
  return { row, document };
}

export async function retrieveObjectinformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, expand: string | undefined): Promise<ObjectinformatieobjectJson> {
  const asked = await parseRelationExpandOfOne(expand);
  const { row } = await rowFor(deps.db, caller, uuid, [DOCUMENTEN_LEZEN]);
  const [json] = await expandedOne(() => withInformatieobject(deps.db, caller.tenant.id, base, [row], [presentObjectinformatieobject(row, base)], asked));
  if (!json) throw notFound(uuid);
  return json;
}

/**
 * `objectinformatieobject_create`: drc-002 (the object exists), drc-003 (the pair is new) and drc-004 (the object's
 * own API has the relation). For a zaak or besluit of this Loket the mirror exists exactly when the source relation
 * does, so such a request is either a duplicate (drc-003) or has no source relation (drc-004).
 */
export async function createObjectinformatieobject(
  deps: ObjectinformatieobjectDeps,
  caller: DocumentenCaller,
  base: string,
  input: { informatieobject: string; object: string; objectType: 'zaak' | 'besluit' | 'verzoek' },
): Promise<ObjectinformatieobjectJson> {
  const tenantId = caller.tenant.id;
  const { document, problem } = await documentOfUrl(deps.db, caller, input.informatieobject);
  if (!document) throw invalid(problem ? [problem] : []);
  assertMayUseDocument(caller.apiCaller, document, [DOCUMENTEN_AANMAKEN]);
  const object = objectReference(input.objectType, input.object, caller.host);
  const duplicate = { name: 'nonFieldErrors', code: 'unique', reason: 'De combinatie van object en informatieobject bestaat al.' };
  if (await relationExists(deps.db, tenantId, document.uuid, object)) throw invalid([duplicate]);
  if (object.uuid !== undefined) throw invalid([inconsistent(`De ${input.objectType} heeft geen relatie met dit informatieobject: maak die in de bron-API aan, dan volgt deze relatie vanzelf.`)]);
  if ((await fetchJson(input.object, deps.outbound)) === undefined) {
    throw invalid([{ name: 'object', code: 'bad-url', reason: 'De URL van het object kon niet worden opgevraagd (geen HTTP 200 met JSON).' }]);
  }
  const inSource = await sourceHasRelation(input.object, input.objectType, informatieobjectUrl(`${caller.protocol}://${caller.host}/documenten/api/v1`, document.uuid), deps.outbound);
  if (inSource !== true) throw invalid([inconsistent('De relatie tussen het object en het informatieobject bestaat niet in de bron van het object.')]);
  try {
    return await inTransaction(deps.db, async (trx) => {
      const locked = await findDocument(trx, tenantId, document.uuid, { forUpdate: true });
      if (!locked) throw invalid(problem ? [problem] : []);
      const row = await insertObjectinformatieobject(trx, tenantId, document.uuid, object);
      const json = presentObjectinformatieobject(row, base);
      await recordDocumentRelationChange(trx, caller, locked, base, { resource: 'objectinformatieobject', resourceUrl: json.url, actie: 'create', resultaat: 201, nieuw: { ...json } });
      return json;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([duplicate]);
    throw error;
  }
}

/**
 * `objectinformatieobject_destroy`: only once the source no longer has the relation (drc-004 the other way round). For a
 * zaak or besluit of this Loket that never holds here: removing the zaak- or besluitinformatieobject removes this one.
 */
export async function destroyObjectinformatieobject(deps: ObjectinformatieobjectDeps, caller: DocumentenCaller, base: string, uuid: string): Promise<void> {
  const tenantId = caller.tenant.id;
  const { row } = await rowFor(deps.db, caller, uuid, [DOCUMENTEN_VERWIJDEREN]);
  if (row.object_uuid !== null) throw invalid([inconsistent(`De relatie bestaat nog in de bron: verwijder het ${row.object_type}informatieobject, dan verdwijnt deze relatie vanzelf.`)]);
  const objectType = row.object_type as keyof typeof SOURCE_RELATIONS;
  const inSource = await sourceHasRelation(String(row.object_url), objectType, informatieobjectUrl(`${caller.protocol}://${caller.host}/documenten/api/v1`, row.document_uuid), deps.outbound);
  if (inSource !== false) throw invalid([inconsistent('De relatie bestaat nog in de bron van het object (of de bron kon niet worden geraadpleegd).')]);
  await inTransaction(deps.db, async (trx) => {
    const document = await findDocument(trx, tenantId, row.document_uuid, { forUpdate: true });
    if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw notFound(uuid);
    await deleteObjectinformatieobject(trx, tenantId, row.uuid);
    const json = presentObjectinformatieobject(row, base);
    await recordDocumentRelationChange(trx, caller, document, base, { resource: 'objectinformatieobject', resourceUrl: json.url, actie: 'destroy', resultaat: 204, oud: { ...json } });
  });
}
