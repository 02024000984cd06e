import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { LoketDatabase } from './connection.ts';

/** The project's ordered migration files. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../migrations');

export interface Migration {
  name: string;
  checksum: string;
  sql: string;
}

/** An already-applied migration whose file has since been edited: migrations are forward-only. */
export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(
      `Migration ${migration} was changed after it was applied to this database. ` +
        'Applied migrations are immutable: restore the file and put the change in a new migration.',
    );
    this.name = 'MigrationChecksumError';
  }
}

/** Reads `NNNN_name.sql` files in order. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      return { name: file, checksum: createHash('sha256').update(text).digest('hex'), sql: text };
    });
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS loket_migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

/**
 * Applies every pending migration, each in its own transaction together with its bookkeeping row,
 * after checking that no applied migration changed. Safe when several processes start at once.
 */
export async function migrate(
  database: LoketDatabase,
  options: { migrations?: Migration[]; onProgress?: (done: number, total: number, name: string) => void } = {},
): Promise<MigrateResult> {
  const migrations = options.migrations ?? readMigrations();
  return database.withMigrationLock(async () => {
    await database.runScriptsInTransaction([BOOKKEEPING]);
    const rows = await sql<{ name: string; checksum: string }>`SELECT name, checksum FROM loket_migrations`.execute(database.db);
    const applied = new Map(rows.rows.map((row) => [row.name, row.checksum]));
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined && checksum !== migration.checksum) throw new MigrationChecksumError(migration.name);
    }
    const pending = migrations.filter((migration) => !applied.has(migration.name));
    const done: string[] = [];
    for (const migration of pending) {
      options.onProgress?.(done.length, pending.length, migration.name);
      // Name and checksum are [0-9a-z_.] only (checked by readMigrations and sha256), so inlining them is safe.
      await database.runScriptsInTransaction([
        migration.sql,
        `INSERT INTO loket_migrations (name, checksum) VALUES ('${migration.name}', '${migration.checksum}')`,
      ]);
      done.push(migration.name);
    }
    options.onProgress?.(done.length, pending.length, '');
    return { applied: done, alreadyApplied: applied.size };
  });
}
