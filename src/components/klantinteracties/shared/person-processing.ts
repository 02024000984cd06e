import { sql } from 'kysely';
import { isValidBsn } from '../../../platform/personal-data/bsn.ts';
import { logRequestProcessing } from '../../../platform/processing-log/request.ts';
import type { KlantCaller, KlantDeps } from './caller.ts';
import type { ProcessingOperation } from './resource.ts';

/** The soorten partij that are people: their data is personal data. */
const PERSON_SOORTEN = ['persoon', 'contactpersoon'];

/**
 * Logs one Dataverwerking under `klantcontact-registreren` when these partijen include people, or when BSNs are
 * named (a BSN identificator read, or a search by BSN, which processes the person it names, found or not). Every valid BSN among the people's
 * identificatoren becomes a data subject; a person known without BSN still leaves a record without subject.
 * Organisations leave nothing. Pass the transaction of a write.
 */
export async function logPartijProcessing(
  deps: KlantDeps,
  caller: KlantCaller,
  name: string,
  operation: ProcessingOperation,
  partijUuids: readonly (string | null)[],
  bsns: readonly (string | undefined)[] = [],
): Promise<void> {
  const uuids = [...new Set(partijUuids.filter((uuid): uuid is string => uuid !== null))];
  const persons =
    uuids.length === 0
      ? []
      : (
          await sql<{ uuid: string; bsn: string | null }>`
            SELECT p.uuid, i.object_id AS bsn
            FROM ki_partijen p
            LEFT JOIN ki_partij_identificatoren i ON i.partij_uuid = p.uuid AND i.code_soort_object_id = 'bsn'
            WHERE p.tenant_id = ${caller.tenant.id} AND p.uuid = ANY(${uuids}::uuid[]) AND p.soort_partij = ANY(${PERSON_SOORTEN}::text[])`.execute(deps.db)
        ).rows;
  const named = bsns.filter((bsn): bsn is string => bsn !== undefined && isValidBsn(bsn));
  if (persons.length === 0 && named.length === 0) return;
  const subjects = new Set([...named, ...persons.flatMap((person) => (person.bsn !== null && isValidBsn(person.bsn) ? [person.bsn] : []))]);
  await logRequestProcessing(deps.db, deps.keys, caller, {
    activityId: 'klantcontact-registreren',
    name: `${name}-${operation}`,
    status: 'ok',
    startTime: new Date(),
    dataSubjects: [...subjects].map((id) => ({ type: 'BSN', id })),
    attributes: { personen: new Set(persons.map((person) => person.uuid)).size },
  });
}

/** The BSN a list query searched by, when its identificator filters name one (`…codeSoortObjectId=bsn&…objectId=…`). */
export function searchedBsn(query: Record<string, unknown>, soortParameter: string, objectIdParameter: string): string | undefined {
  const soort = query[soortParameter];
  const objectId = query[objectIdParameter];
  if (typeof objectId !== 'string') return undefined;
  // An objectId of nine digits is treated as a BSN unless the query says it is something else (an RSIN looks the same).
  if (soort !== undefined && soort !== 'bsn') return undefined;
  return objectId;
}
