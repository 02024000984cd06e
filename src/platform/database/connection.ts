import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';
import { preparingPool } from './prepared.ts';

// PostgreSQL returns bigint (int8) as a string by default; our counters fit safely in a JS number.
pg.types.setTypeParser(20, (value: string) => Number(value));
// A `date` stays the 'YYYY-MM-DD' text the ZGW APIs exchange: a Date object would sit at local midnight and
// shift a day across time zones. PGlite gets the same parser through `pgliteParsers` (embedded.ts).
export const DATE_OID = 1082;
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

/** Opens the database the configuration points at. */
export async function openDatabase(
  options: { databaseUrl: string | undefined; databasePoolSize: number; dataDir: string },
  onPoolError?: PoolErrorListener,
): Promise<LoketDatabase> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.databasePoolSize, onPoolError);
  // Loaded only when used: the embedded engine's code costs a process on PostgreSQL about 45 MB of memory.
  const { openEmbedded } = await import('./embedded.ts');
  return openEmbedded(options.dataDir);
}
