import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { conceptFilter, urlFilter } from '../shared/query.ts';
import { familyKey } from '../shared/repository.ts';
import { isUuid, resourceUrl, uuidInCollection } from '../shared/urls.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { recordPartChange } from '../zaaktype-onderdelen/audit.ts';
import { changeConceptProblems, createConceptProblems, deleteConceptProblems } from '../zaaktype-onderdelen/concept.ts';
import { findOwningZaaktype, loadOwners, ownerOf, type OwningZaaktype } from '../zaaktype-onderdelen/owner.ts';
import { isUniqueViolation, partNotFound, throwProblems } from '../zaaktype-onderdelen/problems.ts';
import { resolveSibling } from '../zaaktype-onderdelen/sibling-reference.ts';
import { isUrl, resolveTypeName } from '../zaaktype-onderdelen/type-names.ts';
import { writtenZaaktype } from '../zaaktype-onderdelen/zaaktype-reference.ts';
import {
  presentZaaktypeInformatieobjecttype,
  zaaktypeInformatieobjecttypeUrl,
  zaaktypeInformatieobjecttypeWeergave,
  type ZaaktypeInformatieobjecttypeJson,
} from './present.ts';
import {
  deleteZaaktypeInformatieobjecttype,
  findInformatieobjecttypeVersion,
  findZaaktypeInformatieobjecttype,
  findZaaktypeInformatieobjecttypen,
  insertZaaktypeInformatieobjecttype,
  listZaaktypeInformatieobjecttypen,
  shownInformatieobjecttypen,
  updateZaaktypeInformatieobjecttype,
  volgnummerTaken,
  VOLGNUMMER_CONSTRAINT,
  type ZaaktypeInformatieobjecttypeFilter,
  type ZaaktypeInformatieobjecttypeRow,
  type ZaaktypeInformatieobjecttypeValues,
} from './repository.ts';
import type {
  Richting,
  ZaaktypeInformatieobjecttypeInput,
  ZaaktypeInformatieobjecttypeListQuery,
  ZaaktypeInformatieobjecttypePatch,
  ZaaktypeInformatieobjecttypeRetrieveQuery,
} from './schemas.ts';

/*
 * Business rules of ZAAKTYPE-INFORMATIEOBJECTTYPE (Catalogi API 1.3.3): which kinds of document a zaak of the
 * zaaktype may hold, in which direction, in volgnummer order (unique per zaaktype), and at which statustype they
 * must be there. The informatieobjecttype is named by its omschrijving in the zaaktype's catalogus, so the relation
 * holds for all its versions. Scopes are checked by route data; every query is scoped to the caller's tenant; every
 * write shares one transaction with its audit record (see ../zaaktype-onderdelen/audit.ts: no notification).
 */

const LABEL = 'zaaktype-informatieobjecttype';
/** The audit trail's resource name, as the expansion names the kind. */
const RESOURCE = 'zaaktypeinformatieobjecttype';

async function presentRows(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly ZaaktypeInformatieobjecttypeRow[],
  base: string,
  date = amsterdamDate(),
): Promise<ZaaktypeInformatieobjecttypeJson[]> {
  const owners = await loadOwners(db, tenantId, rows.map((row) => row.zaaktype_uuid));
  const families = rows.map((row) => ({ catalogusUuid: ownerOf(owners, row.zaaktype_uuid).catalogusUuid, omschrijving: row.informatieobjecttype_omschrijving }));
  const shown = new Map((await shownInformatieobjecttypen(db, tenantId, families, date)).map((version) => [familyKey(version.catalogus_uuid, version.omschrijving), version.uuid]));
  return rows.map((row) => {
    const owner = ownerOf(owners, row.zaaktype_uuid);
    return presentZaaktypeInformatieobjecttype(row, owner, shown.get(familyKey(owner.catalogusUuid, row.informatieobjecttype_omschrijving)), base);
  });
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: ZaaktypeInformatieobjecttypeRow, base: string): Promise<ZaaktypeInformatieobjecttypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base);
  if (!json) throw new Error(`zaaktype-informatieobjecttype ${row.uuid} not presented`);
  return json;
}

registerExpandable('zaaktypeinformatieobjecttype', {
  relations: {
    zaaktype: { target: 'zaaktype', many: false, urls: singleUrl('zaaktype') },
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    informatieobjecttype: { target: 'informatieobjecttype', many: false, urls: singleUrl('informatieobjecttype') },
    statustype: { target: 'statustype', many: false, urls: singleUrl('statustype') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findZaaktypeInformatieobjecttypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base, context.date);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/**
 * The `informatieobjecttype` filter: an omschrijving, or the URL of one version, which stands for its omschrijving
 * in its own catalogus. A URL of another endpoint, or of no version, selects nothing (null).
 */
async function informatieobjecttypeFilter(db: Kysely<Database>, tenantId: string, base: string, value: string | undefined): Promise<ZaaktypeInformatieobjecttypeFilter['informatieobjecttype']> {
  if (value === undefined) return undefined;
  if (!isUrl(value)) return { omschrijving: value };
  const uuid = uuidInCollection(base, 'informatieobjecttypen', value);
  const version = uuid === undefined ? undefined : await findInformatieobjecttypeVersion(db, tenantId, uuid);
  return version ? { omschrijving: version.omschrijving, catalogusUuid: version.catalogus_uuid } : null;
}

/**
 * `zaakinformatieobjecttype_list`: one page of the tenant's zaaktype-informatieobjecttypen. `status` works as the
 * reference implementation's: definitief when the zaaktype is published and the informatieobjecttype has a
 * published version, concept otherwise; definitief unless asked otherwise.
 */
export async function listZaaktypeInformatieobjecttypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: ZaaktypeInformatieobjecttypeListQuery,
): Promise<PaginatedList<ZaaktypeInformatieobjecttypeJson>> {
  const tree = parseExpand(query.expand, 'zaaktypeinformatieobjecttype');
  const window = pageRequest(query);
  const concept = conceptFilter(query.status);
  const { count, rows } = await listZaaktypeInformatieobjecttypen(
    db,
    caller.tenant.id,
    {
      zaaktypeUuid: urlFilter(base, 'zaaktypen', 'zaaktype', query.zaaktype),
      informatieobjecttype: await informatieobjecttypeFilter(db, caller.tenant.id, base, query.informatieobjecttype),
      richting: query.richting,
      definitief: concept === undefined ? undefined : !concept,
    },
    window,
  );
  const results = await presentRows(db, caller.tenant.id, rows, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'zaaktypeinformatieobjecttype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `zaakinformatieobjecttype_retrieve` / `_headers`: one of the tenant; a 404 for anything else. */
export async function retrieveZaaktypeInformatieobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  query: ZaaktypeInformatieobjecttypeRetrieveQuery = {},
): Promise<ZaaktypeInformatieobjecttypeJson> {
  const tree = parseExpand(query.expand, 'zaaktypeinformatieobjecttype');
  const row = isUuid(uuid) ? await findZaaktypeInformatieobjecttype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw partNotFound(LABEL, uuid);
  const json = await presentRow(db, caller.tenant.id, row, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'zaaktypeinformatieobjecttype', [json], tree);
  return json;
}

/** The stored relation as writable input: the informatieobjecttype by omschrijving, as it is written. */
function toInput(row: ZaaktypeInformatieobjecttypeRow, base: string): ZaaktypeInformatieobjecttypeInput {
  return {
    zaaktype: resourceUrl(base, 'zaaktypen', row.zaaktype_uuid),
    informatieobjecttype: row.informatieobjecttype_omschrijving,
    volgnummer: row.volgnummer,
    richting: row.richting as Richting,
    statustype: row.statustype_uuid === null ? null : resourceUrl(base, 'statustypen', row.statustype_uuid),
  };
}

function volgnummerProblem(volgnummer: number): InvalidParam {
  return { name: 'nonFieldErrors', code: 'unique', reason: `Het volgnummer moet uniek zijn binnen het zaaktype: er is al een zaaktype-informatieobjecttype met volgnummer ${volgnummer}.` };
}

/**
 * Every rule of a relation about to be written: its zaaktype (ztc-010 through `conceptProblems`), an
 * informatieobjecttype of the zaaktype's catalogus (ztc-013), a statustype of the same zaaktype and a volgnummer
 * unique within it. Returns the values to store when there is no problem.
 */
async function writeRules(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: ZaaktypeInformatieobjecttypeInput,
  options: { exceptUuid?: string; conceptProblems: (zaaktype: OwningZaaktype) => InvalidParam[] },
): Promise<{ values?: ZaaktypeInformatieobjecttypeValues; problems: InvalidParam[] }> {
  const { zaaktype, problems } = await writtenZaaktype(db, tenantId, base, input.zaaktype);
  if (!zaaktype) return { problems };
  problems.push(...options.conceptProblems(zaaktype));
  if (typeof input.volgnummer === 'number' && (await volgnummerTaken(db, tenantId, zaaktype.uuid, input.volgnummer, options.exceptUuid))) {
    problems.push(volgnummerProblem(input.volgnummer));
  }
  const informatieobjecttype =
    typeof input.informatieobjecttype === 'string'
      ? await resolveTypeName(db, tenantId, base, 'informatieobjecttypen', zaaktype.catalogusUuid, input.informatieobjecttype, 'informatieobjecttype')
      : undefined;
  if (informatieobjecttype === undefined) problems.push({ name: 'informatieobjecttype', code: 'required', reason: 'Dit veld is vereist.' });
  else if ('problem' in informatieobjecttype) problems.push(informatieobjecttype.problem);
  const statustype = typeof input.statustype === 'string' ? await resolveSibling(db, tenantId, base, 'statustypen', input.statustype, zaaktype.uuid, 'statustype') : undefined;
  if (statustype && 'problem' in statustype) problems.push(statustype.problem);
  if (problems.length > 0 || !informatieobjecttype || 'problem' in informatieobjecttype || (statustype && 'problem' in statustype)) return { problems };
  return {
    values: {
      zaaktype_uuid: zaaktype.uuid,
      informatieobjecttype_omschrijving: informatieobjecttype.name,
      volgnummer: input.volgnummer,
      richting: input.richting,
      statustype_uuid: statustype ? statustype.uuid : null,
    },
    problems,
  };
}

/** Runs a write, answering a concurrent duplicate volgnummer the way the check before it would have. */
async function guardVolgnummer<T>(volgnummer: unknown, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, VOLGNUMMER_CONSTRAINT) && typeof volgnummer === 'number') throw invalid([volgnummerProblem(volgnummer)]);
    throw error;
  }
}

/**
 * `zaakinformatieobjecttype_create`, and the service-level way for other modules (catalogue import, demo seed) to
 * relate an informatieobjecttype to a zaaktype from API JSON: only to a concept zaaktype (ztc-010) unless the
 * caller makes a correctie. Stored with its audit record in one transaction (the caller's, when `db` is one).
 */
export async function createZaaktypeInformatieobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  input: ZaaktypeInformatieobjecttypeInput,
  schemaProblems: InvalidParam[] = [],
): Promise<ZaaktypeInformatieobjecttypeJson> {
  return guardVolgnummer(input.volgnummer, () =>
    inTransaction(db, async (trx) => {
      const { values, problems } = await writeRules(trx, caller.tenant.id, base, input, { conceptProblems: (zaaktype) => createConceptProblems(LABEL, zaaktype, mayForceWrite(caller)) });
      throwProblems(schemaProblems, problems);
      if (!values) throw invalid(problems);
      const row = await insertZaaktypeInformatieobjecttype(trx, caller.tenant.id, values);
      const json = await presentRow(trx, caller.tenant.id, row, base);
      await recordPartChange(trx, caller, {
        resource: RESOURCE,
        actie: 'create',
        resultaat: 201,
        url: json.url,
        zaaktypeUrl: json.zaaktype,
        weergave: zaaktypeInformatieobjecttypeWeergave(row),
        nieuw: json,
      });
      return json;
    }),
  );
}

/**
 * `zaakinformatieobjecttype_update` (PUT) and `_partial_update` (PATCH): the client's attributes laid over the
 * stored ones, while the zaaktype it belongs to (and the one it moves to) is a concept, or as a correctie (ztc-010).
 */
export async function changeZaaktypeInformatieobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: ZaaktypeInformatieobjecttypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<ZaaktypeInformatieobjecttypeJson> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  return guardVolgnummer(changes.volgnummer, () =>
    inTransaction(db, async (trx) => {
      const before = await findZaaktypeInformatieobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const previous = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!previous) throw partNotFound(LABEL, uuid);
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      const merged: ZaaktypeInformatieobjecttypeInput = { ...toInput(before, base), ...changes };
      const { values, problems } = await writeRules(trx, caller.tenant.id, base, merged, {
        exceptUuid: uuid,
        conceptProblems: (zaaktype) => changeConceptProblems(LABEL, previous, zaaktype, mayForceWrite(caller)),
      });
      throwProblems(schemaProblems, problems);
      if (!values) throw invalid(problems);
      const after = await updateZaaktypeInformatieobjecttype(trx, caller.tenant.id, uuid, values);
      if (!after) throw partNotFound(LABEL, uuid);
      const json = await presentRow(trx, caller.tenant.id, after, base);
      await recordPartChange(trx, caller, {
        resource: RESOURCE,
        actie: partial ? 'partial_update' : 'update',
        resultaat: 200,
        url: json.url,
        zaaktypeUrl: json.zaaktype,
        weergave: zaaktypeInformatieobjecttypeWeergave(after),
        oud,
        nieuw: json,
      });
      return json;
    }),
  );
}

/**
 * `zaakinformatieobjecttype_destroy`: deletes the relation while its zaaktype is a concept, or with
 * `catalogi.geforceerd-verwijderen` (ztc-010).
 */
export async function destroyZaaktypeInformatieobjecttype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  await inTransaction(db, async (trx) => {
    const before = await findZaaktypeInformatieobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw partNotFound(LABEL, uuid);
    const zaaktype = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
    if (!zaaktype) throw partNotFound(LABEL, uuid);
    throwProblems([], deleteConceptProblems(LABEL, zaaktype, mayForceDelete(caller)));
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    await deleteZaaktypeInformatieobjecttype(trx, caller.tenant.id, uuid);
    await recordPartChange(trx, caller, {
      resource: RESOURCE,
      actie: 'destroy',
      resultaat: 204,
      url: zaaktypeInformatieobjecttypeUrl(base, uuid),
      zaaktypeUrl: oud.zaaktype,
      weergave: zaaktypeInformatieobjecttypeWeergave(before),
      oud,
    });
  });
}
