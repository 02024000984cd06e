import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { catalogusUrl, isUuid } from '../shared/urls.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { resolveCatalogus } from '../shared/catalogus-reference.ts';
import { assertMayChange, assertMayDelete, correctieProblems, type CorrectieSnapshot } from '../shared/concept.ts';
import { defined, flag, object, text, textList } from '../shared/data.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, urlList, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { conceptFilter, parseDatumGeldigheid, splitValues, urlFilter } from '../shared/query.ts';
import { refreshRelationUuids } from '../shared/repository.ts';
import { inWriteTransaction, recordTypeChange } from '../shared/write.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { combineProblems, uniqueNames, writtenFields } from '../shared/body.ts';
import { presentZaaktype, storedRelaties, zaaktypeUrl, zaaktypeWeergave, type ZaaktypeJson } from './present.ts';
import { loadZaaktypeRecords } from './records.ts';
import {
  deleteZaaktype,
  findZaaktype,
  findZaaktypen,
  insertZaaktype,
  listZaaktypen,
  markZaaktypePublished,
  updateZaaktype,
  zaaktypeParts,
  type ZaaktypeRow,
  type ZaaktypeValues,
} from './repository.ts';
import { overlapProblems } from '../shared/overlap.ts';
import { publishProblems, zaaktypeCatalogueProblems, zaaktypeValueProblems } from './rules.ts';
import { ZAAKTYPE_WRITABLE, type ZaaktypeInput, type ZaaktypeListQuery, type ZaaktypePatch, type ZaaktypeRetrieveQuery } from './schemas.ts';

/*
 * Business rules of ZAAKTYPE (Catalogi API 1.3.3). Scopes are checked before any of this runs (route data, see
 * ../scopes.ts); every query is scoped to the caller's tenant; every write shares one transaction with its audit
 * record and its notification on kanaal `zaaktypen`.
 */

const LABEL = 'zaaktype';

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaaktype ${uuid} bestaat niet.`);
}

/** The stored row as writable input, so a change can lay the client's attributes over it. */
function toInput(row: ZaaktypeRow, base: string): ZaaktypeInput {
  const data = row.data;
  const broncatalogus = object(data, 'broncatalogus');
  const bronzaaktype = object(data, 'bronzaaktype');
  const referentieproces = object(data, 'referentieproces') ?? {};
  const link = text(referentieproces, 'link');
  return {
    identificatie: row.identificatie,
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: text(data, 'omschrijvingGeneriek'),
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    doel: text(data, 'doel'),
    aanleiding: text(data, 'aanleiding'),
    toelichting: text(data, 'toelichting'),
    indicatieInternOfExtern: text(data, 'indicatieInternOfExtern') === 'intern' ? 'intern' : 'extern',
    handelingInitiator: text(data, 'handelingInitiator'),
    onderwerp: text(data, 'onderwerp'),
    handelingBehandelaar: text(data, 'handelingBehandelaar'),
    doorlooptijd: row.doorlooptijd,
    servicenorm: row.servicenorm,
    opschortingEnAanhoudingMogelijk: row.opschorting_en_aanhouding_mogelijk,
    verlengingMogelijk: row.verlenging_mogelijk,
    verlengingstermijn: row.verlengingstermijn,
    trefwoorden: textList(data, 'trefwoorden'),
    publicatieIndicatie: flag(data, 'publicatieIndicatie'),
    publicatietekst: text(data, 'publicatietekst'),
    verantwoordingsrelatie: textList(data, 'verantwoordingsrelatie'),
    productenOfDiensten: textList(data, 'productenOfDiensten'),
    selectielijstProcestype: text(data, 'selectielijstProcestype'),
    referentieproces: link === '' ? { naam: text(referentieproces, 'naam') } : { naam: text(referentieproces, 'naam'), link },
    verantwoordelijke: text(data, 'verantwoordelijke'),
    broncatalogus: broncatalogus ? { url: text(broncatalogus, 'url'), domein: text(broncatalogus, 'domein'), rsin: text(broncatalogus, 'rsin') } : null,
    bronzaaktype: bronzaaktype ? { url: text(bronzaaktype, 'url'), identificatie: text(bronzaaktype, 'identificatie'), omschrijving: text(bronzaaktype, 'omschrijving') } : null,
    catalogus: catalogusUrl(base, row.catalogus_uuid),
    besluittypen: textList(data, 'besluittypen'),
    deelzaaktypen: textList(data, 'deelzaaktypen'),
    gerelateerdeZaaktypen: storedRelaties(row).map((relatie) => ({
      zaaktype: relatie.zaaktype,
      aardRelatie: relatie.aardRelatie as 'vervolg' | 'bijdrage' | 'onderwerp',
      toelichting: relatie.toelichting,
    })),
    beginGeldigheid: row.begin_geldigheid,
    eindeGeldigheid: row.einde_geldigheid,
    versiedatum: text(data, 'versiedatum', row.begin_geldigheid),
  };
}

function toValues(input: ZaaktypeInput, catalogusUuid: string): ZaaktypeValues {
  return {
    catalogus_uuid: catalogusUuid,
    identificatie: input.identificatie,
    omschrijving: input.omschrijving,
    vertrouwelijkheidaanduiding: input.vertrouwelijkheidaanduiding,
    doorlooptijd: input.doorlooptijd,
    servicenorm: input.servicenorm ?? null,
    opschorting_en_aanhouding_mogelijk: input.opschortingEnAanhoudingMogelijk,
    verlenging_mogelijk: input.verlengingMogelijk,
    verlengingstermijn: input.verlengingstermijn ?? null,
    begin_geldigheid: input.beginGeldigheid,
    einde_geldigheid: input.eindeGeldigheid ?? null,
    data: defined({
      omschrijvingGeneriek: input.omschrijvingGeneriek ?? '',
      doel: input.doel,
      aanleiding: input.aanleiding,
      toelichting: input.toelichting ?? '',
      indicatieInternOfExtern: input.indicatieInternOfExtern,
      handelingInitiator: input.handelingInitiator,
      onderwerp: input.onderwerp,
      handelingBehandelaar: input.handelingBehandelaar,
      trefwoorden: input.trefwoorden ?? [],
      publicatieIndicatie: input.publicatieIndicatie,
      publicatietekst: input.publicatietekst ?? '',
      verantwoordingsrelatie: input.verantwoordingsrelatie ?? [],
      productenOfDiensten: input.productenOfDiensten,
      selectielijstProcestype: input.selectielijstProcestype ?? '',
      referentieproces: defined({ naam: input.referentieproces.naam, link: input.referentieproces.link }),
      verantwoordelijke: input.verantwoordelijke,
      broncatalogus: input.broncatalogus ?? undefined,
      bronzaaktype: input.bronzaaktype ?? undefined,
      // Relations by name, as Catalogi 1.3 writes them; shared/repository.ts keeps besluittype_uuids in step.
      besluittypen: uniqueNames(input.besluittypen),
      deelzaaktypen: uniqueNames(input.deelzaaktypen),
      gerelateerdeZaaktypen: input.gerelateerdeZaaktypen.map((relatie) => ({ zaaktype: relatie.zaaktype, aardRelatie: relatie.aardRelatie, toelichting: relatie.toelichting ?? '' })),
      versiedatum: input.versiedatum ?? input.beginGeldigheid,
    }),
  };
}

/** What a correctie must keep of a zaaktype. */
function correctieSnapshot(input: ZaaktypeInput): CorrectieSnapshot {
  return {
    identity: { catalogus: input.catalogus, identificatie: input.identificatie },
    relations: {
      besluittypen: uniqueNames(input.besluittypen),
      deelzaaktypen: uniqueNames(input.deelzaaktypen),
      gerelateerdeZaaktypen: input.gerelateerdeZaaktypen.map((relatie) => `${relatie.zaaktype} (${relatie.aardRelatie})`),
      trefwoorden: input.trefwoorden ?? [],
      productenOfDiensten: input.productenOfDiensten,
    },
  };
}

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly ZaaktypeRow[], base: string, date: string): Promise<ZaaktypeJson[]> {
  const records = await loadZaaktypeRecords(db, tenantId, rows, date);
  return records.map((record) => presentZaaktype(record, base));
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: ZaaktypeRow, base: string, date = amsterdamDate()): Promise<ZaaktypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base, date);
  if (!json) throw new Error(`zaaktype ${row.uuid} not presented`);
  return json;
}

registerExpandable('zaaktype', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    statustypen: { target: 'statustype', many: true, urls: urlList('statustypen') },
    resultaattypen: { target: 'resultaattype', many: true, urls: urlList('resultaattypen') },
    eigenschappen: { target: 'eigenschap', many: true, urls: urlList('eigenschappen') },
    roltypen: { target: 'roltype', many: true, urls: urlList('roltypen') },
    zaakobjecttypen: { target: 'zaakobjecttype', many: true, urls: urlList('zaakobjecttypen') },
    informatieobjecttypen: { target: 'informatieobjecttype', many: true, urls: urlList('informatieobjecttypen') },
    besluittypen: { target: 'besluittype', many: true, urls: urlList('besluittypen') },
    deelzaaktypen: { target: 'zaaktype', many: true, urls: urlList('deelzaaktypen') },
    gerelateerdeZaaktypen: {
      target: 'zaaktype',
      many: true,
      urls: (json) => (Array.isArray(json.gerelateerdeZaaktypen) ? json.gerelateerdeZaaktypen : []).flatMap((relatie: { zaaktype?: unknown }) => (typeof relatie.zaaktype === 'string' ? [relatie.zaaktype] : [])),
    },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findZaaktypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base, context.date);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `zaaktype_list`: one page of the tenant's zaaktypen, published ones unless `status` says otherwise. */
export async function listZaaktypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: ZaaktypeListQuery,
): Promise<PaginatedList<ZaaktypeJson>> {
  const tree = parseExpand(query.expand, 'zaaktype');
  const datumGeldigheid = parseDatumGeldigheid(query.datumGeldigheid);
  const window = pageRequest(query);
  const { count, rows } = await listZaaktypen(
    db,
    caller.tenant.id,
    {
      catalogusUuid: urlFilter(base, 'catalogussen', 'catalogus', query.catalogus),
      identificatie: query.identificatie,
      trefwoorden: splitValues(query.trefwoorden),
      concept: conceptFilter(query.status),
      datumGeldigheid,
    },
    window,
  );
  const date = datumGeldigheid ?? amsterdamDate();
  const results = await presentRows(db, caller.tenant.id, rows, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'zaaktype', results, tree);
  return paginatedList(caller, window, count, results);
}

/**
 * `zaaktype_retrieve` / `zaaktype_headers`: one zaaktype of the tenant; a 404 for anything else. Its relations
 * resolve on `datumGeldigheid` when given, else today.
 */
export async function retrieveZaaktype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: ZaaktypeRetrieveQuery = {}): Promise<ZaaktypeJson> {
  const tree = parseExpand(query.expand, 'zaaktype');
  const date = parseDatumGeldigheid(query.datumGeldigheid) ?? amsterdamDate();
  const row = isUuid(uuid) ? await findZaaktype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  const json = await presentRow(db, caller.tenant.id, row, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'zaaktype', [json], tree);
  return json;
}

/**
 * All problems of a zaaktype about to be written: the body's schema problems, its values, its catalogus and its
 * place among the other versions. Throws them together, or returns the catalogus it goes into.
 */
async function assertWritable(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: ZaaktypeInput,
  schemaProblems: InvalidParam[],
  exceptUuid?: string,
  overlapField: 'beginGeldigheid' | 'eindeGeldigheid' = 'beginGeldigheid',
): Promise<string> {
  const problems = combineProblems(schemaProblems, zaaktypeValueProblems(input));
  const catalogus = typeof input.catalogus === 'string' ? await resolveCatalogus(db, tenantId, base, input.catalogus) : undefined;
  if (catalogus && 'problem' in catalogus) problems.push(catalogus.problem);
  // The catalogue checks read the body's relations and dates: only once its shape is right.
  if (catalogus && 'uuid' in catalogus && problems.length === 0) problems.push(...(await zaaktypeCatalogueProblems(db, tenantId, catalogus.uuid, input, exceptUuid, overlapField)));
  if (problems.length > 0 || !catalogus || !('uuid' in catalogus)) throw invalid(problems);
  return catalogus.uuid;
}

/**
 * `zaaktype_create`, and the service-level way for other modules (catalogue import, demo seed) to create a zaaktype
 * from API JSON: stores it as a concept with its audit record and notification in one transaction (the caller's,
 * when `db` is one).
 */
export async function createZaaktype(db: Kysely<Database>, caller: CatalogiCaller, base: string, input: ZaaktypeInput, schemaProblems: InvalidParam[] = []): Promise<ZaaktypeJson> {
  return inWriteTransaction(db, async (trx) => {
    const catalogusUuid = await assertWritable(trx, caller.tenant.id, base, input, schemaProblems);
    const row = await insertZaaktype(trx, caller.tenant.id, toValues(input, catalogusUuid));
    await refreshRelationUuids(trx, caller.tenant.id, catalogusUuid);
    const json = await presentRow(trx, caller.tenant.id, row, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'zaaktypen',
      resource: LABEL,
      actie: 'create',
      resultaat: 201,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: zaaktypeWeergave(row),
      nieuw: { ...json },
    });
    return json;
  });
}

/**
 * `zaaktype_update` (PUT) and `zaaktype_partial_update` (PATCH): the client's attributes laid over the stored
 * ones. Only a concept may change (ztc-009), except a published zaaktype's eindeGeldigheid alone (PATCH) and a
 * correctie with `catalogi.geforceerd-schrijven` that only extends it.
 */
export async function changeZaaktype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: ZaaktypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<ZaaktypeJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inWriteTransaction(db, async (trx) => {
    const before = await findZaaktype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    const written = writtenFields(changes as Record<string, unknown>, ZAAKTYPE_WRITABLE);
    const forced = mayForceWrite(caller);
    assertMayChange({ concept: before.concept, label: LABEL }, { partial, writtenFields: written, forced });
    const stored = toInput(before, base);
    const merged: ZaaktypeInput = { ...stored, ...changes };
    const endsOnly = partial && written.length === 1 && written[0] === 'eindeGeldigheid';
    if (!before.concept && !endsOnly) {
      const problems = correctieProblems(correctieSnapshot(stored), correctieSnapshot(merged));
      if (problems.length > 0) throw invalid([...schemaProblems, ...problems]);
    }
    const catalogusUuid = await assertWritable(trx, caller.tenant.id, base, merged, schemaProblems, uuid, endsOnly ? 'eindeGeldigheid' : 'beginGeldigheid');
    const after = await updateZaaktype(trx, caller.tenant.id, uuid, toValues(merged, catalogusUuid));
    if (!after) throw notFound(uuid);
    await refreshRelationUuids(trx, caller.tenant.id, catalogusUuid);
    if (catalogusUuid !== before.catalogus_uuid) await refreshRelationUuids(trx, caller.tenant.id, before.catalogus_uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'zaaktypen',
      resource: LABEL,
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: zaaktypeWeergave(after),
      oud: { ...oud },
      nieuw: { ...json },
    });
    return json;
  });
}

/**
 * `zaaktype_publish`: makes a concept definitive once it may be (ztc-012, ztc-016 and the reference
 * implementation's minimum of statustypen, resultaattypen and roltypen). Publishing a published zaaktype
 * changes nothing and answers it as it is.
 */
export async function publishZaaktype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<ZaaktypeJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inWriteTransaction(db, async (trx) => {
    const before = await findZaaktype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    if (!before.concept) return presentRow(trx, caller.tenant.id, before, base);
    const parts = (await zaaktypeParts(trx, caller.tenant.id, [uuid])).get(uuid);
    if (!parts) throw notFound(uuid);
    const problems = [
      ...(await publishProblems(trx, caller.tenant.id, { catalogusUuid: before.catalogus_uuid, besluittypen: textList(before.data, 'besluittypen') }, parts)),
      ...(await overlapProblems(
        trx,
        caller.tenant.id,
        'zaaktypen',
        { catalogusUuid: before.catalogus_uuid, name: before.identificatie },
        { beginGeldigheid: before.begin_geldigheid, eindeGeldigheid: before.einde_geldigheid },
        uuid,
      )),
    ];
    if (problems.length > 0) throw invalid(problems);
    const after = await markZaaktypePublished(trx, caller.tenant.id, uuid);
    if (!after) throw notFound(uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordTypeChange(trx, caller, {
      kanaal: 'zaaktypen',
      resource: LABEL,
      actie: 'publish',
      resultaat: 200,
      url: json.url,
      catalogusUrl: json.catalogus,
      weergave: zaaktypeWeergave(after),
      oud: { ...oud },
      nieuw: { ...json },
    });
    return json;
  });
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

/**
 * `zaaktype_destroy`: deletes a concept with everything that belongs to it alone (ztc-009); a published zaaktype
 * only with `catalogi.geforceerd-verwijderen`, and never while zaken of it exist (409).
 */
export async function destroyZaaktype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  try {
    await inWriteTransaction(db, async (trx) => {
      const before = await findZaaktype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw notFound(uuid);
      assertMayDelete({ concept: before.concept, label: LABEL }, mayForceDelete(caller));
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      await deleteZaaktype(trx, caller.tenant.id, uuid);
      await recordTypeChange(trx, caller, {
        kanaal: 'zaaktypen',
        resource: LABEL,
        actie: 'destroy',
        resultaat: 204,
        url: zaaktypeUrl(base, uuid),
        catalogusUrl: catalogusUrl(base, before.catalogus_uuid),
        weergave: zaaktypeWeergave(before),
        oud: { ...oud },
      });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ProblemError('conflict', 'Dit zaaktype is in gebruik door zaken en kan niet worden verwijderd.');
    throw error;
  }
}
