import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid } from '../../../platform/errors/problem.ts';
import { inTransaction } from '../../../platform/database/transaction.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { mayForceDelete, mayForceWrite, type CatalogiCaller } from '../shared/caller.ts';
import { defined } from '../shared/data.ts';
import { expandObjects, parseExpand, registerExpandable, singleUrl, type ExpandContext } from '../shared/expand.ts';
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
import { resolveSibling } from '../zaaktype-onderdelen/sibling-reference.ts';
import { writtenZaaktype } from '../zaaktype-onderdelen/zaaktype-reference.ts';
import { eigenschapUrl, eigenschapWeergave, presentEigenschap, type EigenschapJson } from './present.ts';
import {
  deleteEigenschap,
  findEigenschap,
  findEigenschappen,
  insertEigenschap,
  listEigenschappen,
  naamTaken,
  NAAM_CONSTRAINT,
  updateEigenschap,
  type EigenschapRow,
  type EigenschapValues,
} from './repository.ts';
import type { EigenschapInput, EigenschapListQuery, EigenschapPatch, EigenschapRetrieveQuery } from './schemas.ts';
import { specificatieProblems } from './specificatie.ts';

/*
 * Business rules of EIGENSCHAP (Catalogi API 1.3.3): a zaaktype-specific fact of its zaken (a zaakeigenschap's
 * waarde must fit the specificatie), named uniquely within the zaaktype. Scopes are checked by route data; every
 * query is scoped to the caller's tenant; every write shares one transaction with its audit record (see
 * ../zaaktype-onderdelen/audit.ts for why there is no notification).
 */

const LABEL = 'eigenschap';

async function presentRows(db: Kysely<Database>, tenantId: string, rows: readonly EigenschapRow[], base: string): Promise<EigenschapJson[]> {
  const owners = await loadOwners(db, tenantId, rows.map((row) => row.zaaktype_uuid));
  return rows.map((row) => presentEigenschap(row, ownerOf(owners, row.zaaktype_uuid), base));
}

async function presentRow(db: Kysely<Database>, tenantId: string, row: EigenschapRow, base: string): Promise<EigenschapJson> {
  const [json] = await presentRows(db, tenantId, [row], base);
  if (!json) throw new Error(`eigenschap ${row.uuid} not presented`);
  return json;
}

registerExpandable('eigenschap', {
  relations: {
    catalogus: { target: 'catalogus', many: false, urls: singleUrl('catalogus') },
    zaaktype: { target: 'zaaktype', many: false, urls: singleUrl('zaaktype') },
    statustype: { target: 'statustype', many: false, urls: singleUrl('statustype') },
  },
  async load(context: ExpandContext, uuids) {
    const rows = await findEigenschappen(context.db, context.tenantId, uuids);
    const presented = await presentRows(context.db, context.tenantId, rows, context.base);
    return new Map(rows.map((row, index) => [row.uuid, presented[index] ?? {}]));
  },
});

/** `eigenschap_list`: one page of the tenant's eigenschappen, those of published zaaktypen unless `status` says otherwise. */
export async function listEigenschapPage(
  db: Kysely<Database>,
  caller: CatalogiCaller & Pick<FastifyRequest, 'url' | 'protocol' | 'host'>,
  base: string,
  query: EigenschapListQuery,
): Promise<PaginatedList<EigenschapJson>> {
  const tree = parseExpand(query.expand, 'eigenschap');
  const window = pageRequest(query);
  const { count, rows } = await listEigenschappen(db, caller.tenant.id, zaaktypeFilter(base, query), window);
  const results = await presentRows(db, caller.tenant.id, rows, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: query.datumGeldigheid ?? amsterdamDate() }, 'eigenschap', results, tree);
  return paginatedList(caller, window, count, results);
}

/** `eigenschap_retrieve` / `eigenschap_headers`: one eigenschap of the tenant; a 404 for anything else. */
export async function retrieveEigenschap(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string, query: EigenschapRetrieveQuery = {}): Promise<EigenschapJson> {
  const tree = parseExpand(query.expand, 'eigenschap');
  const row = isUuid(uuid) ? await findEigenschap(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw partNotFound(LABEL, uuid);
  const json = await presentRow(db, caller.tenant.id, row, base);
  await expandObjects({ db, tenantId: caller.tenant.id, base, date: amsterdamDate() }, 'eigenschap', [json], tree);
  return json;
}

/** The stored eigenschap as writable input (its presentation has every attribute in API form). */
function toInput(json: EigenschapJson): EigenschapInput {
  const specificatie = json.specificatie;
  return {
    naam: json.naam,
    definitie: json.definitie,
    specificatie: {
      groep: specificatie.groep,
      formaat: specificatie.formaat as EigenschapInput['specificatie']['formaat'],
      lengte: specificatie.lengte,
      kardinaliteit: specificatie.kardinaliteit,
      waardenverzameling: specificatie.waardenverzameling,
    },
    toelichting: json.toelichting,
    zaaktype: json.zaaktype,
    statustype: json.statustype,
  };
}

function toValues(input: EigenschapInput, zaaktype: OwningZaaktype, statustypeUuid: string | null): EigenschapValues {
  const specificatie = input.specificatie;
  return {
    zaaktype_uuid: zaaktype.uuid,
    naam: input.naam,
    specificatie: {
      groep: specificatie.groep ?? '',
      formaat: specificatie.formaat,
      lengte: specificatie.lengte,
      kardinaliteit: specificatie.kardinaliteit,
      waardenverzameling: specificatie.waardenverzameling ?? [],
    },
    statustype_uuid: statustypeUuid,
    data: defined({ definitie: input.definitie, toelichting: input.toelichting ?? '' }),
  };
}

function naamProblem(naam: string): InvalidParam {
  return { name: 'nonFieldErrors', code: 'unique', reason: `De naam moet uniek zijn binnen het zaaktype: er is al een eigenschap "${naam}".` };
}

/**
 * The eigenschap's own rules, once its zaaktype is known: geldigheid, a naam unique within the zaaktype and a
 * statustype of that same zaaktype. Returns the statustype as a uuid.
 */
async function eigenschapProblems(
  db: Kysely<Database>,
  tenantId: string,
  base: string,
  input: EigenschapInput,
  written: EigenschapPatch,
  zaaktype: OwningZaaktype,
  exceptUuid?: string,
): Promise<{ statustype: string | null; problems: InvalidParam[] }> {
  const problems = geldigheidProblems(written, zaaktype);
  if (typeof input.naam === 'string' && (await naamTaken(db, tenantId, zaaktype.uuid, input.naam, exceptUuid))) problems.push(naamProblem(input.naam));
  if (typeof input.statustype !== 'string') return { statustype: null, problems };
  const statustype = await resolveSibling(db, tenantId, base, 'statustypen', input.statustype, zaaktype.uuid, 'statustype');
  if ('problem' in statustype) return { statustype: null, problems: [...problems, statustype.problem] };
  return { statustype: statustype.uuid, problems };
}

/** Runs a write, answering a concurrent duplicate naam the way the check before it would have. */
async function guardNaam<T>(naam: unknown, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, NAAM_CONSTRAINT) && typeof naam === 'string') throw invalid([naamProblem(naam)]);
    throw error;
  }
}

/**
 * `eigenschap_create`, and the service-level way for other modules (catalogue import, demo seed) to add an
 * eigenschap from API JSON: only to a concept zaaktype (ztc-010) unless the caller makes a correctie. Stored with
 * its audit record in one transaction (the caller's, when `db` is one).
 */
export async function createEigenschap(db: Kysely<Database>, caller: CatalogiCaller, base: string, input: EigenschapInput, schemaProblems: InvalidParam[] = []): Promise<EigenschapJson> {
  return guardNaam(input.naam, () =>
    inTransaction(db, async (trx) => {
      const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, input.zaaktype);
      problems.push(...specificatieProblems(input.specificatie));
      let statustype: string | null = null;
      if (zaaktype) {
        const own = await eigenschapProblems(trx, caller.tenant.id, base, input, input, zaaktype);
        statustype = own.statustype;
        problems.push(...createConceptProblems(LABEL, zaaktype, mayForceWrite(caller)), ...own.problems);
      }
      throwProblems(schemaProblems, problems);
      if (!zaaktype) throw invalid(problems);
      const row = await insertEigenschap(trx, caller.tenant.id, toValues(input, zaaktype, statustype));
      const json = await presentRow(trx, caller.tenant.id, row, base);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'create', resultaat: 201, url: json.url, zaaktypeUrl: json.zaaktype, weergave: eigenschapWeergave(row), nieuw: json });
      return json;
    }),
  );
}

/**
 * `eigenschap_update` (PUT) and `eigenschap_partial_update` (PATCH): the client's attributes laid over the stored
 * ones, while the zaaktype it belongs to (and the one it moves to) is a concept, or as a correctie (ztc-010).
 */
export async function changeEigenschap(
  db: Kysely<Database>,
  caller: CatalogiCaller,
  base: string,
  uuid: string,
  changes: EigenschapPatch,
  partial: boolean,
  schemaProblems: InvalidParam[] = [],
): Promise<EigenschapJson> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  return guardNaam(changes.naam, () =>
    inTransaction(db, async (trx) => {
      const before = await findEigenschap(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const previous = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!previous) throw partNotFound(LABEL, uuid);
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      const merged: EigenschapInput = { ...toInput(oud), ...changes };
      const { zaaktype, problems } = await writtenZaaktype(trx, caller.tenant.id, base, merged.zaaktype);
      problems.push(...specificatieProblems(merged.specificatie));
      let statustype: string | null = null;
      if (zaaktype) {
        const own = await eigenschapProblems(trx, caller.tenant.id, base, merged, changes, zaaktype, uuid);
        statustype = own.statustype;
        problems.push(...changeConceptProblems(LABEL, previous, zaaktype, mayForceWrite(caller)), ...own.problems);
      }
      throwProblems(schemaProblems, problems);
      if (!zaaktype) throw invalid(problems);
      const after = await updateEigenschap(trx, caller.tenant.id, uuid, toValues(merged, zaaktype, statustype));
      if (!after) throw partNotFound(LABEL, uuid);
      const json = await presentRow(trx, caller.tenant.id, after, base);
      await recordPartChange(trx, caller, {
        resource: LABEL,
        actie: partial ? 'partial_update' : 'update',
        resultaat: 200,
        url: json.url,
        zaaktypeUrl: json.zaaktype,
        weergave: eigenschapWeergave(after),
        oud,
        nieuw: json,
      });
      return json;
    }),
  );
}

/**
 * `eigenschap_destroy`: deletes an eigenschap of a concept zaaktype, or with `catalogi.geforceerd-verwijderen`
 * (ztc-010); never while zaakeigenschappen have it (409).
 */
export async function destroyEigenschap(db: Kysely<Database>, caller: CatalogiCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw partNotFound(LABEL, uuid);
  try {
    await inTransaction(db, async (trx) => {
      const before = await findEigenschap(trx, caller.tenant.id, uuid, { forUpdate: true });
      if (!before) throw partNotFound(LABEL, uuid);
      const zaaktype = await findOwningZaaktype(trx, caller.tenant.id, before.zaaktype_uuid, { lock: true });
      if (!zaaktype) throw partNotFound(LABEL, uuid);
      throwProblems([], deleteConceptProblems(LABEL, zaaktype, mayForceDelete(caller)));
      const oud = await presentRow(trx, caller.tenant.id, before, base);
      await deleteEigenschap(trx, caller.tenant.id, uuid);
      await recordPartChange(trx, caller, { resource: LABEL, actie: 'destroy', resultaat: 204, url: eigenschapUrl(base, uuid), zaaktypeUrl: oud.zaaktype, weergave: eigenschapWeergave(before), oud });
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw partInUse(LABEL);
    throw error;
  }
}
