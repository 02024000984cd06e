import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { durationProblems } from '../shared/body.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { defined } from '../shared/data.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, urlList, type ExpandContext } from '../shared/expand.ts';
import { amsterdamDate } from '../shared/geldigheid.ts';
import { isUuid } from '../shared/urls.ts';
// For its effect: a catalogus can be expanded from this type.
import '../shared/catalogus-expand.ts';
import { recordPartChange } from '../zaaktype-onderdelen/audit.ts';
import { changeConceptProblems, createConceptProblems, deleteConceptProblems } from '../zaaktype-onderdelen/concept.ts';
import { geldigheidProblems } from '../zaaktype-onderdelen/geldigheid.ts';
import { findOwningZaaktype, loadOwners, ownerOf, type OwningZaaktype } from '../zaaktype-onderdelen/owner.ts';
import { isForeignKeyViolation, isUniqueViolation, partInUse, partNotFound, throwProblems } from '../zaaktype-onderdelen/problems.ts';
import { zaaktypeFilter } from '../zaaktype-onderdelen/query.ts';
import { resolveSiblings } from '../zaaktype-onderdelen/sibling-reference.ts';
import { writtenZaaktype } from '../zaaktype-onderdelen/zaaktype-reference.ts';
import { presentStatustype, statustypeUrl, statustypeWeergave, type StatustypeJson } from './present.ts';
import {
  assignEigenschappen,
  countZaaktypeInformatieobjecttypen,
  deleteStatustype,
  findStatustype,
  findStatustypen,
  highestVolgnummers,
  insertStatustype,
  listStatustypen,
  requiredEigenschappen,
  updateStatustype,
  volgnummerTaken,
  VOLGNUMMER_CONSTRAINT,
  type StatustypeRow,
  type StatustypeValues,
} from './repository.ts';
import type { ChecklistItem, StatustypeInput, StatustypeListQuery, StatustypePatch, StatustypeRetrieveQuery } from './schemas.ts';

/*
 * Business rules of STATUSTYPE (Catalogi API 1.3.3): the steps of a zaak of the zaaktype, ordered by volgnummer
 * (unique per zaaktype); the one with the highest volgnummer is the eindstatus, which closes a zaak in the Zaken
 * API. Scopes are checked by route data; every query is scoped to the caller's tenant; every write shares one
 * transaction with its audit record (see ../zaaktype-onderdelen/audit.ts for why there is no notification).
 */

const LABEL = 'statustype';

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly StatustypeRow[], base: string): Promise<StatustypeJson[]> {
  const zaaktypeUuids = rows.map((row) => row.zaaktype_uuid);
  const [owners, highest, required] = await Promise.all([
    loadOwners(db, tenantId, zaaktypeUuids),
    highestVolgnummers(db, tenantId, zaaktypeUuids),
    requiredEigenschappen(db, tenantId, rows.map((row) => row.uuid)),
  ]);
  return rows.map((row) =>
    presentStatustype(
      row,
      { owner: ownerOf(owners, row.zaaktype_uuid), highestVolgnummer: highest.get(row.zaaktype_uuid) ?? row.volgnummer, eigenschappen: required.get(row.uuid) ?? [] },
      base,
    ),
  );
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: StatustypeRow, base: string): Promise<StatustypeJson> {
  const [json] = await presentRows(db, tenantId, [row], base);
  if (!json) throw new Error(`statustype ${row.uuid} not presented`);
  return json;
}

registerExpandable('statustype', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    zaaktype: { target: 'zaaktype', many: false, urls: singleUrl('zaaktype') },
    eigenschappen: { target: 'eigenschap', many: true, urls: urlList('eigenschappen') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findStatustypen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `statustype_list`: one page of the tenant's statustypen, those of published zaaktypen unless `status` says otherwise. */
export async function listStatustypePage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: StatustypeListQuery,
): Promise<PaginatedList<StatustypeJson>> {
  const tree = parseExpand(query.expand, 'statustype');
  const window = pageRequest(query);
  const { count, rows } = await listStatustypen(db, caller.tenant.id, zaaktypeFilter(base, query), window);
  const results = await presentRows(db, caller.tenant.id, rows, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: query.datumGeldigheid ?? amsterdamDate() }, 'statustype', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `statustype_retrieve` / `statustype_headers`: one statustype of the tenant; a 404 for anything else. */
export async function retrieveStatustype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: StatustypeRetrieveQuery = {}): Promise<StatustypeJson> {
  const tree = parseExpand(query.expand, 'statustype');
  const row = isUuid(uuid) ? await findStatustype(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw partNotFound(LABEL, uuid);
  const json = await presentRow(db, caller.tenant.id, row, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'statustype', [json], tree);
  return json;
}

/** The stored statustype as writable input (its presentation already has every attribute in API form). */
function toInput(json: StatustypeJson): StatustypeInput {
  return {
    omschrijving: json.omschrijving,
    omschrijvingGeneriek: json.omschrijvingGeneriek,
    statustekst: json.statustekst,
    zaaktype: json.zaaktype,
    volgnummer: json.volgnummer,
    informeren: json.informeren,
    doorlooptijd: json.doorlooptijd,
    toelichting: json.toelichting,
    checklistitemStatustype: json.checklistitemStatustype,
    eigenschappen: json.eigenschappen,
  };
}

function checklistItem(item: ChecklistItem): ChecklistItem {
  return { itemnaam: item.itemnaam, toelichting: item.toelichting ?? null, vraagstelling: item.vraagstelling, verplicht: item.verplicht ?? false };
}

function toValues(input: StatustypeInput, zaaktype: OwningZaaktype): StatustypeValues {
  return {
    zaaktype_uuid: zaaktype.uuid,
    omschrijving: input.omschrijving,
    volgnummer: input.volgnummer,
    informeren: input.informeren ?? false,
    data: defined({
      omschrijvingGeneriek: input.omschrijvingGeneriek ?? '',
      statustekst: input.statustekst ?? '',
      doorlooptijd: input.doorlooptijd ?? null,
      toelichting: input.toelichting ?? null,
      checklistitemStatustype: (input.checklistitemStatustype ?? []).map(checklistItem),
    }),
  };
}

function volgnummerProblem(volgnummer: number): InvalidParam {
  return { name: 'nonFieldErrors', code: 'unique', reason: `Het volgnummer moet uniek zijn binnen het zaaktype: er is al een statustype met volgnummer ${volgnummer}.` };
}

/**
 * The statustype's own rules, once its zaaktype is known: geldigheid, doorlooptijd, a volgnummer unique within the
 * zaaktype, and eigenschappen of that same zaaktype. Returns the eigenschappen as uuids.
 */
async function statustypeProblems(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: StatustypeInput,
  written: StatustypePatch,
  zaaktype: OwningZaaktype,
  exceptUuid?: string,
): Promise<{ eigenschappen: string[]; problems: InvalidParam[] }> {
  const problems = [...geldigheidProblems(written, zaaktype), ...durationProblems({ doorlooptijd: input.doorlooptijd }, ['doorlooptijd'])];
  if (typeof input.volgnummer === 'number' && (await volgnummerTaken(db, tenantId, zaaktype.uuid, input.volgnummer, exceptUuid))) problems.push(volgnummerProblem(input.volgnummer));
  const urls = Array.isArray(input.eigenschappen) ? input.eigenschappen.filter((url): url is string => typeof url === 'string') : [];
  const eigenschappen = await resolveSiblings(db, tenantId, base, 'eigenschappen', urls, zaaktype.uuid, 'eigenschappen');
  return { eigenschappen: eigenschappen.uuids, problems: [...problems, ...eigenschappen.problems] };
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
 * `statustype_create`, and the service-level way for other modules (catalogue import, demo seed) to add a
 * statustype from API JSON: only to a concept zaaktype (ztc-010) unless the caller makes a correctie. Stored with
 * its audit record in one transaction (the caller's, when `db` is one).
 */
export async function createStatustype(db: Kysely<Database>, caller: CatalogiCaller, base: string, input: StatustypeInput, schemaProblems: InvalidParam[] = []): Promise<StatustypeJson> {
  return guardVolgnummer(input.volgnummer, () =>
    inTransaction(db, async (trx) => {
      const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, input.zaaktype);
      let eigenschappen: string[] = [];
      if (zaaktype) {
        const own = await statustypeProblems(trx, caller.tenant.id, base, input, input, zaaktype);
        eigenschappen = own.eigenschappen;
        problems.push(...createConceptProblems(LABEL, zaaktype, mayForceWrite(caller)), ...own.problems);
      }
      throwProblems(schemaProblems, problems);
      if (!zaaktype) throw invalid(problems);
      const row = await insertStatustype(trx, caller.tenant.id, toValues(input, zaaktype));
      if (input.eigenschappen !== undefined) await assignEigenschappen(trx, caller.tenant.id, row.uuid, eigenschappen);
      const json = await presentRow(trx, caller.tenant.id, row, base);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'create', resultaat: 201, url: json.url, zaaktypeUrl: json.zaaktype, weergave: statustypeWeergave(row), nieuw: json });
      return json;
    }),
  );
}

/**
 * `statustype_update` (PUT) and `statustype_partial_update` (PATCH): the client's attributes laid over the stored
 * ones, while the zaaktype it belongs to (and the one it moves to) is a concept, or as a correctie (ztc-010). A
 * statustype that zaaktype-informatieobjecttypen of its zaaktype point to stays with that zaaktype.
 */
export async function changeStatustype(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: StatustypePatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<StatustypeJson> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  return guardVolgnummer(changes.volgnummer, () =>
    inTransaction(db, async (trx) => {
      const before = await findStatustype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const previous = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!previous) throw partNotFound(LABEL, uuid);
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      const merged: StatustypeInput = { ...toInput(oud), ...changes };
      const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, merged.zaaktype);
      let eigenschappen: string[] = [];
      if (zaaktype) {
        const own = await statustypeProblems(trx, caller.tenant.id, base, merged, changes, zaaktype, uuid);
        eigenschappen = own.eigenschappen;
        problems.push(...changeConceptProblems(LABEL, previous, zaaktype, mayForceWrite(caller)), ...own.problems);
        if (zaaktype.uuid !== previous.uuid && (await countZaaktypeInformatieobjecttypen(trx, caller.tenant.id, uuid)) > 0) {
          problems.push({ name: 'zaaktype', code: 'zaaktype-mismatch', reason: 'Zaaktype-informatieobjecttypen van het huidige zaaktype verwijzen naar dit statustype; het kan niet naar een ander zaaktype.' });
        }
      }
      throwProblems(schemaProblems, problems);
      if (!zaaktype) throw invalid(problems);
      const after = await updateStatustype(trx, caller.tenant.id, uuid, toValues(merged, zaaktype));
      if (!after) throw partNotFound(LABEL, uuid);
      if (changes.eigenschappen !== undefined) await assignEigenschappen(trx, caller.tenant.id, uuid, eigenschappen);
      const json = await presentRow(trx, caller.tenant.id, after, base);
      await recordPartChange(trx, caller, {
        resource: LABEL,
        actie: partial ? 'partial_update' : 'update',
        resultaat: 200,
        url: json.url,
        zaaktypeUrl: json.zaaktype,
        weergave: statustypeWeergave(after),
        oud,
        nieuw: json,
      });
      return json;
    }),
  );
}

/**
 * `statustype_destroy`: deletes a statustype of a concept zaaktype, or with `catalogi.geforceerd-verwijderen`
 * (ztc-010); never while statussen of zaken have it (409). Eigenschappen and zaaktype-informatieobjecttypen that
 * named it no longer do.
 */
export async function destroyStatustype(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  try {
    await inTransaction(db, async (trx) => {
      const before = await findStatustype(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const zaaktype = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!zaaktype) throw partNotFound(LABEL, uuid);
      throwProblems([], deleteConceptProblems(LABEL, zaaktype, mayForceDelete(caller)));
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      await deleteStatustype(trx, caller.tenant.id, uuid);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'destroy', resultaat: 204, url: statustypeUrl(base, uuid), zaaktypeUrl: oud.zaaktype, weergave: statustypeWeergave(before), oud });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw partInUse(LABEL);
    throw error;
  }
}

