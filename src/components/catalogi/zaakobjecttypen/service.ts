import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, urlList, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { urlFilter } from '../shared/query.ts';
import { catalogusUrl, isUuid, resourceUrl } from '../shared/urls.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { recordPartChange } from '../zaaktype-onderdelen/audit.ts';
import { catalogusProblems } from '../zaaktype-onderdelen/catalogus.ts';
import { changeConceptProblems, createConceptProblems, deleteConceptProblems } from '../zaaktype-onderdelen/concept.ts';
import { geldigheidProblems } from '../zaaktype-onderdelen/geldigheid.ts';
import { findOwningZaaktype, loadOwners, ownerOf, type OwningZaaktype } from '../zaaktype-onderdelen/owner.ts';
import { isForeignKeyViolation, partInUse, partNotFound, throwProblems } from '../zaaktype-onderdelen/problems.ts';
import { dateParameter, optionalList } from '../zaaktype-onderdelen/query.ts';
import { writtenZaaktype } from '../zaaktype-onderdelen/zaaktype-reference.ts';
import { presentZaakobjecttype, zaakobjecttypeUrl, zaakobjecttypeWeergave, type ZaakobjecttypeJson } from './present.ts';
import {
  deleteZaakobjecttype,
  findZaakobjecttype,
  findZaakobjecttypen,
  insertZaakobjecttype,
  listZaakobjecttypen,
  updateZaakobjecttype,
  type ZaakobjecttypeRow,
  type ZaakobjecttypeValues,
} from './repository.ts';
import type { ZaakobjecttypeInput, ZaakobjecttypeListQuery, ZaakobjecttypePatch, ZaakobjecttypeRetrieveQuery } from './schemas.ts';

/*
 * Business rules of ZAAKOBJECTTYPE (Catalogi API 1.3.3): the kinds of object (from an Objecttypen API) a zaak of the
 * zaaktype can be about. Scopes are checked by route data; every query is scoped to the caller's tenant; every
 * write shares one transaction with its audit record (see ../zaaktype-onderdelen/audit.ts: no notification).
 */

const LABEL = 'zaakobjecttype';

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly ZaakobjecttypeRow[], base: string): Promise<ZaakobjecttypeJson[]> {
  const owners = await loadOwners(db, tenantId, rows.map((row) => row.zaaktype_uuid));
  return rows.map((row) => presentZaakobjecttype(row, ownerOf(owners, row.zaaktype_uuid), base));
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: ZaakobjecttypeRow, base: string): Promise<ZaakobjecttypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base);
  if (!json) throw new Error(`zaakobjecttype ${row.uuid} not presented`);
  return json;
}

registerExpandable('zaakobjecttype', {
  relations: {
    zaaktype: { target: 'zaaktype', many: false, urls: singleUrl('zaaktype') },
    resultaattypen: { target: 'resultaattype', many: true, urls: urlList('resultaattypen') },
    statustypen: { target: 'statustype', many: true, urls: urlList('statustypen') },
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findZaakobjecttypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `anderObjecttype` as the reference implementation's boolean filter reads it; anything else is a 400. */
function booleanParameter(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (['true', 'True', '1'].includes(value)) return true;
  if (['false', 'False', '0'].includes(value)) return false;
  throw invalid([{ name, code: 'invalid', reason: 'Geef true of false op.' }]);
}

/** A URL parameter compared as written (`objecttype`), a 400 when it is no URL. */
function urlParameter(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    new URL(value);
  } catch {
    throw invalid([{ name, code: 'invalid', reason: 'Voer een geldige URL in.' }]);
  }
  return value;
}

/**
 * `zaakobjecttype_list`: one page of the tenant's zaakobjecttypen. The spec gives this list no `status`, and the
 * reference implementation shows the parts of published zaaktypen only, as the other part lists do by default.
 */
export async function listZaakobjecttypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: ZaakobjecttypeListQuery,
): Promise<PaginatedList<ZaakobjecttypeJson>> {
  const tree = parseExpand(query.expand, 'zaakobjecttype');
  const window = pageRequest(query);
  const { count, rows } = await listZaakobjecttypen(
    db,
    caller.tenant.id,
    {
      zaaktypeUuid: urlFilter(base, 'zaaktypen', 'zaaktype', query.zaaktype),
      identificaties: optionalList(query.zaaktypeIdentificatie),
      concept: false,
      datumsGeldigheid: optionalList(dateParameter('datumGeldigheid', query.datumGeldigheid)),
      catalogusUuid: urlFilter(base, 'catalogussen', 'catalogus', query.catalogus),
      beginGeldigheid: dateParameter('datumBeginGeldigheid', query.datumBeginGeldigheid),
      eindeGeldigheid: dateParameter('datumEindeGeldigheid', query.datumEindeGeldigheid),
      anderObjecttype: booleanParameter('anderObjecttype', query.anderObjecttype),
      objecttype: urlParameter('objecttype', query.objecttype),
      relatieOmschrijving: query.relatieOmschrijving,
    },
    window,
  );
  const results = await presentRows(db, caller.tenant.id, rows, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: query.datumGeldigheid ?? amsterdamDate() }, 'zaakobjecttype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `zaakobjecttype_retrieve` / `zaakobjecttype_headers`: one zaakobjecttype of the tenant; a 404 for anything else. */
export async function retrieveZaakobjecttype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: ZaakobjecttypeRetrieveQuery = {}): Promise<ZaakobjecttypeJson> {
  const tree = parseExpand(query.expand, 'zaakobjecttype');
  const row = isUuid(uuid) ? await findZaakobjecttype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw partNotFound(LABEL, uuid);
  const json = await presentRow(db, caller.tenant.id, row, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'zaakobjecttype', [json], tree);
  return json;
}

/** The stored zaakobjecttype as writable input, so a change can lay the client's attributes over it. */
function toInput(row: ZaakobjecttypeRow, zaaktype: OwningZaaktype, base: string): ZaakobjecttypeInput {
  return {
    anderObjecttype: row.data.anderObjecttype === true,
    objecttype: row.objecttype,
    relatieOmschrijving: row.relatie_omschrijving,
    zaaktype: resourceUrl(base, 'zaaktypen', zaaktype.uuid),
    catalogus: catalogusUrl(base, zaaktype.catalogusUuid),
  };
}

function toValues(input: ZaakobjecttypeInput, zaaktype: OwningZaaktype): ZaakobjecttypeValues {
  return { zaaktype_uuid: zaaktype.uuid, objecttype: input.objecttype, relatie_omschrijving: input.relatieOmschrijving, data: { anderObjecttype: input.anderObjecttype } };
}

/**
 * The zaakobjecttype's own rules, once its zaaktype is known: the catalogus is the zaaktype's, and so is the
 * geldigheid. For a PATCH that moves it to a zaaktype of another catalogus, the stored catalogus no longer fits:
 * the client names the new one too.
 */
function zaakobjecttypeProblems(input: ZaakobjecttypeInput, written: ZaakobjecttypePatch, zaaktype: OwningZaaktype, base: string): InvalidParam[] {
  return [...geldigheidProblems(written, zaaktype), ...catalogusProblems(input.catalogus, zaaktype, base)];
}

/**
 * `zaakobjecttype_create`, and the service-level way for other modules (catalogue import, demo seed) to add a
 * zaakobjecttype from API JSON: only to a concept zaaktype (ztc-010) unless the caller makes a correctie. Stored
 * with its audit record in one transaction (the caller's, when `db` is one).
 */
export async function createZaakobjecttype(db: Kysely<Database>, caller: CatalogiCaller, base: string, input: ZaakobjecttypeInput, schemaProblems: InvalidParam[] = []): Promise<ZaakobjecttypeJson> {
  return inTransaction(db, async (trx) => {
    const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, input.zaaktype);
    if (zaaktype) problems.push(...createConceptProblems(LABEL, zaaktype, mayForceWrite(caller)), ...zaakobjecttypeProblems(input, input, zaaktype, base));
    throwProblems(schemaProblems, problems);
    if (!zaaktype) throw invalid(problems);
    const row = await insertZaakobjecttype(trx, caller.tenant.id, toValues(input, zaaktype));
    const json = await presentRow(trx, caller.tenant.id, row, base);
    await recordPartChange(trx, caller, { resource: LABEL, actie: 'create', resultaat: 201, url: json.url, zaaktypeUrl: json.zaaktype, weergave: zaakobjecttypeWeergave(row), nieuw: json });
    return json;
  });
}

/**
 * `zaakobjecttype_update` (PUT) and `zaakobjecttype_partial_update` (PATCH): the client's attributes laid over the
 * stored ones, while the zaaktype it belongs to (and the one it moves to) is a concept, or as a correctie (ztc-010).
 */
export async function changeZaakobjecttype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: ZaakobjecttypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<ZaakobjecttypeJson> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  return inTransaction(db, async (trx) => {
    const before = await findZaakobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
    if (!before) throw partNotFound(LABEL, uuid);
    const previous = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
    if (!previous) throw partNotFound(LABEL, uuid);
    const oud = await presentRow(trx, caller.tenant.id, before, base);
    const merged: ZaakobjecttypeInput = { ...toInput(before, previous, base), ...changes };
    const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, merged.zaaktype);
    if (zaaktype) problems.push(...changeConceptProblems(LABEL, previous, zaaktype, mayForceWrite(caller)), ...zaakobjecttypeProblems(merged, changes, zaaktype, base));
    throwProblems(schemaProblems, problems);
    if (!zaaktype) throw invalid(problems);
    const after = await updateZaakobjecttype(trx, caller.tenant.id, uuid, toValues(merged, zaaktype));
    if (!after) throw partNotFound(LABEL, uuid);
    const json = await presentRow(trx, caller.tenant.id, after, base);
    await recordPartChange(trx, caller, {
      resource: LABEL,
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      url: json.url,
      zaaktypeUrl: json.zaaktype,
      weergave: zaakobjecttypeWeergave(after),
      oud,
      nieuw: json,
    });
    return json;
  });
}

/**
 * `zaakobjecttype_destroy`: deletes a zaakobjecttype of a concept zaaktype, or with
 * `catalogi.geforceerd-verwijderen` (ztc-010); never while zaakobjecten have it (409).
 */
export async function destroyZaakobjecttype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  try {
    await inTransaction(db, async (trx) => {
      const before = await findZaakobjecttype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const zaaktype = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!zaaktype) throw partNotFound(LABEL, uuid);
      throwProblems([], deleteConceptProblems(LABEL, zaaktype, mayForceDelete(caller)));
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      await deleteZaakobjecttype(trx, caller.tenant.id, uuid);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'destroy', resultaat: 204, url: zaakobjecttypeUrl(base, uuid), zaaktypeUrl: oud.zaaktype, weergave: zaakobjecttypeWeergave(before), oud });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw partInUse(LABEL);
    throw error;
  }
}
