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
import { isUuid, resourceUrl } from '../shared/urls.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { recordPartChange } from '../zaaktype-onderdelen/audit.ts';
import { catalogusProblems } from '../zaaktype-onderdelen/catalogus.ts';
import { changeConceptProblems, createConceptProblems, deleteConceptProblems } from '../zaaktype-onderdelen/concept.ts';
import { geldigheidProblems } from '../zaaktype-onderdelen/geldigheid.ts';
import { findOwningZaaktype, loadOwners, ownerOf, type OwningZaaktype } from '../zaaktype-onderdelen/owner.ts';
import { isForeignKeyViolation, partInUse, partNotFound, throwProblems } from '../zaaktype-onderdelen/problems.ts';
import { zaaktypeFilter } from '../zaaktype-onderdelen/query.ts';
import { writtenZaaktype } from '../zaaktype-onderdelen/zaaktype-reference.ts';
import { presentRoltype, roltypeUrl, roltypeWeergave, type RoltypeJson } from './present.ts';
import { deleteRoltype, findRoltype, findRoltypen, insertRoltype, listRoltypen, updateRoltype, type RoltypeRow, type RoltypeValues } from './repository.ts';
import type { RoltypeInput, RoltypeListQuery, RoltypePatch, RoltypeRetrieveQuery } from './schemas.ts';

/*
 * Business rules of ROLTYPE (Catalogi API 1.3.3): the kinds of party a zaak of the zaaktype can have. Scopes are
 * checked by route data; every query is scoped to the caller's tenant; every write shares one transaction with its
 * audit record (see ../zaaktype-onderdelen/audit.ts for why there is no notification).
 */

const LABEL = 'roltype';

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly RoltypeRow[], base: string): Promise<RoltypeJson[]> {
  const owners = await loadOwners(db, tenantId, rows.map((row) => row.zaaktype_uuid));
  return rows.map((row) => presentRoltype(row, ownerOf(owners, row.zaaktype_uuid), base));
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: RoltypeRow, base: string): Promise<RoltypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base);
  if (!json) throw new Error(`roltype ${row.uuid} not presented`);
  return json;
}

registerExpandable('roltype', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    zaaktype: { target: 'zaaktype', many: false, urls: singleUrl('zaaktype') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findRoltypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `roltype_list`: one page of the tenant's roltypen, those of published zaaktypen unless `status` says otherwise. */
export async function listRoltypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: RoltypeListQuery,
): Promise<PaginatedList<RoltypeJson>> {
  const tree = parseExpand(query.expand, 'roltype');
  const window = pageRequest(query);
  const { count, rows } = await listRoltypen(db, caller.tenant.id, { ...zaaktypeFilter(base, query), omschrijvingGeneriek: query.omschrijvingGeneriek }, window);
  const results = await presentRows(db, caller.tenant.id, rows, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: query.datumGeldigheid ?? amsterdamDate() }, 'roltype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `roltype_retrieve` / `roltype_headers`: one roltype of the tenant; a 404 for anything else. */
export async function retrieveRoltype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: RoltypeRetrieveQuery = {}): Promise<RoltypeJson> {
  const tree = parseExpand(query.expand, 'roltype');
  const row = isUuid(uuid) ? await findRoltype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw partNotFound(LABEL, uuid);
  const json = await presentRow(db, caller.tenant.id, row, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'roltype', [json], tree);
  return json;
}

/** The stored roltype as writable input, so a change can lay the client's attributes over it. */
function toInput(row: RoltypeRow, base: string): RoltypeInput {
  return {
    zaaktype: resourceUrl(base, 'zaaktypen', row.zaaktype_uuid),
    omschrijving: row.omschrijving,
    omschrijvingGeneriek: row.omschrijving_generiek as RoltypeInput['omschrijvingGeneriek'],
  };
}

function toValues(input: RoltypeInput, zaaktype: OwningZaaktype): RoltypeValues {
  return { zaaktype_uuid: zaaktype.uuid, omschrijving: input.omschrijving, omschrijving_generiek: input.omschrijvingGeneriek };
}

/** The roltype's own rules, once its zaaktype is known. */
function roltypeProblems(body: RoltypePatch, zaaktype: OwningZaaktype, base: string): InvalidParam[] {
  return [...geldigheidProblems(body, zaaktype), ...catalogusProblems(body.catalogus, zaaktype, base)];
}

/**
 * `roltype_create`, and the service-level way for other modules (catalogue import, demo seed) to add a roltype
 * from API JSON: only to a concept zaaktype (ztc-010) unless the caller makes a correctie. Stored with its audit
 * record in one transaction (the caller's, when `db` is one).
 */
export async function createRoltype(db: Kysely<Database>, caller: CatalogiCaller, base: string, input: RoltypeInput, schemaProblems: InvalidParam[] = []): Promise<RoltypeJson> {
  return inTransaction(db, async (trx) => {
    const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, input.zaaktype);
    if (zaaktype) problems.push(...createConceptProblems(LABEL, zaaktype, mayForceWrite(caller)), ...roltypeProblems(input, zaaktype, base));
    throwProblems(schemaProblems, problems);
    if (!zaaktype) throw invalid(problems);
    const row = await insertRoltype(trx, caller.tenant.id, toValues(input, zaaktype));
    const json = await presentRow(trx, caller.tenant.id, row, base);
    await recordPartChange(trx, caller, { resource: LABEL, actie: 'create', resultaat: 201, url: json.url, zaaktypeUrl: json.zaaktype, weergave: roltypeWeergave(row), nieuw: json });
    return json;
  });
}

/**
 * `roltype_update` (PUT) and `roltype_partial_update` (PATCH): the client's attributes laid over the stored ones,
 * while the zaaktype it belongs to (and the one it moves to) is a concept, or as a correctie (ztc-010).
 */
export async function changeRoltype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: RoltypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<RoltypeJson> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  return inTransaction(db, async (trx) => {
    const before = await findRoltype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw partNotFound(LABEL, uuid);
    const previous = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
    if (!previous) throw partNotFound(LABEL, uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const merged: RoltypeInput = { ...toInput(before, base), ...changes };
    const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, merged.zaaktype);
    if (zaaktype) problems.push(...changeConceptProblems(LABEL, previous, zaaktype, mayForceWrite(caller)), ...roltypeProblems(changes, zaaktype, base));
    throwProblems(schemaProblems, problems);
    if (!zaaktype) throw invalid(problems);
    const after = await updateRoltype(trx, caller.tenant.id, uuid, toValues(merged, zaaktype));
    if (!after) throw partNotFound(LABEL, uuid);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordPartChange(trx, caller, {
      resource: LABEL,
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      url: json.url,
      zaaktypeUrl: json.zaaktype,
      weergave: roltypeWeergave(after),
      oud,
      nieuw: json,
    });
    return json;
  });
}

/**
 * `roltype_destroy`: deletes a roltype of a concept zaaktype, or with `catalogi.geforceerd-verwijderen` (ztc-010);
 * never while rollen of zaken have it (409).
 */
export async function destroyRoltype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  try {
    await inTransaction(db, async (trx) => {
      const before = await findRoltype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const zaaktype = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!zaaktype) throw partNotFound(LABEL, uuid);
      throwProblems([], deleteConceptProblems(LABEL, zaaktype, mayForceDelete(caller)));
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      await deleteRoltype(trx, caller.tenant.id, uuid);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'destroy', resultaat: 204, url: roltypeUrl(base, uuid), zaaktypeUrl: oud.zaaktype, weergave: roltypeWeergave(before), oud });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw partInUse(LABEL);
    throw error;
  }
}
