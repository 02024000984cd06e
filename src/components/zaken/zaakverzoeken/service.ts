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
import { presentZaakverzoek, type ZaakverzoekJson } from './present.ts';
import { deleteZaakverzoek, findZaakverzoek, insertZaakverzoek, listZaakverzoeken } from './repository.ts';
import type { ZaakverzoekInput, ZaakverzoekListQuery } from './schemas.ts';

/*
 * Business rules of ZAAKVERZOEK: the relation between a zaak and a verzoek (in the Klantinteractie API, the
 * Verzoeken API of zrc-024). Writes need zaken.bijwerken for the zaak (and, on a closed zaak, geforceerd-bijwerken:
 * zrc-007) and share one transaction with their audit record, notification and the mirror of zrc-024.
 */

export const WRITE_SCOPES = ['zaken.bijwerken'] as const;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Zaakverzoek ${uuid} bestaat niet.`);
}

/**
 * zrc-024: the Verzoeken API mirrors each zaak-verzoek relation (an OBJECTVERZOEK with objectType `zaak`). Called in
 * the transaction that makes or removes the relation. Loket has no Verzoeken API yet, so there is no mirror to keep;
 * when it arrives, its relation is written or removed here.
 */
async function mirrorInVerzoeken(_trx: Transaction<Database>, _change: { actie: 'create' | 'destroy'; zaakUuid: string; verzoek: string }): Promise<void> {}

/** `zaakverzoek_list`: the relations the caller may read, filtered as the spec defines. */
export async function listZaakverzoekAll(db: Kysely<Database>, caller: RelationCaller, base: string, query: ZaakverzoekListQuery): Promise<ZaakverzoekJson[]> {
  const filter = { zaakUuid: query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak), verzoek: query.verzoek };
  const rows = await listZaakverzoeken(db, caller.tenant.id, filter, readableZaken(db, caller));
  return rows.map((row) => presentZaakverzoek(row, base));
}

/** `zaakverzoek_retrieve`: one relation the caller may read; 404 or 403 otherwise. */
export async function retrieveZaakverzoek(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<ZaakverzoekJson> {
  const row = isUuid(uuid) ? await findZaakverzoek(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(db, caller.tenant.id, row.zaak_uuid));
  return presentZaakverzoek(row, base);
}

/** `zaakverzoek_create`: relates a verzoek to a zaak that is not archived. */
export async function createZaakverzoek(db: Kysely<Database>, caller: RelationCaller, base: string, input: ZaakverzoekInput): Promise<ZaakverzoekJson> {
  return inTransaction(db, async (trx) => {
    const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
    if (!zaak) throw invalid([zaakUrlProblem()]);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    const archived = archiefstatusProblem(zaak);
    if (archived) throw invalid([archived]);
    const row = await insertZaakverzoek(trx, caller.tenant.id, { zaak_uuid: zaak.uuid, verzoek: input.verzoek });
    await mirrorInVerzoeken(trx, { actie: 'create', zaakUuid: zaak.uuid, verzoek: row.verzoek });
    const json = presentZaakverzoek(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'create', resultaat: 201, resource: 'zaakverzoek', resourceUrl: json.url, resourceWeergave: row.verzoek, nieuw: { ...json } });
    return json;
  });
}

/** `zaakverzoek_destroy`: removes the relation, audited and notified. */
export async function destroyZaakverzoek(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<void> {
  if (!isUuid(uuid)) throw notFound(uuid);
  await inTransaction(db, async (trx) => {
    const row = await findZaakverzoek(trx, caller.tenant.id, uuid);
    if (!row) throw notFound(uuid);
    const zaak = await zaakOfRelation(trx, caller.tenant.id, row.zaak_uuid);
    assertMayChangeZaak(caller, zaak, WRITE_SCOPES);
    await deleteZaakverzoek(trx, caller.tenant.id, uuid);
    await mirrorInVerzoeken(trx, { actie: 'destroy', zaakUuid: zaak.uuid, verzoek: row.verzoek });
    const json = presentZaakverzoek(row, base);
    await recordRelationChange(trx, caller, zaak, base, { actie: 'destroy', resultaat: 204, resource: 'zaakverzoek', resourceUrl: json.url, resourceWeergave: row.verzoek, oud: { ...json } });
  });
}
