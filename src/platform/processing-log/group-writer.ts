import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { appendProcessingEntries, type KeyedEntry, type LoggedProcessing } from './log.ts';

interface Waiting {
  keyed: KeyedEntry;
  resolve: (logged: LoggedProcessing) => void;
  reject: (error: unknown) => void;
}

/** Entries written in one transaction at most: a long queue is worked off in several groups. */
const MAX_GROUP = 200;

/**
 * Group commit for the processing log. Each tenant's hash chain admits one writer at a time, so pages that only show
 * personal data (Mijn zaken under load, a KCC look-up) would queue for the chain one transaction each. Instead, the
 * entries that arrive while a group is being written form the next group: one transaction, one chain lock. Every
 * caller still waits for its own record to be committed, so nothing is shown before its processing is logged.
 */
export class ProcessingLogGroupWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: Kysely<Database>) {}

  write(keyed: KeyedEntry): Promise<LoggedProcessing> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ keyed, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const group = this.waiting.splice(0, MAX_GROUP);
        await this.writeGroup(group);
      }
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(group: Waiting[]): Promise<void> {
    try {
      const logged = await appendProcessingEntries(
        this.db,
        group.map((waiting) => waiting.keyed),
      );
      group.forEach((waiting, index) => {
        const result = logged[index];
        if (result) waiting.resolve(result);
        else waiting.reject(new Error('The processing-log group returned no record for an entry'));
      });
    } catch (error) {
      if (group.length === 1) {
        group[0]?.reject(error);
        return;
      }
      // One bad entry (an activity missing from a register) must not fail the others: write each on its own.
      for (const waiting of group) await this.writeGroup([waiting]);
    }
  }
}

const writers = new WeakMap<Kysely<Database>, ProcessingLogGroupWriter>();

/** The group writer of a database handle (one per pool, so one per process). */
export function groupWriterFor(db: Kysely<Database>): ProcessingLogGroupWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new ProcessingLogGroupWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
