import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadKeys } from '../src/platform/crypto/keys.ts';
import { openDatabase } from '../src/platform/database/connection.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import type { Database } from '../src/platform/database/schema.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { registerModules } from '../src/platform/modules.ts';
import { insertTenant } from '../src/platform/tenants/repository.ts';
import { seedTenantDefaults } from '../src/platform/seed/tenant-defaults.ts';
import type { AppContext } from '../src/platform/context.ts';
import { amsterdamToday } from '../src/kennisbank/dates.ts';
import { DEMO_PRODUCTEN } from '../src/kennisbank/demo/seed.ts';
import { importKennisbank, readImportFile } from '../src/kennisbank/uitwisseling/import.ts';
import { RELEVANTIE_SET } from '../src/kennisbank/zoeken/relevantie-set.ts';
import { configureSearchResultCache, searchKennisbank } from '../src/kennisbank/zoeken/service.ts';
import { completeSearchLog } from '../src/kennisbank/zoeklog/service.ts';
import { createBenchDatabase } from './bench-database.ts';
import { benchCatalogue } from './kennisbank-catalogue.ts';
import { percentile } from './stats.ts';
import { measureBaseline, measureHttp, sendOnce, type Measurement } from './zaken-load.ts';

/*
 * `npm run bench:kennisbank`: the kennisbank search at 16 connections on PostgreSQL with BENCH_ARTICLES published
 * articles (default 10,000) and BENCH_SEARCHES logged searches (default 1,000,000), beside raw `pg` running the SQL
 * of the same searches (recorded from the search service) with the same concurrency; and the time to import the
 * articles through the exchange-file import (one transaction, as `loket kennisbank import` does).
 *
 *   BENCH_DATABASE_URL  admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres);
 *                       the run creates and drops loket_bench_kennisbank
 *   BENCH_DURATION      seconds per side (default 30), BENCH_WARMUP seconds before each side (default 5)
 *   BENCH_ARTICLES, BENCH_SEARCHES  the data set's size
 *   BENCH_KEEP=1        keep loket_bench_kennisbank afterwards (to study query plans); the next run replaces it
 *
 * Benchmarks are not tests: figures are printed with the target (search p95 <= 20 ms), never failed on.
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const HOST = 'kennisbank.bench.localhost';
const CONNECTIONS = 16;
const TARGET_P95_MS = 20;

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Writes `count` logged searches spread over the last year, in SQL (one statement). */
async function seedSearchLog(db: Kysely<Database>, tenantId: string, count: number, slugs: string[]): Promise<void> {
  const terms = RELEVANTIE_SET.map((item) => item.q.toLowerCase());
  await sql`
    INSERT INTO kennisbank_zoekopdrachten (tenant_id, zoekterm, kanaal, aantal_resultaten, geklikt_product_uuid, geklikte_positie, geklikt_op, gezocht_op)
    SELECT ${tenantId}, (${terms}::text[])[1 + (i % ${terms.length})], (ARRAY['portaal','kcc','api'])[1 + (i % 3)], (i % 17),
           CASE WHEN i % 3 = 0 THEN p.uuid END, CASE WHEN i % 3 = 0 THEN 1 + i % 3 END,
           CASE WHEN i % 3 = 0 THEN now() - (i % 525600) * interval '1 minute' END,
           now() - (i % 525600) * interval '1 minute'
    FROM generate_series(1, ${count}) AS i
    LEFT JOIN kennisbank_producten p ON p.tenant_id = ${tenantId} AND p.slug = (${slugs}::text[])[1 + (i % ${slugs.length})]`.execute(db);
}

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** The statements the search service runs for each query, recorded from a logging query builder. */
async function captureSearchStatements(url: string, tenantId: string, queries: readonly string[]): Promise<Statement[][]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  let current: Statement[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query') current.push({ sql: event.query.sql, parameters: (event.query as CompiledQuery).parameters });
    },
  });
  const all: Statement[][] = [];
  try {
    for (const q of queries) {
      current = [];
      await searchKennisbank(db, tenantId, { q, kanaal: 'api', limit: 10 });
      // Loket writes the log in batches; the raw side writes each search's entry with it (one row per INSERT).
      await completeSearchLog(db);
      all.push(current);
    }
  } finally {
    await db.destroy();
  }
  return all;
}

function report(label: string, measurement: Measurement, unit: string): void {
  const { latencies } = measurement;
  print(
    `  ${label.padEnd(8)} ${fixed(measurement.perSecond, 0).padStart(7)} ${unit}/s   p50 ${fixed(percentile(latencies, 50))} ms   p95 ${fixed(percentile(latencies, 95))} ms   p99 ${fixed(percentile(latencies, 99))} ms` +
      (measurement.failed > 0 ? `   ${measurement.failed} FAILED (${measurement.firstFailure ?? ''})` : ''),
  );
}

async function main(): Promise<void> {
  const durationSeconds = numberFrom('BENCH_DURATION', 30);
  const warmupSeconds = numberFrom('BENCH_WARMUP', 5);
  const articles = Math.max(DEMO_PRODUCTEN.length, Math.floor(numberFrom('BENCH_ARTICLES', 10_000)));
  const searches = Math.floor(numberFrom('BENCH_SEARCHES', 1_000_000));
  const cpu = cpus();
  print(`Kennisbank benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL at ${new URL(adminUrl).host}`);
  const bench = await createBenchDatabase(adminUrl, 'loket_bench_kennisbank');
  try {
    const config = loadConfig({
      DATABASE_URL: bench.url,
      LOKET_SECRET_KEY: randomBytes(32).toString('base64'),
      DATABASE_POOL_SIZE: String(CONNECTIONS),
      LOKET_LOG_LEVEL: 'silent',
      LOKET_OUTBOX_ENABLED: 'false',
    });
    const database = await openDatabase(config);
    const context: AppContext = { config, database, keys: loadKeys(config), logger: createLogger('silent') };
    let statements: Statement[][] = [];
    try {
      await migrate(database);
      const tenant = await insertTenant(database.db, { slug: 'bench', name: 'Gemeente Benchmark', rsin: '123456782', hostnames: [HOST] });
      await seedTenantDefaults(database.db, tenant.id);

      const today = amsterdamToday();
      const read = readImportFile(benchCatalogue(articles, today));
      if (!read.file) throw new Error(`synthetic file invalid: ${read.problems[0]?.reason ?? ''}`);
      const importStart = performance.now();
      const imported = await importKennisbank(database.db, tenant.id, read.file, { door: 'benchmark', today });
      const importSeconds = (performance.now() - importStart) / 1000;
      print(`Import: ${imported.created} articles (all published and indexed) in ${fixed(importSeconds, 1)} s (${fixed(imported.created / importSeconds, 0)} articles/s), one transaction`);

      const logStart = performance.now();
      await seedSearchLog(database.db, tenant.id, searches, DEMO_PRODUCTEN.map((product) => product.slug));
      await sql`ANALYZE`.execute(database.db);
      print(`Search log: ${searches.toLocaleString('en-US')} logged searches written in ${fixed((performance.now() - logStart) / 1000, 1)} s; ANALYZE done`);

      const queries = RELEVANTIE_SET.map((item) => item.q);
      statements = await captureSearchStatements(bench.url, tenant.id, queries);
      let next = 0;
      const app = await buildApp(context, (instance) => registerModules(instance, context));
      try {
        await app.listen({ host: '127.0.0.1', port: 0 });
        const address = app.server.address();
        if (address === null || typeof address === 'string') throw new Error('The server has no TCP address');
        const baseUrl = `http://127.0.0.1:${address.port}`;
        const call = {
          method: 'GET' as const,
          headers: { host: HOST },
          path: () => `/kennisbank/api/v1/zoeken?q=${encodeURIComponent(queries[next++ % queries.length] ?? 'paspoort')}`,
        };
        const probe = await sendOnce(baseUrl, call);
        if (probe.status !== 200) throw new Error(`The search was refused (${probe.status}): ${probe.body.slice(0, 300)}`);
        print(`\nSearch: GET /kennisbank/api/v1/zoeken?q=… over the ${queries.length} queries of the relevance set in turn, ${CONNECTIONS} connections, ${durationSeconds} s after ${warmupSeconds} s warm-up (each search also logs itself)`);
        if (warmupSeconds > 0) await measureHttp(baseUrl, call, CONNECTIONS, warmupSeconds);
        const loket = await measureHttp(baseUrl, call, CONNECTIONS, durationSeconds);
        report('Loket', loket, 'requests');
        // One connection shows what a single search costs when it has the machine to itself.
        report('Loket ×1', await measureHttp(baseUrl, call, 1, Math.max(1, durationSeconds / 2)), 'requests');
        // Without the answer cache every search runs its SQL: the cost of a query seen for the first time.
        configureSearchResultCache(0);
        if (warmupSeconds > 0) await measureHttp(baseUrl, call, CONNECTIONS, warmupSeconds);
        const uncached = await measureHttp(baseUrl, call, CONNECTIONS, durationSeconds);
        report('no cache', uncached, 'requests');
        report('no c. ×1', await measureHttp(baseUrl, call, 1, Math.max(1, durationSeconds / 2)), 'requests');
        configureSearchResultCache(config.kennisbankSearchCache);
        const pool = new pg.Pool({ connectionString: bench.url, max: CONNECTIONS });
        pool.on('error', () => undefined);
        try {
          let turn = 0;
          const iteration = async (client: pg.PoolClient) => {
            const list = statements[turn++ % statements.length] ?? [];
            for (const statement of list) await client.query(statement.sql, [...statement.parameters]);
          };
          if (warmupSeconds > 0) await measureBaseline(pool, iteration, CONNECTIONS, warmupSeconds);
          const raw = await measureBaseline(pool, iteration, CONNECTIONS, durationSeconds);
          report('raw pg', raw, 'searches');
          print(`  one raw iteration = the ${statements[0]?.length ?? 0} statements the service runs for one query (search stand, search with snippets, log insert), recorded per query`);
          print(`  Loket/raw throughput = ${fixed(loket.perSecond / raw.perSecond, 2)} (without the answer cache ${fixed(uncached.perSecond / raw.perSecond, 2)})`);
          print(`  p95 Loket ${fixed(percentile(loket.latencies, 95))} ms vs target <= ${TARGET_P95_MS} ms: ${percentile(loket.latencies, 95) <= TARGET_P95_MS ? 'met' : 'NOT met'}; without the answer cache ${fixed(percentile(uncached.latencies, 95))} ms`);
        } finally {
          await pool.end();
        }
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  } finally {
    if (process.env.BENCH_KEEP === '1') print(`Kept ${bench.url}`);
    else await bench.drop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`The kennisbank benchmark could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
