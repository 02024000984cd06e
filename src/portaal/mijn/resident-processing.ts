import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { Keys } from '../../platform/crypto/keys.ts';
import type { ResidentIdentity } from '../../platform/auth/resident-session.ts';
import type { DataSubject, ProcessingAttributes } from '../../platform/processing-log/log.ts';
import { logRequestProcessing, type ProcessingRequest } from '../../platform/processing-log/request.ts';

/** The register's activity for a resident or business looking at their own zaken, documents and berichten. */
export const MIJN_ZAKEN_ACTIVITY = 'portaal-mijn-zaken';

/** What Mijn omgeving records in the processing log, as the log names it. */
export type MijnOmgevingProcessing = 'mijn-zaken-bekijken' | 'zaak-bekijken' | 'document-downloaden' | 'berichten-bekijken' | 'bericht-lezen';

/** Whose data it is: the resident by BSN, a business by its KvK number. */
export function residentSubject(resident: Pick<ResidentIdentity, 'soort' | 'identificatie'>): DataSubject {
  return resident.soort === 'bsn' ? { type: 'BSN', id: resident.identificatie } : { type: 'KvK', id: resident.identificatie };
}

/**
 * Records that the signed-in resident viewed their own data (the zaken list, a zaak, a document): one Dataverwerking
 * under `portaal-mijn-zaken`, the resident as data subject and, as actor, the kind of person (never who).
 */
export async function logResidentViewing(
  db: Kysely<Database>,
  keys: Pick<Keys, 'pseudonymise'>,
  request: ProcessingRequest & { resident: ResidentIdentity },
  name: MijnOmgevingProcessing,
  startTime: Date,
  attributes: ProcessingAttributes = {},
): Promise<void> {
  await logRequestProcessing(db, keys, request, {
    activityId: MIJN_ZAKEN_ACTIVITY,
    name,
    status: 'ok',
    startTime,
    actor: request.resident.soort === 'bsn' ? 'inwoner' : 'ondernemer',
    dataSubjects: [residentSubject(request.resident)],
    attributes,
  });
}
