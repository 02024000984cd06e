import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { catalogusUrl, isUuid } from '../shared/urls.ts';
import { combineProblems, dateProblems, geldigheidProblem, writtenFields } from '../shared/body.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { resolveCatalogus } from '../shared/catalogus-reference.ts';
import { assertMayChange, assertMayDelete, correctieProblems, type CorrectieSnapshot } from '../shared/concept.ts';
import { defined, object, text, textList } from '../shared/data.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, urlList, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { overlapProblems } from '../shared/overlap.ts';
import { conceptFilter, parseDatumGeldigheid, urlFilter } from '../shared/query.ts';
import { refreshRelationUuids } from '../shared/repository.ts';
import { inWriteTransaction, recordTypeChange } from '../shared/write.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { informatieobjecttypeUrl, informatieobjecttypeWeergave, presentInformatieobjecttype, type InformatieobjecttypeJson } from './present.ts';
import { loadInformatieobjecttypeRecords } from './records.ts';
import {
  deleteInformatieobjecttype,
  findInformatieobjecttype,
  findInformatieobjecttypen,
  insertInformatieobjecttype,
  listInformatieobjecttypen,
  markInformatieobjecttypePublished,
  updateInformatieobjecttype,
  type InformatieobjecttypeRow,
  type InformatieobjecttypeValues,
} from './repository.ts';
import {
  INFORMATIEOBJECTTYPE_WRITABLE,
  type InformatieobjecttypeInput,
  type InformatieobjecttypeListQuery,
  type InformatieobjecttypePatch,
  type InformatieobjecttypeRetrieveQuery,
  type OmschrijvingGeneriek,
} from './schemas.ts';

/*
 * Business rules of INFORMATIEOBJECTTYPE (Catalogi API 1.3.3). Scopes are checked by route data; every query is
 * scoped to the caller's tenant; every write shares one transaction with its audit record and its notification on
 * kanaal `informatieobjecttypen`. Versions share an omschrijving within a catalogus.
 */

const LABEL = 'informatieobjecttype';

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Informatieobjecttype ${uuid} bestaat niet.`);
}

function storedGeneriek(stored: Record<string, unknown>): OmschrijvingGeneriek {
  const opmerking = stored.opmerkingInformatieobjecttypeOmschrijvingGeneriek;
  return {
    informatieobjecttypeOmschrijvingGeneriek: text(stored, 'informatieobjecttypeOmschrijvingGeneriek'),
    definitieInformatieobjecttypeOmschrijvingGeneriek: text(stored, 'definitieInformatieobjecttypeOmschrijvingGeneriek'),
    herkomstInformatieobjecttypeOmschrijvingGeneriek: text(stored, 'herkomstInformatieobjecttypeOmschrijvingGeneriek'),
    hierarchieInformatieobjecttypeOmschrijvingGeneriek: text(stored, 'hierarchieInformatieobjecttypeOmschrijvingGeneriek'),
    opmerkingInformatieobjecttypeOmschrijvingGeneriek: typeof opmerking === 'string' ? opmerking : null,
  };
}

function toInput(row: InformatieobjecttypeRow, base: string): InformatieobjecttypeInput {
  const generiek = object(row.data, 'omschrijvingGeneriek');
  return {
    catalogus: catalogusUrl(base, row.catalogus_uuid),
    omschrijving: row.omschrijving,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    informatieobjectcategorie: text(row.data, 'informatieobjectcategorie'),
    trefwoord: textList(row.data, 'trefwoord'),
    omschrijvingGeneriek: generiek ? storedGeneriek(generiek) : null,
  };
}

function toValues(input: InformatieobjecttypeInput, catalogusUuid: string): InformatieobjecttypeValues {
  return {
    catalogus_uuid: catalogusUuid,
    omschrijving: input.omschrijving,
    vertrouwelijkheidaanduiding: input.vertrouwelijkheidaanduiding,
    begin_geldigheid: input.beginGeldigheid,
    einde_geldigheid: input.eindeGeldigheid ?? null,
    data: defined({
      informatieobjectcategorie: input.informatieobjectcategorie,
      trefwoord: input.trefwoord ?? [],
      omschrijvingGeneriek: input.omschrijvingGeneriek ?? undefined,
    }),
  };
}

function correctieSnapshot(input: InformatieobjecttypeInput): CorrectieSnapshot {
  return { identity: { catalogus: input.catalogus, omschrijving: input.omschrijving }, relations: { trefwoord: input.trefwoord ?? [] } };
}

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly InformatieobjecttypeRow[], base: string, date: string): Promise<InformatieobjecttypeJson[]> {
  const records = await loadInformatieobjecttypeRecords(db, tenantId, rows, date);
  return records.map((record) => presentInformatieobjecttype(record, base));
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: InformatieobjecttypeRow, base: string, date = amsterdamDate()): Promise<InformatieobjecttypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base, date);
  if (!json) throw new Error(`informatieobjecttype ${row.uuid} not presented`);
  return json;
}

registerExpandable('informatieobjecttype', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    zaaktypen: { target: 'zaaktype', many: true, urls: urlList('zaaktypen') },
    besluittypen: { target: 'besluittype', many: true, urls: urlList('besluittypen') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findInformatieobjecttypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base, context.date);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `informatieobjecttype_list`: one page of the tenant's informatieobjecttypen, published ones unless `status` says otherwise. */
export async function listInformatieobjecttypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: InformatieobjecttypeListQuery,
): Promise<PaginatedList<InformatieobjecttypeJson>> {
  const tree = parseExpand(query.expand, 'informatieobjecttype');
  const datumGeldigheid = parseDatumGeldigheid(query.datumGeldigheid);
  const window = pageRequest(query);
  const { count, rows } = await listInformatieobjecttypen(
    db,
    caller.tenant.id,
    {
      catalogusUuid: urlFilter(base, 'catalogussen', 'catalogus', query.catalogus),
      omschrijving: query.omschrijving,
      concept: conceptFilter(query.status),
      datumGeldigheid,
    },
    window,
  );
  const date = datumGeldigheid ?? amsterdamDate();
  const results = await presentRows(db, caller.tenant.id, rows, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'informatieobjecttype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `informatieobjecttype_retrieve` / `_headers`: one informatieobjecttype of the tenant; a 404 for anything else. */
export async function retrieveInformatieobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  query: InformatieobjecttypeRetrieveQuery = {},
): Promise<InformatieobjecttypeJson> {
  const tree = parseExpand(query.expand, 'informatieobjecttype');
  const row = isUuid(uuid) ? await findInformatieobjecttype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  const date = amsterdamDate();
  const json = await presentRow(db, caller.tenant.id, row, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'informatieobjecttype', [json], tree);
  return json;
}

/** Every problem of an informatieobjecttype about to be written, thrown together; else its catalogus. */
async function assertWritable(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: InformatieobjecttypeInput,
  schemaProblems: InvalidParam[],
  exceptUuid?: string,
  overlapField: 'beginGeldigheid' | 'eindeGeldigheid' = 'beginGeldigheid',
): Promise<string> {
  const body = input as unknown as Record<string, unknown>;
  const problems = combineProblems(schemaProblems, [
    ...dateProblems(body, ['beginGeldigheid', 'eindeGeldigheid', 'beginObject', 'eindeObject']),
    ...geldigheidProblem(input.beginGeldigheid, input.eindeGeldigheid),
  ]);
  const catalogus = typeof input.catalogus === 'string' ? await resolveCatalogus(db, tenantId, base, input.catalogus) : undefined;
  if (catalogus && 'problem' in catalogus) problems.push(catalogus.problem);
  if (catalogus && 'uuid' in catalogus && problems.length === 0) {
    const period = { beginGeldigheid: input.beginGeldigheid, eindeGeldigheid: input.eindeGeldigheid ?? null };
    problems.push(...(await overlapProblems(db, tenantId, 'informatieobjecttypen', { catalogusUuid: catalogus.uuid, name: input.omschrijving }, period, exceptUuid, overlapField)));
  }
  if (problems.length > 0 || !catalogus || !('uuid' in catalogus)) throw invalid(problems);
  return catalogus.uuid;
}

/**
 * `informatieobjecttype_create`, and the service-level way for other modules (catalogue import, demo seed) to create
 * one from API JSON: stored as a concept with its audit record and notification in one transaction (the caller's,
 * when `db` is one).
 */
export async function createInformatieobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  input: InformatieobjecttypeInput,
  schemaProblems: InvalidParam[] = [],
): Promise<InformatieobjecttypeJson> {
  return inWriteTransaction(db, async (trx) => {
    const catalogusUuid = await assertWritable(trx, caller.tenant.id, base, input, schemaProblems);
    const row = await insertInformatieobjecttype(trx, caller.tenant.id, toValues(input, catalogusUuid));
    await refreshRelationUuids(trx, caller.tenant.id, catalogusUuid);
    const json = await presentRow(trx, caller.tenant.id, row, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'informatieobjecttypen',
      resource: LABEL,
      actie: 'create',
      resultaat: 201,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: informatieobjecttypeWeergave(row),
      nieuw: { ...json },
    });
    return json;
  });
}

/**
 * `informatieobjecttype_update` (PUT) and `_partial_update` (PATCH). Only a concept may change (ztc-009), except
 * a published one's eindeGeldigheid alone (PATCH) and a correctie that only extends it.
 */
export async function changeInformatieobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: InformatieobjecttypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<InformatieobjecttypeJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inWriteTransaction(db, async (trx) => {
    const before = await findInformatieobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    const written = writtenFields(changes as Record<string, unknown>, INFORMATIEOBJECTTYPE_WRITABLE);
    assertMayChange({ concept: before.concept, label: LABEL }, { partial, writtenFields: written, forced: mayForceWrite(caller) });
    const stored = toInput(before, base);
    const merged: InformatieobjecttypeInput = { ...stored, ...changes };
    const endsOnly = partial && written.length === 1 && written[0] === 'eindeGeldigheid';
    if (!before.concept && !endsOnly) {
      const problems = correctieProblems(correctieSnapshot(stored), correctieSnapshot(merged));
      if (problems.length > 0) throw invalid([...schemaProblems, ...problems]);
    }
    const catalogusUuid = await assertWritable(trx, caller.tenant.id, base, merged, schemaProblems, uuid, endsOnly ? 'eindeGeldigheid' : 'beginGeldigheid');
    const after = await updateInformatieobjecttype(trx, caller.tenant.id, uuid, toValues(merged, catalogusUuid));
    if (!after) throw notFound(uuid);
    await refreshRelationUuids(trx, caller.tenant.id, catalogusUuid);
    if (catalogusUuid !== before.catalogus_uuid) await refreshRelationUuids(trx, caller.tenant.id, before.catalogus_uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'informatieobjecttypen',
      resource: LABEL,
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: informatieobjecttypeWeergave(after),
      oud: { ...oud },
      nieuw: { ...json },
    });
    return json;
  });
}

/** `informatieobjecttype_publish`: makes a concept definitive unless its geldigheid overlaps a published version. */
export async function publishInformatieobjecttype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<InformatieobjecttypeJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inWriteTransaction(db, async (trx) => {
    const before = await findInformatieobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    if (!before.concept) return presentRow(trx, caller.tenant.id, before, base);
    const problems = await overlapProblems(
      trx,
      caller.tenant.id,
      'informatieobjecttypen',
      { catalogusUuid: before.catalogus_uuid, name: before.omschrijving },
      { beginGeldigheid: before.begin_geldigheid, eindeGeldigheid: before.einde_geldigheid },
      uuid,
    );
    if (problems.length > 0) throw invalid(problems);
    const after = await markInformatieobjecttypePublished(trx, caller.tenant.id, uuid);
    if (!after) throw notFound(uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'informatieobjecttypen',
      resource: LABEL,
      actie: 'publish',
      resultaat: 200,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: informatieobjecttypeWeergave(after),
      oud: { ...oud },
      nieuw: { ...json },
    });
    return json;
  });
}

/** `informatieobjecttype_destroy`: deletes a concept (ztc-009); a published one only with `catalogi.geforceerd-verwijderen`. */
export async function destroyInformatieobjecttype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inWriteTransaction(db, async (trx) => {
    const before = await findInformatieobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    assertMayDelete({ concept: before.concept, label: LABEL }, mayForceDelete(caller));
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    await deleteInformatieobjecttype(trx, caller.tenant.id, uuid);
    await refreshRelationUuids(trx, caller.tenant.id, before.catalogus_uuid);
    await recordTypeChange(trx, caller, {
      kanaal: 'informatieobjecttypen',
      resource: LABEL,
      actie: 'destroy',
      resultaat: 204,
      url: informatieobjecttypeUrl(base, uuid),
      catalogusUrl: catalogusUrl(base, before.catalogus_uuid),
      weergave: informatieobjecttypeWeergave(before),
      oud: { ...oud },
    });
  });
}
