import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { mayUseZaak, zaakUuidFromUrl, type ZaakRow } from '../shared/zaak-reference.ts';
import {
  archiefstatusProblem,
  assertMayReadZaak,
  isUniqueViolation,
  isUuid,
  readableZaken,
  recordRelationChange,
  uuidFromResourceUrl,
  zaakOfRelation,
  zaakUrlProblem,
  type RelationCaller,
} from '../shared/zaak-relation.ts';
import { retrieveExpand } from './expand-support.ts';
import { lockZaak } from '../archivering/repository.ts';
import { parseInstant } from '../archivering/calendar.ts';
import { logRolProcessing } from '../rollen/person-processing.ts';
import { findRolViews } from '../rollen/repository.ts';
import { parseStatusExpand, presentStatusViews, type StatusExpanders, type StatusRelation } from './expand.ts';
import { presentStatus, statusWeergave, type StatusJson, type StatusView } from './present.ts';
import { findStatustype, findStatusViews, insertStatus, listStatussen, zaakHasStatus, zaakHasStatusAt, zaakOfRol } from './repository.ts';
import type { StatusInput, StatusListQuery } from './schemas.ts';
import { applyStatusToZaak } from './zaak-closing.ts';

/*
 * Business rules of STATUS. Setting a status may close the zaak (its eindstatus) or reopen it; both happen in the
 * transaction that stores the status, with its audit record and notification, on the zaak locked for that time.
 */

/** What the statussen service needs: the database, the keys that pseudonymise BSNs, and the lookups for `expand`. */
export interface StatusDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  expanders: StatusExpanders;
}

/** `status_create`: (zaken.aanmaken | zaken.statussen.toevoegen | zaken.heropenen). */
export const CREATE_SCOPES = ['zaken.aanmaken', 'zaken.statussen.toevoegen', 'zaken.heropenen'] as const;

const STATUSTYPEN = '/catalogi/api/v1/statustypen';
const ROLLEN = '/zaken/api/v1/rollen';

/** How far a datumStatusGezet may lie ahead of our clock (the client's clock may run a little ahead). */
const CLOCK_LEEWAY_MS = 60_000;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Status ${uuid} bestaat niet.`);
}

/** The rules of a new status that need no database, for the route to list with the schema's problems. */
export function statusCreateProblems(body: unknown, now: Date = new Date()): InvalidParam[] {
  if (typeof body !== 'object' || body === null) return [];
  const moment = (body as { datumStatusGezet?: unknown }).datumStatusGezet;
  if (typeof moment !== 'string' || moment === '') return [];
  const instant = parseInstant(moment);
  if (instant === undefined) return [{ name: 'datumStatusGezet', code: 'invalid', reason: 'Geef een datum en tijd in ISO 8601, bijvoorbeeld 2024-03-01T10:00:00+01:00.' }];
  if (instant.getTime() > now.getTime() + CLOCK_LEEWAY_MS) return [{ name: 'datumStatusGezet', code: 'date-in-future', reason: 'Deze datum mag niet in de toekomst liggen.' }];
  return [];
}

/**
 * Who may set a status on this zaak (zrc-006, zrc-008): one of the create scopes for its zaaktype and
 * vertrouwelijkheid; `zaken.aanmaken` alone only sets the first status; a closed zaak takes a status (and is
 * reopened or closed anew) only with `zaken.heropenen`, as in the reference implementation.
 */
function assertMaySetStatus(caller: RelationCaller, zaak: ZaakRow, zaakHasStatussen: boolean): void {
  const may = (scope: string): boolean => mayUseZaak(caller.apiCaller, zaak, scope);
  if (!CREATE_SCOPES.some(may)) {
    throw new ProblemError('permission_denied', `Deze actie vereist een van de scopes ${CREATE_SCOPES.join(', ')} voor het zaaktype en de vertrouwelijkheid van deze zaak.`);
  }
  if (zaak.einddatum !== null && !may('zaken.heropenen')) {
    throw new ProblemError('permission_denied', 'De zaak is afgesloten; een status toevoegen (heropenen) vereist de scope zaken.heropenen.');
  }
  if (zaakHasStatussen && !may('zaken.statussen.toevoegen') && !may('zaken.heropenen')) {
    throw new ProblemError('permission_denied', 'Met de scope zaken.aanmaken mag alleen de eerste status van een zaak gezet worden.');
  }
}

/** zrc-016: the statustype exists in the tenant's catalogue and belongs to the zaak's zaaktype. */
async function resolveStatustype(db: Kysely<Database>, tenantId: string, url: string, zaak: ZaakRow) {
  const uuid = uuidFromResourceUrl(url, STATUSTYPEN);
  const statustype = uuid ? await findStatustype(db, tenantId, uuid) : undefined;
  if (!statustype) throw invalid([{ name: 'statustype', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand statustype.' }]);
  if (statustype.zaaktype_uuid !== zaak.zaaktype_uuid) {
    throw invalid([{ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het statustype hoort niet bij het zaaktype van de zaak (zrc-016).' }]);
  }
  return statustype;
}

/** `gezetdoor`: a rol of the same zaak (the reference implementation's `zaak-mismatch` otherwise). */
async function resolveGezetdoor(db: Kysely<Database>, tenantId: string, url: string | undefined, zaak: ZaakRow): Promise<string | null> {
  if (url === undefined || url === '') return null;
  const uuid = uuidFromResourceUrl(url, ROLLEN);
  const rolZaak = uuid ? await zaakOfRol(db, tenantId, uuid) : undefined;
  if (!uuid || rolZaak === undefined) throw invalid([{ name: 'gezetdoor', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaande rol.' }]);
  if (rolZaak !== zaak.uuid) throw invalid([{ name: 'gezetdoor', code: 'zaak-mismatch', reason: "De 'gezetdoor' rol hoort niet bij de zaak." }]);
  return uuid;
}

/** `expand=gezetdoor` shows the rol that set each status: a natuurlijk persoon among them is logged as read. */
async function logExpandedRollen(deps: StatusDeps, caller: RelationCaller, views: readonly StatusView[], expand: readonly StatusRelation[], startTime: Date): Promise<void> {
  if (!expand.includes('gezetdoor')) return;
  const rolUuids = [...new Set(views.flatMap((view) => view.gezetdoor_rol_uuid ?? []))];
  if (rolUuids.length === 0) return;
  await logRolProcessing(deps.db, deps.keys, caller, 'rollen-raadplegen', await findRolViews(deps.db, caller.tenant.id, rolUuids), startTime);
}

/** `status_list`: one page of the statussen the caller may read, filtered as the spec defines. */
export async function listStatusPage(deps: StatusDeps, caller: RelationCaller, base: string, query: StatusListQuery): Promise<PaginatedList<StatusJson>> {
  const startTime = new Date();
  const expand = parseStatusExpand(query.expand, deps.expanders);
  const window = pageRequest(query);
  const filter = {
    zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak),
    statustypeUuid: query.statustype === undefined ? undefined : uuidFromResourceUrl(query.statustype, STATUSTYPEN),
    indicatieLaatstGezetteStatus: query.indicatieLaatstGezetteStatus === undefined ? undefined : query.indicatieLaatstGezetteStatus === 'true',
  };
  const { count, views } = await listStatussen(deps.db, caller.tenant.id, filter, readableZaken(deps.db, caller), window);
  const results = await presentStatusViews(deps.db, caller.tenant.id, views, base, expand, deps.expanders);
  await logExpandedRollen(deps, caller, views, expand, startTime);
  return paginatedList(caller, window, count, results);
}

/** `status_retrieve` / `status_headers`: one status the caller may read; 404 or 403 otherwise. */
export async function retrieveStatus(deps: StatusDeps, caller: RelationCaller, base: string, uuid: string, expandQuery?: string): Promise<StatusJson> {
  const startTime = new Date();
  const expand = retrieveExpand(() => parseStatusExpand(expandQuery, deps.expanders));
  const [view] = isUuid(uuid) ? await findStatusViews(deps.db, caller.tenant.id, [uuid]) : [];
  if (!view) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(deps.db, caller.tenant.id, view.zaak_uuid));
  const [json] = await presentStatusViews(deps.db, caller.tenant.id, [view], base, expand, deps.expanders);
  if (!json) throw new Error(`status ${uuid} vanished from its own expansion`);
  await logExpandedRollen(deps, caller, [view], expand, startTime);
  return json;
}

/**
 * `status_create`: checks the zaak (exists, the caller may set a status on it, not archived), the statustype
 * (zrc-016) and `gezetdoor`, then stores the status and applies it to the zaak (closing, zrc-007/zrc-021, or
 * reopening, zrc-008) with the audit record and notification, all in one transaction.
 */
export async function createStatus(deps: StatusDeps, caller: RelationCaller, base: string, input: StatusInput): Promise<StatusJson> {
  const moment = parseInstant(input.datumStatusGezet);
  if (moment === undefined) throw invalid(statusCreateProblems(input));
  try {
    return await inTransaction(deps.db, async (trx) => {
      const zaakUuid = zaakUuidFromUrl(input.zaak);
      const zaak = zaakUuid ? await lockZaak(trx, caller.tenant.id, zaakUuid) : undefined;
      if (!zaak) throw invalid([zaakUrlProblem()]);
      assertMaySetStatus(caller, zaak, await zaakHasStatus(trx, zaak.uuid));
      const archived = archiefstatusProblem(zaak);
      if (archived) throw invalid([archived]);
      const statustype = await resolveStatustype(trx, caller.tenant.id, input.statustype, zaak);
      const gezetdoor = await resolveGezetdoor(trx, caller.tenant.id, input.gezetdoor, zaak);
      if (await zaakHasStatusAt(trx, zaak.uuid, moment)) throw duplicateMoment();
      const { zaak: after } = await applyStatusToZaak(trx, caller.tenant.id, zaak, statustype.is_eindstatus, moment);
      const row = await insertStatus(trx, caller.tenant.id, {
        zaak_uuid: zaak.uuid,
        statustype_uuid: statustype.uuid,
        datum_status_gezet: moment,
        statustoelichting: input.statustoelichting ?? '',
        gezetdoor_rol_uuid: gezetdoor,
      });
      const [view] = await findStatusViews(trx, caller.tenant.id, [row.uuid]);
      if (!view) throw new Error(`status ${row.uuid} vanished after insert`);
      const json = presentStatus(view, base);
      await recordRelationChange(trx, caller, after, base, {
        actie: 'create',
        resultaat: 201,
        resource: 'status',
        resourceUrl: json.url,
        resourceWeergave: statusWeergave(view),
        nieuw: { ...json },
      });
      return json;
    });
  } catch (error) {
    // Two requests for the same moment that both passed the check: the unique index decides.
    if (isUniqueViolation(error)) throw duplicateMoment();
    throw error;
  }
}

function duplicateMoment(): ProblemError {
  return invalid([{ name: 'nonFieldErrors', code: 'unique', reason: 'De zaak heeft al een status met deze datumStatusGezet.' }]);
}
