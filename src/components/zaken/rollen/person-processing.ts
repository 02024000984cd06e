import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import { logRequestProcessing, type ProcessingRequest } from '../../../platform/processing-log/request.ts';
import { loggableBsn } from './betrokkene-identificatie.ts';
import type { RolRow } from './present.ts';

/** The processing operations on rollen that concern a person, as the log names them. */
export type RolProcessing = 'rol-aanmaken' | 'rol-raadplegen' | 'rollen-raadplegen' | 'rollen-zoeken-op-bsn' | 'rol-verwijderen';

function concernsPerson(row: Pick<RolRow, 'betrokkene_type' | 'inp_bsn'>): boolean {
  return row.betrokkene_type === 'natuurlijk_persoon' || row.inp_bsn !== null;
}

/**
 * Logs the processing of personal data when any of these rollen is a natuurlijk persoon, or when the request
 * searched rollen by a BSN (that search is a processing of the person it names, found or not): one Dataverwerking
 * under `zaak-behandelen` with every BSN among them as a data subject. Rollen of organisations, vestigingen and
 * medewerkers leave nothing. Pass the transaction of a write.
 */
export async function logRolProcessing(
  db: Kysely<Database>,
  keys: Pick<Keys, 'pseudonymise'>,
  request: ProcessingRequest,
  name: RolProcessing,
  rows: readonly Pick<RolRow, 'betrokkene_type' | 'inp_bsn'>[],
  startTime: Date,
  searchedBsn?: string,
): Promise<void> {
  const persons = rows.filter(concernsPerson);
  const searched = loggableBsn(searchedBsn);
  if (persons.length === 0 && searched === undefined) return;
  const bsns = new Set(persons.flatMap((row) => loggableBsn(row.inp_bsn) ?? []));
  if (searched !== undefined) bsns.add(searched);
  await logRequestProcessing(db, keys, request, {
    activityId: 'zaak-behandelen',
    name,
    status: 'ok',
    startTime,
    dataSubjects: [...bsns].map((id) => ({ type: 'BSN', id })),
    attributes: { rollen: persons.length },
  });
}
