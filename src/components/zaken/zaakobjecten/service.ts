import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { zaakUuidFromUrl, type ZaakRow } from '../shared/zaak-reference.ts';
import {
  archiefstatusProblem,
  assertMayChangeZaak,
  assertMayReadZaak,
  immutableProblem,
  isUuid,
  readableZaken,
  recordRelationChange,
  uuidFromResourceUrl,
  zaakByUrl,
  zaakOfRelation,
  zaakUrlProblem,
  type RelationCaller,
} from '../shared/zaak-relation.ts';
import { logZaakobjectProcessing } from './person-processing.ts';
import { presentZaakobject, zaakobjectData, zaakobjectWeergave, type ZaakobjectJson, type ZaakobjectRow } from './present.ts';
import { deleteZaakobject, findZaakobject, insertZaakobject, listZaakobjecten, updateZaakobject, zaaktypeOfZaakobjecttype, type ZaakobjectValues } from './repository.ts';
import { storedIdentificatie, zaakobjectRuleProblems } from './rules.ts';
import type { ZaakobjectInput, ZaakobjectListQuery, ZaakobjectPatch } from './schemas.ts';
import { parseZaakobjectExpand, presentZaakobjecten, type ZaakobjectExpanders } from './expand.ts';

/*
 * Business rules of ZAAKOBJECT. The route has checked the token's scopes; here every operation checks them again
 * for the zaak at hand (its zaaktype and vertrouwelijkheid), every query is scoped to the tenant, and every write
 * shares one transaction with its audit record, notification and, for a person, its processing-log entry.
 */

/** What the zaakobjecten service needs besides the request: the database and the keys that pseudonymise BSNs. */
export interface ZaakobjectDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  /** Lookups for `expand` (zaak, zaakobjecttype), from the resources that own those objects. */
  expanders: ZaakobjectExpanders;
}

/** The scopes of create, update and destroy, each `(a | b | c)` as the spec's security section names them. */
export const CREATE_SCOPES = ['zaken.aanmaken', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;
export const UPDATE_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;
export const DESTROY_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken', 'zaken.verwijderen'] as const;

const ZAAKOBJECTTYPEN = '/catalogi/api/v1/zaakobjecttypen';

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaakobject ${uuid} bestaat niet.`);
}

/** The rules of create and update that a JSON schema cannot state, for the route to list with the schema's problems. */
export function zaakobjectCreateProblems(body: unknown): InvalidParam[] {
  return typeof body === 'object' && body !== null ? zaakobjectRuleProblems(body, true) : [];
}

/**
 * The zaakobjecttype uuid a body names (null for none): a zaakobjecttype of the tenant's catalogue, of the zaak's
 * zaaktype (the reference implementation's `zaaktype-mismatch`).
 */
async function resolveZaakobjecttype(db: Kysely<Database>, tenantId: string, url: string | null | undefined, zaak: ZaakRow): Promise<string | null> {
  if (url === undefined || url === null || url === '') return null;
  const uuid = uuidFromResourceUrl(url, ZAAKOBJECTTYPEN);
  const zaaktype = uuid ? await zaaktypeOfZaakobjecttype(db, tenantId, uuid) : undefined;
  if (!uuid || !zaaktype) throw invalid([{ name: 'zaakobjecttype', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand zaakobjecttype.' }]);
  if (zaaktype !== zaak.zaaktype_uuid) {
    throw invalid([{ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het zaakobjecttype hoort niet bij het zaaktype van de zaak.' }]);
  }
  return uuid;
}

function assertNotArchived(zaak: ZaakRow): void {
  const problem = archiefstatusProblem(zaak);
  if (problem) throw invalid([problem]);
}

function toValues(input: ZaakobjectInput, zaakUuid: string, zaakobjecttypeUuid: string | null): ZaakobjectValues {
  return {
    zaak_uuid: zaakUuid,
    object: input.object ?? '',
    zaakobjecttype_uuid: zaakobjecttypeUuid,
    object_type: input.objectType,
    object_type_overige: input.objectTypeOverige ?? '',
    relatieomschrijving: input.relatieomschrijving ?? '',
    data: { objectIdentificatie: storedIdentificatie(input), objectTypeOverigeDefinitie: input.objectTypeOverigeDefinitie ?? null },
  };
}

/** The stored values as writable input, so an update can lay the client's fields over them. */
function toInput(row: ZaakobjectRow, base: string): ZaakobjectInput {
  const json = presentZaakobject(row, base);
  return {
    zaak: json.zaak,
    object: row.object,
    zaakobjecttype: json.zaakobjecttype ?? null,
    objectType: row.object_type,
    objectTypeOverige: row.object_type_overige,
    objectTypeOverigeDefinitie: zaakobjectData(row).objectTypeOverigeDefinitie ?? null,
    relatieomschrijving: row.relatieomschrijving,
    objectIdentificatie: zaakobjectData(row).objectIdentificatie,
  };
}

/** `zaakobject_list`: one page of the zaakobjecten the caller may read, filtered as the spec defines. */
export async function listZaakobjectPage(deps: ZaakobjectDeps, caller: RelationCaller, base: string, query: ZaakobjectListQuery): Promise<PaginatedList<ZaakobjectJson>> {
  const startTime = new Date();
  const expand = parseZaakobjectExpand(query.expand, deps.expanders);
  const window = pageRequest(query);
  const filter = { zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak), object: query.object, objectType: query.objectType };
  const { count, rows } = await listZaakobjecten(deps.db, caller.tenant.id, filter, readableZaken(deps.db, caller), window);
  const results = await presentZaakobjecten(deps.db, caller.tenant.id, rows, base, expand, deps.expanders);
  await logZaakobjectProcessing(deps.db, deps.keys, caller, 'zaakobjecten-raadplegen', rows, startTime);
  return paginatedList(caller, window, count, results);
}

/** `zaakobject_retrieve` / `zaakobject_headers`: one zaakobject the caller may read; 404 or 403 otherwise. */
export async function retrieveZaakobject(deps: ZaakobjectDeps, caller: RelationCaller, base: string, uuid: string, expandQuery?: string): Promise<ZaakobjectJson> {
  const startTime = new Date();
  const expand = parseZaakobjectExpand(expandQuery, deps.expanders);
  const row = isUuid(uuid) ? await findZaakobject(deps.db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(deps.db, caller.tenant.id, row.zaak_uuid));
  const [json] = await presentZaakobjecten(deps.db, caller.tenant.id, [row], base, expand, deps.expanders);
  if (!json) throw new Error(`zaakobject ${uuid} vanished from its own expansion`);
  await logZaakobjectProcessing(deps.db, deps.keys, caller, 'zaakobject-raadplegen', [row], startTime);
  return json;
}

/**
 * `zaakobject_create`: checks the zaak (exists, the caller may add to it, zrc-007, not archived) and the
 * zaakobjecttype (of the zaak's zaaktype), then stores the zaakobject with its audit record, notification and,
 * for a person, the processing-log entry in one transaction.
 */
export async function createZaakobject(deps: ZaakobjectDeps, caller: RelationCaller, base: string, input: ZaakobjectInput): Promise<ZaakobjectJson> {
  const startTime = new Date();
  return inTransaction(deps.db, async (trx) => {
    const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
    if (!zaak) throw invalid([zaakUrlProblem()]);
    assertMayChangeZaak(caller, zaak, CREATE_SCOPES);
    const zaakobjecttype = await resolveZaakobjecttype(trx, caller.tenant.id, input.zaakobjecttype, zaak);
    assertNotArchived(zaak);
    const row = await insertZaakobject(trx, caller.tenant.id, toValues(input, zaak.uuid, zaakobjecttype));
    const json = presentZaakobject(row, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: 'create',
      resultaat: 201,
      resource: 'zaakobject',
      resourceUrl: json.url,
      resourceWeergave: zaakobjectWeergave(row),
      nieuw: { ...json },
    });
    await logZaakobjectProcessing(trx, deps.keys, caller, 'zaakobject-aanmaken', [row], startTime);
    return json;
  });
}

/**
 * `zaakobject_update` (PUT) and `zaakobject_partial_update` (PATCH): the client's fields laid over the stored ones.
 * The relation itself (zaak, object, objectType, zaakobjecttype) cannot change, as in the reference
 * implementation; the identification, relatieomschrijving and the overige description can.
 */
export async function changeZaakobject(
  deps: ZaakobjectDeps,
  caller: RelationCaller,
  base: string,
  uuid: string,
  changes: ZaakobjectPatch,
  partial: boolean,
): Promise<ZaakobjectJson> {
  const startTime = new Date();
  if (!isUuid(uuid)) throw notFound(uuid);
  return inTransaction(deps.db, async (trx) => {
    const before = await findZaakobject(trx, caller.tenant.id, uuid);
    if (!before) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, before.zaak_uuid);
    assertMayChangeZaak(caller, zaak, UPDATE_SCOPES);
    const stored = toInput(before, base);
    const merged: ZaakobjectInput = { ...stored, ...changes };
    const immutable: InvalidParam[] = [];
    if (changes.zaak !== undefined && zaakUuidFromUrl(changes.zaak) !== zaak.uuid) immutable.push(immutableProblem('zaak'));
    if (changes.object !== undefined && changes.object !== stored.object) immutable.push(immutableProblem('object'));
    if (changes.objectType !== undefined && changes.objectType !== stored.objectType) immutable.push(immutableProblem('objectType'));
    if (changes.zaakobjecttype !== undefined) {
      const asked = changes.zaakobjecttype ? uuidFromResourceUrl(changes.zaakobjecttype, ZAAKOBJECTTYPEN) : null;
      if (asked !== before.zaakobjecttype_uuid) immutable.push(immutableProblem('zaakobjecttype'));
    }
    const problems = [...immutable, ...zaakobjectRuleProblems(merged, false)];
    const archived = archiefstatusProblem(zaak);
    if (archived) problems.push(archived);
    if (problems.length > 0) throw invalid(problems);
    const after = await updateZaakobject(trx, caller.tenant.id, uuid, toValues(merged, zaak.uuid, before.zaakobjecttype_uuid));
    if (!after) throw notFound(uuid);
    const json = presentZaakobject(after, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      resource: 'zaakobject',
      resourceUrl: json.url,
      resourceWeergave: zaakobjectWeergave(after),
      oud: { ...presentZaakobject(before, base) },
      nieuw: { ...json },
    });
    await logZaakobjectProcessing(trx, deps.keys, caller, 'zaakobject-wijzigen', [before, after], startTime);
    return json;
  });
}

/** `zaakobject_destroy`: removes the zaakobject with its audit record and notification in one transaction. */
export async function destroyZaakobject(deps: ZaakobjectDeps, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  const startTime = new Date();
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(deps.db, async (trx) => {
    const row = await findZaakobject(trx, caller.tenant.id, uuid);
    if (!row) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, row.zaak_uuid);
    assertMayChangeZaak(caller, zaak, DESTROY_SCOPES);
    await deleteZaakobject(trx, caller.tenant.id, uuid);
    const json = presentZaakobject(row, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: 'destroy',
      resultaat: 204,
      resource: 'zaakobject',
      resourceUrl: json.url,
      resourceWeergave: zaakobjectWeergave(row),
      oud: { ...json },
    });
    await logZaakobjectProcessing(trx, deps.keys, caller, 'zaakobject-verwijderen', [row], startTime);
  });
}
