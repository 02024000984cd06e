import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { findZaakRow, zaakUuidFromUrl, type ZaakRow } from '../shared/zaak-reference.ts';
import {
  archiefstatusProblem,
  assertMayChangeZaak,
  assertMayReadZaak,
  immutableProblem,
  isUuid,
  recordRelationChange,
  uuidFromResourceUrl,
  zaakByUrl,
  zaakUrlProblem,
  type RelationCaller,
} from '../shared/zaak-relation.ts';
import { presentZaakeigenschap, zaakeigenschapWeergave, type ZaakeigenschapJson } from './present.ts';
import { deleteZaakeigenschap, findEigenschap, findZaakeigenschap, insertZaakeigenschap, listZaakeigenschappen, updateWaarde, type EigenschapRow } from './repository.ts';
import type { ZaakeigenschapInput, ZaakeigenschapPatch } from './schemas.ts';
import { describeSpecificatie, waardeFitsSpecificatie } from './specificatie.ts';

/*
 * Business rules of ZAAKEIGENSCHAP, nested under its zaak (`/zaken/{zaak_uuid}/zaakeigenschappen`). The eigenschap
 * belongs to the zaak's zaaktype (zrc-018), `naam` is taken from it, and `waarde` fits its specificatie; only the
 * waarde changes afterwards. Every write shares one transaction with its audit record and notification.
 */

export const WRITE_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;

const EIGENSCHAPPEN = '/catalogi/api/v1/eigenschappen';

function zaakNotFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaak ${uuid} bestaat niet.`);
}

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaakeigenschap ${uuid} bestaat niet.`);
}

/** The zaak of the path, or a 404. */
async function pathZaak(db: Kysely<Database>, tenantId: string, zaakUuid: string): Promise<ZaakRow> {
  const zaak = isUuid(zaakUuid) ? await findZaakRow(db, tenantId, zaakUuid) : undefined;
  if (!zaak) throw zaakNotFound(zaakUuid);
  return zaak;
}

/** A waarde that does not fit the eigenschap's specificatie (the reference implementation's `waarde-incorrect-format`). */
function waardeProblem(eigenschap: EigenschapRow, waarde: string): InvalidParam | undefined {
  // An empty waarde is not checked, as in the reference implementation.
  if (waarde === '' || waardeFitsSpecificatie(eigenschap.specificatie, waarde)) return undefined;
  return { name: 'nonFieldErrors', code: 'waarde-incorrect-format', reason: `De waarde past niet bij de specificatie van eigenschap ${eigenschap.naam}: verwacht ${describeSpecificatie(eigenschap.specificatie)}.` };
}

/** `zaakeigenschap_list`: the zaak's eigenschappen, for a caller who may read the zaak. */
export async function listZaakeigenschapAll(db: Kysely<Database>, caller: RelationCaller, base: string, zaakUuid: string): Promise<ZaakeigenschapJson[]> {
  // The operation documents no 404: a zaak that does not exist (here) simply has no eigenschappen.
  const zaak = isUuid(zaakUuid) ? await findZaakRow(db, caller.tenant.id, zaakUuid) : undefined;
  if (!zaak) return [];
  assertMayReadZaak(caller, zaak);
  const rows = await listZaakeigenschappen(db, caller.tenant.id, zaak.uuid);
  return rows.map((row) => presentZaakeigenschap(row, base));
}

/** `zaakeigenschap_retrieve` / `zaakeigenschap_headers`. */
export async function retrieveZaakeigenschap(db: Kysely<Database>, caller: RelationCaller, base: string, zaakUuid: string, uuid: string): Promise<ZaakeigenschapJson> {
  const zaak = await pathZaak(db, caller.tenant.id, zaakUuid);
  const row = isUuid(uuid) ? await findZaakeigenschap(db, caller.tenant.id, zaak.uuid, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, zaak);
  return presentZaakeigenschap(row, base);
}

/**
 * `zaakeigenschap_create`: the body's zaak must be the zaak of the path (which is how a path without a zaak is
 * refused: the operation documents no 404); the eigenschap one of its zaaktype
 * (zrc-018, `zaaktype-mismatch`); naam comes from the eigenschap; the waarde must fit its specificatie.
 */
export async function createZaakeigenschap(db: Kysely<Database>, caller: RelationCaller, base: string, zaakUuid: string, input: ZaakeigenschapInput): Promise<ZaakeigenschapJson> {
  return inTransaction(db, async (trx) => {
    const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
    const eigenschapUuid = uuidFromResourceUrl(input.eigenschap, EIGENSCHAPPEN);
    const eigenschap = eigenschapUuid ? await findEigenschap(trx, caller.tenant.id, eigenschapUuid) : undefined;
    const references: InvalidParam[] = [];
    if (!zaak) references.push(zaakUrlProblem());
    else if (zaak.uuid !== zaakUuid.toLowerCase()) references.push({ name: 'zaak', code: 'invalid', reason: 'De zaak moet de zaak uit het pad zijn.' });
    if (!eigenschap) references.push({ name: 'eigenschap', code: 'bad-url', reason: 'De URL verwijst niet naar een bestaande eigenschap.' });
    if (!zaak || !eigenschap || references.length > 0) throw invalid(references);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    const problems: InvalidParam[] = [];
    if (eigenschap.zaaktype_uuid !== zaak.zaaktype_uuid) {
      problems.push({ name: 'nonFieldErrors', code: 'zaaktype-mismatch', reason: 'De eigenschap hoort niet bij het zaaktype van de zaak.' });
    } else {
      const waarde = waardeProblem(eigenschap, input.waarde);
      if (waarde) problems.push(waarde);
    }
    const archived = archiefstatusProblem(zaak);
    if (archived) problems.push(archived);
    if (problems.length > 0) throw invalid(problems);
    const row = await insertZaakeigenschap(trx, caller.tenant.id, { zaak_uuid: zaak.uuid, eigenschap_uuid: eigenschap.uuid, naam: eigenschap.naam, waarde: input.waarde });
    const json = presentZaakeigenschap(row, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: 'create',
      resultaat: 201,
      resource: 'zaakeigenschap',
      resourceUrl: json.url,
      resourceWeergave: zaakeigenschapWeergave(row),
      nieuw: { ...json },
    });
    return json;
  });
}

/** `zaakeigenschap_update` (PUT) and `_partial_update` (PATCH): only the waarde may change, and it must fit. */
export async function changeZaakeigenschap(
  db: Kysely<Database>,
  caller: RelationCaller,
  base: string,
  zaakUuid: string,
  uuid: string,
  changes: ZaakeigenschapPatch,
  partial: boolean,
): Promise<ZaakeigenschapJson> {
  return inTransaction(db, async (trx) => {
    const zaak = await pathZaak(trx, caller.tenant.id, zaakUuid);
    const before = isUuid(uuid) ? await findZaakeigenschap(trx, caller.tenant.id, zaak.uuid, uuid) : undefined;
    if (!before) throw notFound(uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    const problems: InvalidParam[] = [];
    if (changes.zaak !== undefined && zaakUuidFromUrl(changes.zaak) !== zaak.uuid) problems.push(immutableProblem('zaak'));
    if (changes.eigenschap !== undefined && uuidFromResourceUrl(changes.eigenschap, EIGENSCHAPPEN) !== before.eigenschap_uuid) problems.push(immutableProblem('eigenschap'));
    const waarde = changes.waarde ?? before.waarde;
    const eigenschap = await findEigenschap(trx, caller.tenant.id, before.eigenschap_uuid);
    const waardeFit = eigenschap ? waardeProblem(eigenschap, waarde) : undefined;
    if (waardeFit) problems.push(waardeFit);
    const archived = archiefstatusProblem(zaak);
    if (archived) problems.push(archived);
    if (problems.length > 0) throw invalid(problems);
    const after = await updateWaarde(trx, caller.tenant.id, uuid, waarde);
    if (!after) throw notFound(uuid);
    const json = presentZaakeigenschap(after, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: partial ? 'partial_update' : 'update',
      resultaat: 200,
      resource: 'zaakeigenschap',
      resourceUrl: json.url,
      resourceWeergave: zaakeigenschapWeergave(after),
      oud: { ...presentZaakeigenschap(before, base) },
      nieuw: { ...json },
    });
    return json;
  });
}

/** `zaakeigenschap_destroy`: removes the zaakeigenschap, audited and notified. */
export async function destroyZaakeigenschap(db: Kysely<Database>, caller: RelationCaller, base: string, zaakUuid: string, uuid: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    const zaak = await pathZaak(trx, caller.tenant.id, zaakUuid);
    const row = isUuid(uuid) ? await findZaakeigenschap(trx, caller.tenant.id, zaak.uuid, uuid) : undefined;
    if (!row) throw notFound(uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    await deleteZaakeigenschap(trx, caller.tenant.id, uuid);
    const json = presentZaakeigenschap(row, base);
    await recordRelationChange(trx, caller, zaak, base, {
      actie: 'destroy',
      resultaat: 204,
      resource: 'zaakeigenschap',
      resourceUrl: json.url,
      resourceWeergave: zaakeigenschapWeergave(row),
      oud: { ...json },
    });
  });
}
