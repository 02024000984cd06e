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
import {
  betrokkeneIdentificatieProblems,
  identificationColumns,
  IDENTIFICATION_FILTERS,
  isBetrokkeneType,
  storedBetrokkeneIdentificatie,
  type IdentificationColumns,
} from './betrokkene-identificatie.ts';
import { parseRolExpand, presentRolViews, type RolExpanders } from './expand.ts';
import { logRolProcessing } from './person-processing.ts';
import { presentRol, rolWeergave, type RolData, type RolJson } from './present.ts';
import { countRollenWithGeneriek, deleteRol, findRoltype, findRolViews, insertRol, listRollen, type RoltypeFacts } from './repository.ts';
import type { RolInput, RolListQuery } from './schemas.ts';

/*
 * Business rules of ROL. The route has checked the token's scopes; here every operation checks them again for the
 * zaak at hand, every query is scoped to the tenant, and every write shares one transaction with its audit record,
 * notification and, for a natuurlijk persoon, its processing-log entry.
 */

/** What the rollen service needs: the database, the keys that pseudonymise BSNs, and the lookups for `expand`. */
export interface RolDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  expanders: RolExpanders;
}

/**
 * `rol_create`: the spec names (zaken.bijwerken | zaken.geforceerd-bijwerken); zaken.aanmaken is accepted too, as
 * the reference implementation does ("zaken.aanmaken laat toe om rollen aan te maken"), so the application that
 * registers a zaak can name its initiator.
 */
export const CREATE_SCOPES = ['zaken.aanmaken', 'zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;
/** `rol_destroy`: (zaken.bijwerken | zaken.geforceerd-bijwerken). */
export const DESTROY_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;

const ROLTYPEN = '/catalogi/api/v1/roltypen';

/** Generic roles a zaak has at most once (the reference implementation's RolOccurenceValidator). */
const AT_MOST_ONCE = ['initiator', 'zaakcoordinator'];

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Rol ${uuid} bestaat niet.`);
}

function filled(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'object' && value !== null) return Object.keys(value).length > 0;
  return value !== undefined && value !== null;
}

/** The rules of a new rol that need no database, for the route to list with the schema's problems. */
export function rolCreateProblems(body: unknown): InvalidParam[] {
  if (typeof body !== 'object' || body === null) return [];
  const fields = body as Partial<Record<keyof RolInput, unknown>>;
  const problems: InvalidParam[] = [];
  if (isBetrokkeneType(fields.betrokkeneType) && fields.betrokkeneIdentificatie !== undefined && fields.betrokkeneIdentificatie !== null) {
    problems.push(...betrokkeneIdentificatieProblems(fields.betrokkeneType, fields.betrokkeneIdentificatie));
  }
  if (!filled(fields.betrokkene) && !filled(fields.betrokkeneIdentificatie)) {
    problems.push({ name: 'nonFieldErrors', code: 'invalid-betrokkene', reason: 'Geef de betrokkene op met een betrokkene-URL of met betrokkeneIdentificatie.' });
  }
  return problems;
}

/** zrc-019: the roltype exists in the tenant's catalogue and belongs to the zaak's zaaktype. */
async function resolveRoltype(db: Kysely<Database>, tenantId: string, url: string, zaak: ZaakRow): Promise<RoltypeFacts> {
  const uuid = uuidFromResourceUrl(url, ROLTYPEN);
  const roltype = uuid ? await findRoltype(db, tenantId, uuid) : undefined;
  if (!roltype) throw invalid([{ name: 'roltype', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaand roltype.' }]);
  if (roltype.zaaktype_uuid !== zaak.zaaktype_uuid) {
    throw invalid([{ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het roltype hoort niet bij het zaaktype van de zaak (zrc-019).' }]);
  }
  return roltype;
}

/** The identification filters of a list request, as column values. */
function identificationFilter(query: RolListQuery): Partial<IdentificationColumns> {
  return Object.fromEntries(Object.entries(IDENTIFICATION_FILTERS).flatMap(([parameter, column]) => {
    const value = query[parameter as keyof typeof IDENTIFICATION_FILTERS];
    return value === undefined ? [] : [[column, value]];
  }));
}

/** `rol_list`: one page of the rollen the caller may read, filtered as the spec defines; persons are logged. */
export async function listRolPage(deps: RolDeps, caller: RelationCaller, base: string, query: RolListQuery): Promise<PaginatedList<RolJson>> {
  const startTime = new Date();
  const expand = parseRolExpand(query.expand, deps.expanders);
  const window = pageRequest(query);
  const filter = {
    zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak),
    roltypeUuid: query.roltype === undefined ? undefined : uuidFromResourceUrl(query.roltype, ROLTYPEN),
    betrokkene: query.betrokkene,
    betrokkeneType: query.betrokkeneType,
    omschrijving: query.omschrijving,
    omschrijvingGeneriek: query.omschrijvingGeneriek,
    identification: identificationFilter(query),
  };
  const { count, views } = await listRollen(deps.db, caller.tenant.id, filter, readableZaken(deps.db, caller), window);
  const results = await presentRolViews(deps.db, caller.tenant.id, views, base, expand, deps.expanders);
  const searchedBsn = query.betrokkeneIdentificatie__natuurlijkPersoon__inpBsn;
  await logRolProcessing(deps.db, deps.keys, caller, searchedBsn === undefined ? 'rollen-raadplegen' : 'rollen-zoeken-op-bsn', views, startTime, searchedBsn);
  return paginatedList(caller, window, count, results);
}

/** `rol_retrieve` / `rol_headers`: one rol the caller may read; 404 or 403 otherwise. */
export async function retrieveRol(deps: RolDeps, caller: RelationCaller, base: string, uuid: string, expandQuery?: string): Promise<RolJson> {
  const startTime = new Date();
  const expand = retrieveExpand(() => parseRolExpand(expandQuery, deps.expanders));
  const [view] = isUuid(uuid) ? await findRolViews(deps.db, caller.tenant.id, [uuid]) : [];
  if (!view) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(deps.db, caller.tenant.id, view.zaak_uuid));
  const [json] = await presentRolViews(deps.db, caller.tenant.id, [view], base, expand, deps.expanders);
  if (!json) throw new Error(`rol ${uuid} vanished from its own expansion`);
  await logRolProcessing(deps.db, deps.keys, caller, 'rol-raadplegen', [view], startTime);
  return json;
}

/**
 * `rol_create`: checks the zaak (exists, the caller may change it, zrc-007, not archived), the roltype (zrc-019,
 * initiator and zaakcoordinator at most once) and the betrokkeneIdentificatie of the betrokkeneType, then stores
 * the rol with its audit record, notification and, for a natuurlijk persoon, the processing-log entry.
 */
export async function createRol(deps: RolDeps, caller: RelationCaller, base: string, input: RolInput): Promise<RolJson> {
  const startTime = new Date();
  const type = input.betrokkeneType;
  if (!isBetrokkeneType(type)) throw invalid([{ name: 'betrokkeneType', code: 'invalid_choice', reason: 'Onbekend betrokkeneType.' }]);
  return inTransaction(deps.db, async (trx) => {
    const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
    if (!zaak) throw invalid([zaakUrlProblem()]);
    assertMayChangeZaak(caller, zaak, CREATE_SCOPES);
    const archived = archiefstatusProblem(zaak);
    if (archived) throw invalid([archived]);
    const roltype = await resolveRoltype(trx, caller.tenant.id, input.roltype, zaak);
    if (AT_MOST_ONCE.includes(roltype.omschrijving_generiek) && (await countRollenWithGeneriek(trx, zaak.uuid, roltype.omschrijving_generiek)) > 0) {
      throw invalid([{ name: 'roltype', code: 'max-occurences', reason: `De zaak heeft al een rol met omschrijvingGeneriek ${roltype.omschrijving_generiek}; die mag maar één keer voorkomen.` }]);
    }
    const identificatie = input.betrokkeneIdentificatie ? storedBetrokkeneIdentificatie(type, input.betrokkeneIdentificatie) : undefined;
    const data: RolData = {
      afwijkendeNaamBetrokkene: input.afwijkendeNaamBetrokkene ?? '',
      roltoelichting: input.roltoelichting,
      indicatieMachtiging: input.indicatieMachtiging ?? '',
      contactpersoonRol: input.contactpersoonRol ?? null,
      ...(identificatie === undefined ? {} : { betrokkeneIdentificatie: identificatie }),
    };
    const row = await insertRol(trx, caller.tenant.id, {
      zaak_uuid: zaak.uuid,
      roltype_uuid: roltype.uuid,
      betrokkene: input.betrokkene ?? '',
      betrokkene_type: type,
      omschrijving_generiek: roltype.omschrijving_generiek,
      ...identificationColumns(type, identificatie),
      data,
    });
    const view = { ...row, omschrijving: roltype.omschrijving, status_uuids: [] };
    const json = presentRol(view, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'create', resultaat: 201, resource: 'rol', resourceUrl: json.url, resourceWeergave: rolWeergave(view), nieuw: { ...json } });
    await logRolProcessing(trx, deps.keys, caller, 'rol-aanmaken', [row], startTime);
    return json;
  });
}

/** `rol_destroy`: removes the rol with its audit record, notification and processing-log entry in one transaction. */
export async function destroyRol(deps: RolDeps, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  const startTime = new Date();
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(deps.db, async (trx) => {
    const [view] = await findRolViews(trx, caller.tenant.id, [uuid]);
    if (!view) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, view.zaak_uuid);
    assertMayChangeZaak(caller, zaak, DESTROY_SCOPES);
    await deleteRol(trx, caller.tenant.id, uuid);
    const json = presentRol(view, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'destroy', resultaat: 204, resource: 'rol', resourceUrl: json.url, resourceWeergave: rolWeergave(view), oud: { ...json } });
    await logRolProcessing(trx, deps.keys, caller, 'rol-verwijderen', [view], startTime);
  });
}
