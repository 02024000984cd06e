import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database/schema.ts';
import type { ImportFase } from '../../platform/database/tables/kennisbank.ts';
import { recordImportProgress } from './repository.ts';

/** How far a running import is. */
export interface ImportProgress {
  fase: ImportFase;
  totaal: number;
  verwerkt: number;
}

/*
 * Progress of the imports running in this process, at least as fresh as their rows (a write may still be under way).
 * The import writes its products inside one transaction; the progress row is written outside it, through the pool
 * (another connection) on PostgreSQL, so every Loket process sees it. The embedded database has a single session: a
 * write outside the import's transaction (and any other request) waits until that transaction ends, so there the
 * row moves while the file is checked and then jumps to the outcome.
 */
const live = new Map<string, ImportProgress>();

/** The live progress of an import running in this process, if it runs here. */
export function liveProgress(uuid: string): ImportProgress | undefined {
  return live.get(uuid);
}

/** Writes an import's progress, never waiting for the database and never more than one write at a time. */
export interface ProgressWriter {
  report(progress: ImportProgress): void;
  /** Waits for the last write; call before recording the outcome. */
  settled(): Promise<void>;
  /** Forgets the live progress (the import ended). */
  end(): void;
}

/**
 * A progress writer for one import. Reports are coalesced: while one write is under way, only the latest report waits
 * to be written next, so a slow database never queues hundreds of writes behind the import. The import never awaits
 * a write (it would wait for itself on the embedded database); a failed write is passed to `onError` and the next
 * report tries again.
 */
export function progressWriter(db: Kysely<Database>, tenantId: string, uuid: string, onError: (error: unknown) => void): ProgressWriter {
  let pending: ImportProgress | undefined;
  let writing: Promise<void> | undefined;

  function writeNext(): void {
    if (writing || !pending) return;
    const next = pending;
    pending = undefined;
    writing = recordImportProgress(db, tenantId, uuid, next)
      .catch(onError)
      .finally(() => {
        writing = undefined;
        writeNext();
      });
  }

  return {
    report(progress) {
      live.set(uuid, progress);
      pending = progress;
      writeNext();
    },
    async settled() {
      while (writing) await writing;
    },
    end() {
      live.delete(uuid);
    },
  };
}
