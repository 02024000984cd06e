import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { catalogusUrl, isUuid } from '../shared/urls.ts';
import { combineProblems, dateProblems, durationProblems, geldigheidProblem, uniqueNames, writtenFields } from '../shared/body.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { resolveCatalogus } from '../shared/catalogus-reference.ts';
import { assertMayChange, assertMayDelete, correctieProblems, type CorrectieSnapshot } from '../shared/concept.ts';
import { defined, text, textList } from '../shared/data.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, urlList, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { overlapProblems } from '../shared/overlap.ts';
import { conceptFilter, parseDatumGeldigheid, urlFilter } from '../shared/query.ts';
import { refreshRelationUuids, versionsByName } from '../shared/repository.ts';
import { inWriteTransaction, recordTypeChange } from '../shared/write.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { besluittypeUrl, besluittypeWeergave, presentBesluittype, type BesluittypeJson } from './present.ts';
import { loadBesluittypeRecords } from './records.ts';
import {
  deleteBesluittype,
  findBesluittype,
  findBesluittypen,
  insertBesluittype,
  listBesluittypen,
  markBesluittypePublished,
  updateBesluittype,
  type BesluittypeRow,
  type BesluittypeValues,
} from './repository.ts';
import { BESLUITTYPE_WRITABLE, type BesluittypeInput, type BesluittypeListQuery, type BesluittypePatch, type BesluittypeRetrieveQuery } from './schemas.ts';

/*
 * Business rules of BESLUITTYPE (Catalogi API 1.3.3). Scopes are checked by route data; every query is scoped to
 * the caller's tenant; every write shares one transaction with its audit record and its notification on kanaal
 * `besluittypen`. Versions share an omschrijving within a catalogus; informatieobjecttypen are named by theirs
 * (ztc-011b), and a change to a besluittype makes no new version of a zaaktype or informatieobjecttype.
 */

const LABEL = 'besluittype';

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Besluittype ${uuid} bestaat niet.`);
}

function toInput(row: BesluittypeRow, base: string): BesluittypeInput {
  return {
    catalogus: catalogusUrl(base, row.catalogus_uuid),
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: text(row.data, 'omschrijvingGeneriek'),
    besluitcategorie: text(row.data, 'besluitcategorie'),
    reactietermijn: row.reactietermijn,
    publicatieIndicatie: row.publicatie_indicatie,
    publicatietekst: text(row.data, 'publicatietekst'),
    publicatietermijn: row.publicatietermijn,
    toelichting: text(row.data, 'toelichting'),
    informatieobjecttypen: textList(row.data, 'informatieobjecttypen'),
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
  };
}

function toValues(input: BesluittypeInput, catalogusUuid: string): BesluittypeValues {
  return {
    catalogus_uuid: catalogusUuid,
    omschrijving: input.omschrijving ?? '',
    reactietermijn: input.reactietermijn ?? null,
    publicatie_indicatie: input.publicatieIndicatie,
    publicatietermijn: input.publicatietermijn ?? null,
    begin_geldigheid: input.beginGeldigheid,
    einde_geldigheid: input.eindeGeldigheid ?? null,
    data: defined({
      omschrijvingGeneriek: input.omschrijvingGeneriek ?? '',
      besluitcategorie: input.besluitcategorie ?? '',
      publicatietekst: input.publicatietekst ?? '',
      toelichting: input.toelichting ?? '',
      // By omschrijving, as Catalogi 1.3 writes it; shared/repository.ts keeps informatieobjecttype_uuids in step.
      informatieobjecttypen: uniqueNames(input.informatieobjecttypen),
    }),
  };
}

function correctieSnapshot(input: BesluittypeInput): CorrectieSnapshot {
  return { identity: { catalogus: input.catalogus, omschrijving: input.omschrijving ?? '' }, relations: { informatieobjecttypen: uniqueNames(input.informatieobjecttypen) } };
}

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly BesluittypeRow[], base: string, date: string): Promise<BesluittypeJson[]> {
  const records = await loadBesluittypeRecords(db, tenantId, rows, date);
  return records.map((record) => presentBesluittype(record, base));
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: BesluittypeRow, base: string, date = amsterdamDate()): Promise<BesluittypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base, date);
  if (!json) throw new Error(`besluittype ${row.uuid} not presented`);
  return json;
}

registerExpandable('besluittype', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    zaaktypen: { target: 'zaaktype', many: true, urls: urlList('zaaktypen') },
    informatieobjecttypen: { target: 'informatieobjecttype', many: true, urls: urlList('informatieobjecttypen') },
    resultaattypen: { target: 'resultaattype', many: true, urls: urlList('resultaattypen') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findBesluittypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base, context.date);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `besluittype_list`: one page of the tenant's besluittypen, published ones unless `status` says otherwise. */
export async function listBesluittypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: BesluittypeListQuery,
): Promise<PaginatedList<BesluittypeJson>> {
  const tree = parseExpand(query.expand, 'besluittype');
  const datumGeldigheid = parseDatumGeldigheid(query.datumGeldigheid);
  const window = pageRequest(query);
  const { count, rows } = await listBesluittypen(
    db,
    caller.tenant.id,
    {
      catalogusUuid: urlFilter(base, 'catalogussen', 'catalogus', query.catalogus),
      zaaktypeUuid: urlFilter(base, 'zaaktypen', 'zaaktypen', query.zaaktypen),
      informatieobjecttypeUuid: urlFilter(base, 'informatieobjecttypen', 'informatieobjecttypen', query.informatieobjecttypen),
      omschrijving: query.omschrijving,
      concept: conceptFilter(query.status),
      datumGeldigheid,
    },
    window,
  );
  const date = datumGeldigheid ?? amsterdamDate();
  const results = await presentRows(db, caller.tenant.id, rows, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'besluittype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `besluittype_retrieve` / `_headers`: one besluittype of the tenant; a 404 for anything else. */
export async function retrieveBesluittype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: BesluittypeRetrieveQuery = {}): Promise<BesluittypeJson> {
  const tree = parseExpand(query.expand, 'besluittype');
  const row = isUuid(uuid) ? await findBesluittype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  const date = amsterdamDate();
  const json = await presentRow(db, caller.tenant.id, row, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'besluittype', [json], tree);
  return json;
}

/** Every problem of a besluittype about to be written, thrown together; else its catalogus. */
async function assertWritable(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: BesluittypeInput,
  schemaProblems: InvalidParam[],
  exceptUuid?: string,
  overlapField: 'beginGeldigheid' | 'eindeGeldigheid' = 'beginGeldigheid',
): Promise<string> {
  const body = input as unknown as Record<string, unknown>;
  const problems = combineProblems(schemaProblems, [
    ...durationProblems(body, ['reactietermijn', 'publicatietermijn']),
    ...dateProblems(body, ['beginGeldigheid', 'eindeGeldigheid', 'beginObject', 'eindeObject']),
    ...geldigheidProblem(input.beginGeldigheid, input.eindeGeldigheid),
  ]);
  const catalogus = typeof input.catalogus === 'string' ? await resolveCatalogus(db, tenantId, base, input.catalogus) : undefined;
  if (catalogus && 'problem' in catalogus) problems.push(catalogus.problem);
  if (catalogus && 'uuid' in catalogus && problems.length === 0) {
    // ztc-013: the informatieobjecttypen named must be types of the same catalogus.
    const names = uniqueNames(input.informatieobjecttypen);
    const known = new Set((await versionsByName(db, tenantId, 'informatieobjecttypen', catalogus.uuid, names)).map((version) => version.name));
    const unknown = names.filter((name) => !known.has(name));
    if (unknown.length > 0) {
      problems.push({ name: 'informatieobjecttypen', code: 'relations-incorrect-catalogus', reason: `Deze informatieobjecttypen bestaan niet in de catalogus van het besluittype: ${unknown.join(', ')}.` });
    }
    const omschrijving = input.omschrijving ?? '';
    if (omschrijving !== '') {
      const period = { beginGeldigheid: input.beginGeldigheid, eindeGeldigheid: input.eindeGeldigheid ?? null };
      problems.push(...(await overlapProblems(db, tenantId, 'besluittypen', { catalogusUuid: catalogus.uuid, name: omschrijving }, period, exceptUuid, overlapField)));
    }
  }
  if (problems.length > 0 || !catalogus || !('uuid' in catalogus)) throw invalid(problems);
  return catalogus.uuid;
}

/**
 * `besluittype_create`, and the service-level way for other modules (catalogue import, demo seed) to create one from
 * API JSON: stored as a concept with its audit record and notification in one transaction (the caller's, when
 * `db` is one).
 */
export async function createBesluittype(db: Kysely<Database>, caller: CatalogiCaller, base: string, input: BesluittypeInput, schemaProblems: InvalidParam[] = []): Promise<BesluittypeJson> {
  return inWriteTransaction(db, async (trx) => {
    const catalogusUuid = await assertWritable(trx, caller.tenant.id, base, input, schemaProblems);
    const row = await insertBesluittype(trx, caller.tenant.id, toValues(input, catalogusUuid));
    await refreshRelationUuids(trx, caller.tenant.id, catalogusUuid);
    const json = await presentRow(trx, caller.tenant.id, row, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'besluittypen',
      resource: LABEL,
      actie: 'create',
      resultaat: 201,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: besluittypeWeergave(row),
      nieuw: { ...json },
    });
    return json;
  });
}

/**
 * `besluittype_update` (PUT) and `_partial_update` (PATCH). Only a concept may change (ztc-009), except a published
 * one's eindeGeldigheid alone (PATCH) and a correctie that only extends it.
 */
export async function changeBesluittype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: BesluittypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<BesluittypeJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inWriteTransaction(db, async (trx) => {
    const before = await findBesluittype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    const written = writtenFields(changes as Record<string, unknown>, BESLUITTYPE_WRITABLE);
    assertMayChange({ concept: before.concept, label: LABEL }, { partial, writtenFields: written, forced: mayForceWrite(caller) });
    const stored = toInput(before, base);
    const merged: BesluittypeInput = { ...stored, ...changes };
    const endsOnly = partial && written.length === 1 && written[0] === 'eindeGeldigheid';
    if (!before.concept && !endsOnly) {
      const problems = correctieProblems(correctieSnapshot(stored), correctieSnapshot(merged));
      if (problems.length > 0) throw invalid([...schemaProblems, ...problems]);
    }
    const catalogusUuid = await assertWritable(trx, caller.tenant.id, base, merged, schemaProblems, uuid, endsOnly ? 'eindeGeldigheid' : 'beginGeldigheid');
    const after = await updateBesluittype(trx, caller.tenant.id, uuid, toValues(merged, catalogusUuid));
    if (!after) throw notFound(uuid);
    await refreshRelationUuids(trx, caller.tenant.id, catalogusUuid);
    if (catalogusUuid !== before.catalogus_uuid) await refreshRelationUuids(trx, caller.tenant.id, before.catalogus_uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'besluittypen',
      resource: LABEL,
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: besluittypeWeergave(after),
      oud: { ...oud },
      nieuw: { ...json },
    });
    return json;
  });
}

/** `besluittype_publish`: makes a concept definitive unless its geldigheid overlaps a published version. */
export async function publishBesluittype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<BesluittypeJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inWriteTransaction(db, async (trx) => {
    const before = await findBesluittype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    if (!before.concept) return presentRow(trx, caller.tenant.id, before, base);
    const problems =
      before.omschrijving === ''
        ? []
        : await overlapProblems(
            trx,
            caller.tenant.id,
            'besluittypen',
            { catalogusUuid: before.catalogus_uuid, name: before.omschrijving },
            { beginGeldigheid: before.begin_geldigheid, eindeGeldigheid: before.einde_geldigheid },
            uuid,
          );
    if (problems.length > 0) throw invalid(problems);
    const after = await markBesluittypePublished(trx, caller.tenant.id, uuid);
    if (!after) throw notFound(uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'besluittypen',
      resource: LABEL,
      actie: 'publish',
      resultaat: 200,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: besluittypeWeergave(after),
      oud: { ...oud },
      nieuw: { ...json },
    });
    return json;
  });
}

/** `besluittype_destroy`: deletes a concept (ztc-009); a published one only with `catalogi.geforceerd-verwijderen`. */
export async function destroyBesluittype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inWriteTransaction(db, async (trx) => {
    const before = await findBesluittype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    assertMayDelete({ concept: before.concept, label: LABEL }, mayForceDelete(caller));
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    await deleteBesluittype(trx, caller.tenant.id, uuid);
    await refreshRelationUuids(trx, caller.tenant.id, before.catalogus_uuid);
    await recordTypeChange(trx, caller, {
      kanaal: 'besluittypen',
      resource: LABEL,
      actie: 'destroy',
      resultaat: 204,
      url: besluittypeUrl(base, uuid),
      catalogusUrl: catalogusUrl(base, before.catalogus_uuid),
      weergave: besluittypeWeergave(before),
      oud: { ...oud },
    });
  });
}
