import { createHash } from 'node:crypto';

/** `previous_hash` of a tenant's first log record. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a processing-log record that its hash covers: everything but `seq` and `hash` itself. */
export interface ChainedFields {
  tenantId: string;
  traceId: string;
  operationId: string;
  parentOperationId: string | null;
  name: string;
  statusCode: number;
  startTime: Date;
  endTime: Date;
  processingActivityId: string;
  dataSubjectId: string | null;
  dataSubjectIdType: string | null;
  actor: string;
  foreignOperation: unknown;
  attributes: unknown;
  previousHash: string;
}

/**
 * JSON with object keys sorted at every level. The database hands JSONB back with its own key order
 * (jsonb normalises it), so the hash must not depend on the order in which keys were written.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * sha256 (hex) over a fixed-order array of the record's fields, the previous record's hash included,
 * so changing, removing or reordering any earlier record breaks every later link. Times are taken at
 * millisecond precision: that is what JavaScript writes and reads back.
 */
export function recordHash(fields: ChainedFields): string {
  const canonical = canonicalJson([
    'loket-processing-log-v1',
    fields.tenantId,
    fields.traceId,
    fields.operationId,
    fields.parentOperationId,
    fields.name,
    fields.statusCode,
    fields.startTime.toISOString(),
    fields.endTime.toISOString(),
    fields.processingActivityId,
    fields.dataSubjectId,
    fields.dataSubjectIdType,
    fields.actor,
    fields.foreignOperation ?? null,
    fields.attributes ?? {},
    fields.previousHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
