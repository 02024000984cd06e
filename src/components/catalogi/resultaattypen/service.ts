import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { durationProblems } from '../shared/body.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { defined, textList } from '../shared/data.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, urlList, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { familyKey, publishedVersionsValidOn, versionsByName, type VersionRef } from '../shared/repository.ts';
import { isUuid } from '../shared/urls.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { recordPartChange } from '../zaaktype-onderdelen/audit.ts';
import { catalogusProblems } from '../zaaktype-onderdelen/catalogus.ts';
import { changeConceptProblems, createConceptProblems, deleteConceptProblems } from '../zaaktype-onderdelen/concept.ts';
import { geldigheidProblems } from '../zaaktype-onderdelen/geldigheid.ts';
import { findOwningZaaktype, loadOwners, ownerOf, type OwningZaaktype } from '../zaaktype-onderdelen/owner.ts';
import { isForeignKeyViolation, isUniqueViolation, partInUse, partNotFound, throwProblems } from '../zaaktype-onderdelen/problems.ts';
import { dateParameter, optionalList } from '../zaaktype-onderdelen/query.ts';
import { conceptFilter, urlFilter } from '../shared/query.ts';
import { resolveTypeNames } from '../zaaktype-onderdelen/type-names.ts';
import { writtenZaaktype } from '../zaaktype-onderdelen/zaaktype-reference.ts';
import { presentResultaattype, resultaattypeUrl, resultaattypeWeergave, type ResultaattypeJson } from './present.ts';
import {
  deleteResultaattype,
  findResultaattype,
  findResultaattypen,
  insertResultaattype,
  listResultaattypen,
  omschrijvingTaken,
  OMSCHRIJVING_CONSTRAINT,
  updateResultaattype,
  type ResultaattypeRow,
  type ResultaattypeValues,
} from './repository.ts';
import { archiefDefaults, brondatumProblems, brondatumRequiredProblems, selectielijstProblems } from './rules.ts';
import type { Afleidingswijze, ResultaattypeInput, ResultaattypeListQuery, ResultaattypePatch, ResultaattypeRetrieveQuery } from './schemas.ts';

/*
 * Business rules of RESULTAATTYPE (Catalogi API 1.3.3): the possible outcomes of a zaak of the zaaktype and what
 * each means for its archive (ztc-002 to ztc-008, see rules.ts). Scopes are checked by route data; every query is
 * scoped to the caller's tenant; every write shares one transaction with its audit record (see
 * ../zaaktype-onderdelen/audit.ts for why there is no notification).
 */

const LABEL = 'resultaattype';

function byFamily(versions: readonly VersionRef[]): Map<string, VersionRef[]> {
  const grouped = new Map<string, VersionRef[]>();
  for (const version of versions) {
    const key = familyKey(version.catalogusUuid, version.name);
    grouped.set(key, [...(grouped.get(key) ?? []), version]);
  }
  return grouped;
}

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly ResultaattypeRow[], base: string, date = amsterdamDate()): Promise<ResultaattypeJson[]> {
  const owners = await loadOwners(db, tenantId, rows.map((row) => row.zaaktype_uuid));
  const catalogi = [...new Set([...owners.values()].map((owner) => owner.catalogusUuid))];
  const names = (field: 'besluittypen' | 'informatieobjecttypen') => [...new Set(rows.flatMap((row) => textList(row.data, field)))];
  const [besluittypen, informatieobjecttypen] = await Promise.all([
    publishedVersionsValidOn(db, tenantId, 'besluittypen', catalogi, names('besluittypen'), date).then(byFamily),
    publishedVersionsValidOn(db, tenantId, 'informatieobjecttypen', catalogi, names('informatieobjecttypen'), date).then(byFamily),
  ]);
  return rows.map((row) => {
    const owner = ownerOf(owners, row.zaaktype_uuid);
    const valid = (grouped: Map<string, VersionRef[]>, field: 'besluittypen' | 'informatieobjecttypen') =>
      textList(row.data, field).flatMap((name) => grouped.get(familyKey(owner.catalogusUuid, name)) ?? []).map((version) => version.uuid);
    return presentResultaattype(row, { owner, besluittypen: valid(besluittypen, 'besluittypen'), informatieobjecttypen: valid(informatieobjecttypen, 'informatieobjecttypen') }, base);
  });
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: ResultaattypeRow, base: string): Promise<ResultaattypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base);
  if (!json) throw new Error(`resultaattype ${row.uuid} not presented`);
  return json;
}

registerExpandable('resultaattype', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    zaaktype: { target: 'zaaktype', many: false, urls: singleUrl('zaaktype') },
    besluittypen: { target: 'besluittype', many: true, urls: urlList('besluittypen') },
    informatieobjecttypen: { target: 'informatieobjecttype', many: true, urls: urlList('informatieobjecttypen') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findResultaattypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base, context.date);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/**
 * `resultaattype_list`: one page of the tenant's resultaattypen, those of published zaaktypen unless `status` says
 * otherwise. The deprecated snake_case spellings of the parameters filter too.
 */
export async function listResultaattypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: ResultaattypeListQuery,
): Promise<PaginatedList<ResultaattypeJson>> {
  const tree = parseExpand(query.expand, 'resultaattype');
  const datumsGeldigheid = optionalList(dateParameter('datumGeldigheid', query.datumGeldigheid), dateParameter('datum_geldigheid', query.datum_geldigheid));
  const window = pageRequest(query);
  const { count, rows } = await listResultaattypen(
    db,
    caller.tenant.id,
    {
      zaaktypeUuid: urlFilter(base, 'zaaktypen', 'zaaktype', query.zaaktype),
      identificaties: optionalList(query.zaaktypeIdentificatie, query.zaaktype_identificatie),
      concept: conceptFilter(query.status),
      datumsGeldigheid,
    },
    window,
  );
  const date = datumsGeldigheid?.[0] ?? amsterdamDate();
  const results = await presentRows(db, caller.tenant.id, rows, base, date);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date }, 'resultaattype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `resultaattype_retrieve` / `resultaattype_headers`: one resultaattype of the tenant; a 404 for anything else. */
export async function retrieveResultaattype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: ResultaattypeRetrieveQuery = {}): Promise<ResultaattypeJson> {
  const tree = parseExpand(query.expand, 'resultaattype');
  const row = isUuid(uuid) ? await findResultaattype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw partNotFound(LABEL, uuid);
  const json = await presentRow(db, caller.tenant.id, row, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'resultaattype', [json], tree);
  return json;
}

/** The stored resultaattype as writable input; its relations by name, as they are written. */
function toInput(json: ResultaattypeJson): ResultaattypeInput {
  const brondatum = json.brondatumArchiefprocedure;
  return {
    zaaktype: json.zaaktype,
    omschrijving: json.omschrijving,
    resultaattypeomschrijving: json.resultaattypeomschrijving,
    selectielijstklasse: json.selectielijstklasse,
    toelichting: json.toelichting,
    archiefnominatie: json.archiefnominatie as ResultaattypeInput['archiefnominatie'],
    archiefactietermijn: json.archiefactietermijn,
    brondatumArchiefprocedure: brondatum ? { ...brondatum, afleidingswijze: brondatum.afleidingswijze as Afleidingswijze } : null,
    procesobjectaard: json.procesobjectaard,
    indicatieSpecifiek: json.indicatieSpecifiek,
    procestermijn: json.procestermijn,
    besluittypen: json.besluittypeOmschrijving,
    informatieobjecttypen: json.informatieobjecttypeOmschrijving,
  };
}

/** What the rules resolved for a write. */
interface Resolved {
  zaaktype: OwningZaaktype;
  besluittypen: string[];
  informatieobjecttypen: string[];
  archief: ReturnType<typeof archiefDefaults>;
}

async function toValues(db: Kysely<Database>, tenantId: string, input: ResultaattypeInput, resolved: Resolved): Promise<ResultaattypeValues> {
  const catalogusUuid = resolved.zaaktype.catalogusUuid;
  const uuids = async (type: 'besluittypen' | 'informatieobjecttypen', names: readonly string[]) =>
    (await versionsByName(db, tenantId, type, catalogusUuid, names)).map((version) => version.uuid);
  const brondatum = input.brondatumArchiefprocedure;
  return {
    zaaktype_uuid: resolved.zaaktype.uuid,
    omschrijving: input.omschrijving,
    resultaattypeomschrijving: input.resultaattypeomschrijving,
    selectielijstklasse: input.selectielijstklasse,
    archiefnominatie: resolved.archief.archiefnominatie,
    archiefactietermijn: resolved.archief.archiefactietermijn,
    brondatum_archiefprocedure: brondatum
      ? {
          afleidingswijze: brondatum.afleidingswijze,
          datumkenmerk: brondatum.datumkenmerk ?? '',
          einddatumBekend: brondatum.einddatumBekend ?? false,
          objecttype: brondatum.objecttype ?? '',
          registratie: brondatum.registratie ?? '',
          procestermijn: brondatum.procestermijn || null,
        }
      : null,
    // Every version of the types named, for the components that read these columns; the names are what is written.
    besluittype_uuids: await uuids('besluittypen', resolved.besluittypen),
    informatieobjecttype_uuids: await uuids('informatieobjecttypen', resolved.informatieobjecttypen),
    data: defined({
      toelichting: input.toelichting ?? '',
      procesobjectaard: input.procesobjectaard ?? null,
      indicatieSpecifiek: input.indicatieSpecifiek ?? null,
      procestermijn: input.procestermijn ?? null,
      besluittypen: resolved.besluittypen,
      informatieobjecttypen: resolved.informatieobjecttypen,
    }),
  };
}

function omschrijvingProblem(omschrijving: string): InvalidParam {
  return { name: 'nonFieldErrors', code: 'unique', reason: `De omschrijving moet uniek zijn binnen het zaaktype: er is al een resultaattype "${omschrijving}".` };
}

/**
 * Every rule of a resultaattype about to be written: its zaaktype (ztc-010 through `conceptProblems`), the
 * Selectielijst (ztc-002 to ztc-008), a unique omschrijving, besluittypen and informatieobjecttypen of the
 * zaaktype's catalogus, and the geldigheid and catalogus it shares with its zaaktype.
 */
async function writeRules(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: ResultaattypeInput,
  written: ResultaattypePatch,
  options: { partial: boolean; exceptUuid?: string; conceptProblems: (zaaktype: OwningZaaktype) => InvalidParam[] },
): Promise<{ resolved?: Resolved; problems: InvalidParam[] }> {
  const { zaaktype, problems } = await writtenZaaktype(db, tenantId, base, input.zaaktype);
  const selectielijst = selectielijstProblems(input, zaaktype, base);
  const archief = archiefDefaults(input, selectielijst.resultaat);
  problems.push(
    ...selectielijst.problems,
    ...durationProblems({ archiefactietermijn: input.archiefactietermijn, procestermijn: input.procestermijn }, ['archiefactietermijn', 'procestermijn']),
    ...brondatumProblems(input.brondatumArchiefprocedure, selectielijst.resultaat),
    ...(options.partial ? [] : brondatumRequiredProblems(input.brondatumArchiefprocedure, archief.archiefnominatie)),
  );
  if (!zaaktype) return { problems };
  problems.push(...options.conceptProblems(zaaktype), ...geldigheidProblems(written, zaaktype), ...catalogusProblems(written.catalogus, zaaktype, base));
  if (typeof input.omschrijving === 'string' && (await omschrijvingTaken(db, tenantId, zaaktype.uuid, input.omschrijving, options.exceptUuid))) {
    problems.push(omschrijvingProblem(input.omschrijving));
  }
  const names = (values: unknown) => (Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : []);
  const besluittypen = await resolveTypeNames(db, tenantId, base, 'besluittypen', zaaktype.catalogusUuid, names(input.besluittypen), 'besluittypen');
  const informatieobjecttypen = await resolveTypeNames(db, tenantId, base, 'informatieobjecttypen', zaaktype.catalogusUuid, names(input.informatieobjecttypen), 'informatieobjecttypen');
  problems.push(...besluittypen.problems, ...informatieobjecttypen.problems);
  return { resolved: { zaaktype, besluittypen: besluittypen.names, informatieobjecttypen: informatieobjecttypen.names, archief }, problems };
}

/** Runs a write, answering a concurrent duplicate omschrijving the way the check before it would have. */
async function guardOmschrijving<T>(omschrijving: unknown, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, OMSCHRIJVING_CONSTRAINT) && typeof omschrijving === 'string') throw invalid([omschrijvingProblem(omschrijving)]);
    throw error;
  }
}

/**
 * `resultaattype_create`, and the service-level way for other modules (catalogue import, demo seed) to add a
 * resultaattype from API JSON: only to a concept zaaktype (ztc-010) unless the caller makes a correctie; the
 * archiefnominatie and archiefactietermijn default from the Selectielijst (ztc-002). Stored with its audit record
 * in one transaction (the caller's, when `db` is one).
 */
export async function createResultaattype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  input: ResultaattypeInput,
  schemaProblems: InvalidParam[] = [],
): Promise<ResultaattypeJson> {
  return guardOmschrijving(input.omschrijving, () =>
    inTransaction(db, async (trx) => {
      const { resolved, problems } = await writeRules(trx, caller.tenant.id, base, input, input, {
        partial: false,
        conceptProblems: (zaaktype) => createConceptProblems(LABEL, zaaktype, mayForceWrite(caller)),
      });
      throwProblems(schemaProblems, problems);
      if (!resolved) throw invalid(problems);
      const row = await insertResultaattype(trx, caller.tenant.id, await toValues(trx, caller.tenant.id, input, resolved));
      const json = await presentRow(trx, caller.tenant.id, row, base);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'create', resultaat: 201, url: json.url, zaaktypeUrl: json.zaaktype, weergave: resultaattypeWeergave(row), nieuw: json });
      return json;
    }),
  );
}

/**
 * `resultaattype_update` (PUT) and `resultaattype_partial_update` (PATCH): the client's attributes laid over the
 * stored ones, while the zaaktype it belongs to (and the one it moves to) is a concept, or as a correctie
 * (ztc-010). The rules hold for the result as a whole, so a changed selectielijstklasse is checked against the
 * stored brondatumArchiefprocedure too.
 */
export async function changeResultaattype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: ResultaattypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<ResultaattypeJson> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  return guardOmschrijving(changes.omschrijving, () =>
    inTransaction(db, async (trx) => {
      const before = await findResultaattype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const previous = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!previous) throw partNotFound(LABEL, uuid);
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      const merged: ResultaattypeInput = { ...toInput(oud), ...changes };
      const { resolved, problems } = await writeRules(trx, caller.tenant.id, base, merged, changes, {
        partial,
        exceptUuid: uuid,
        conceptProblems: (zaaktype) => changeConceptProblems(LABEL, previous, zaaktype, mayForceWrite(caller)),
      });
      throwProblems(schemaProblems, problems);
      if (!resolved) throw invalid(problems);
      const after = await updateResultaattype(trx, caller.tenant.id, uuid, await toValues(trx, caller.tenant.id, merged, resolved));
      if (!after) throw partNotFound(LABEL, uuid);
      const json = await presentRow(trx, caller.tenant.id, after, base);
      await recordPartChange(trx, caller, {
        resource: LABEL,
        actie: partial ? 'partial_update' : 'update',
        resultaat: 200,
        url: json.url,
        zaaktypeUrl: json.zaaktype,
        weergave: resultaattypeWeergave(after),
        oud,
        nieuw: json,
      });
      return json;
    }),
  );
}

/**
 * `resultaattype_destroy`: deletes a resultaattype of a concept zaaktype, or with `catalogi.geforceerd-verwijderen`
 * (ztc-010); never while resultaten of zaken have it (409).
 */
export async function destroyResultaattype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  try {
    await inTransaction(db, async (trx) => {
      const before = await findResultaattype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const zaaktype = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!zaaktype) throw partNotFound(LABEL, uuid);
      throwProblems([], deleteConceptProblems(LABEL, zaaktype, mayForceDelete(caller)));
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      await deleteResultaattype(trx, caller.tenant.id, uuid);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'destroy', resultaat: 204, url: resultaattypeUrl(base, uuid), zaaktypeUrl: oud.zaaktype, weergave: resultaattypeWeergave(before), oud });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw partInUse(LABEL);
    throw error;
  }
}
