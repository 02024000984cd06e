import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { zaakUuidFromUrl, type ZaakRow } from '../shared/zaak-reference.ts';
import {
  archiefstatusProblem,
  assertMayChangeZaak,
  assertMayReadZaak,
  immutableProblem,
  isUniqueViolation,
  isUuid,
  readableZaken,
  recordRelationChange,
  uuidFromResourceUrl,
  zaakByUrl,
  zaakOfRelation,
  zaakUrlProblem,
  type RelationCaller,
} from '../shared/zaak-relation.ts';
import { retrieveExpand } from '../statussen/expand-support.ts';
import { parseResultaatExpand, presentResultaten, type ResultaatExpanders } from './expand.ts';
import { presentResultaat, resultaatWeergave, type ResultaatJson, type ResultaatRow } from './present.ts';
import {
  deleteResultaat,
  findResultaat,
  insertResultaat,
  listResultaten,
  updateResultaat,
  zaakHasOtherResultaat,
  zaaktypeOfResultaattype,
  type ResultaatValues,
} from './repository.ts';
import type { ResultaatInput, ResultaatListQuery, ResultaatPatch } from './schemas.ts';

/*
 * Business rules of RESULTAAT: one per zaak, of a resultaattype of the zaak's zaaktype (zrc-020), whose type never
 * changes. Every write shares one transaction with its audit record and notification.
 */

/** What the resultaten service needs: the database and the lookups for `expand`. */
export interface ResultaatDeps {
  db: Kysely<Database>;
  expanders: ResultaatExpanders;
}

/** `resultaat_create`, `_update`, `_partial_update`, `_destroy`: (zaken.bijwerken | zaken.geforceerd-bijwerken). */
export const WRITE_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;

const RESULTAATTYPEN = '/catalogi/api/v1/resultaattypen';

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Resultaat ${uuid} bestaat niet.`);
}

function duplicate(): ProblemError {
  return invalid([{ name: 'zaak', code: 'unique', reason: 'De zaak heeft al een resultaat; een zaak heeft er hoogstens één.' }]);
}

/** zrc-020: the resultaattype exists in the tenant's catalogue and belongs to the zaak's zaaktype. */
async function resultaattypeProblems(db: Kysely<Database>, tenantId: string, url: string, zaak: ZaakRow): Promise<InvalidParam[]> {
  const uuid = uuidFromResourceUrl(url, RESULTAATTYPEN);
  const zaaktype = uuid ? await zaaktypeOfResultaattype(db, tenantId, uuid) : undefined;
  if (!uuid || zaaktype === undefined) return [{ name: 'resultaattype', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand resultaattype.' }];
  if (zaaktype !== zaak.zaaktype_uuid) return [{ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het resultaattype hoort niet bij het zaaktype van de zaak (zrc-020).' }];
  return [];
}

/** A zaak that will hold the resultaat: the caller may change it (zrc-006, zrc-007), it is not archived. */
async function writableZaak(db: Kysely<Database>, caller: RelationCaller, url: string): Promise<ZaakRow> {
  const zaak = await zaakByUrl(db, caller.tenant.id, url);
  if (!zaak) throw invalid([zaakUrlProblem()]);
  assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
  const archived = archiefstatusProblem(zaak);
  if (archived) throw invalid([archived]);
  return zaak;
}

/** Runs a write, turning a concurrent second resultaat for the same zaak (resultaten.zaak_uuid is unique) into a 400. */
async function guardedWrite<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** `resultaat_list`: one page of the resultaten the caller may read, filtered as the spec defines. */
export async function listResultaatPage(deps: ResultaatDeps, caller: RelationCaller, base: string, query: ResultaatListQuery): Promise<PaginatedList<ResultaatJson>> {
  const expand = parseResultaatExpand(query.expand, deps.expanders);
  const window = pageRequest(query);
  const filter = {
    zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak),
    resultaattypeUuid: query.resultaattype === undefined ? undefined : uuidFromResourceUrl(query.resultaattype, RESULTAATTYPEN),
  };
  const { count, rows } = await listResultaten(deps.db, caller.tenant.id, filter, readableZaken(deps.db, caller), window);
  return paginatedList(caller, window, count, await presentResultaten(deps.db, caller.tenant.id, rows, base, expand, deps.expanders));
}

/** `resultaat_retrieve` / `resultaat_headers`: one resultaat the caller may read; 404 or 403 otherwise. */
export async function retrieveResultaat(deps: ResultaatDeps, caller: RelationCaller, base: string, uuid: string, expandQuery?: string): Promise<ResultaatJson> {
  const expand = retrieveExpand(() => parseResultaatExpand(expandQuery, deps.expanders));
  const row = isUuid(uuid) ? await findResultaat(deps.db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(deps.db, caller.tenant.id, row.zaak_uuid));
  const [json] = await presentResultaten(deps.db, caller.tenant.id, [row], base, expand, deps.expanders);
  if (!json) throw new Error(`resultaat ${uuid} vanished from its own expansion`);
  return json;
}

/** `resultaat_create`: the zaak's one resultaat, stored with its audit record and notification. */
export async function createResultaat(deps: ResultaatDeps, caller: RelationCaller, base: string, input: ResultaatInput): Promise<ResultaatJson> {
  return guardedWrite(() =>
    inTransaction(deps.db, async (trx) => {
      const zaak = await writableZaak(trx, caller, input.zaak);
      const problems = await resultaattypeProblems(trx, caller.tenant.id, input.resultaattype, zaak);
      if (problems.length > 0) throw invalid(problems);
      if (await zaakHasOtherResultaat(trx, zaak.uuid)) throw duplicate();
      const resultaattypeUuid = uuidFromResourceUrl(input.resultaattype, RESULTAATTYPEN) ?? '';
      const row = await insertResultaat(trx, caller.tenant.id, { zaak_uuid: zaak.uuid, resultaattype_uuid: resultaattypeUuid, toelichting: input.toelichting ?? '' });
      const json = presentResultaat(row, base);
      await recordRelationChange(trx, caller, zaak, base, { actie: 'create', resultaat: 201, resource: 'resultaat', resourceUrl: json.url, resourceWeergave: resultaatWeergave(row), nieuw: { ...json } });
      return json;
    }),
  );
}

/**
 * `resultaat_update` (PUT) and `resultaat_partial_update` (PATCH): the client's fields laid over the stored ones.
 * The resultaattype cannot change (the spec: "het RESULTAATTYPE mag niet gewijzigd worden"); the zaak can, to a
 * zaak the caller may change that has no resultaat yet and whose zaaktype knows the resultaattype.
 */
export async function changeResultaat(deps: ResultaatDeps, caller: RelationCaller, base: string, uuid: string, changes: ResultaatPatch, partial: boolean): Promise<ResultaatJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return guardedWrite(() =>
    inTransaction(deps.db, async (trx) => {
      const before = await findResultaat(trx, caller.tenant.id, uuid);
      if (!before) throw notFound(uuid);
      const current = await zaakOfRelation(trx, caller.tenant.id, before.zaak_uuid);
      assertMayChangeZaak(caller, current, WRITE_SCOPES);
      const stored = presentResultaat(before, base);
      const movesZaak = changes.zaak !== undefined && zaakUuidFromUrl(changes.zaak) !== before.zaak_uuid;
      const zaak = movesZaak && changes.zaak !== undefined ? await writableZaak(trx, caller, changes.zaak) : current;
      const problems: InvalidParam[] = [];
      const archived = archiefstatusProblem(current);
      if (archived) problems.push(archived);
      if (changes.resultaattype !== undefined && uuidFromResourceUrl(changes.resultaattype, RESULTAATTYPEN) !== before.resultaattype_uuid) {
        problems.push(immutableProblem('resultaattype'));
      } else if (movesZaak) {
        problems.push(...(await resultaattypeProblems(trx, caller.tenant.id, stored.resultaattype, zaak)));
      }
      if (problems.length > 0) throw invalid(problems);
      if (movesZaak && (await zaakHasOtherResultaat(trx, zaak.uuid, uuid))) throw duplicate();
      const values: ResultaatValues = { zaak_uuid: zaak.uuid, resultaattype_uuid: before.resultaattype_uuid, toelichting: changes.toelichting ?? before.toelichting };
      const after = await updateResultaat(trx, caller.tenant.id, uuid, values);
      if (!after) throw notFound(uuid);
      const json = presentResultaat(after, base);
      await recordRelationChange(trx, caller, zaak, base, {
        actie: partial ? 'partial_update' : 'update',
        resultaat: 200,
        resource: 'resultaat',
        resourceUrl: json.url,
        resourceWeergave: resultaatWeergave(after),
        oud: { ...stored },
        nieuw: { ...json },
      });
      return json;
    }),
  );
}

/** `resultaat_destroy`: removes the resultaat with its audit record and notification in one transaction. */
export async function destroyResultaat(deps: ResultaatDeps, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(deps.db, async (trx) => {
    const row: ResultaatRow | undefined = await findResultaat(trx, caller.tenant.id, uuid);
    if (!row) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, row.zaak_uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    await deleteResultaat(trx, caller.tenant.id, uuid);
    const json = presentResultaat(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'destroy', resultaat: 204, resource: 'resultaat', resourceUrl: json.url, resourceWeergave: resultaatWeergave(row), oud: { ...json } });
  });
}
