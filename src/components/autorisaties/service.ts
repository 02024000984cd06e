import { inTransaction } from '../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ApiCaller } from '../../platform/auth/api-jwt.ts';
import { isApplicatieIngetrokken } from '../../platform/auth/api-client-intrekking.ts';
import type { AuditRequest } from '../../platform/audit/request.ts';
import { auditEntryFromRequest } from '../../platform/audit/request.ts';
import { recordAudit, type AuditActie } from '../../platform/audit/record.ts';
import type { InvalidParam } from '../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../platform/errors/problem.ts';
import { publishNotificatie } from '../../platform/zgw/notificatie.ts';
import { isUniqueViolation } from '../../platform/zgw/request-body.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../platform/zgw/pagination.ts';
import type { FastifyRequest } from 'fastify';
import { applicatieUrl, presentApplicatie, type ApplicatieJson } from './present.ts';
import {
  clientIdsTaken,
  deleteApplicatie,
  findApplicatie,
  findApplicatieByClientId,
  insertApplicatie,
  listApplicaties,
  updateApplicatie,
  type ApplicatieRecord,
  type ApplicatieValues,
} from './repository.ts';
import { autorisatieFieldProblems, autorisatiesSpecificationProblems, duplicateClientIdProblems } from './rules.ts';
import type { ApplicatieInput, ApplicatieListQuery, ApplicatiePatch, AutorisatieInput } from './schemas.ts';

/*
 * Business rules of APPLICATIE (ac-001 … ac-003). Every query is scoped to the caller's tenant, and every write shares
 * one transaction with its audit record and its notification on kanaal `autorisaties`. A change reaches every Loket
 * process within a second: the credential store keeps a client's autorisaties for at most that long.
 */

/** Who asks, in which tenant, through which URL. */
export interface AutorisatiesCaller extends AuditRequest, Pick<FastifyRequest, 'protocol' | 'host' | 'url'> {
  apiCaller: ApiCaller;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Applicatie ${uuid} bestaat niet.`);
}

async function existing(db: Kysely<Database>, tenantId: string, uuid: string): Promise<ApplicatieRecord> {
  const record = UUID.test(uuid) ? await findApplicatie(db, tenantId, uuid.toLowerCase()) : undefined;
  if (!record) throw notFound(uuid);
  return record;
}

/** `applicatie_list`, optionally only those with one of the comma-separated `clientIds`. */
export async function listApplicatiePage(db: Kysely<Database>, caller: AutorisatiesCaller, base: string, query: ApplicatieListQuery): Promise<PaginatedList<ApplicatieJson>> {
  const window = pageRequest({ page: query.page });
  const clientIds = query.clientIds?.split(',').map((clientId) => clientId.trim()).filter(Boolean);
  const { count, records } = await listApplicaties(db, caller.tenant.id, clientIds, window);
  const empty = paginatedList(caller, window, count, []);
  return { ...empty, results: records.map((record) => presentApplicatie(record, base)) };
}

/** `applicatie_consumer`: the applicatie of one client id, as a list of at most one (as the spec answers). */
export async function consumerApplicatie(db: Kysely<Database>, caller: AutorisatiesCaller, base: string, clientId: string | undefined): Promise<ApplicatieJson[]> {
  const record = clientId ? await findApplicatieByClientId(db, caller.tenant.id, clientId) : undefined;
  // A revoked applicatie (beheer's intrekken) is no consumer any more: a component asking on behalf of one of its
  // client ids hears that there is none, so it grants nothing either. The list and read operations still show it.
  if (!record || (await isApplicatieIngetrokken(db, caller.tenant.id, record.row.uuid))) throw new ProblemError('not_found', `Er is geen applicatie met client id ${clientId}.`);
  return [presentApplicatie(record, base)];
}

/** `applicatie_read`. */
export async function retrieveApplicatie(db: Kysely<Database>, caller: AutorisatiesCaller, base: string, uuid: string): Promise<ApplicatieJson> {
  return presentApplicatie(await existing(db, caller.tenant.id, uuid), base);
}

function valuesOf(input: ApplicatieInput): ApplicatieValues {
  return {
    label: input.label,
    heeftAlleAutorisaties: input.heeftAlleAutorisaties ?? false,
    alleenIsGereedVoorPublicatie: input.alleenIsGereedVoorPublicatie ?? false,
    clientIds: input.clientIds,
    autorisaties: input.autorisaties ?? [],
  };
}

/** Every problem of the applicatie at once: ac-002 and ac-003 first, then ac-001 (which needs the database). */
async function problemsOf(db: Kysely<Database>, tenantId: string, values: ApplicatieValues, except?: string): Promise<InvalidParam[]> {
  const problems = [
    ...autorisatiesSpecificationProblems(values.heeftAlleAutorisaties, values.autorisaties),
    ...autorisatieFieldProblems(values.autorisaties),
    ...duplicateClientIdProblems(values.clientIds),
  ];
  const taken = await clientIdsTaken(db, tenantId, values.clientIds, except);
  if (taken.length > 0) problems.push({ name: 'clientIds', code: 'clientId-exists', reason: `Client id ${taken.join(', ')} hoort al bij een andere applicatie (ac-001).` });
  return problems;
}

/** Runs a write; a concurrent write that took one of the client ids first is ac-001's 400, not a 500. */
async function guardedWrite<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([{ name: 'clientIds', code: 'clientId-exists', reason: 'Een client id hoort al bij een andere applicatie (ac-001).' }]);
    throw error;
  }
}

async function auditAndNotify(
  trx: Transaction<Database>,
  caller: AutorisatiesCaller,
  url: string,
  actie: AuditActie,
  status: number,
  label: string,
  change: { oud?: ApplicatieJson; nieuw?: ApplicatieJson },
): Promise<void> {
  await recordAudit(
    trx,
    auditEntryFromRequest(caller, {
      bron: 'ac',
      actie,
      resultaat: status,
      hoofdObject: url,
      resource: 'applicatie',
      resourceUrl: url,
      resourceWeergave: label,
      oud: change.oud ? { ...change.oud } : null,
      nieuw: change.nieuw ? { ...change.nieuw } : null,
    }),
  );
  await publishNotificatie(trx, caller.tenant.id, { kanaal: 'autorisaties', hoofdObject: url, resource: 'applicatie', resourceUrl: url, actie, kenmerken: {} });
}

/** `applicatie_create`. */
export async function createApplicatie(db: Kysely<Database>, caller: AutorisatiesCaller, base: string, input: ApplicatieInput): Promise<ApplicatieJson> {
  const values = valuesOf(input);
  const problems = await problemsOf(db, caller.tenant.id, values);
  if (problems.length > 0) throw invalid(problems);
  return guardedWrite(() =>
    inTransaction(db, async (trx) => {
      const uuid = await insertApplicatie(trx, caller.tenant.id, values);
      const created = presentApplicatie(await existing(trx, caller.tenant.id, uuid), base);
      await auditAndNotify(trx, caller, created.url, 'create', 201, created.label, { nieuw: created });
      return created;
    }),
  );
}

/** `applicatie_update` (PUT) and `applicatie_partial_update` (PATCH): the given fields over the stored ones. */
export async function changeApplicatie(
  db: Kysely<Database>,
  caller: AutorisatiesCaller,
  base: string,
  uuid: string,
  changes: ApplicatiePatch,
  partial: boolean,
): Promise<ApplicatieJson> {
  const current = await existing(db, caller.tenant.id, uuid);
  const before = presentApplicatie(current, base);
  const stored: ApplicatieInput = {
    clientIds: current.clientIds,
    label: current.row.label,
    heeftAlleAutorisaties: current.row.heeft_alle_autorisaties,
    alleenIsGereedVoorPublicatie: current.row.alleen_is_gereed_voor_publicatie,
    autorisaties: before.autorisaties as AutorisatieInput[],
  };
  // A PATCH that turns heeftAlleAutorisaties on drops the stored autorisaties, as the flag replaces them (ac-002).
  const merged: ApplicatieInput = { ...stored, ...changes };
  if (partial && changes.heeftAlleAutorisaties === true && changes.autorisaties === undefined) merged.autorisaties = [];
  const values = valuesOf(merged);
  const problems = await problemsOf(db, caller.tenant.id, values, current.row.uuid);
  if (problems.length > 0) throw invalid(problems);
  return guardedWrite(() =>
    inTransaction(db, async (trx) => {
      await updateApplicatie(trx, caller.tenant.id, current.row.uuid, values);
      const changed = presentApplicatie(await existing(trx, caller.tenant.id, current.row.uuid), base);
      await auditAndNotify(trx, caller, changed.url, partial ? 'partial_update' : 'update', 200, changed.label, { oud: before, nieuw: changed });
      return changed;
    }),
  );
}

/** `applicatie_delete`: the applicatie with its client ids (and their secrets) and autorisaties. */
export async function destroyApplicatie(db: Kysely<Database>, caller: AutorisatiesCaller, base: string, uuid: string): Promise<void> {
  const current = await existing(db, caller.tenant.id, uuid);
  const before = presentApplicatie(current, base);
  await inTransaction(db, async (trx) => {
    await deleteApplicatie(trx, caller.tenant.id, current.row.uuid);
    await auditAndNotify(trx, caller, applicatieUrl(base, current.row.uuid), 'destroy', 204, current.row.label, { oud: before });
  });
}
