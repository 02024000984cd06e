import { inTransaction } from '../../../platform/database/transaction.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { recordAudit, type AuditActie, type AuditBody } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { vertrouwelijkheidRank } from '../../../platform/auth/autorisaties.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import {
  DOCUMENTEN_AANMAKEN,
  DOCUMENTEN_BIJWERKEN,
  DOCUMENTEN_GEFORCEERD_BIJWERKEN,
  DOCUMENTEN_GEFORCEERD_UNLOCK,
  DOCUMENTEN_LEZEN,
  DOCUMENTEN_LOCK,
  DOCUMENTEN_VERWIJDEREN,
} from '../scopes.ts';
import { assertMayUseDocument, assertStaysReadable, documentAccess, mayUseDocument, seesDocument, type DocumentAccessFacts } from '../shared/access.ts';
import { isUniqueViolation, type DocumentenCaller } from '../shared/caller.ts';
import { findInformatieobjecttypeFacts, type InformatieobjecttypeFacts } from '../shared/catalogus-repository.ts';
import type { DocumentStorage } from '../storage/storage.ts';
import { besluitUuidFromUrl, informatieobjecttypeUuidFromUrl, informatieobjectUrl, isUuid, zaakUuidFromUrl } from '../shared/urls.ts';
import { expandedOne, parseDocumentExpand, presentDocumenten } from './expand.ts';
import { DATA_FIELDS, informatieobjectKenmerken, informatieobjectWeergave, presentInformatieobject, type InformatieobjectJson } from './present.ts';
import {
  bestandsdelenOf,
  blobInUse,
  blobsOfDocument,
  lockBlob,
  deleteAuditTrailOfDocument,
  deleteDocument,
  findDocument,
  findReadableCurrentDocuments,
  findVersie,
  findVersies,
  gereedVoorPublicatieOf,
  hasRelations,
  identificatieTaken,
  insertDocument,
  insertVersie,
  listDocumenten,
  replaceBestandsdelen,
  setLock,
  updateCurrentVersie,
  type CurrentDocument,
  type DocumentColumns,
  type DocumentRow,
  type VersieContent,
  type VersieRow,
} from './repository.ts';
import type { InformatieobjectInput, InformatieobjectListQuery, InformatieobjectPatch, InformatieobjectRetrieveQuery, ZoekInput } from './schemas.ts';

/*
 * Business rules of ENKELVOUDIGINFORMATIEOBJECT (drc-001, drc-005, drc-007, drc-008, drc-009, drc-010). Every change
 * makes a new version (the old ones stay readable with ?versie= and ?registratieOp=) and shares one transaction with
 * its audit record and its notification on kanaal `documenten`. The bytes go to the document storage before the
 * transaction; a blob that ends up unused (a failed write, a deleted document) is removed after it.
 */

/** What the document services need besides the request. */
export interface DocumentenDeps {
  db: Kysely<Database>;
  /** Pseudonymises the persons of the processing log (verzendingen). */
  keys: Pick<Keys, 'pseudonymise'>;
  storage: DocumentStorage;
  /** The size of one part of a chunked upload (`bestandsdelen`); the last part holds the rest. */
  partSize: number;
}

export const UPDATE_SCOPES = [DOCUMENTEN_BIJWERKEN, DOCUMENTEN_GEFORCEERD_BIJWERKEN] as const;
export const UNLOCK_SCOPES = [DOCUMENTEN_LOCK, DOCUMENTEN_GEFORCEERD_UNLOCK] as const;

export function documentNotFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Enkelvoudig informatieobject ${uuid} bestaat niet.`);
}

/** The facts access checks need, from a stored document. */
function accessFacts(document: DocumentRow): DocumentAccessFacts {
  return { informatieobjecttype_uuid: document.informatieobjecttype_uuid, vertrouwelijkheid_rank: document.vertrouwelijkheid_rank };
}

/**
 * The tenant's document, after checking the caller may use it with one of `scopes` (404, then 403). A document that
 * is not gereed voor publicatie does not exist for an applicatie that may only read those (404).
 */
export async function documentFor(db: Kysely<Database>, caller: DocumentenCaller, uuid: string, scopes: readonly string[], options: { forUpdate?: boolean } = {}): Promise<DocumentRow> {
  const document = isUuid(uuid) ? await findDocument(db, caller.tenant.id, uuid.toLowerCase(), options) : undefined;
  if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw documentNotFound(uuid);
  assertMayUseDocument(caller.apiCaller, accessFacts(document), scopes);
  return document;
}

/** The version a document's current row points to. */
async function currentVersie(db: Kysely<Database>, document: DocumentRow): Promise<VersieRow> {
  const versie = await findVersie(db, document, {});
  if (!versie) throw new Error(`document ${document.uuid} has no version ${document.versie}`);
  return versie;
}

/** Removes blobs no version or part of the tenant uses any more (after the transaction that let go of them). */
export async function removeUnusedBlobs(deps: DocumentenDeps, tenantId: string, blobs: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(blobs)) {
    await inTransaction(deps.db, async (trx) => {
      await lockBlob(trx, tenantId, sha256);
      if (!(await blobInUse(trx, tenantId, sha256))) await deps.storage.remove(tenantId, sha256);
    });
  }
}

/**
 * Inside the transaction that starts using stored blobs: takes their locks (see `lockBlob`) and checks they are
 * still there. A concurrent removal of the same bytes that came first makes this write fail (the client may try
 * again) rather than commit a document without its content.
 */
export async function claimBlobs(deps: DocumentenDeps, trx: Kysely<Database>, tenantId: string, blobs: Iterable<string>): Promise<void> {
  for (const sha256 of new Set(blobs)) {
    await lockBlob(trx, tenantId, sha256);
    if (!(await deps.storage.has(tenantId, sha256))) throw new ProblemError('conflict', 'De inhoud werd tegelijk elders verwijderd; probeer het opnieuw.');
  }
}

/** The sizes of the parts a file of `size` bytes is uploaded in. */
export function partSizes(size: number, partSize: number): number[] {
  const sizes: number[] = [];
  for (let offset = 0; offset < size; offset += partSize) sizes.push(Math.min(partSize, size - offset));
  return sizes;
}

function newLock(): string {
  return randomBytes(16).toString('hex');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes of a base64 `inhoud`, or a problem. */
function decodeInhoud(value: string): Buffer | InvalidParam {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return { name: 'inhoud', code: 'invalid', reason: 'De inhoud is geen geldige base64.' };
  return Buffer.from(compact, 'base64');
}

/** drc-001: the informatieobjecttype a body names must be a published one of the tenant's catalogue. */
async function resolveInformatieobjecttype(db: Kysely<Database>, tenantId: string, url: string): Promise<{ type?: InformatieobjecttypeFacts; problem?: InvalidParam }> {
  const uuid = informatieobjecttypeUuidFromUrl(url);
  const type = uuid ? await findInformatieobjecttypeFacts(db, tenantId, uuid) : undefined;
  if (!type) return { problem: { name: 'informatieobjecttype', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand informatieobjecttype.' } };
  if (type.concept) return { problem: { name: 'informatieobjecttype', code: 'not-published', reason: 'Het informatieobjecttype is nog niet gepubliceerd (concept).' } };
  return { type };
}

/** drc-005: with an ontvangstdatum, the status may not be `in_bewerking` or `ter_vaststelling`. */
function statusProblem(data: Record<string, unknown>): InvalidParam | undefined {
  if (data.ontvangstdatum === null || data.ontvangstdatum === undefined) return undefined;
  if (data.status !== 'in_bewerking' && data.status !== 'ter_vaststelling') return undefined;
  return { name: 'status', code: 'invalid_for_received', reason: "De statuswaarden 'in_bewerking' en 'ter_vaststelling' zijn niet van toepassing op ontvangen informatieobjecten." };
}

/** The defaults of the fields a client left out of a new document. */
const DEFAULTS: Record<string, unknown> = {
  identificatie: '',
  isGereedVoorPublicatie: null,
  tonenAanInitiator: false,
  status: '',
  inhoudIsVervallen: null,
  formaat: '',
  bestandsnaam: '',
  link: '',
  beschrijving: '',
  ontvangstdatum: null,
  verzenddatum: null,
  indicatieGebruiksrecht: null,
  verschijningsvorm: '',
  ondertekening: null,
  integriteit: null,
  trefwoorden: [],
};

/** The version data: the stored fields (or defaults) with the client's laid over them; drc-007 fills the aanduiding. */
function versionData(before: Record<string, unknown>, input: InformatieobjectPatch, type: InformatieobjecttypeFacts): Record<string, unknown> {
  const data: Record<string, unknown> = { ...DEFAULTS, ...before };
  for (const field of DATA_FIELDS) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined) data[field] = value;
  }
  if (data.vertrouwelijkheidaanduiding === '' || data.vertrouwelijkheidaanduiding === undefined) data.vertrouwelijkheidaanduiding = type.vertrouwelijkheidaanduiding;
  data.informatieobjecttypeUuid = type.uuid;
  return data;
}

function columnsOf(data: Record<string, unknown>, identificatie: string): DocumentColumns {
  return {
    identificatie,
    bronorganisatie: String(data.bronorganisatie),
    informatieobjecttype_uuid: String(data.informatieobjecttypeUuid),
    vertrouwelijkheid_rank: vertrouwelijkheidRank(String(data.vertrouwelijkheidaanduiding)),
    trefwoorden: Array.isArray(data.trefwoorden) ? data.trefwoorden.map(String) : [],
    is_gereed_voor_publicatie: gereedVoorPublicatieOf(data),
  };
}

function identificatieNotUnique(): InvalidParam {
  return { name: 'identificatie', code: 'identificatie-niet-uniek', reason: 'Deze identificatie bestaat al binnen de bronorganisatie.' };
}

/** The content a body brings: new bytes (already stored), a new chunked upload of some size, or nothing new. */
type NewContent = { kind: 'blob'; content: VersieContent } | { kind: 'chunked'; size: number } | { kind: 'none'; size: number | null | undefined };

/** Stores a base64 `inhoud` (before the transaction), or reads what the body says of a chunked upload. */
async function contentOf(deps: DocumentenDeps, tenantId: string, input: InformatieobjectPatch): Promise<{ content: NewContent; problems: InvalidParam[] }> {
  if (typeof input.inhoud === 'string') {
    const bytes = decodeInhoud(input.inhoud);
    if (!Buffer.isBuffer(bytes)) return { content: { kind: 'none', size: undefined }, problems: [bytes] };
    if (bytes.length === 0) return { content: { kind: 'blob', content: { inhoud_sha256: null, bestandsomvang: 0 } }, problems: [] };
    const blob = await deps.storage.put(tenantId, Readable.from([bytes]));
    return { content: { kind: 'blob', content: { inhoud_sha256: blob.sha256, bestandsomvang: blob.size } }, problems: [] };
  }
  if (typeof input.bestandsomvang === 'number' && input.bestandsomvang > 0) return { content: { kind: 'chunked', size: input.bestandsomvang }, problems: [] };
  return { content: { kind: 'none', size: input.bestandsomvang }, problems: [] };
}

function blobOf(content: NewContent): string[] {
  return content.kind === 'blob' && content.content.inhoud_sha256 !== null ? [content.content.inhoud_sha256] : [];
}

/** Records a change in the document's audit trail (bron drc) and publishes it on kanaal `documenten`. */
async function recordDocumentChange(
  trx: Transaction<Database>,
  caller: DocumentenCaller,
  versie: VersieRow,
  url: string,
  base: string,
  change: { actie: AuditActie; resultaat: number; oud?: AuditBody; nieuw?: AuditBody },
): Promise<void> {
  await recordAudit(
    trx,
    auditEntryFromRequest(caller, { bron: 'drc', hoofdObject: url, resource: 'enkelvoudiginformatieobject', resourceUrl: url, resourceWeergave: informatieobjectWeergave(versie), ...change }),
  );
  await publishNotificatie(trx, caller.tenant.id, {
    kanaal: 'documenten',
    hoofdObject: url,
    resource: 'enkelvoudiginformatieobject',
    resourceUrl: url,
    actie: change.actie,
    kenmerken: informatieobjectKenmerken(versie, base),
  });
}

/** What a list filter on `objectinformatieobjecten_object` names: a local zaak or besluit by uuid, else the URL. */
function objectFilter(url: string | undefined): { uuid: string | null; url: string } | undefined {
  if (url === undefined) return undefined;
  return { uuid: zaakUuidFromUrl(url) ?? besluitUuidFromUrl(url), url };
}

/** `enkelvoudiginformatieobject_list`: one page of the documents the caller may read (filtered in SQL). */
export async function listInformatieobjectPage(deps: DocumentenDeps, caller: DocumentenCaller, base: string, query: InformatieobjectListQuery): Promise<PaginatedList<InformatieobjectJson>> {
  const asked = parseDocumentExpand(query.expand);
  const window = pageRequest(query);
  const { count, rows } = await listDocumenten(
    deps.db,
    caller.tenant.id,
    {
      identificatie: query.identificatie,
      bronorganisatie: query.bronorganisatie,
      trefwoorden: query.trefwoorden?.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== ''),
      object: objectFilter(query.objectinformatieobjecten_object),
      objectType: query.objectinformatieobjecten_objectType,
      access: documentAccess(caller.apiCaller, DOCUMENTEN_LEZEN),
    },
    window,
  );
  return paginatedList(caller, window, count, await presentDocumenten(deps.db, caller.tenant.id, rows, base, asked));
}

/** `enkelvoudiginformatieobject__zoek`: the list filtered on uuids (and identificatie, bronorganisatie), paginated. */
export async function searchInformatieobjecten(deps: DocumentenDeps, caller: DocumentenCaller, base: string, input: ZoekInput, page: number | undefined): Promise<PaginatedList<InformatieobjectJson>> {
  const asked = parseDocumentExpand(input.expand);
  const window = pageRequest({ page });
  const { count, rows } = await listDocumenten(
    deps.db,
    caller.tenant.id,
    {
      uuids: input.uuid__in.map((uuid) => uuid.toLowerCase()),
      identificatie: input.identificatie,
      bronorganisatie: input.bronorganisatie,
      access: documentAccess(caller.apiCaller, DOCUMENTEN_LEZEN),
    },
    window,
  );
  return paginatedList(caller, window, count, await presentDocumenten(deps.db, caller.tenant.id, rows, base, asked));
}

/**
 * The version `?versie=` / `?registratieOp=` name (the current one without either); 404 when there is none, and for an
 * applicatie that may only read documents gereed voor publicatie, when that version was not: an older state of a
 * document is as much a document it may not read as a current one.
 */
export async function wantedVersie(db: Kysely<Database>, caller: DocumentenCaller, document: DocumentRow, query: { versie?: number; registratieOp?: string }): Promise<VersieRow> {
  let registratieOp: Date | undefined;
  if (query.registratieOp !== undefined) {
    registratieOp = new Date(query.registratieOp);
    if (Number.isNaN(registratieOp.getTime())) throw invalid([{ name: 'registratieOp', code: 'invalid', reason: 'Geef een datum-tijd in ISO 8601-formaat.' }]);
  }
  const versie = await findVersie(db, document, { versie: query.versie, registratieOp });
  if (!versie || !seesDocument(caller.apiCaller, gereedVoorPublicatieOf(versie.data))) throw new ProblemError('not_found', `Deze versie van enkelvoudig informatieobject ${document.uuid} bestaat niet.`);
  return versie;
}

/** `enkelvoudiginformatieobject_retrieve` / `_headers`: one version of a document the caller may read. */
export async function retrieveInformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, query: InformatieobjectRetrieveQuery): Promise<InformatieobjectJson> {
  const asked = await expandedOne(() => parseDocumentExpand(query.expand));
  const document = await documentFor(deps.db, caller, uuid, [DOCUMENTEN_LEZEN]);
  const versie = await wantedVersie(deps.db, caller, document, query);
  const [json] = await expandedOne(() => presentDocumenten(deps.db, caller.tenant.id, [{ document, versie }], base, asked));
  if (!json) throw new Error(`document ${uuid} vanished from its own presentation`);
  return json;
}

/**
 * Every version of one document the caller may read, newest first, each presented as a retrieve with `?versie=`
 * presents it: the same checks (404 for a document it may not see, 403 without `documenten.lezen` for its type and
 * vertrouwelijkheid), and a version a retrieve would answer with 404 (not gereed voor publicatie for a caller that
 * only sees those) left out. A fixed number of statements however many versions there are.
 */
export async function retrieveInformatieobjectVersies(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string): Promise<InformatieobjectJson[]> {
  const document = await documentFor(deps.db, caller, uuid, [DOCUMENTEN_LEZEN]);
  const versies = (await findVersies(deps.db, document)).filter((versie) => seesDocument(caller.apiCaller, gereedVoorPublicatieOf(versie.data)));
  return presentDocumenten(
    deps.db,
    caller.tenant.id,
    versies.map((versie) => ({ document, versie })),
    base,
    parseDocumentExpand(undefined),
  );
}

/**
 * The current versions of the documents among `uuids` that the caller may read, presented as a retrieve without
 * `expand` presents them, keyed by uuid; the ones a retrieve would answer with 404 or 403 are left out. A fixed
 * number of statements whatever the number of documents, for pages that show many documents at once.
 */
export async function retrieveReadableInformatieobjecten(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuids: readonly string[]): Promise<Map<string, InformatieobjectJson>> {
  const wanted = [...new Set(uuids.filter(isUuid).map((uuid) => uuid.toLowerCase()))];
  const rows = await findReadableCurrentDocuments(deps.db, caller.tenant.id, wanted, documentAccess(caller.apiCaller, DOCUMENTEN_LEZEN));
  const presented = await presentDocumenten(deps.db, caller.tenant.id, rows, base, parseDocumentExpand(undefined));
  const readable = new Map<string, InformatieobjectJson>();
  rows.forEach((row, index) => {
    const json = presented[index];
    if (json) readable.set(row.document.uuid, json);
  });
  return readable;
}

/**
 * `enkelvoudiginformatieobject_create`: a published informatieobjecttype (drc-001), the caller's `documenten.aanmaken`
 * for it at the document's vertrouwelijkheid (drc-007 derives it from the type when left out), drc-005, a unique
 * identificatie (generated when left out). `inhoud` as base64 is stored at once; a `bestandsomvang` without `inhoud`
 * starts a chunked upload: the document comes back locked, with its `bestandsdelen` to send.
 */
export async function createInformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, base: string, input: InformatieobjectInput): Promise<InformatieobjectJson & { lock: string }> {
  const tenantId = caller.tenant.id;
  const { type, problem } = await resolveInformatieobjecttype(deps.db, tenantId, input.informatieobjecttype);
  if (problem || !type) throw invalid(problem ? [problem] : []);
  const data = versionData({}, input, type);
  assertMayUseDocument(caller.apiCaller, { informatieobjecttype_uuid: type.uuid, vertrouwelijkheid_rank: vertrouwelijkheidRank(String(data.vertrouwelijkheidaanduiding)) }, [DOCUMENTEN_AANMAKEN]);
  // The standard only limits reading; creating a document the applicatie could not read back is refused (see access.ts).
  assertStaysReadable(caller.apiCaller, data.isGereedVoorPublicatie);
  const problems: InvalidParam[] = [];
  const status = statusProblem(data);
  if (status) problems.push(status);
  if (problems.length > 0) throw invalid(problems);
  const { content, problems: contentProblems } = await contentOf(deps, tenantId, input);
  if (contentProblems.length > 0) throw invalid(contentProblems);
  let committed = false;
  try {
    const json = await inTransaction(deps.db, async (trx) => {
      const given = typeof input.identificatie === 'string' && input.identificatie !== '';
      if (given && (await identificatieTaken(trx, tenantId, input.bronorganisatie, String(input.identificatie)))) throw invalid([identificatieNotUnique()]);
      const lock = content.kind === 'chunked' ? newLock() : '';
      const versieContent: VersieContent =
        content.kind === 'blob' ? content.content : { inhoud_sha256: null, bestandsomvang: content.kind === 'chunked' ? content.size : (content.size ?? null) };
      // A generated identificatie is the document's own uuid, unique by construction.
      const documentUuid = randomUUID();
      const identificatie = given ? String(input.identificatie) : documentUuid;
      await claimBlobs(deps, trx, tenantId, blobOf(content));
      const current = await insertDocument(trx, tenantId, documentUuid, columnsOf({ ...data, identificatie }, identificatie), { ...data, identificatie }, versieContent, lock);
      if (content.kind === 'chunked') await replaceBestandsdelen(trx, tenantId, current.document.uuid, partSizes(content.size, deps.partSize));
      const delen = await bestandsdelenOf(trx, tenantId, current.document.uuid);
      const presented = presentInformatieobject(current.document, current.versie, base, delen);
      await recordDocumentChange(trx, caller, current.versie, presented.url, base, { actie: 'create', resultaat: 201, nieuw: { ...presented } });
      return { ...presented, lock };
    });
    committed = true;
    return json;
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([identificatieNotUnique()]);
    throw error;
  } finally {
    if (!committed) await removeUnusedBlobs(deps, tenantId, blobOf(content));
  }
}

/** drc-009: a change needs the document's current lock. */
function lockProblem(document: DocumentRow, lock: string | undefined): InvalidParam | undefined {
  if (document.lock === '') return { name: 'nonFieldErrors', code: 'unlocked', reason: 'Een document dat niet gelockt is kan niet gewijzigd worden: lock het eerst.' };
  if (lock !== document.lock) return { name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Het lock id is niet correct.' };
  return undefined;
}

/**
 * `enkelvoudiginformatieobject_update` (PUT) and `_partial_update` (PATCH): drc-009/drc-010, the lock first; then a
 * new version with the client's fields laid over the current ones. New `inhoud` replaces the content; a new
 * `bestandsomvang` without `inhoud` starts a new chunked upload; otherwise the content carries over.
 */
export async function changeInformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, input: InformatieobjectPatch, partial: boolean): Promise<InformatieobjectJson> {
  const tenantId = caller.tenant.id;
  const checked = await documentFor(deps.db, caller, uuid, UPDATE_SCOPES);
  const lock = lockProblem(checked, input.lock);
  if (lock) throw invalid([lock]);
  const { content, problems: contentProblems } = await contentOf(deps, tenantId, input);
  if (contentProblems.length > 0) throw invalid(contentProblems);
  let committed = false;
  const released: string[] = [];
  try {
    const json = await inTransaction(deps.db, async (trx) => {
      // Locked, so a concurrent change cannot slip between the version this one builds on and its own.
      const document = await documentFor(trx, caller, uuid, UPDATE_SCOPES, { forUpdate: true });
      const stillLocked = lockProblem(document, input.lock);
      if (stillLocked) throw invalid([stillLocked]);
      const before = await currentVersie(trx, document);
      const problems: InvalidParam[] = [];
      let type: InformatieobjecttypeFacts | undefined;
      if (input.informatieobjecttype !== undefined) {
        const resolved = await resolveInformatieobjecttype(trx, tenantId, input.informatieobjecttype);
        if (resolved.problem) problems.push(resolved.problem);
        type = resolved.type;
      } else {
        type = await findInformatieobjecttypeFacts(trx, tenantId, document.informatieobjecttype_uuid);
      }
      if (problems.length > 0 || !type) throw invalid(problems);
      const data = versionData(before.data, input, type);
      const status = statusProblem(data);
      if (status) problems.push(status);
      const identificatie = String(data.identificatie);
      if (identificatie !== document.identificatie && (await identificatieTaken(trx, tenantId, String(data.bronorganisatie), identificatie, document.uuid))) problems.push(identificatieNotUnique());
      if (problems.length > 0) throw invalid(problems);
      // The new type and aanduiding must be within the caller's reach too.
      assertMayUseDocument(caller.apiCaller, { informatieobjecttype_uuid: type.uuid, vertrouwelijkheid_rank: vertrouwelijkheidRank(String(data.vertrouwelijkheidaanduiding)) }, UPDATE_SCOPES);
      // Nor may it take a document out of its own sight (isGereedVoorPublicatie false or null): see access.ts.
      assertStaysReadable(caller.apiCaller, data.isGereedVoorPublicatie);

      let versieContent: VersieContent = { inhoud_sha256: before.inhoud_sha256, bestandsomvang: before.bestandsomvang };
      if (content.kind === 'blob') {
        versieContent = content.content;
        released.push(...(await replaceBestandsdelen(trx, tenantId, document.uuid, [])));
      } else if (content.kind === 'chunked' && (input.inhoud === null || content.size !== before.bestandsomvang || before.inhoud_sha256 === null)) {
        versieContent = { inhoud_sha256: null, bestandsomvang: content.size };
        released.push(...(await replaceBestandsdelen(trx, tenantId, document.uuid, partSizes(content.size, deps.partSize))));
      } else if (content.kind === 'none' && content.size === 0) {
        versieContent = { inhoud_sha256: null, bestandsomvang: 0 };
      }
      if (versieContent.inhoud_sha256 !== null) await claimBlobs(deps, trx, tenantId, [versieContent.inhoud_sha256]);
      const after = await insertVersie(trx, document, columnsOf(data, identificatie), data, versieContent);
      const delen = await bestandsdelenOf(trx, tenantId, document.uuid);
      const json = presentInformatieobject(after.document, after.versie, base, delen);
      await recordDocumentChange(trx, caller, after.versie, json.url, base, {
        actie: partial ? 'partial_update' : 'update',
        resultaat: 200,
        oud: { ...presentInformatieobject(document, before, base) },
        nieuw: { ...json },
      });
      return json;
    });
    committed = true;
    return json;
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([identificatieNotUnique()]);
    throw error;
  } finally {
    await removeUnusedBlobs(deps, tenantId, committed ? released : blobOf(content));
  }
}

/**
 * `enkelvoudiginformatieobject_destroy`: drc-008, only without objectinformatieobjecten; the document, its versions,
 * gebruiksrechten, verzendingen and audit trail really go, and so do its bytes.
 */
export async function destroyInformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string): Promise<void> {
  const tenantId = caller.tenant.id;
  let blobs: string[] = [];
  await inTransaction(deps.db, async (trx) => {
    const document = await documentFor(trx, caller, uuid, [DOCUMENTEN_VERWIJDEREN], { forUpdate: true });
    if (await hasRelations(trx, tenantId, document.uuid)) {
      throw invalid([{ name: 'nonFieldErrors', code: 'pending-relations', reason: 'Het informatieobject heeft nog relaties met zaken, besluiten of andere objecten (objectinformatieobjecten).' }]);
    }
    const versie = await currentVersie(trx, document);
    blobs = await blobsOfDocument(trx, tenantId, document.uuid);
    await deleteDocument(trx, tenantId, document.uuid);
    await deleteAuditTrailOfDocument(trx, tenantId, document.uuid);
    const url = informatieobjectUrl(base, document.uuid);
    await publishNotificatie(trx, tenantId, { kanaal: 'documenten', hoofdObject: url, resource: 'enkelvoudiginformatieobject', resourceUrl: url, actie: 'destroy', kenmerken: informatieobjectKenmerken(versie, base) });
  });
  await removeUnusedBlobs(deps, tenantId, blobs);
}

/** `enkelvoudiginformatieobject_lock`: drc-009, an unguessable lock id; a locked document cannot be locked again. */
export async function lockInformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, uuid: string): Promise<{ lock: string }> {
  return inTransaction(deps.db, async (trx) => {
    const document = await documentFor(trx, caller, uuid, [DOCUMENTEN_LOCK], { forUpdate: true });
    if (document.lock !== '') throw invalid([{ name: 'nonFieldErrors', code: 'existing-lock', reason: 'Het document is al gelockt.' }]);
    const lock = newLock();
    await setLock(trx, document, lock);
    return { lock };
  });
}

/**
 * `enkelvoudiginformatieobject_unlock`: drc-009, with the lock id, or without it for an application that may force
 * (`documenten.geforceerd-unlock`). A chunked upload is completed here: every part must have arrived, and the parts
 * are joined (streamed, in order) into the version's content before the lock goes. A forced unlock of an
 * incomplete upload discards its parts, so no half document ever becomes the content.
 */
export async function unlockInformatieobject(deps: DocumentenDeps, caller: DocumentenCaller, uuid: string, lock: string | undefined): Promise<void> {
  const tenantId = caller.tenant.id;
  const checked = await documentFor(deps.db, caller, uuid, UNLOCK_SCOPES);
  const forced = mayUseDocument(caller.apiCaller, accessFacts(checked), [DOCUMENTEN_GEFORCEERD_UNLOCK]) && (lock === undefined || lock === '');
  if (!forced && lock !== checked.lock) throw invalid([{ name: 'nonFieldErrors', code: 'incorrect-lock-id', reason: 'Het lock id is niet correct.' }]);
  const delen = await bestandsdelenOf(deps.db, tenantId, checked.uuid);
  const complete = delen.every((deel) => deel.inhoud_sha256 !== null);
  if (delen.length > 0 && !complete && !forced) {
    throw invalid([{ name: 'nonFieldErrors', code: 'incomplete-upload', reason: 'Niet alle bestandsdelen zijn (volledig) geüpload.' }]);
  }
  let joined: VersieContent | undefined;
  if (delen.length > 0 && complete) {
    const storage = deps.storage;
    async function* parts(): AsyncGenerator<Uint8Array> {
      for (const deel of delen) yield* (await storage.open(tenantId, String(deel.inhoud_sha256))) as AsyncIterable<Uint8Array>;
    }
    const blob = await storage.put(tenantId, parts());
    joined = { inhoud_sha256: blob.sha256, bestandsomvang: blob.size };
  }
  let committed = false;
  const released: string[] = [];
  try {
    await inTransaction(deps.db, async (trx) => {
      const document = await documentFor(trx, caller, uuid, UNLOCK_SCOPES, { forUpdate: true });
      if (document.lock !== checked.lock || document.versie !== checked.versie) throw new ProblemError('conflict', 'Het document is intussen gewijzigd; probeer het opnieuw.');
      if (delen.length > 0) released.push(...(await replaceBestandsdelen(trx, tenantId, document.uuid, [])));
      if (joined?.inhoud_sha256) await claimBlobs(deps, trx, tenantId, [joined.inhoud_sha256]);
      if (joined) await updateCurrentVersie(trx, document, joined);
      await setLock(trx, document, '');
    });
    committed = true;
  } finally {
    await removeUnusedBlobs(deps, tenantId, committed ? released : joined?.inhoud_sha256 ? [joined.inhoud_sha256] : []);
  }
}

/** The content of the version a download asks for, as a verified stream, with the headers to send it with. */
export async function downloadInformatieobject(
  deps: DocumentenDeps,
  caller: DocumentenCaller,
  uuid: string,
  query: { versie?: number; registratieOp?: string },
): Promise<{ stream: Readable; size: number; bestandsnaam: string; formaat: string }> {
  const document = await documentFor(deps.db, caller, uuid, [DOCUMENTEN_LEZEN]);
  const versie = await wantedVersie(deps.db, caller, document, query);
  const bestandsnaam = String(versie.data.bestandsnaam ?? '');
  const formaat = String(versie.data.formaat ?? '');
  if (versie.inhoud_sha256 === null) {
    if (versie.bestandsomvang === 0) return { stream: Readable.from([]), size: 0, bestandsnaam, formaat };
    throw new ProblemError('not_found', 'Dit informatieobject heeft (nog) geen inhoud: een upload in delen is niet afgerond.');
  }
  return { stream: await deps.storage.open(caller.tenant.id, versie.inhoud_sha256), size: Number(versie.bestandsomvang), bestandsnaam, formaat };
}

/** The current document the caller may read, for the relation resources' `informatieobject` (403/404 as retrieve). */
export async function currentDocumentFor(db: Kysely<Database>, caller: DocumentenCaller, uuid: string, scopes: readonly string[]): Promise<CurrentDocument> {
  const document = await documentFor(db, caller, uuid, scopes);
  return { document, versie: await currentVersie(db, document) };
}
