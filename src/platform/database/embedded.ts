import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { join } from 'node:path';
import { DATE_OID, type LoketDatabase } from './connection.ts';
import { claimDataDir } from './embedded-lock.ts';
import type { Database } from './schema.ts';

/*
 * The embedded database (PGlite): what a small gemeente and every newcomer start on. Kept apart from connection.ts
 * so that a process on PostgreSQL never loads it.
 */

/** Wraps an already created PGlite instance (used by tests that load a migrated template). */
export function wrapPglite(pglite: PGlite, release: () => void = () => undefined): LoketDatabase {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    async runScriptsInTransaction(scripts) {
      // Migrations run before anything else uses the database, so bypassing the dialect's queue is safe.
      await pglite.transaction(async (tx) => {
        for (const script of scripts) await tx.exec(script);
      });
    },
    withMigrationLock: (work) => work(),
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
      release();
    },
  };
}

/** Extensions Loket uses on purpose (trigram similarity for compound words, accent-insensitive search). */
export const pgliteExtensions = { pg_trgm, unaccent };

/** Read `date` as text on PGlite too (see the pg parser above). */
export const pgliteParsers = { [DATE_OID]: (value: string) => value };

/** Opens (and creates on first use) the embedded database under the data directory. */
export async function openEmbedded(dataDir: string): Promise<LoketDatabase> {
  const release = claimDataDir(dataDir);
  try {
    const pglite = await PGlite.create(join(dataDir, 'pgdata'), { extensions: pgliteExtensions, parsers: pgliteParsers });
    return wrapPglite(pglite, release);
  } catch (error) {
    release();
    throw error;
  }
}

