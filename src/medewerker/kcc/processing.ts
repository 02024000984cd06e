import type { KlantDeps } from '../../components/klantinteracties/shared/caller.ts';
import { isValidBsn } from '../../platform/personal-data/bsn.ts';
import { logRequestProcessing, type ProcessingRequest } from '../../platform/processing-log/request.ts';
import type { ProcessingAttributes } from '../../platform/processing-log/log.ts';

/** The register entry the KCC's look-ups of personal data are logged under (src/platform/processing-log/register.ts). */
export const KCC_ACTIVITY = 'klantcontact-afhandelen';

/**
 * Logs one look-up of personal data by the agent: whose (every valid BSN involved, each its own record; none: one
 * record without subject, e.g. a business or a person known without BSN) and what (`name`).
 */
export async function logKccProcessing(deps: KlantDeps, request: ProcessingRequest, name: string, bsns: readonly (string | null)[], attributes: ProcessingAttributes, startTime: Date): Promise<void> {
  const subjects = [...new Set(bsns.filter((bsn): bsn is string => bsn !== null && isValidBsn(bsn)))];
  await logRequestProcessing(deps.db, deps.keys, request, {
    activityId: KCC_ACTIVITY,
    name,
    status: 'ok',
    startTime,
    dataSubjects: subjects.map((id) => ({ type: 'BSN', id })),
    attributes,
  });
}
