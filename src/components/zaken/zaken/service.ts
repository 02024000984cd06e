import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import type { OutboundPolicy } from '../../../platform/http/outbound-url.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { recordAudit, type AuditActie } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { mayAccess, typeAccess } from '../../../platform/auth/autorisaties.ts';
import { isValidBsn } from '../../../platform/personal-data/bsn.ts';
import { logRequestProcessing } from '../../../platform/processing-log/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { paginatedList, pageRequest, type PageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { isUniqueViolation } from '../../../platform/zgw/request-body.ts';
import { isZaakIdentificatieFormatValid } from '../identificatie.ts';
import { issueZaakIdentificatie } from '../identificatie-issuer.ts';
import type { ZakenCaller } from '../shared/caller.ts';
import { addIsoDuration } from '../shared/duration.ts';
import { zaakUrl } from '../shared/urls.ts';
import { assertMayUseZaak, assertZaakOpenOrForced, findZaakRow, mayUseZaak, type ZaakRow } from '../shared/zaak-reference.ts';
import { expandZaken, parseZaakExpand, type ExpandTree } from '../expand/zaak-expand.ts';
import { deleteZaakAuditTrails } from '../audittrail/repository.ts';
import { parseOrdering, parseZaakFilter, type OrderingTerm, type ZaakFilter } from './filters.ts';
import { boundingBox, type Geometry } from './geometry.ts';
import { documentenArchiveringProblems } from './informatieobject-status.ts';
import { NO_RELATIONS, presentZaak, zaakData, zaaktypeUrl, zaakWeergave, type ZaakData, type ZaakJson } from './present.ts';
import { presentZaakRows } from './present-rows.ts';
import { findZaakVersion, findZaakWithRelations } from './relation-repository.ts';
import { zaakJsonCacheFor, zaakJsonKey, type KeptZaak } from './zaak-json-cache.ts';
import { etagOf } from '../../../platform/zgw/etag.ts';
import { communicatiekanaalProblems, fetchJsonResource, selectielijstklasseProblems } from './remote-resources.ts';
import {
  deelzaakUuids,
  deleteZaak,
  findZaakForUpdate,
  identificatieTaken,
  insertZaak,
  listZaken,
  updateZaak,
  type ZaakScopePart,
  type ZaakValues,
} from './repository.ts';
import { archiveringProblems, betalingProblems, immutableProblem, productenProblems } from './rules.ts';
import type { ZaakInput, ZaakListQuery, ZaakPatch } from './schemas.ts';
import { checkHoofdzaak, relevanteZakenProblems } from './zaak-links.ts';
import { findZaakZaaktype, zaaktypeProblems, zaaktypeUuidFromUrl, type ZaakZaaktype } from './zaaktype.ts';

/*
 * Business rules of ZAAK. Scopes are checked before any of this runs (route data); here every operation checks the
 * caller's autorisaties for the zaak's zaaktype and vertrouwelijkheid (zrc-006), every query is scoped to the
 * caller's tenant, and every write shares one transaction with its audit record and its notification.
 */

/** What the zaak services use. */
export interface ZakenDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
  /** Where the checks of client-supplied URLs (communicatiekanaal, documents) may fetch; absent: public networks only. */
  outbound?: OutboundPolicy;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaak ${uuid} bestaat niet.`);
}

/** Generated numbers a create tries before giving up: each skipped one was taken by a client's own identificatie. */
const MAX_IDENTIFICATIE_ATTEMPTS = 1000;

function uniqueProblem(identificatie: string): InvalidParam {
  return { name: 'identificatie', code: 'identificatie-niet-uniek', reason: `Deze identificatie (${identificatie}) bestaat al voor deze bronorganisatie.` };
}

/**
 * zrc-006 for lists: the parts of the caller's view. A caller with heeftAlleAutorisaties sees all zaken (one part,
 * or one per zaaktype the filter names); another sees, per zaaktype it is authorised for, the zaken up to that
 * autorisatie's maximum vertrouwelijkheidaanduiding. `maximaleVertrouwelijkheidaanduiding` narrows every part.
 */
export function listScope(caller: ZakenCaller, filter: ZaakFilter): ZaakScopePart[] {
  const access = typeAccess(caller.apiCaller, 'zrc', 'zaken.lezen');
  const wanted = filter.zaaktypen === undefined ? undefined : new Set(filter.zaaktypen);
  if (access.all) return wanted === undefined ? [{ maxRank: filter.maxRank }] : [...wanted].map((zaaktype) => ({ zaaktype, maxRank: filter.maxRank }));
  // A zaaktype outside Loket's catalogue (no uuid) has no zaken here.
  return access.types.flatMap((type) => {
    if (type.typeUuid === null || (wanted !== undefined && !wanted.has(type.typeUuid))) return [];
    return [{ zaaktype: type.typeUuid, maxRank: filter.maxRank === undefined ? type.maxRank : Math.min(type.maxRank, filter.maxRank) }];
  });
}

/**
 * A search on a person's BSN processes that person's data (which zaken they are party to): it is logged under
 * `zaak-behandelen`, with the number of zaken found. A value that is no BSN at all identifies nobody.
 */
export async function logBsnSearch(deps: ZakenDeps, caller: ZakenCaller, filter: ZaakFilter, count: number, startTime: Date): Promise<void> {
  const bsn = filter.rol?.inp_bsn;
  if (bsn === undefined || !isValidBsn(bsn)) return;
  await logRequestProcessing(deps.db, deps.keys, caller, {
    activityId: 'zaak-behandelen',
    name: 'zaken-zoeken-op-bsn',
    status: 'ok',
    startTime,
    dataSubjects: [{ type: 'BSN', id: bsn }],
    attributes: { zaken: count },
  });
}

/** What one page of zaken asks for, from a list query or a search body. */
export interface ZaakPageRequest {
  filter: ZaakFilter;
  ordering: OrderingTerm[];
  window: PageRequest;
  expand: ExpandTree;
}

/**
 * One page of the zaken the caller may read that match the filter, presented with their relations (and `_expand`),
 * shared by `zaak_list` and `zaak__zoek`.
 */
export async function findZaakPage(
  deps: ZakenDeps,
  caller: ZakenCaller,
  base: string,
  request: ZaakPageRequest,
): Promise<{ page: PaginatedList<ZaakJson>; rows: ZaakRow[] }> {
  const startTime = new Date();
  const { count, zaken } = await listZaken(deps.db, caller.tenant.id, { ...request, scope: listScope(caller, request.filter) });
  // Checked before presenting: a page past the last one is a 404 without any further work.
  const empty = paginatedList(caller, request.window, count, []);
  const rows = zaken.map((zaak) => zaak.row);
  const results = zaken.map((zaak) => presentZaak(zaak.row, zaak.relations, base));
  await expandZaken(deps, caller, base, rows, results, request.expand);
  await logBsnSearch(deps, caller, request.filter, count, startTime);
  return { page: { ...empty, results }, rows };
}

/** `zaak_list`: what page of which zaken the list query asks for (see page-body.ts for the page itself). */
export function zaakListRequest(query: ZaakListQuery): ZaakPageRequest {
  const { page, expand, ordering, ...filters } = query;
  return {
    filter: parseZaakFilter(filters),
    ordering: parseOrdering(ordering),
    window: pageRequest({ page }),
    expand: parseZaakExpand(expand, 'invalid'),
  };
}

/** `zaak_retrieve` / `zaak_headers`: one zaak the caller may read (403 for another of the tenant, 404 for none). */
export async function retrieveZaak(deps: ZakenDeps, caller: ZakenCaller, base: string, uuid: string, expandQuery?: string): Promise<ZaakJson> {
  // zrc-027: on a single zaak an expand that names no attribute of it is a 404 (the operation documents no 400).
  const expand = parseZaakExpand(expandQuery, 'not_found');
  // The zaak and everything it lists in one statement; a caller without access gets its 403 after that read.
  const found = UUID.test(uuid) ? await findZaakWithRelations(deps.db, caller.tenant.id, uuid.toLowerCase()) : undefined;
  if (!found) throw notFound(uuid);
  const { row } = found;
  assertMayUseZaak(caller.apiCaller, row, 'zaken.lezen');
  const json = presentZaak(row, found.relations, base);
  await expandZaken(deps, caller, base, [row], [json], expand);
  return json;
}

/**
 * `zaak_retrieve` / `zaak_headers` as JSON (UTF-8) with its ETag. The zaak's JSON is kept per version (zaak-json-cache.ts):
 * when some version of the zaak is kept, a narrow statement reads the current version and the access columns, and a
 * kept current version answers without reading the zaak in full. Otherwise (and with `expand`) the zaak is read,
 * presented and, without expand, kept.
 */
export async function retrieveZaakBody(deps: ZakenDeps, caller: ZakenCaller, base: string, uuid: string, expandQuery?: string): Promise<Required<KeptZaak>> {
  if (parseZaakExpand(expandQuery, 'not_found').size > 0) {
    const expanded = await retrieveZaak(deps, caller, base, uuid, expandQuery);
    return { json: Buffer.from(JSON.stringify(expanded)), etag: etagOf(expanded) };
  }
  if (!UUID.test(uuid)) throw notFound(uuid);
  const id = uuid.toLowerCase();
  const key = zaakJsonKey(caller.tenant.id, base, id);
  const cache = zaakJsonCacheFor(deps.db);
  if (cache.has(key)) {
    const current = await findZaakVersion(deps.db, caller.tenant.id, id);
    if (!current) throw notFound(uuid);
    assertMayUseZaak(caller.apiCaller, current, 'zaken.lezen');
    const kept = cache.get(key, current.version);
    if (kept?.etag !== undefined) return { json: kept.json, etag: kept.etag };
    if (kept !== undefined) {
      // Kept by a list, which needs no ETag: the JSON holds the same values as the object it was made from.
      const etag = etagOf(JSON.parse(kept.json.toString()));
      cache.set(key, current.version, kept.json, etag);
      return { json: kept.json, etag };
    }
  }
  const found = await findZaakWithRelations(deps.db, caller.tenant.id, id);
  if (!found) throw notFound(uuid);
  assertMayUseZaak(caller.apiCaller, found.row, 'zaken.lezen');
  const zaak = presentZaak(found.row, found.relations, base);
  const kept = { json: Buffer.from(JSON.stringify(zaak)), etag: etagOf(zaak) };
  cache.set(key, found.version, kept.json, kept.etag);
  return kept;
}

/** The stored values as writable input, so an update can lay the client's fields over them. */
function toInput(row: ZaakRow, base: string): ZaakInput {
  const data = zaakData(row);
  return {
    identificatie: row.identificatie,
    bronorganisatie: row.bronorganisatie,
    omschrijving: row.omschrijving,
    toelichting: data.toelichting,
    zaaktype: zaaktypeUrl(base, row.zaaktype_uuid),
    registratiedatum: row.registratiedatum,
    verantwoordelijkeOrganisatie: row.verantwoordelijke_organisatie,
    startdatum: row.startdatum,
    einddatumGepland: row.einddatum_gepland,
    uiterlijkeEinddatumAfdoening: row.uiterlijke_einddatum_afdoening,
    publicatiedatum: row.publicatiedatum,
    communicatiekanaal: data.communicatiekanaal,
    productenOfDiensten: data.productenOfDiensten,
    vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding,
    betalingsindicatie: data.betalingsindicatie,
    laatsteBetaaldatum: data.laatsteBetaaldatum,
    zaakgeometrie: row.zaakgeometrie,
    verlenging: data.verlenging,
    opschorting: data.opschorting,
    selectielijstklasse: data.selectielijstklasse,
    hoofdzaak: row.hoofdzaak_uuid === null ? null : zaakUrl(base, row.hoofdzaak_uuid),
    relevanteAndereZaken: data.relevanteAndereZaken,
    kenmerken: data.kenmerken,
    archiefnominatie: row.archiefnominatie,
    archiefstatus: row.archiefstatus,
    archiefactiedatum: row.archiefactiedatum,
    opdrachtgevendeOrganisatie: data.opdrachtgevendeOrganisatie,
    processobjectaard: data.processobjectaard,
    startdatumBewaartermijn: data.startdatumBewaartermijn,
    processobject: data.processobject,
  };
}

/** The `data` column of a zaak: the attributes without a column of their own, unset ones left out. */
function dataOf(input: ZaakInput): ZaakData {
  const data: ZaakData = {
    toelichting: input.toelichting,
    communicatiekanaal: input.communicatiekanaal,
    productenOfDiensten: input.productenOfDiensten,
    betalingsindicatie: input.betalingsindicatie,
    laatsteBetaaldatum: input.laatsteBetaaldatum,
    verlenging: input.verlenging,
    opschorting: input.opschorting,
    selectielijstklasse: input.selectielijstklasse,
    relevanteAndereZaken: input.relevanteAndereZaken,
    kenmerken: input.kenmerken,
    opdrachtgevendeOrganisatie: input.opdrachtgevendeOrganisatie,
    processobjectaard: input.processobjectaard,
    startdatumBewaartermijn: input.startdatumBewaartermijn,
    processobject: input.processobject,
  };
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as ZaakData;
}

/** The columns of a zaak for the input, its resolved hoofdzaak and its vertrouwelijkheidaanduiding. */
function valuesOf(input: ZaakInput, identificatie: string, zaaktypeUuid: string, hoofdzaakUuid: string | null, vertrouwelijkheidaanduiding: string, today: string): ZaakValues {
  const geometry = input.zaakgeometrie ?? null;
  const box = geometry === null ? null : boundingBox(geometry as unknown as Geometry);
  return {
    identificatie,
    bronorganisatie: input.bronorganisatie,
    zaaktype_uuid: zaaktypeUuid,
    verantwoordelijke_organisatie: input.verantwoordelijkeOrganisatie,
    omschrijving: input.omschrijving ?? '',
    registratiedatum: input.registratiedatum ?? today,
    startdatum: input.startdatum,
    einddatum_gepland: input.einddatumGepland ?? null,
    uiterlijke_einddatum_afdoening: input.uiterlijkeEinddatumAfdoening ?? null,
    publicatiedatum: input.publicatiedatum ?? null,
    vertrouwelijkheidaanduiding,
    archiefnominatie: input.archiefnominatie || null,
    archiefstatus: input.archiefstatus ?? 'nog_te_archiveren',
    archiefactiedatum: input.archiefactiedatum ?? null,
    hoofdzaak_uuid: hoofdzaakUuid,
    zaakgeometrie: geometry === null ? null : JSON.stringify(geometry),
    geometrie_min_x: box?.minX ?? null,
    geometrie_min_y: box?.minY ?? null,
    geometrie_max_x: box?.maxX ?? null,
    geometrie_max_y: box?.maxY ?? null,
    data: JSON.stringify(dataOf(input)),
  };
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Europe/Amsterdam as `YYYY-MM-DD` (the registratiedatum of a zaak registered now). */
function amsterdamToday(now: Date): string {
  return AMSTERDAM_DATE.format(now);
}

/**
 * The checks of a zaak's references and values that need the database or another API, listed together: hoofdzaak
 * (zrc-013), relevante andere zaken (zrc-011), producten of diensten (zrc-015), communicatiekanaal (zrc-010, only
 * when it changes), selectielijstklasse, archiving (zrc-022). Returns the resolved hoofdzaak too.
 */
async function referenceProblems(
  deps: ZakenDeps,
  tenantId: string,
  merged: ZaakInput,
  zaaktype: ZaakZaaktype | undefined,
  before: ZaakInput | undefined,
  self: { uuid: string; hasDeelzaken: boolean } | undefined,
): Promise<{ problems: InvalidParam[]; hoofdzaakUuid: string | null }> {
  const hoofdzaak = await checkHoofdzaak(deps.db, tenantId, merged.hoofdzaak ?? null, self);
  const problems = [...hoofdzaak.problems, ...(await relevanteZakenProblems(deps.db, tenantId, merged.relevanteAndereZaken ?? []))];
  if (zaaktype) problems.push(...productenProblems(merged.productenOfDiensten ?? [], zaaktype.productenOfDiensten));
  const fetchJson = (url: string): Promise<unknown> => fetchJsonResource(url, deps.outbound);
  if (merged.communicatiekanaal && merged.communicatiekanaal !== before?.communicatiekanaal) problems.push(...(await communicatiekanaalProblems(merged.communicatiekanaal, fetchJson)));
  if (merged.selectielijstklasse && merged.selectielijstklasse !== before?.selectielijstklasse) problems.push(...selectielijstklasseProblems(merged.selectielijstklasse));
  const archiefstatus = merged.archiefstatus ?? 'nog_te_archiveren';
  problems.push(...archiveringProblems({ archiefstatus, archiefnominatie: merged.archiefnominatie ?? null, archiefactiedatum: merged.archiefactiedatum ?? null }));
  if (self && archiefstatus !== 'nog_te_archiveren' && archiefstatus !== before?.archiefstatus) {
    problems.push(...(await documentenArchiveringProblems(deps.db, tenantId, self.uuid, fetchJson)));
  }
  return { problems, hoofdzaakUuid: hoofdzaak.uuid };
}

/** The notification of kanaal `zaken` about a zaak, with the kanaal's kenmerken. */
async function notify(trx: Transaction<Database>, caller: ZakenCaller, row: ZaakRow, base: string, actie: AuditActie): Promise<void> {
  const url = zaakUrl(base, row.uuid);
  await publishNotificatie(trx, caller.tenant.id, {
    kanaal: 'zaken',
    hoofdObject: url,
    resource: 'zaak',
    resourceUrl: url,
    actie,
    kenmerken: { bronorganisatie: row.bronorganisatie, zaaktype: zaaktypeUrl(base, row.zaaktype_uuid), vertrouwelijkheidaanduiding: row.vertrouwelijkheidaanduiding },
  });
}

/**
 * `zaak_create`. The zaaktype must exist, be published and be valid on the startdatum (zrc-001); the caller needs
 * `zaken.aanmaken` for it at the zaak's vertrouwelijkheid, which defaults to the zaaktype's (zrc-009). Without an
 * identificatie one is generated, unique within the bronorganisatie (zrc-002). Without an uiterlijkeEinddatumAfdoening
 * it is the startdatum plus the zaaktype's doorlooptijd; without an einddatumGepland, plus its servicenorm (if any).
 */
export async function createZaak(deps: ZakenDeps, caller: ZakenCaller, base: string, input: ZaakInput, now: Date = new Date()): Promise<ZaakJson> {
  const tenantId = caller.tenant.id;
  const zaaktypeUuid = zaaktypeUuidFromUrl(input.zaaktype);
  const zaaktype = zaaktypeUuid === null ? undefined : await findZaakZaaktype(deps.db, tenantId, zaaktypeUuid);
  const vertrouwelijkheidaanduiding = input.vertrouwelijkheidaanduiding ?? zaaktype?.vertrouwelijkheidaanduiding;
  const access = typeAccess(caller.apiCaller, 'zrc', 'zaken.aanmaken');
  if (!access.all && (zaaktypeUuid === null || !mayAccess(access, { uuid: zaaktypeUuid, url: input.zaaktype }, vertrouwelijkheidaanduiding ?? 'zeer_geheim'))) {
    throw new ProblemError('permission_denied', 'Het aanmaken van een zaak vereist de scope zaken.aanmaken voor dit zaaktype en deze vertrouwelijkheidaanduiding.');
  }

  const problems = zaaktypeProblems(zaaktype, input.startdatum);
  const identificatie = input.identificatie ?? '';
  if (identificatie !== '' && !isZaakIdentificatieFormatValid(identificatie)) problems.push({ name: 'identificatie', code: 'max_length', reason: 'De identificatie is te lang.' });
  if (identificatie !== '' && (await identificatieTaken(deps.db, tenantId, input.bronorganisatie, identificatie))) problems.push(uniqueProblem(identificatie));
  problems.push(...betalingProblems(input.betalingsindicatie ?? '', input.laatsteBetaaldatum));
  const references = await referenceProblems(deps, tenantId, input, zaaktype, undefined, undefined);
  problems.push(...references.problems);
  if (problems.length > 0 || !zaaktype || vertrouwelijkheidaanduiding === undefined) throw invalid(problems);

  const derived: ZaakInput = {
    ...input,
    uiterlijkeEinddatumAfdoening: input.uiterlijkeEinddatumAfdoening === undefined ? (addIsoDuration(input.startdatum, zaaktype.doorlooptijd) ?? null) : input.uiterlijkeEinddatumAfdoening,
    einddatumGepland:
      input.einddatumGepland === undefined && zaaktype.servicenorm ? (addIsoDuration(input.startdatum, zaaktype.servicenorm) ?? null) : input.einddatumGepland,
  };
  const values = (number: string) => valuesOf(derived, number, zaaktype.uuid, references.hoofdzaakUuid, vertrouwelijkheidaanduiding, amsterdamToday(now));
  if (identificatie !== '') {
    const created = await insertNewZaak(deps, caller, base, values(identificatie));
    // A concurrent create with the same identificatie passes the check above; the unique index still refuses it.
    if (!created) throw invalid([uniqueProblem(identificatie)]);
    return created;
  }
  // Issued in a statement of its own, before the zaak's transaction (shared with concurrent creates, see
  // identificatie-issuer.ts): the tenant's counter row is then locked for that statement only, so concurrent creates
  // do not queue on it for a whole transaction. A zaak that fails afterwards leaves a gap in the numbers, which
  // zrc-002 allows. A number a client already chose for its own zaak is skipped.
  for (let attempt = 1; ; attempt++) {
    const created = await insertNewZaak(deps, caller, base, values(await issueZaakIdentificatie(deps.db, tenantId, now)));
    if (created) return created;
    if (attempt === MAX_IDENTIFICATIE_ATTEMPTS) throw new Error(`No free zaak identificatie after ${attempt} numbers`);
  }
}

/**
 * Stores a new zaak with its audit record and its notification, in one transaction; undefined (and nothing stored)
 * when the bronorganisatie already has a zaak with its identificatie.
 */
async function insertNewZaak(deps: ZakenDeps, caller: ZakenCaller, base: string, values: ZaakValues): Promise<ZaakJson | undefined> {
  return inTransaction(deps.db, async (trx) => {
    const row = await insertZaak(trx, caller.tenant.id, values);
    if (!row) return undefined;
    const json = presentZaak(row, NO_RELATIONS, base);
    await recordAudit(
      trx,
      auditEntryFromRequest(caller, { bron: 'zrc', actie: 'create', resultaat: 201, hoofdObject: json.url, resource: 'zaak', resourceUrl: json.url, resourceWeergave: zaakWeergave(row), nieuw: { ...json } }),
    );
    await notify(trx, caller, row, base, 'create');
    return json;
  });
}

/**
 * `zaak_update` (PUT, `partial` false) and `zaak_partial_update` (PATCH): the client's fields laid over the stored
 * ones. Needs zaken.bijwerken or zaken.geforceerd-bijwerken for the zaak, and the latter once it is closed (zrc-007).
 * Identificatie and zaaktype cannot change. A betalingsindicatie that becomes `nvt` clears laatsteBetaaldatum (zrc-014).
 */
export async function changeZaak(deps: ZakenDeps, caller: ZakenCaller, base: string, uuid: string, changes: ZaakPatch, partial: boolean): Promise<ZaakJson> {
  const tenantId = caller.tenant.id;
  if (!UUID.test(uuid)) throw notFound(uuid);
  const zaakUuid = uuid.toLowerCase();
  const current = await findZaakRow(deps.db, tenantId, zaakUuid);
  if (!current) throw notFound(uuid);
  assertMayChange(caller, current);

  const before = toInput(current, base);
  const merged: ZaakInput = { ...before, ...changes };
  const problems: InvalidParam[] = [];
  if (changes.identificatie !== undefined && changes.identificatie !== current.identificatie) problems.push(immutableProblem('identificatie'));
  if (changes.zaaktype !== undefined && zaaktypeUuidFromUrl(changes.zaaktype) !== current.zaaktype_uuid) problems.push(immutableProblem('zaaktype'));
  if (merged.bronorganisatie !== current.bronorganisatie && (await identificatieTaken(deps.db, tenantId, merged.bronorganisatie, current.identificatie, zaakUuid))) {
    problems.push(uniqueProblem(current.identificatie));
  }
  problems.push(...betalingProblems(merged.betalingsindicatie ?? '', changes.laatsteBetaaldatum));
  if (merged.betalingsindicatie === 'nvt' && changes.laatsteBetaaldatum === undefined) merged.laatsteBetaaldatum = null;
  const zaaktype = await findZaakZaaktype(deps.db, tenantId, current.zaaktype_uuid);
  const hasDeelzaken = (await deelzaakUuids(deps.db, tenantId, zaakUuid)).length > 0;
  const references = await referenceProblems(deps, tenantId, merged, zaaktype, before, { uuid: zaakUuid, hasDeelzaken });
  problems.push(...references.problems);
  if (problems.length > 0) throw invalid(problems);

  try {
    return await inTransaction(deps.db, async (trx) => {
      // Locked and checked again: a status set meanwhile may have closed the zaak.
      const locked = await findZaakForUpdate(trx, tenantId, zaakUuid);
      if (!locked) throw notFound(uuid);
      assertMayChange(caller, locked);
      const values = valuesOf(merged, locked.identificatie, locked.zaaktype_uuid, references.hoofdzaakUuid, merged.vertrouwelijkheidaanduiding ?? locked.vertrouwelijkheidaanduiding, locked.registratiedatum);
      const row = await updateZaak(trx, tenantId, zaakUuid, values);
      const [oud, nieuw] = await presentZaakRows(trx, tenantId, [locked, row], base);
      const url = zaakUrl(base, zaakUuid);
      const actie = partial ? 'partial_update' : 'update';
      await recordAudit(
        trx,
        auditEntryFromRequest(caller, { bron: 'zrc', actie, resultaat: 200, hoofdObject: url, resource: 'zaak', resourceUrl: url, resourceWeergave: zaakWeergave(row), oud: { ...oud }, nieuw: { ...nieuw } }),
      );
      await notify(trx, caller, row, base, actie);
      if (!nieuw) throw new Error(`zaak ${uuid} not presented`);
      return nieuw;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid([uniqueProblem(current.identificatie)]);
    throw error;
  }
}

/** 403 unless the caller may change this zaak: bijwerken or geforceerd-bijwerken for it, the latter when closed. */
function assertMayChange(caller: ZakenCaller, zaak: ZaakRow): void {
  if (!mayUseZaak(caller.apiCaller, zaak, 'zaken.bijwerken') && !mayUseZaak(caller.apiCaller, zaak, 'zaken.geforceerd-bijwerken')) {
    throw new ProblemError('permission_denied', 'Het wijzigen van een zaak vereist de scope zaken.bijwerken of zaken.geforceerd-bijwerken voor dit zaaktype en deze vertrouwelijkheid.');
  }
  assertZaakOpenOrForced(caller.apiCaller, zaak);
}

function isForeignKeyViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23503';
}

/**
 * `zaak_destroy` (zrc-023): deletes the zaak and everything attached to it, its deelzaken with theirs included, and
 * their audit trails, and publishes a `destroy` for each. A zaak with besluiten stays: the besluiten must go first
 * (409, `related-besluiten` as the reference implementation names it). The BSNs of the removed rollen are logged as a
 * processing of their data.
 */
export async function destroyZaak(deps: ZakenDeps, caller: ZakenCaller, base: string, uuid: string): Promise<void> {
  const tenantId = caller.tenant.id;
  if (!UUID.test(uuid)) throw notFound(uuid);
  const zaakUuid = uuid.toLowerCase();
  const startTime = new Date();
  try {
    await inTransaction(deps.db, async (trx) => {
      const zaak = await findZaakForUpdate(trx, tenantId, zaakUuid);
      if (!zaak) throw notFound(uuid);
      assertMayUseZaak(caller.apiCaller, zaak, 'zaken.verwijderen');
      const deelzaken = await deelzaakUuids(trx, tenantId, zaakUuid);
      const removed = [zaakUuid, ...deelzaken];
      const bsns = await trx
        .selectFrom('rollen')
        .select('inp_bsn')
        .distinct()
        .where('tenant_id', '=', tenantId)
        .where('zaak_uuid', 'in', removed)
        .where('inp_bsn', 'is not', null)
        .execute();
      const deelzaakRows = deelzaken.length > 0 ? await trx.selectFrom('zaken').selectAll().where('tenant_id', '=', tenantId).where('uuid', 'in', deelzaken).execute() : [];
      await deleteZaak(trx, tenantId, zaakUuid);
      await deleteZaakAuditTrails(trx, tenantId, removed);
      for (const row of [zaak, ...deelzaakRows]) await notify(trx, caller, row, base, 'destroy');
      const subjects = bsns.flatMap((row) => (row.inp_bsn !== null && isValidBsn(row.inp_bsn) ? [{ type: 'BSN', id: row.inp_bsn }] : []));
      if (subjects.length > 0) {
        await logRequestProcessing(trx, deps.keys, caller, { activityId: 'zaak-behandelen', name: 'zaak-verwijderen', status: 'ok', startTime, dataSubjects: subjects, attributes: { zaken: removed.length } });
      }
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      // The reference implementation answers 400, which zaak_destroy does not document; 409 is its documented answer
      // to a request that conflicts with the resource's state. The reference implementation's code names the cause.
      const reason = 'De zaak heeft besluiten; verwijder die eerst voordat de zaak verwijderd kan worden.';
      throw new ProblemError('conflict', reason, [{ name: 'nonFieldErrors', code: 'related-besluiten', reason }]);
    }
    throw error;
  }
}
