import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { logRequestProcessing } from '../../../platform/processing-log/request.ts';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_BIJWERKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertMayUseDocument, documentAccess, seesDocument } from '../shared/access.ts';
import type { DocumentenCaller } from '../shared/caller.ts';
import { documentOfUrl, expandedOne, parseRelationExpand, parseRelationExpandOfOne, recordDocumentRelationChange, withInformatieobject } from '../shared/relation.ts';
import { informatieobjectUuidFromUrl, isUuid } from '../shared/urls.ts';
import { findDocument, type DocumentRow } from '../informatieobjecten/repository.ts';
import type { DocumentenDeps } from '../informatieobjecten/service.ts';
import { presentVerzending, VERZENDING_DEFAULTS, type VerzendingJson } from './present.ts';
import { deleteVerzending, findVerzending, insertVerzending, listVerzendingen, updateVerzending, type VerzendingRow } from './repository.ts';
import { ADDRESS_FIELDS, VERZENDING_DATA_FIELDS, type VerzendingInput, type VerzendingListQuery, type VerzendingPatch } from './schemas.ts';

/*
 * VERZENDING: to which betrokkene a document was sent or from which it was received, with the one address used. The
 * standard: a verzending is always to (or from) exactly one address; several addresses are several verzendingen.
 * Authorisation, audit trail and notifications follow the document.
 */

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Verzending ${uuid} bestaat niet.`);
}

function hasValue(field: (typeof ADDRESS_FIELDS)[number], value: unknown): boolean {
  if (field === 'mijnOverheid') return value === true;
  return value !== null && value !== undefined && value !== '';
}

/** Exactly one address (`invalid-address` otherwise). */
function addressProblem(data: Record<string, unknown>): InvalidParam | undefined {
  const given = ADDRESS_FIELDS.filter((field) => hasValue(field, data[field]));
  if (given.length === 1) return undefined;
  return { name: 'nonFieldErrors', code: 'invalid-address', reason: `Een verzending heeft precies één adres (een van ${ADDRESS_FIELDS.join(', ')}); gegeven: ${given.length}.` };
}

function dataOf(before: Record<string, unknown>, input: VerzendingPatch): Record<string, unknown> {
  const data: Record<string, unknown> = { ...VERZENDING_DEFAULTS, ...before };
  for (const field of VERZENDING_DATA_FIELDS) if (input[field] !== undefined) data[field] = input[field];
  return data;
}

async function rowFor(db: Kysely<Database>, caller: DocumentenCaller, uuid: string, scopes: readonly string[], forUpdate = false): Promise<{ row: VerzendingRow; document: DocumentRow }> {
  const row = isUuid(uuid) ? await findVerzending(db, caller.tenant.id, uuid.toLowerCase()) : undefined;
  if (!row) throw notFound(uuid);
  const document = await findDocument(db, caller.tenant.id, row.document_uuid, { forUpdate });
  if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw notFound(uuid);
  assertMayUseDocument(caller.apiCaller, document, scopes);
  return { row, document };
}

/** The processing operations on verzendingen, as the log names them. */
type VerzendingProcessing = 'verzending-aanmaken' | 'verzending-raadplegen' | 'verzendingen-raadplegen' | 'verzending-wijzigen' | 'verzending-verwijderen';

/**
 * A verzending holds the address of a person (the betrokkene): every read and write of one leaves a Dataverwerking
 * under `zaak-behandelen`, with the betrokkene (its URL, pseudonymised) as data subject. Pass the write's transaction.
 */
async function logVerzendingProcessing(db: Kysely<Database>, deps: DocumentenDeps, caller: DocumentenCaller, name: VerzendingProcessing, rows: readonly VerzendingRow[], startTime: Date): Promise<void> {
  if (rows.length === 0) return;
  const betrokkenen = [...new Set(rows.map((row) => row.betrokkene))];
  // An API request: the actor is the application (the token's user is a person and stays out of the log).
  await logRequestProcessing(db, deps.keys, { tenant: caller.tenant, trace: caller.trace, apiCaller: caller.apiCaller }, {
    activityId: 'zaak-behandelen',
    name,
    status: 'ok',
    startTime,
    dataSubjects: betrokkenen.map((id) => ({ type: 'betrokkene', id })),
    attributes: { verzendingen: rows.length },
  });
}

async function record(trx: Transaction<Database>, caller: DocumentenCaller, document: DocumentRow, base: string, change: { actie: 'create' | 'update' | 'partial_update' | 'destroy'; resultaat: number; url: string; oud?: VerzendingJson; nieuw?: VerzendingJson }) {
  await recordDocumentRelationChange(trx, caller, document, base, {
    resource: 'verzending',
    resourceUrl: change.url,
    actie: change.actie,
    resultaat: change.resultaat,
    ...(change.oud ? { oud: { ...change.oud } } : {}),
    ...(change.nieuw ? { nieuw: { ...change.nieuw } } : {}),
  });
}

/** `verzending_list`: one page of the verzendingen of documents the caller may read (filtered in SQL). */
export async function listVerzendingPage(deps: DocumentenDeps, caller: DocumentenCaller, base: string, query: VerzendingListQuery): Promise<PaginatedList<VerzendingJson>> {
  const startTime = new Date();
  const asked = parseRelationExpand(query.expand);
  const window = pageRequest(query);
  const { count, rows } = await listVerzendingen(
    deps.db,
    caller.tenant.id,
    {
      aardRelatie: query.aardRelatie,
      betrokkene: query.betrokkene,
      documentUuid: query.informatieobject === undefined ? undefined : informatieobjectUuidFromUrl(query.informatieobject),
      access: documentAccess(caller.apiCaller, DOCUMENTEN_LEZEN),
    },
    window,
  );
  const page = paginatedList(caller, window, count, await withInformatieobject(deps.db, caller.tenant.id, base, rows, rows.map((row) => presentVerzending(row, base)), asked));
  await logVerzendingProcessing(deps.db, deps, caller, 'verzendingen-raadplegen', rows, startTime);
  return page;
}

export async function retrieveVerzending(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, expand: string | undefined): Promise<VerzendingJson> {
  const startTime = new Date();
  const asked = await parseRelationExpandOfOne(expand);
  const { row } = await rowFor(deps.db, caller, uuid, [DOCUMENTEN_LEZEN]);
  const [json] = await expandedOne(() => withInformatieobject(deps.db, caller.tenant.id, base, [row], [presentVerzending(row, base)], asked));
  if (!json) throw notFound(uuid);
  await logVerzendingProcessing(deps.db, deps, caller, 'verzending-raadplegen', [row], startTime);
  return json;
}

export async function createVerzending(deps: DocumentenDeps, caller: DocumentenCaller, base: string, input: VerzendingInput): Promise<VerzendingJson> {
  const startTime = new Date();
  return inTransaction(deps.db, async (trx) => {
    const { document, problem } = await documentOfUrl(trx, caller, input.informatieobject, { forUpdate: true });
    const data = dataOf({}, input);
    const problems = [...(problem ? [problem] : [])];
    const address = addressProblem(data);
    if (address) problems.push(address);
    if (!document || problems.length > 0) throw invalid(problems);
    assertMayUseDocument(caller.apiCaller, document, [DOCUMENTEN_AANMAKEN]);
    const row = await insertVerzending(trx, caller.tenant.id, { document_uuid: document.uuid, betrokkene: input.betrokkene, aard_relatie: input.aardRelatie, data });
    const json = presentVerzending(row, base);
    await record(trx, caller, document, base, { actie: 'create', resultaat: 201, url: json.url, nieuw: json });
    await logVerzendingProcessing(trx, deps, caller, 'verzending-aanmaken', [row], startTime);
    return json;
  });
}

/** `verzending_update` / `_partial_update`: the informatieobject cannot change; still exactly one address after. */
export async function changeVerzending(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, changes: VerzendingPatch, partial: boolean): Promise<VerzendingJson> {
  const startTime = new Date();
  return inTransaction(deps.db, async (trx) => {
    const { row, document } = await rowFor(trx, caller, uuid, [DOCUMENTEN_BIJWERKEN], true);
    const problems: InvalidParam[] = [];
    if (changes.informatieobject !== undefined && informatieobjectUuidFromUrl(changes.informatieobject) !== row.document_uuid) {
      problems.push({ name: 'informatieobject', code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' });
    }
    // A PUT states the whole verzending, addresses included; a PATCH changes only what it names.
    const data = dataOf(partial ? row.data : {}, changes);
    const address = addressProblem(data);
    if (address) problems.push(address);
    if (problems.length > 0) throw invalid(problems);
    const after = await updateVerzending(trx, caller.tenant.id, row.uuid, { betrokkene: changes.betrokkene ?? row.betrokkene, aard_relatie: changes.aardRelatie ?? row.aard_relatie, data });
    const json = presentVerzending(after, base);
    await record(trx, caller, document, base, { actie: partial ? 'partial_update' : 'update', resultaat: 200, url: json.url, oud: presentVerzending(row, base), nieuw: json });
    await logVerzendingProcessing(trx, deps, caller, 'verzending-wijzigen', [row, after], startTime);
    return json;
  });
}

export async function destroyVerzending(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string): Promise<void> {
  const startTime = new Date();
  await inTransaction(deps.db, async (trx) => {
    const { row, document } = await rowFor(trx, caller, uuid, [DOCUMENTEN_VERWIJDEREN], true);
    await deleteVerzending(trx, caller.tenant.id, row.uuid);
    const json = presentVerzending(row, base);
    await record(trx, caller, document, base, { actie: 'destroy', resultaat: 204, url: json.url, oud: json });
    await logVerzendingProcessing(trx, deps, caller, 'verzending-verwijderen', [row], startTime);
  });
}
