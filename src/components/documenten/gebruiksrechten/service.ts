import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { DOCUMENTEN_AANMAKEN, DOCUMENTEN_BIJWERKEN, DOCUMENTEN_LEZEN, DOCUMENTEN_VERWIJDEREN } from '../scopes.ts';
import { assertMayUseDocument, documentAccess, seesDocument } from '../shared/access.ts';
import type { DocumentenCaller } from '../shared/caller.ts';
import { documentOfUrl, expandedOne, parseRelationExpand, parseRelationExpandOfOne, recordDocumentRelationChange, withInformatieobject } from '../shared/relation.ts';
import { informatieobjectUuidFromUrl, isUuid } from '../shared/urls.ts';
import { findDocument, findVersie, updateCurrentVersie, type DocumentRow } from '../informatieobjecten/repository.ts';
import type { DocumentenDeps } from '../informatieobjecten/service.ts';
import { presentGebruiksrecht, type GebruiksrechtJson } from './present.ts';
import {
  countGebruiksrechten,
  deleteGebruiksrecht,
  findGebruiksrecht,
  insertGebruiksrecht,
  listGebruiksrechten,
  updateGebruiksrecht,
  type GebruiksrechtenFilter,
  type GebruiksrechtRow,
} from './repository.ts';
import type { GebruiksrechtenInput, GebruiksrechtenListQuery, GebruiksrechtenPatch } from './schemas.ts';

/*
 * Business rules of GEBRUIKSRECHTEN (drc-006): the first gebruiksrechten of a document set its
 * indicatieGebruiksrecht to true, removing the last sets it back to null (unknown). That indicatie belongs to the
 * document, not to a new version of it: it changes in the current version, without the lock. Authorisation and the
 * audit trail follow the document.
 */

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Gebruiksrechten ${uuid} bestaan niet.`);
}

/** drc-006: sets the document's indicatieGebruiksrecht in its current version. */
async function setIndicatie(trx: Kysely<Database>, document: DocumentRow, indicatie: boolean | null): Promise<void> {
  const versie = await findVersie(trx, document, {});
  if (!versie || versie.data.indicatieGebruiksrecht === indicatie) return;
  await updateCurrentVersie(trx, document, { data: { ...versie.data, indicatieGebruiksrecht: indicatie } });
}

const COMPARISONS = { lt: '<', lte: '<=', gt: '>', gte: '>=' } as const;

function dateFilters(query: GebruiksrechtenListQuery, field: 'startdatum' | 'einddatum'): GebruiksrechtenFilter['startdatum'] {
  return (Object.keys(COMPARISONS) as (keyof typeof COMPARISONS)[]).flatMap((suffix) => {
    const value = query[`${field}__${suffix}`];
    return value === undefined ? [] : [{ op: COMPARISONS[suffix], value: new Date(value) }];
  });
}

async function rowFor(deps: DocumentenDeps, caller: DocumentenCaller, uuid: string, scopes: readonly string[], trx: Kysely<Database> = deps.db): Promise<{ row: GebruiksrechtRow; document: DocumentRow }> {
  const row = isUuid(uuid) ? await findGebruiksrecht(trx, caller.tenant.id, uuid.toLowerCase()) : undefined;
  if (!row) throw notFound(uuid);
  const document = await findDocument(trx, caller.tenant.id, row.document_uuid, { forUpdate: trx !== deps.db });
  if (!document || !seesDocument(caller.apiCaller, document.is_gereed_voor_publicatie)) throw notFound(uuid);
  assertMayUseDocument(caller.apiCaller, document, scopes);
  return { row, document };
}

/** `gebruiksrechten_list`: those of documents the caller may read (filtered in SQL), not paginated. */
export async function listGebruiksrechtenAll(deps: DocumentenDeps, caller: DocumentenCaller, base: string, query: GebruiksrechtenListQuery): Promise<GebruiksrechtJson[]> {
  const asked = parseRelationExpand(query.expand);
  const rows = await listGebruiksrechten(deps.db, caller.tenant.id, {
    documentUuid: query.informatieobject === undefined ? undefined : informatieobjectUuidFromUrl(query.informatieobject),
    startdatum: dateFilters(query, 'startdatum'),
    einddatum: dateFilters(query, 'einddatum'),
    access: documentAccess(caller.apiCaller, DOCUMENTEN_LEZEN),
  });
  return withInformatieobject(deps.db, caller.tenant.id, base, rows, rows.map((row) => presentGebruiksrecht(row, base)), asked);
}

export async function retrieveGebruiksrecht(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, expand: string | undefined): Promise<GebruiksrechtJson> {
  const asked = await parseRelationExpandOfOne(expand);
  const { row } = await rowFor(deps, caller, uuid, [DOCUMENTEN_LEZEN]);
  const [json] = await expandedOne(() => withInformatieobject(deps.db, caller.tenant.id, base, [row], [presentGebruiksrecht(row, base)], asked));
  if (!json) throw notFound(uuid);
  return json;
}

async function record(trx: Transaction<Database>, caller: DocumentenCaller, document: DocumentRow, base: string, json: GebruiksrechtJson, change: { actie: 'create' | 'update' | 'partial_update' | 'destroy'; resultaat: number; oud?: GebruiksrechtJson; nieuw?: GebruiksrechtJson }) {
  await recordDocumentRelationChange(trx, caller, document, base, {
    resource: 'gebruiksrechten',
    resourceUrl: json.url,
    actie: change.actie,
    resultaat: change.resultaat,
    ...(change.oud ? { oud: { ...change.oud } } : {}),
    ...(change.nieuw ? { nieuw: { ...change.nieuw } } : {}),
  });
}

/** `gebruiksrechten_create`: on a document the caller may create for; drc-006 sets its indicatie to true. */
export async function createGebruiksrecht(deps: DocumentenDeps, caller: DocumentenCaller, base: string, input: GebruiksrechtenInput): Promise<GebruiksrechtJson> {
  return inTransaction(deps.db, async (trx) => {
    const { document, problem } = await documentOfUrl(trx, caller, input.informatieobject, { forUpdate: true });
    if (!document) throw invalid(problem ? [problem] : []);
    assertMayUseDocument(caller.apiCaller, document, [DOCUMENTEN_AANMAKEN]);
    const row = await insertGebruiksrecht(trx, caller.tenant.id, {
      document_uuid: document.uuid,
      startdatum: input.startdatum,
      einddatum: input.einddatum ?? null,
      omschrijving_voorwaarden: input.omschrijvingVoorwaarden,
    });
    await setIndicatie(trx, document, true);
    const json = presentGebruiksrecht(row, base);
    await record(trx, caller, document, base, json, { actie: 'create', resultaat: 201, nieuw: json });
    return json;
  });
}

/** `gebruiksrechten_update` / `_partial_update`: the informatieobject cannot change. */
export async function changeGebruiksrecht(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string, changes: GebruiksrechtenPatch, partial: boolean): Promise<GebruiksrechtJson> {
  return inTransaction(deps.db, async (trx) => {
    const { row, document } = await rowFor(deps, caller, uuid, [DOCUMENTEN_BIJWERKEN], trx);
    if (changes.informatieobject !== undefined && informatieobjectUuidFromUrl(changes.informatieobject) !== row.document_uuid) {
      throw invalid([{ name: 'informatieobject', code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' }]);
    }
    const after = await updateGebruiksrecht(trx, caller.tenant.id, row.uuid, {
      startdatum: changes.startdatum ?? row.startdatum.toISOString(),
      einddatum: changes.einddatum === undefined ? (row.einddatum?.toISOString() ?? null) : changes.einddatum,
      omschrijving_voorwaarden: changes.omschrijvingVoorwaarden ?? row.omschrijving_voorwaarden,
    });
    const json = presentGebruiksrecht(after, base);
    await record(trx, caller, document, base, json, { actie: partial ? 'partial_update' : 'update', resultaat: 200, oud: presentGebruiksrecht(row, base), nieuw: json });
    return json;
  });
}

/** `gebruiksrechten_destroy`: drc-006, the last one gone sets the document's indicatie back to null. */
export async function destroyGebruiksrecht(deps: DocumentenDeps, caller: DocumentenCaller, base: string, uuid: string): Promise<void> {
  await inTransaction(deps.db, async (trx) => {
    const { row, document } = await rowFor(deps, caller, uuid, [DOCUMENTEN_VERWIJDEREN], trx);
    await deleteGebruiksrecht(trx, caller.tenant.id, row.uuid);
    if ((await countGebruiksrechten(trx, caller.tenant.id, document.uuid)) === 0) await setIndicatie(trx, document, null);
    const json = presentGebruiksrecht(row, base);
    await record(trx, caller, document, base, json, { actie: 'destroy', resultaat: 204, oud: json });
  });
}
