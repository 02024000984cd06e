import type { Selectable } from 'kysely';
import type { OutboxTable } from '../database/schema.ts';

/** One event in the outbox as the dispatcher and its handlers see it. */
export interface OutboxEvent {
  id: number;
  tenantId: string;
  /** Selects the delivery handler (for example `webhook`). */
  kind: string;
  /** Whatever the handler for this kind needs; may hold personal data, so never log it. */
  payload: unknown;
  createdAt: Date;
  /** Delivery attempts so far, including the one in progress. */
  attempts: number;
  lockedBy: string | null;
  lockedUntil: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  lastError: string | null;
}

/** Maps an outbox row to the event shape. */
export function toOutboxEvent(row: Selectable<OutboxTable>): OutboxEvent {
  return {
    id: Number(row.id),
    tenantId: row.tenant_id,
    kind: row.kind,
    payload: row.payload,
    createdAt: row.created_at,
    attempts: row.attempts,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    deliveredAt: row.delivered_at,
    failedAt: row.failed_at,
    lastError: row.last_error,
  };
}
