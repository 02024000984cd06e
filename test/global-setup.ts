import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../src/platform/database/connection.ts';
import { pgliteExtensions, pgliteParsers, wrapPglite } from '../src/platform/database/embedded.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import { randomBytes } from 'node:crypto';
import { testEngine, TEMPLATE_PREFIX, withDatabaseName } from './engine.ts';
import pg from 'pg';
import { resetOpenApiCoverage, writeOpenApiCoverageReport } from './openapi-report.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the migrated data directory dump each test file starts from. */
    pgliteTemplate: string;
    /** PostgreSQL: name of this run's migrated template database. */
    postgresTemplate: string;
  }
}

/**
 * Migrates once into a template that every test file copies: a PostgreSQL template database
 * when LOKET_TEST_DATABASE_URL is set (CI), otherwise a dumped PGlite data directory.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  resetOpenApiCoverage();
  const removeTemplate = await prepareTemplate(project);
  return async () => {
    await removeTemplate();
    const summary = writeOpenApiCoverageReport();
    process.stdout.write(`OpenAPI coverage (test-results/openapi-coverage.md):\n${summary.map((line) => `  ${line}`).join('\n')}\n`);
  };
}

async function prepareTemplate(project: TestProject): Promise<() => Promise<void>> {
  const engine = testEngine();
  if (engine.kind === 'postgres') {
    const template = `${TEMPLATE_PREFIX}${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: engine.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    await admin.end();
    const database = openPostgres(withDatabaseName(engine.url, template), 2);
    await migrate(database);
    await database.close();
    project.provide('pgliteTemplate', '');
    project.provide('postgresTemplate', template);
    process.stdout.write(`Tests run on PostgreSQL (${new URL(engine.url).host}).\n`);
    return async () => {
      const cleanup = new pg.Client({ connectionString: engine.url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await cleanup.end();
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'loket-test-'));
  const pglite = await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers });
  const database = wrapPglite(pglite);
  await migrate(database);
  const dump = await pglite.dumpDataDir('none');
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  process.stdout.write('Tests run on the embedded database (PGlite); set LOKET_TEST_DATABASE_URL to run them on PostgreSQL.\n');
  return async () => rmSync(dir, { recursive: true, force: true });
}
