import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { prepared } from '../../platform/database/prepared.ts';
import type { Database } from '../../platform/database/schema.ts';
import type { ZoekKanaal } from '../../platform/database/tables/kennisbank.ts';

/*
 * The search log is written in batches. Every search is logged, and a search should cost the database one read, not a
 * write and a wait for the disk: entries get their uuid and time here, collect for at most FLUSH_AFTER_MS, and go in
 * as one INSERT. A click on a search (which refers to its uuid) first writes what this process still holds; a click
 * reaching another process comes from a person, seconds later. A process that is killed loses at most its last
 * FLUSH_AFTER_MS of searches, never other data. Inside a caller's transaction an entry is written at once, with it.
 */

/** Longest an entry waits before it is written. */
const FLUSH_AFTER_MS = 50;
/** Entries per INSERT; a fuller buffer is written at once. */
const MAX_BATCH = 500;
/** When the database cannot be written to, entries beyond this many are dropped (statistics, not records). */
const MAX_HELD = 20_000;

export interface SearchLogEntry {
  zoekterm: string;
  kanaal: ZoekKanaal;
  aantalResultaten: number;
}

interface HeldEntry extends SearchLogEntry {
  uuid: string;
  tenantId: string;
  gezochtOp: Date;
}

export class SearchLogWriter {
  private held: HeldEntry[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** The last failure to write, for the caller that flushes explicitly. */
  private failure: unknown;
  /** Told when a batch could not be written (it is tried again with the next). */
  onError: (error: unknown) => void = () => undefined;

  constructor(private readonly db: Kysely<Database>) {}

  /** Queues an entry; resolves to its uuid at once. */
  add(tenantId: string, entry: SearchLogEntry): string {
    const uuid = randomUUID();
    this.held.push({ ...entry, uuid, tenantId, gezochtOp: new Date() });
    if (this.held.length > MAX_HELD) this.held.splice(0, this.held.length - MAX_HELD);
    if (this.held.length >= MAX_BATCH) void this.flush().catch(() => undefined);
    else this.timer ??= setTimeout(() => void this.flush().catch(() => undefined), FLUSH_AFTER_MS).unref();
    return uuid;
  }

  /** Writes everything queued so far; rejects when the database refused it (the entries stay queued). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.writeHeld());
    return this.writing.then(() => {
      const failure = this.failure;
      this.failure = undefined;
      if (failure !== undefined) throw failure;
    });
  }

  private async writeHeld(): Promise<void> {
    while (this.held.length > 0) {
      const batch = this.held.slice(0, MAX_BATCH);
      try {
        await insertEntries(this.db, batch);
      } catch (error) {
        this.failure = error;
        this.onError(error);
        // Left queued for the next flush; a later add schedules one.
        return;
      }
      this.held.splice(0, batch.length);
    }
  }
}

/**
 * One INSERT for a batch. An entry whose tenant was deleted meanwhile is skipped (it would fail the whole batch
 * again and again); an entry written before, by an attempt whose answer was lost, is not written twice.
 */
async function insertEntries(db: Kysely<Database>, entries: readonly HeldEntry[]): Promise<void> {
  await prepared(sql`
    INSERT INTO kennisbank_zoekopdrachten (uuid, tenant_id, zoekterm, kanaal, aantal_resultaten, gezocht_op)
    SELECT e.uuid, e.tenant_id, e.zoekterm, e.kanaal, e.aantal_resultaten, e.gezocht_op
    FROM unnest(${entries.map((entry) => entry.uuid)}::uuid[], ${entries.map((entry) => entry.tenantId)}::uuid[],
                ${entries.map((entry) => entry.zoekterm)}::text[], ${entries.map((entry) => entry.kanaal)}::text[],
                ${entries.map((entry) => entry.aantalResultaten)}::int[], ${entries.map((entry) => entry.gezochtOp.toISOString())}::timestamptz[])
         AS e (uuid, tenant_id, zoekterm, kanaal, aantal_resultaten, gezocht_op)
    WHERE EXISTS (SELECT 1 FROM tenants WHERE tenants.id = e.tenant_id)
    ON CONFLICT (uuid) DO NOTHING`).execute(db);
}

const writers = new WeakMap<Kysely<Database>, SearchLogWriter>();

/** The writer of a database (one per open database in this process). */
export function searchLogWriter(db: Kysely<Database>): SearchLogWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new SearchLogWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/** Logs one search; inside a transaction at once, otherwise through the database's writer. */
export async function writeSearchLogEntry(db: Kysely<Database>, tenantId: string, entry: SearchLogEntry): Promise<string> {
  if (!db.isTransaction) return searchLogWriter(db).add(tenantId, entry);
  const uuid = randomUUID();
  await insertEntries(db, [{ ...entry, uuid, tenantId, gezochtOp: new Date() }]);
  return uuid;
}
