import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import { logRequestProcessing, type ProcessingRequest } from '../../../platform/processing-log/request.ts';
import { bsnsOf } from './object-identificatie.ts';
import type { ZaakobjectRow } from './present.ts';

/** The processing operations on zaakobjecten that concern a person, as the log names them. */
export type ZaakobjectProcessing = 'zaakobject-aanmaken' | 'zaakobject-raadplegen' | 'zaakobjecten-raadplegen' | 'zaakobject-wijzigen' | 'zaakobject-verwijderen';

function concernsPerson(row: Pick<ZaakobjectRow, 'object_type' | 'data'>): boolean {
  return row.object_type === 'natuurlijk_persoon' || bsnsOf(row.object_type, row.data.objectIdentificatie).length > 0;
}

/**
 * Logs the processing of personal data when any of these zaakobjecten describes a person (a natuurlijk persoon, or
 * a zakelijk recht held by one): one Dataverwerking under `zaak-behandelen` with every BSN among them as a data
 * subject. Nothing is logged for zaakobjecten about places or things. Pass the transaction of a write.
 */
export async function logZaakobjectProcessing(
  db: Kysely<Database>,
  keys: Pick<Keys, 'pseudonymise'>,
  request: ProcessingRequest,
  name: ZaakobjectProcessing,
  rows: readonly Pick<ZaakobjectRow, 'object_type' | 'data' | 'zaak_uuid'>[],
  startTime: Date,
): Promise<void> {
  const persons = rows.filter(concernsPerson);
  if (persons.length === 0) return;
  const bsns = [...new Set(persons.flatMap((row) => bsnsOf(row.object_type, row.data.objectIdentificatie)))];
  await logRequestProcessing(db, keys, request, {
    activityId: 'zaak-behandelen',
    name,
    status: 'ok',
    startTime,
    dataSubjects: bsns.map((id) => ({ type: 'BSN', id })),
    attributes: { zaakobjecten: persons.length },
  });
}
