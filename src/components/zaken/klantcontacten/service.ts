import { inTransaction } from '../../../platform/database/transaction.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { invalid, ProblemError } from '../../../platform/errors/problem.ts';
import { paginatedList, pageRequest, type PaginatedList } from '../../../platform/zgw/pagination.ts';
import { zaakUuidFromUrl } from '../shared/zaak-reference.ts';
import {
  archiefstatusProblem,
  assertMayChangeZaak,
  assertMayReadZaak,
  isUniqueViolation,
  isUuid,
  readableZaken,
  recordRelationChange,
  zaakByUrl,
  zaakOfRelation,
  zaakUrlProblem,
  type RelationCaller,
} from '../shared/zaak-relation.ts';
import { klantcontactPrefix, KLANTCONTACT_DIGITS, nextKlantcontactIdentificatie } from './identificatie.ts';
import { presentKlantcontact, type KlantcontactJson } from './present.ts';
import { findKlantcontact, identificatieTaken, insertKlantcontact, lastIdentificatieNumber, listKlantcontacten } from './repository.ts';
import type { KlantcontactInput, KlantcontactListQuery } from './schemas.ts';

/*
 * Business rules of KLANTCONTACT (deprecated in Zaken 1.7 in favour of the contactmomenten, still served): list,
 * create and retrieve. A contact cannot have begun in the future; its identificatie is unique in the tenant and
 * generated when absent. The create shares one transaction with its audit record and notification.
 */

export const CREATE_SCOPES = ['zaken.bijwerken', 'zaken.geforceerd-bijwerken'] as const;

function notFound(uuid: string): ProblemError {
  return new ProblemError('not_found', `Klantcontact ${uuid} bestaat niet.`);
}

function uniqueProblem(): ProblemError {
  return invalid([{ name: 'identificatie', code: 'unique', reason: 'Er is al een klantcontact met deze identificatie.' }]);
}

/** The rules that need no database: `datumtijd` not in the future (`date-in-future`, as the reference implementation). */
export function klantcontactBodyProblems(body: unknown, now: Date = new Date()): InvalidParam[] {
  const datumtijd = typeof body === 'object' && body !== null ? (body as { datumtijd?: unknown }).datumtijd : undefined;
  if (typeof datumtijd !== 'string' || Number.isNaN(Date.parse(datumtijd)) || Date.parse(datumtijd) <= now.getTime()) return [];
  return [{ name: 'datumtijd', code: 'date-in-future', reason: 'Deze datum mag niet in de toekomst liggen.' }];
}

/** `klantcontact_list`: one page of the klantcontacten the caller may read, optionally of one zaak. */
export async function listKlantcontactPage(db: Kysely<Database>, caller: RelationCaller, base: string, query: KlantcontactListQuery): Promise<PaginatedList<KlantcontactJson>> {
  const window = pageRequest(query);
  const zaakUuid = query.zaak === undefined ? undefined : zaakUuidFromUrl(query.zaak);
  const { count, rows } = await listKlantcontacten(db, caller.tenant.id, zaakUuid, readableZaken(db, caller), window);
  return paginatedList(caller, window, count, rows.map((row) => presentKlantcontact(row, base)));
}

/** `klantcontact_retrieve`: one klantcontact the caller may read; 404 or 403 otherwise. */
export async function retrieveKlantcontact(db: Kysely<Database>, caller: RelationCaller, base: string, uuid: string): Promise<KlantcontactJson> {
  const row = isUuid(uuid) ? await findKlantcontact(db, caller.tenant.id, uuid) : undefined;
  if (!row) throw notFound(uuid);
  assertMayReadZaak(caller, await zaakOfRelation(db, caller.tenant.id, row.zaak_uuid));
  return presentKlantcontact(row, base);
}

/** `klantcontact_create`: stores the contact with a unique (possibly generated) identificatie, audited and notified. */
export async function createKlantcontact(db: Kysely<Database>, caller: RelationCaller, base: string, input: KlantcontactInput): Promise<KlantcontactJson> {
  try {
    return await inTransaction(db, async (trx) => {
      const zaak = await zaakByUrl(trx, caller.tenant.id, input.zaak);
      if (!zaak) throw invalid([zaakUrlProblem()]);
      assertMayChangeZaak(caller, zaak, CREATE_SCOPES);
      const archived = archiefstatusProblem(zaak);
      if (archived) throw invalid([archived]);
      let identificatie = input.identificatie ?? '';
      if (identificatie === '') {
        const prefix = klantcontactPrefix(new Date(input.datumtijd));
        identificatie = nextKlantcontactIdentificatie(prefix, await lastIdentificatieNumber(trx, caller.tenant.id, prefix, KLANTCONTACT_DIGITS));
      } else if (await identificatieTaken(trx, caller.tenant.id, identificatie)) {
        throw uniqueProblem();
      }
      const row = await insertKlantcontact(trx, caller.tenant.id, {
        zaak_uuid: zaak.uuid,
        identificatie,
        datumtijd: input.datumtijd,
        kanaal: input.kanaal ?? '',
        onderwerp: input.onderwerp ?? '',
        toelichting: input.toelichting ?? '',
      });
      const json = presentKlantcontact(row, base);
      await recordRelationChange(trx, caller, zaak, base, {
        actie: 'create',
        resultaat: 201,
        resource: 'klantcontact',
        resourceUrl: json.url,
        resourceWeergave: row.onderwerp !== '' ? `${row.identificatie}: ${row.onderwerp}` : row.identificatie,
        nieuw: { ...json },
      });
      return json;
    });
  } catch (error) {
    // A concurrent create with the same client-chosen identificatie passes the check; the unique index refuses it.
    if (isUniqueViolation(error)) throw uniqueProblem();
    throw error;
  }
}
