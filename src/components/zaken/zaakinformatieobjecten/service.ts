import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
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
import { parseZaakinformatieobjectExpand, presentZaakinformatieobjecten, type ZaakinformatieobjectExpanders } from './expand.ts';
import { informatieobjectUrlProblem, informatieobjectUrlProblems, informatieobjectUuid, type Documenten } from './documenten.ts';
import { presentZaakinformatieobject, zaakinformatieobjectWeergave, type ZaakinformatieobjectJson, type ZaakinformatieobjectRow } from './present.ts';
import {
  deleteZaakinformatieobject,
  findZaakinformatieobject,
  informatieobjectLinked,
  insertZaakinformatieobject,
  listZaakinformatieobjecten,
  updateZaakinformatieobject,
  zaakOfStatus,
  zaaktypeKnowsInformatieobjecttype,
} from './repository.ts';
import type { ZaakinformatieobjectInput, ZaakinformatieobjectListQuery, ZaakinformatieobjectPatch } from './schemas.ts';

/*
 * Business rules of ZAAK-INFORMATIEOBJECT (zrc-003/004/005, zrc-006/007, zrc-017). The relation itself (zaak,
 * informatieobject) is fixed once made; its information (titel, beschrijving, vernietigingsdatum, status) can
 * change. Every write shares one transaction with its audit record, notification and the Documenten API's mirror.
 */

export interface ZaakinformatieobjectDeps {
  db: Kysely<Database>;
  /** Lookups for `expand` (zaak, status), from the resources that own those objects. */
  expanders: ZaakinformatieobjectExpanders;
  /** The Documenten API (./documenten.ts), or its stand-in while Loket has none. */
  documenten: Documenten;
}

/** The scopes of create, update and destroy, each `(a | b | c)` as the spec's security section names them. */
export const CREATE_SCOPES = ['zaken.aanmaken', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;
export const UPDATE_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;
export const DESTROY_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken', 'zaken.verwijderen'] as const;

const STATUSSEN = '/zaken/api/v1/statussen';

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaakinformatieobject ${uuid} bestaat niet.`);
}

function uniqueProblem(): ProblemError {
  return invalid([{ name: 'nonFieldErrors', code: 'unique', reason: 'De velden zaak en informatieobject moeten samen uniek zijn: dit informatieobject hoort al bij deze zaak.' }]);
}

/** The rules a JSON schema cannot state and that need no database: the informatieobject URL's form (zrc-003). */
export function zaakinformatieobjectBodyProblems(body: unknown): InvalidParam[] {
  const informatieobject = typeof body === 'object' && body !== null ? (body as { informatieobject?: unknown }).informatieobject : undefined;
  return typeof informatieobject === 'string' && informatieobject !== '' ? informatieobjectUrlProblems(informatieobject) : [];
}

/** What the Documenten API says of the informatieobject a body names (zrc-003), and its uuid. */
async function lookUpInformatieobject(deps: ZaakinformatieobjectDeps, trx: Kysely<Database>, tenantId: string, url: string) {
  const uuid = informatieobjectUuid(url);
  const facts = uuid === null ? null : await deps.documenten.findInformatieobject(trx, tenantId, uuid, url);
  return { uuid, facts };
}

/** The status a relation points to: its uuid (or null), the zaak it belongs to, or why the URL is no status. */
interface StatusReference {
  uuid: string | null;
  zaakUuid?: string;
  problem?: InvalidParam;
}

/** The status a body names: a status URL of this tenant (`bad-url`), uuid or null; where it belongs is checked later. */
async function resolveStatus(db: Kysely<Database>, tenantId: string, url: string | null | undefined): Promise<StatusReference> {
  if (url === undefined || url === null || url === '') return { uuid: null };
  const uuid = uuidFromResourceUrl(url, STATUSSEN);
  const zaakUuid = uuid ? await zaakOfStatus(db, tenantId, uuid) : undefined;
  if (!uuid || !zaakUuid) return { uuid: null, problem: { name: 'status', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaande status.' } };
  return { uuid, zaakUuid };
}

/**
 * zrc-005: keeps the Documenten API's mirror. When it refuses, the relation is not made (or not removed) either: the
 * transaction rolls back and the client gets `pending-relations`, as from the reference implementation.
 */
async function mirror(change: () => Promise<void>): Promise<void> {
  try {
    await change();
  } catch (error) {
    throw new ProblemError('invalid', 'De relatie kon niet in de Documenten API worden bijgewerkt.', [
      { name: 'informatieobject', code: 'pending-relations', reason: `De Documenten API weigerde de relatie: ${error instanceof Error ? error.message : String(error)}` },
    ]);
  }
}

/** The rules that need the zaak, after authorisation: the status belongs to it, and it is not archived. */
function zaakProblems(zaak: ZaakRow, statusZaakUuid: string | undefined): InvalidParam[] {
  const problems: InvalidParam[] = [];
  if (statusZaakUuid !== undefined && statusZaakUuid !== zaak.uuid) {
    problems.push({ name: 'nonFieldErrors', code: 'zaak-status-mismatch', reason: 'De opgegeven status hoort niet bij de opgegeven zaak.' });
  }
  const archived = archiefstatusProblem(zaak);
  if (archived) problems.push(archived);
  return problems;
}

/** `zaakinformatieobject_list`: the relations the caller may read, filtered as the spec defines (not paginated). */
export async function listZaakinformatieobjectAll(deps: ZaakinformatieobjectDeps, caller: RelationCaller, base: string, query: ZaakinformatieobjectListQuery): Promise<ZaakinformatieobjectJson[]> {
  const expand = parseZaakinformatieobjectExpand(query.expand, deps.expanders);
  const filter = { zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak), informatieobject: query.informatieobject };
  const rows = await listZaakinformatieobjecten(deps.db, caller.tenant.id, filter, readableZaken(deps.db, caller));
  return presentZaakinformatieobjecten(deps.db, caller.tenant.id, rows, base, expand, deps.expanders);
}

/** `zaakinformatieobject_retrieve` / `_headers`: one relation the caller may read; 404 or 403 otherwise. */
export async function retrieveZaakinformatieobject(deps: ZaakinformatieobjectDeps, caller: RelationCaller, base: string, uuid: string, expandQuery?: string): Promise<ZaakinformatieobjectJson> {
  const expand = parseZaakinformatieobjectExpand(expandQuery, deps.expanders);
  const row = isUuid(uuid) ? await findZaakinformatieobject(deps.db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(deps.db, caller.tenant.id, row.zaak_uuid));
  const [json] = await presentZaakinformatieobjecten(deps.db, caller.tenant.id, [row], base, expand, deps.expanders);
  if (!json) throw new Error(`zaakinformatieobject ${uuid} vanished from its own expansion`);
  return json;
}

/**
 * `zaakinformatieobject_create`: relates an existing informatieobject (zrc-003) of one of the zaaktype's
 * informatieobjecttypen (zrc-017) to a zaak. The server sets aardRelatie (hoort_bij) and registratiedatum (now)
 * (zrc-004); the pair must be new; the Documenten API's mirror is made in the same transaction (zrc-005).
 */
export async function createZaakinformatieobject(deps: ZaakinformatieobjectDeps, caller: RelationCaller, base: string, input: ZaakinformatieobjectInput): Promise<ZaakinformatieobjectJson> {
  try {
    return await inTransaction(deps.db, async (trx) => {
      const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
      const status = await resolveStatus(trx, caller.tenant.id, input.status);
      const informatieobject = await lookUpInformatieobject(deps, trx, caller.tenant.id, input.informatieobject);
      const references = [
        ...(informatieobject.uuid === null || informatieobject.facts === null ? [informatieobjectUrlProblem()] : []),
        ...(zaak ? [] : [zaakUrlProblem()]),
        ...(status.problem ? [status.problem] : []),
      ];
      if (!zaak || informatieobject.uuid === null || references.length > 0) throw invalid(references);
      assertMayChangeZaak(caller, zaak, CREATE_SCOPES);
      const problems = zaakProblems(zaak, status.zaakUuid);
      const { facts } = informatieobject;
      if (facts !== null && facts !== 'niet-te-controleren' && !(await zaaktypeKnowsInformatieobjecttype(trx, caller.tenant.id, zaak.zaaktype_uuid, facts.informatieobjecttypeUuid))) {
        problems.unshift({ name: 'nonFieldErrors', code: 'missing-zaaktype-informatieobjecttype-relation', reason: 'Het informatieobjecttype hoort niet bij het zaaktype van de zaak.' });
      }
      if (problems.length > 0) throw invalid(problems);
      if (await informatieobjectLinked(trx, caller.tenant.id, zaak.uuid, input.informatieobject)) throw uniqueProblem();
      const row = await insertZaakinformatieobject(trx, caller.tenant.id, {
        zaak_uuid: zaak.uuid,
        informatieobject: input.informatieobject,
        titel: input.titel ?? '',
        beschrijving: input.beschrijving ?? '',
        vernietigingsdatum: input.vernietigingsdatum ?? null,
        status_uuid: status.uuid,
      });
      const link = { zaakUuid: zaak.uuid, informatieobjectUuid: informatieobject.uuid };
      await mirror(() => deps.documenten.linkZaak(trx, caller.tenant.id, link));
      const json = presentZaakinformatieobject(row, base);
      await recordRelationChange(trx, caller, zaak, base, {
        actie: 'create',
        resultaat: 201,
        resource: 'zaakinformatieobject',
        resourceUrl: json.url,
        resourceWeergave: zaakinformatieobjectWeergave(row),
        nieuw: { ...json },
      });
      return json;
    });
  } catch (error) {
    // A concurrent create of the same pair passes the check above; the unique constraint still refuses it.
    if (isUniqueViolation(error)) throw uniqueProblem();
    throw error;
  }
}

/**
 * `zaakinformatieobject_update` (PUT) and `_partial_update` (PATCH): the relation information laid over the stored
 * one. zrc-004: the relation itself (zaak, informatieobject) may not change.
 */
export async function changeZaakinformatieobject(
  deps: ZaakinformatieobjectDeps,
  caller: RelationCaller,
  base: string,
  uuid: string,
  changes: ZaakinformatieobjectPatch,
  partial: boolean,
): Promise<ZaakinformatieobjectJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inTransaction(deps.db, async (trx) => {
    const before = await findZaakinformatieobject(trx, caller.tenant.id, uuid);
    if (!before) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, before.zaak_uuid);
    assertMayChangeZaak(caller, zaak, UPDATE_SCOPES);
    const problems: InvalidParam[] = [];
    if (changes.zaak !== undefined && zaakUuidFromUrl(changes.zaak) !== zaak.uuid) problems.push(immutableProblem('zaak'));
    if (changes.informatieobject !== undefined && changes.informatieobject !== before.informatieobject) problems.push(immutableProblem('informatieobject'));
    const status: StatusReference = changes.status === undefined ? { uuid: before.status_uuid } : await resolveStatus(trx, caller.tenant.id, changes.status);
    if (status.problem) problems.push(status.problem);
    problems.push(...zaakProblems(zaak, status.zaakUuid));
    if (problems.length > 0) throw invalid(problems);
    const after = await updateZaakinformatieobject(trx, caller.tenant.id, uuid, {
      titel: changes.titel ?? before.titel,
      beschrijving: changes.beschrijving ?? before.beschrijving,
      vernietigingsdatum: changes.vernietigingsdatum === undefined ? vernietigingsdatumOf(before) : changes.vernietigingsdatum,
      status_uuid: status.uuid,
    });
    if (!after) throw notFound(uuid);
    const json = presentZaakinformatieobject(after, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      resource: 'zaakinformatieobject',
      resourceUrl: json.url,
      resourceWeergave: zaakinformatieobjectWeergave(after),
      oud: { ...presentZaakinformatieobject(before, base) },
      nieuw: { ...json },
    });
    return json;
  });
}

function vernietigingsdatumOf(row: ZaakinformatieobjectRow): string | null {
  return row.vernietigingsdatum === null ? null : new Date(row.vernietigingsdatum).toISOString();
}

/** `zaakinformatieobject_destroy`: removes the relation and its mirror (zrc-005), audited and notified. */
export async function destroyZaakinformatieobject(deps: ZaakinformatieobjectDeps, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(deps.db, async (trx) => {
    const row = await findZaakinformatieobject(trx, caller.tenant.id, uuid);
    if (!row) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, row.zaak_uuid);
    assertMayChangeZaak(caller, zaak, DESTROY_SCOPES);
    await deleteZaakinformatieobject(trx, caller.tenant.id, uuid);
    const documentUuid = informatieobjectUuid(row.informatieobject);
    if (documentUuid !== null) await mirror(() => deps.documenten.unlinkZaak(trx, caller.tenant.id, { zaakUuid: zaak.uuid, informatieobjectUuid: documentUuid }));
    const json = presentZaakinformatieobject(row, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: 'destroy',
      resultaat: 204,
      resource: 'zaakinformatieobject',
      resourceUrl: json.url,
      resourceWeergave: zaakinformatieobjectWeergave(row),
      oud: { ...json },
    });
  });
}
