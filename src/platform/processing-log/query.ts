import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { invalid } from '../errors/problem.ts';
import { assertValidBsn } from '../personal-data/bsn.ts';
import type { ProcessingStatus } from './log.ts';

/** One processing of a person's data, with what the register says about its activity. */
export interface PersonProcessing {
  seq: number;
  /** The operation within the activity. */
  name: string;
  status: ProcessingStatus;
  startTime: Date;
  endTime: Date;
  actor: string;
  traceId: string;
  operationId: string;
  foreignOperation: unknown;
  activity: {
    id: string;
    name: string;
    purpose: string;
    legalGround: string;
    /** The register marks this activity confidential: the privacy officer decides whether it may be disclosed. */
    confidential: boolean;
    retentionYears: number;
  };
}

export interface PersonProcessingPage {
  items: PersonProcessing[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  nextBefore: number | undefined;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

const STATUS_BY_CODE: Record<number, ProcessingStatus> = { 0: 'unknown', 1: 'ok', 2: 'error' };

/**
 * Every processing of one person's data in one tenant (for an inzage request), newest first, in
 * pages keyed on `seq`. The BSN is pseudonymised with the tenant's key, so records of the same person
 * in another municipality cannot match. Confidential activities are returned flagged, not hidden:
 * what to disclose is the privacy officer's decision.
 */
export async function listProcessingForPerson(
  db: Kysely<Database>,
  keys: Pick<Keys, 'pseudonymise'>,
  query: { tenantId: string; bsn: string; before?: number; limit?: number },
): Promise<PersonProcessingPage> {
  assertValidBsn(query.bsn);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalid([{ name: 'limit', code: 'invalid', reason: `Kies een aantal van 1 tot en met ${MAX_PAGE_SIZE}.` }]);
  }
  if (query.before !== undefined && (!Number.isSafeInteger(query.before) || query.before < 1)) {
    throw invalid([{ name: 'before', code: 'invalid', reason: 'Geen geldig volgnummer.' }]);
  }
  let select = db
    .selectFrom('processing_log as log')
    .innerJoin('processing_activities as activity', (join) => join.onRef('activity.tenant_id', '=', 'log.tenant_id').onRef('activity.id', '=', 'log.processing_activity_id'))
    .select([
      'log.seq',
      'log.name',
      'log.status_code',
      'log.start_time',
      'log.end_time',
      'log.actor',
      'log.trace_id',
      'log.operation_id',
      'log.foreign_operation',
      'activity.id as activity_id',
      'activity.name as activity_name',
      'activity.purpose',
      'activity.legal_ground',
      'activity.confidential',
      'activity.retention_years',
    ])
    .where('log.tenant_id', '=', query.tenantId)
    .where('log.data_subject_id', '=', keys.pseudonymise(query.tenantId, query.bsn))
    .where('log.data_subject_id_type', '=', 'BSN');
  if (query.before !== undefined) select = select.where('log.seq', '<', query.before);
  // One row more than asked tells whether an older page exists.
  const rows = await select.orderBy('log.seq', 'desc').limit(limit + 1).execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      seq: Number(row.seq),
      name: row.name,
      status: STATUS_BY_CODE[row.status_code] ?? 'unknown',
      startTime: new Date(row.start_time),
      endTime: new Date(row.end_time),
      actor: row.actor,
      traceId: row.trace_id,
      operationId: row.operation_id,
      foreignOperation: row.foreign_operation,
      activity: {
        id: row.activity_id,
        name: row.activity_name,
        purpose: row.purpose,
        legalGround: row.legal_ground,
        confidential: row.confidential,
        retentionYears: row.retention_years,
      },
    })),
    nextBefore: rows.length > limit && last ? Number(last.seq) : undefined,
  };
}
