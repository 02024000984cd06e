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
  isUuid,
  readableZaken,
  recordRelationChange,
  zaakByUrl,
  zaakOfRelation,
  zaakUrlProblem,
  type RelationCaller,
} from '../shared/zaak-relation.ts';
import { presentZaaknotitie, type ZaaknotitieJson, type ZaaknotitieRow } from './present.ts';
import { deleteZaaknotitie, findZaaknotitie, insertZaaknotitie, listZaaknotities, updateZaaknotitie, type DateColumn, type ZaaknotitieFilter, type ZaaknotitieValues } from './repository.ts';
import type { ZaaknotitieInput, ZaaknotitieListQuery, ZaaknotitiePatch } from './schemas.ts';

/*
 * Business rules of ZAAKNOTITIE (experimental in Zaken 1.7): a note on a zaak (`gerelateerdAan`), intern or extern,
 * concept or definitief. A definitieve note no longer changes. Writes need zaken.bijwerken for the zaak (zrc-006,
 * zrc-007) and share one transaction with their audit record and notification.
 */

export const WRITE_SCOPES = ['zaken.bijwerken'] as const;

const LOOKUPS = { '': '=', __gt: '>', __gte: '>=', __lt: '<', __lte: '<=' } as const;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaaknotitie ${uuid} bestaat niet.`);
}

function toFilter(query: ZaaknotitieListQuery): ZaaknotitieFilter {
  const filter: ZaaknotitieFilter = { equals: {}, contains: {}, dates: [] };
  if (query.gerelateerdAan !== undefined) filter.zaakUuid = zaakUuidFromUrl(query.gerelateerdAan);
  if (query.aangemaaktDoor !== undefined) filter.equals.aangemaakt_door = query.aangemaaktDoor;
  if (query.notitieType !== undefined) filter.equals.notitie_type = query.notitieType;
  if (query.onderwerp !== undefined) filter.equals.onderwerp = query.onderwerp;
  if (query.status !== undefined) filter.equals.status = query.status;
  if (query.tekst !== undefined) filter.equals.tekst = query.tekst;
  if (query.aangemaaktDoor__icontains !== undefined) filter.contains.aangemaakt_door = query.aangemaaktDoor__icontains;
  if (query.onderwerp__icontains !== undefined) filter.contains.onderwerp = query.onderwerp__icontains;
  if (query.tekst__icontains !== undefined) filter.contains.tekst = query.tekst__icontains;
  for (const column of ['aanmaakdatum', 'wijzigingsdatum'] as const satisfies readonly DateColumn[]) {
    for (const [lookup, operator] of Object.entries(LOOKUPS) as [keyof typeof LOOKUPS, (typeof LOOKUPS)[keyof typeof LOOKUPS]][]) {
      const value = query[`${column}${lookup}`];
      if (value !== undefined) filter.dates.push({ column, operator, value });
    }
  }
  return filter;
}

function toValues(input: ZaaknotitieInput, zaakUuid: string): ZaaknotitieValues {
  return {
    zaak_uuid: zaakUuid,
    onderwerp: input.onderwerp,
    tekst: input.tekst,
    aangemaakt_door: input.aangemaaktDoor ?? '',
    notitie_type: input.notitieType ?? 'intern',
    status: input.status ?? 'concept',
  };
}

function toInput(row: ZaaknotitieRow, base: string): ZaaknotitieInput {
  const json = presentZaaknotitie(row, base);
  return {
    onderwerp: row.onderwerp,
    tekst: row.tekst,
    aangemaaktDoor: row.aangemaakt_door,
    notitieType: row.notitie_type === 'extern' ? 'extern' : 'intern',
    status: row.status === 'definitief' ? 'definitief' : 'concept',
    gerelateerdAan: json.gerelateerdAan,
  };
}

/** The zaak a note is to be about, checked: it exists, the caller may write to it, and it is not archived. */
async function writableZaak(trx: Kysely<Database>, caller: RelationCaller, url: string): Promise<ZaakRow> {
  const zaak = await zaakByUrl(trx, caller.tenant.id, url);
  if (!zaak) throw invalid([zaakUrlProblem('gerelateerdAan')]);
  assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
  const archived = archiefstatusProblem(zaak);
  if (archived) throw invalid([archived]);
  return zaak;
}

/** `zaaknotitie_list`: one page of the notes the caller may read, filtered as the spec defines. */
export async function listZaaknotitiePage(db: Kysely<Database>, caller: RelationCaller, base: string, query: ZaaknotitieListQuery): Promise<PaginatedList<ZaaknotitieJson>> {
  const window = pageRequest(query, { allowPageSize: true });
  const { count, rows } = await listZaaknotities(db, caller.tenant.id, toFilter(query), readableZaken(db, caller), window);
  return paginatedList(caller, window, count, rows.map((row) => presentZaaknotitie(row, base)));
}

/** `zaaknotitie_read`: one note the caller may read; 404 or 403 otherwise. */
export async function retrieveZaaknotitie(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<ZaaknotitieJson> {
  const row = isUuid(uuid) ? await findZaaknotitie(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(db, caller.tenant.id, row.zaak_uuid));
  return presentZaaknotitie(row, base);
}

/** `zaaknotitie_create`: stores the note (intern and concept unless said otherwise), audited and notified. */
export async function createZaaknotitie(db: Kysely<Database>, caller: RelationCaller, base: string, input: ZaaknotitieInput): Promise<ZaaknotitieJson> {
  return inTransaction(db, async (trx) => {
    const zaak = await writableZaak(trx, caller, input.gerelateerdAan);
    const row = await insertZaaknotitie(trx, caller.tenant.id, toValues(input, zaak.uuid));
    const json = presentZaaknotitie(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'create', resultaat: 201, resource: 'zaaknotitie', resourceUrl: json.url, resourceWeergave: row.onderwerp, nieuw: { ...json } });
    return json;
  });
}

/**
 * `zaaknotitie_update` (PUT) and `_partial_update` (PATCH): only a concept note changes (the reference
 * implementation refuses others on `status`). Moving a note to another zaak needs write access to both.
 */
export async function changeZaaknotitie(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string, changes: ZaaknotitiePatch, partial: boolean): Promise<ZaaknotitieJson> {
  if (!isUuid(uuid)) throw notFound(uuid);
  return inTransaction(db, async (trx) => {
    const before = await findZaaknotitie(trx, caller.tenant.id, uuid);
    if (!before) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, before.zaak_uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    if (before.status !== 'concept') {
      throw invalid([{ name: 'status', code: 'invalid', reason: 'Een notitie kan alleen worden gewijzigd zolang haar status concept is.' } satisfies InvalidParam]);
    }
    const merged: ZaaknotitieInput = { ...toInput(before, base), ...changes };
    const target = changes.gerelateerdAan === undefined ? zaak : await writableZaak(trx, caller, merged.gerelateerdAan);
    if (target.uuid === zaak.uuid) {
      const archived = archiefstatusProblem(zaak);
      if (archived) throw invalid([archived]);
    }
    const after = await updateZaaknotitie(trx, caller.tenant.id, uuid, toValues(merged, target.uuid));
    if (!after) throw notFound(uuid);
    const json = presentZaaknotitie(after, base);
    await recordRelationChange(trx, caller, target, base, {
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      resource: 'zaaknotitie',
      resourceUrl: json.url,
      resourceWeergave: after.onderwerp,
      oud: { ...presentZaaknotitie(before, base) },
      nieuw: { ...json },
    });
    return json;
  });
}

/** `zaaknotitie_delete`: removes the note, audited and notified. */
export async function destroyZaaknotitie(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(db, async (trx) => {
    const row = await findZaaknotitie(trx, caller.tenant.id, uuid);
    if (!row) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, row.zaak_uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    await deleteZaaknotitie(trx, caller.tenant.id, uuid);
    const json = presentZaaknotitie(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'destroy', resultaat: 204, resource: 'zaaknotitie', resourceUrl: json.url, resourceWeergave: row.onderwerp, oud: { ...json } });
  });
}
