import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { recordAudit, type AuditActie, type AuditBody } from '../../../platform/audit/record.ts';
import { auditEntryFromRequest } from '../../../platform/audit/request.ts';
import { publishNotificatie } from '../../../platform/zgw/notificatie.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { assertZaakOpenOrForced, findZaakRow, zaakUuidFromUrl, type ZaakRow } from '../../zaken/shared/zaak-reference.ts';
import { zaakbesluitCreated, zaakbesluitDestroyed } from '../../zaken/zaakbesluiten/sync.ts';
import { zaakbesluitOf } from '../../zaken/zaakbesluiten/present.ts';
import { BESLUITEN_AANMAKEN, BESLUITEN_BIJWERKEN, BESLUITEN_LEZEN, BESLUITEN_VERWIJDEREN } from '../scopes.ts';
import { allowedBesluittypen, assertMayUseBesluittype } from '../shared/besluittype-access.ts';
import type { BesluitenCaller } from '../shared/caller.ts';
import { isUniqueViolation } from '../shared/caller.ts';
import { besluittypenOfZaaktype, findBesluittype } from '../shared/catalogus-repository.ts';
import type { Documenten } from '../shared/documenten.ts';
import { besluittypeUuidFromUrl, besluitUrl, isUuid, zakenBaseFromBesluiten } from '../shared/urls.ts';
import { besluitinformatieobjectenOf } from '../besluitinformatieobjecten/repository.ts';
import type { ForeignExpanders } from '../shared/expand.ts';
import { parseBesluitExpand, presentBesluiten } from './expand.ts';
import { nextFreeBesluitIdentificatie } from './identificatie.ts';
import { besluitKenmerken, besluitWeergave, presentBesluit, type BesluitJson, type BesluitRow } from './present.ts';
import {
  deleteAuditTrailOfBesluit,
  deleteBesluit,
  findBesluit,
  identificatieTaken,
  insertBesluit,
  listBesluiten,
  updateBesluit,
  type ChangeableBesluitValues,
} from './repository.ts';
import { werkingsperiodeProblem } from './rules.ts';
import type { BesluitInput, BesluitListQuery, BesluitPatch } from './schemas.ts';

/*
 * Business rules of BESLUIT (brc-001 … brc-009). The route has checked that the token holds the operation's scope;
 * here every operation checks it again for the besluit's besluittype, every query is scoped to the tenant, and
 * every write shares one transaction with its audit record and notification, and, for a besluit with a zaak, with
 * the zaak's ZAAKBESLUIT bookkeeping.
 */

/** What the besluiten service needs besides the request. */
export interface BesluitenDeps {
  db: Kysely<Database>;
  /** Lookups for `expand` into other components (besluittype, zaak, informatieobject). */
  expanders: ForeignExpanders;
  /** The Documenten API (existence of informatieobjecten, the mirrored relations). */
  documenten: Documenten;
}

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Besluit ${uuid} bestaat niet.`);
}

function badUrl(name: string, reason: string): InvalidParam {
  return { name, code: 'bad-url', reason };
}

function immutable(name: string): InvalidParam {
  return { name, code: 'wijzigen-niet-toegelaten', reason: 'Dit veld mag niet gewijzigd worden.' };
}

function identificatieNotUnique(identificatie: string): InvalidParam {
  return { name: 'identificatie', code: 'identificatie-niet-uniek', reason: `Deze identificatie (${identificatie}) bestaat al binnen de verantwoordelijke organisatie.` };
}

/** The zaak a body's `zaak` names: none for an empty value, the tenant's zaak, or a `bad-url` problem. */
async function resolveZaak(db: Kysely<Database>, tenantId: string, url: string | null | undefined): Promise<{ zaak?: ZaakRow; problem?: InvalidParam }> {
  if (url === undefined || url === null || url === '') return {};
  const uuid = zaakUuidFromUrl(url);
  const zaak = uuid ? await findZaakRow(db, tenantId, uuid) : undefined;
  return zaak ? { zaak } : { problem: badUrl('zaak', 'De URL verwijst niet naar een bestaande zaak.') };
}

/** The zaak uuid a body's `zaak` stands for when compared with the stored one (null for none or a foreign URL). */
function zaakUuidOf(url: string | null | undefined): string | null {
  return url === undefined || url === null || url === '' ? null : zaakUuidFromUrl(url);
}

async function zaakOf(db: Kysely<Database>, tenantId: string, row: BesluitRow): Promise<ZaakRow | undefined> {
  if (row.zaak_uuid === null) return undefined;
  const zaak = await findZaakRow(db, tenantId, row.zaak_uuid);
  if (!zaak) throw new Error(`besluit ${row.uuid} has no zaak ${row.zaak_uuid}`);
  return zaak;
}

/** A besluit's fields that an update may change, as a client sends them. */
type ChangeableInput = Omit<BesluitInput, 'identificatie' | 'verantwoordelijkeOrganisatie' | 'besluittype' | 'zaak'>;

function changeableValues(input: ChangeableInput): ChangeableBesluitValues {
  return {
    datum: input.datum,
    toelichting: input.toelichting ?? '',
    bestuursorgaan: input.bestuursorgaan ?? '',
    ingangsdatum: input.ingangsdatum,
    vervaldatum: input.vervaldatum ?? null,
    vervalreden: input.vervalreden ?? '',
    publicatiedatum: input.publicatiedatum ?? null,
    verzenddatum: input.verzenddatum ?? null,
    uiterlijke_reactiedatum: input.uiterlijkeReactiedatum ?? null,
  };
}

/** The stored changeable values as client input, so an update can lay the client's fields over them. */
function changeableInput(row: BesluitRow): ChangeableInput {
  return {
    datum: row.datum,
    toelichting: row.toelichting,
    bestuursorgaan: row.bestuursorgaan,
    ingangsdatum: row.ingangsdatum,
    vervaldatum: row.vervaldatum,
    vervalreden: row.vervalreden,
    publicatiedatum: row.publicatiedatum,
    verzenddatum: row.verzenddatum,
    uiterlijkeReactiedatum: row.uiterlijke_reactiedatum,
  };
}

/** Records a change in the besluit's audit trail (bron brc) and publishes it on kanaal `besluiten`. */
async function recordBesluitChange(
  trx: Transaction<Database>,
  caller: BesluitenCaller,
  row: BesluitRow,
  base: string,
  change: { actie: AuditActie; resultaat: number; oud?: AuditBody; nieuw?: AuditBody },
): Promise<void> {
  const url = besluitUrl(base, row.uuid);
  await recordAudit(trx, auditEntryFromRequest(caller, { bron: 'brc', hoofdObject: url, resource: 'besluit', resourceUrl: url, resourceWeergave: besluitWeergave(row), ...change }));
  await publishNotificatie(trx, caller.tenant.id, { kanaal: 'besluiten', hoofdObject: url, resource: 'besluit', resourceUrl: url, actie: change.actie, kenmerken: besluitKenmerken(row, base) });
}

/** `besluit_list`: one page of the besluiten the caller may read (filtered in SQL on its besluittypen). */
export async function listBesluitPage(deps: BesluitenDeps, caller: BesluitenCaller, base: string, query: BesluitListQuery): Promise<PaginatedList<BesluitJson>> {
  const asked = parseBesluitExpand(query.expand, deps.expanders);
  const window = pageRequest(query);
  const { count, rows } = await listBesluiten(
    deps.db,
    caller.tenant.id,
    {
      identificatie: query.identificatie,
      verantwoordelijkeOrganisatie: query.verantwoordelijkeOrganisatie,
      besluittypeUuid: query.besluittype === undefined ? undefined : besluittypeUuidFromUrl(query.besluittype),
      zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak),
      allowedBesluittypen: allowedBesluittypen(caller.apiCaller, BESLUITEN_LEZEN),
    },
    window,
  );
  return paginatedList(caller, window, count, await presentBesluiten(deps.db, caller.tenant.id, rows, base, asked, deps.expanders));
}

/** `besluit_read`: one besluit the caller may read; 404 or 403 otherwise. */
export async function retrieveBesluit(deps: BesluitenDeps, caller: BesluitenCaller, base: string, uuid: string, expand?: string): Promise<BesluitJson> {
  const asked = parseBesluitExpand(expand, deps.expanders);
  const row = isUuid(uuid) ? await findBesluit(deps.db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayUseBesluittype(caller.apiCaller, row.besluittype_uuid, [BESLUITEN_LEZEN]);
  const [json] = await presentBesluiten(deps.db, caller.tenant.id, [row], base, asked, deps.expanders);
  if (!json) throw new Error(`besluit ${uuid} vanished from its own presentation`);
  return json;
}

/**
 * `besluit_create`: brc-001 (a published besluittype of the catalogue), brc-002 (identificatie unique within the
 * verantwoordelijke organisatie, generated when absent), brc-006/brc-007 (a zaak of the Zaken API whose zaaktype
 * allows the besluittype; the ZAAKBESLUIT comes with it) and zrc-007 (a closed zaak only with
 * zaken.geforceerd-bijwerken), then stores the besluit with its audit record and notification in one transaction.
 */
export async function createBesluit(deps: BesluitenDeps, caller: BesluitenCaller, base: string, input: BesluitInput): Promise<BesluitJson> {
  const tenantId = caller.tenant.id;
  const besluittypeUuid = besluittypeUuidFromUrl(input.besluittype);
  // Authorisation first: a besluittype the caller may not create besluiten of is a 403, whether or not it exists.
  if (besluittypeUuid) assertMayUseBesluittype(caller.apiCaller, besluittypeUuid, [BESLUITEN_AANMAKEN]);
  try {
    return await inTransaction(deps.db, async (trx) => {
      const { zaak, problem: zaakProblem } = await resolveZaak(trx, tenantId, input.zaak);
      if (zaak) assertZaakOpenOrForced(caller.apiCaller, zaak);
      const problems: InvalidParam[] = [];
      const besluittype = besluittypeUuid ? await findBesluittype(trx, tenantId, besluittypeUuid) : undefined;
      if (!besluittype) problems.push(badUrl('besluittype', 'De URL verwijst niet naar een bestaand besluittype.'));
      else if (besluittype.concept) problems.push({ name: 'besluittype', code: 'not-published', reason: 'Het besluittype is nog niet gepubliceerd (concept).' });
      if (zaakProblem) problems.push(zaakProblem);
      if (besluittype && zaak && !(await besluittypenOfZaaktype(trx, tenantId, zaak.zaaktype_uuid)).includes(besluittype.uuid)) {
        problems.push({ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'Het besluittype hoort niet bij het zaaktype van de zaak.' });
      }
      const chosen = input.identificatie ?? '';
      if (chosen !== '' && (await identificatieTaken(trx, tenantId, input.verantwoordelijkeOrganisatie, chosen))) problems.push(identificatieNotUnique(chosen));
      if (problems.length > 0 || !besluittype) throw invalid(problems);

      const identificatie =
        chosen !== '' ? chosen : await nextFreeBesluitIdentificatie(trx, tenantId, input.datum, (candidate) => identificatieTaken(trx, tenantId, input.verantwoordelijkeOrganisatie, candidate));
      const row = await insertBesluit(trx, tenantId, {
        identificatie,
        verantwoordelijke_organisatie: input.verantwoordelijkeOrganisatie,
        besluittype_uuid: besluittype.uuid,
        zaak_uuid: zaak?.uuid ?? null,
        ...changeableValues(input),
      });
      const json = presentBesluit(row, base);
      await recordBesluitChange(trx, caller, row, base, { actie: 'create', resultaat: 201, nieuw: { ...json } });
      const relation = zaakbesluitOf(row);
      if (zaak && relation) await zaakbesluitCreated(trx, caller, zaak, relation, zakenBaseFromBesluiten(base));
      return json;
    });
  } catch (error) {
    // A concurrent create with the same identificatie passes the check above; the unique constraint still refuses it.
    if (isUniqueViolation(error)) throw invalid([identificatieNotUnique(input.identificatie ?? '')]);
    throw error;
  }
}

/**
 * `besluit_update` (PUT) and `besluit_partial_update` (PATCH): the client's fields laid over the stored ones (omitted
 * optional fields keep their value, as in the reference implementation). identificatie and verantwoordelijke
 * organisatie (brc-002), besluittype (brc-001) and zaak (brc-006) cannot change.
 */
export async function changeBesluit(deps: BesluitenDeps, caller: BesluitenCaller, base: string, uuid: string, changes: BesluitPatch, partial: boolean): Promise<BesluitJson> {
  const tenantId = caller.tenant.id;
  if (!isUuid(uuid)) throw notFound(uuid);
  return inTransaction(deps.db, async (trx) => {
    // Locked, so a concurrent change cannot slip between the stored version this audit record calls `oud` and ours.
    const before = await findBesluit(trx, tenantId, uuid, { forUpdate: true });
    if (!before) throw notFound(uuid);
    assertMayUseBesluittype(caller.apiCaller, before.besluittype_uuid, [BESLUITEN_BIJWERKEN]);
    const zaak = await zaakOf(trx, tenantId, before);
    if (zaak) assertZaakOpenOrForced(caller.apiCaller, zaak);

    const problems: InvalidParam[] = [];
    if (changes.identificatie !== undefined && changes.identificatie !== before.identificatie) problems.push(immutable('identificatie'));
    if (changes.verantwoordelijkeOrganisatie !== undefined && changes.verantwoordelijkeOrganisatie !== before.verantwoordelijke_organisatie) {
      problems.push(immutable('verantwoordelijkeOrganisatie'));
    }
    if (changes.besluittype !== undefined && besluittypeUuidFromUrl(changes.besluittype) !== before.besluittype_uuid) problems.push(immutable('besluittype'));
    if (changes.zaak !== undefined && zaakUuidOf(changes.zaak) !== before.zaak_uuid) problems.push(immutable('zaak'));
    const merged = { ...changeableInput(before), ...changes };
    const werkingsperiode = werkingsperiodeProblem(merged.ingangsdatum, merged.vervaldatum);
    // The body's own fields were checked by the route already; only a clash with stored values is new here.
    if (werkingsperiode && !(changes.ingangsdatum !== undefined && changes.vervaldatum !== undefined)) problems.push(werkingsperiode);
    if (problems.length > 0) throw invalid(problems);

    const after = await updateBesluit(trx, tenantId, uuid, changeableValues(merged));
    if (!after) throw notFound(uuid);
    const json = presentBesluit(after, base);
    await recordBesluitChange(trx, caller, after, base, {
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      oud: { ...presentBesluit(before, base) },
      nieuw: { ...json },
    });
    return json;
  });
}

/**
 * `besluit_delete`: brc-009, the besluit and what belongs to it really go: its besluitinformatieobjecten (and their
 * mirrored relations in the Documenten API, brc-005) and its audit trail. The notification goes out, and a
 * besluit with a zaak ends that zaak's ZAAKBESLUIT (recorded in the zaak's audit trail).
 */
export async function destroyBesluit(deps: BesluitenDeps, caller: BesluitenCaller, base: string, uuid: string): Promise<void> {
  const tenantId = caller.tenant.id;
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(deps.db, async (trx) => {
    const row = await findBesluit(trx, tenantId, uuid, { forUpdate: true });
    if (!row) throw notFound(uuid);
    assertMayUseBesluittype(caller.apiCaller, row.besluittype_uuid, [BESLUITEN_VERWIJDEREN]);
    const zaak = await zaakOf(trx, tenantId, row);
    if (zaak) assertZaakOpenOrForced(caller.apiCaller, zaak);

    for (const relation of await besluitinformatieobjectenOf(trx, tenantId, uuid)) {
      await deps.documenten.unlinkBesluit(trx, tenantId, { informatieobjectUuid: relation.informatieobject_uuid, besluitUuid: uuid });
    }
    await deleteBesluit(trx, tenantId, uuid);
    await deleteAuditTrailOfBesluit(trx, tenantId, uuid);
    const url = besluitUrl(base, uuid);
    await publishNotificatie(trx, tenantId, { kanaal: 'besluiten', hoofdObject: url, resource: 'besluit', resourceUrl: url, actie: 'destroy', kenmerken: besluitKenmerken(row, base) });
    const relation = zaakbesluitOf(row);
    if (zaak && relation) await zaakbesluitDestroyed(trx, caller, zaak, relation, zakenBaseFromBesluiten(base));
  });
}
