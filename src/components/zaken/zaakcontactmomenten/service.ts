import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { zaakUuidFromUrl } from '../shared/zaak-reference.ts';
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
import { presentZaakcontactmoment, type ZaakcontactmomentJson } from './present.ts';
import { deleteZaakcontactmoment, findZaakcontactmoment, insertZaakcontactmoment, listZaakcontactmomenten } from './repository.ts';
import type { ZaakcontactmomentInput, ZaakcontactmomentListQuery } from './schemas.ts';

/*
 * Business rules of ZAAKCONTACTMOMENT: the relation between a zaak and a contactmoment of the Klantinteracties API.
 * Writes need zaken.bijwerken for the zaak (and, on a closed zaak, geforceerd-bijwerken: zrc-007) and share one
 * transaction with their audit record, notification and the mirror in the Klantinteracties API (zrc-025).
 */

export const WRITE_SCOPES = ['zaken.bijwerken'] as const;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaakcontactmoment ${uuid} bestaat niet.`);
}

/**
 * zrc-025: the Klantinteracties API mirrors each zaak-contactmoment relation (an object-contactmoment with objectType
 * `zaak`). Called in the transaction that makes or removes the relation. Loket has no Klantinteracties API yet, so
 * there is no mirror to keep; when it arrives, its relation is written or removed here.
 */
async function mirrorInKlantinteracties(_trx: Transaction<Database>, _change: { actie: 'create' | 'destroy'; zaakUuid: string; contactmoment: string }): Promise<void> {}

/** `zaakcontactmoment_list`: the relations the caller may read, filtered as the spec defines. */
export async function listZaakcontactmomentAll(db: Kysely<Database>, caller: RelationCaller, base: string, query: ZaakcontactmomentListQuery): Promise<ZaakcontactmomentJson[]> {
  const filter = { zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak), contactmoment: query.contactmoment };
  const rows = await listZaakcontactmomenten(db, caller.tenant.id, filter, readableZaken(db, caller));
  return rows.map((row) => presentZaakcontactmoment(row, base));
}

/** `zaakcontactmoment_retrieve`: one relation the caller may read; 404 or 403 otherwise. */
export async function retrieveZaakcontactmoment(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<ZaakcontactmomentJson> {
  const row = isUuid(uuid) ? await findZaakcontactmoment(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(db, caller.tenant.id, row.zaak_uuid));
  return presentZaakcontactmoment(row, base);
}

/** `zaakcontactmoment_create`: relates a contactmoment to a zaak that is not archived. */
export async function createZaakcontactmoment(db: Kysely<Database>, caller: RelationCaller, base: string, input: ZaakcontactmomentInput): Promise<ZaakcontactmomentJson> {
  return inTransaction(db, async (trx) => {
    const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
    if (!zaak) throw invalid([zaakUrlProblem()]);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    const archived = archiefstatusProblem(zaak);
    if (archived) throw invalid([archived]);
    const row = await insertZaakcontactmoment(trx, caller.tenant.id, { zaak_uuid: zaak.uuid, contactmoment: input.contactmoment });
    await mirrorInKlantinteracties(trx, { actie: 'create', zaakUuid: zaak.uuid, contactmoment: row.contactmoment });
    const json = presentZaakcontactmoment(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'create', resultaat: 201, resource: 'zaakcontactmoment', resourceUrl: json.url, resourceWeergave: row.contactmoment, nieuw: { ...json } });
    return json;
  });
}

/** `zaakcontactmoment_destroy`: removes the relation, audited and notified. */
export async function destroyZaakcontactmoment(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(db, async (trx) => {
    const row = await findZaakcontactmoment(trx, caller.tenant.id, uuid);
    if (!row) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, row.zaak_uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    await deleteZaakcontactmoment(trx, caller.tenant.id, uuid);
    await mirrorInKlantinteracties(trx, { actie: 'destroy', zaakUuid: zaak.uuid, contactmoment: row.contactmoment });
    const json = presentZaakcontactmoment(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'destroy', resultaat: 204, resource: 'zaakcontactmoment', resourceUrl: json.url, resourceWeergave: row.contactmoment, oud: { ...json } });
  });
}
