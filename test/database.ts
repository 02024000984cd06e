import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, type LoketDatabase } from '../src/platform/database/connection.ts';
import { pgliteExtensions, pgliteParsers, wrapPglite } from '../src/platform/database/embedded.ts';
import { testEngine, withDatabaseName } from './engine.ts';

/** A private copy of the migrated template for one test file; `close` drops it. */
export interface TestDatabase extends LoketDatabase {
  /** Connection string of this copy (PostgreSQL only), for tests that start separate processes. */
  url: string | undefined;
}

/** Creates this test file's own migrated database (CREATE DATABASE … TEMPLATE on PostgreSQL, a loaded dump on PGlite). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const engine = testEngine();
  if (engine.kind === 'postgres') {
    const name = `loket_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: engine.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    // A test database never has to survive a crash: commits need not wait for the WAL flush.
    await admin.query(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    await admin.end();
    const url = withDatabaseName(engine.url, name);
    const database = openPostgres(url, 8);
    return {
      ...database,
      url,
      async close() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: engine.url });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dump = readFileSync(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: pgliteExtensions, parsers: pgliteParsers });
  return { ...wrapPglite(pglite), url: undefined };
}
