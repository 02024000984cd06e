import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { join } from 'node:path';
import type { Database } from './schema.ts';
import { claimDataDir } from './embedded-lock.ts';
import { preparingPool } from './prepared.ts';

// PostgreSQL returns bigint (int8) as a string by default; our counters fit safely in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));
// A `date` stays the 'YYYY-MM-DD' text the ZGW APIs exchange: a Date object would sit at local midnight and
// shift a day across time zones. PGlite gets the same parser through `pgliteParsers`.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

/** Runs a multi-statement SQL script inside one transaction (used by migrations). */
export type ScriptTransaction = (statements: string[]) => Promise<void>;

/** An open database: the query builder plus what the engine-specific parts of Loket need. */
export interface LoketDatabase {
  db: Kysely<Database>;
  engine: 'postgres' | 'pglite';
  /** Runs each script in order inside one transaction, holding the migration lock. */
  runScriptsInTransaction(scripts: string[]): Promise<void>;
  /** Serialises migration runs across processes (an advisory lock on PostgreSQL). */
  withMigrationLock<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATION_LOCK_KEY = 7_411_207_245;

/** Told when an idle pooled connection fails (the database restarted or the network dropped). */
export type PoolErrorListener = (error: Error) => void;

/** Opens PostgreSQL through a connection pool. */
export function openPostgres(url: string, poolSize: number, onPoolError: PoolErrorListener = () => undefined): LoketDatabase {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it, and the listener makes it visible.
  pool.on('error', onPoolError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  let lockClient: pg.PoolClient | undefined;
  return {
    db,
    engine: 'postgres',
    async runScriptsInTransaction(scripts) {
      const client = lockClient ?? (await pool.connect());
      try {
        await client.query('BEGIN');
        // No parameters: pg uses the simple protocol, which accepts several statements at once.
        for (const script of scripts) await client.query(script);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        if (client !== lockClient) client.release();
      }
    },
    async withMigrationLock(work) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        lockClient = client;
        return await work();
      } finally {
        lockClient = undefined;
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        client.release();
      }
    },
    close: () => db.destroy(),
  };
}

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

/** Opens the database the configuration points at. */
export async function openDatabase(
  options: { databaseUrl: string | undefined; databasePoolSize: number; dataDir: string },
  onPoolError?: PoolErrorListener,
): Promise<LoketDatabase> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.databasePoolSize, onPoolError) : openEmbedded(options.dataDir);
}
