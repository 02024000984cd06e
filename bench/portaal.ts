import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { cpus } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadKeys } from '../src/platform/crypto/keys.ts';
import { openDatabase } from '../src/platform/database/connection.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { registerModules } from '../src/platform/modules.ts';
import type { AppContext } from '../src/platform/context.ts';
import { seedDemo } from '../src/platform/seed/demo-tenant.ts';
import { RESIDENT_SESSION_COOKIE, startResidentSession } from '../src/platform/auth/resident-session.ts';
import { seedZaken } from '../src/bench-seed/seed-zaken.ts';
import { createBenchDatabase } from './bench-database.ts';
import { recordingDatabase, replay, statementsOfPage } from './page-statements.ts';
import { measurementLine } from './measurement-line.ts';
import { measureBaseline, measureHttp, type Measurement } from './zaken-load.ts';
import { startLoketServer } from './zaken-loket.ts';

/*
 * `npm run bench:portaal`: server time of the portal's home page, a product page and Mijn zaken (a resident with
 * 50 zaken among BENCH_ZAKEN others) on PostgreSQL at 16 connections, beside raw `pg` replaying the SQL each page
 * runs (recorded from one request) at the same concurrency.
 *
 *   BENCH_DATABASE_URL  admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres);
 *                       the run creates and drops loket_bench_portaal
 *   BENCH_DURATION      seconds per side (default 15), BENCH_WARMUP seconds before each side (default 3)
 *   BENCH_ZAKEN         zaken of other residents in the database (default 200,000)
 *   BENCH_KEEP=1        keep loket_bench_portaal afterwards
 *   BENCH_SHOW_SQL=1    print the statements each page runs
 *
 * Figures are printed with the target (p95 <= 50 ms), never failed on.
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CONNECTIONS = 16;
const TARGET_P95_MS = 50;
const RESIDENT_BSN = '999993653';
const RESIDENT_ZAKEN = 50;

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}

const print = (line: string) => process.stdout.write(`${line}\n`);
const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(label: string, measurement: Measurement): void {
  print(measurementLine(label, measurement, label === 'Loket' ? TARGET_P95_MS : undefined));
}

async function main(): Promise<void> {
  const durationSeconds = numberFrom('BENCH_DURATION', 15);
  const warmupSeconds = numberFrom('BENCH_WARMUP', 3);
  const otherZaken = Math.floor(numberFrom('BENCH_ZAKEN', 200_000));
  const cpu = cpus();
  print(`Portal benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL at ${new URL(adminUrl).host}`);
  const bench = await createBenchDatabase(adminUrl, 'loket_bench_portaal');
  try {
    const secretKey = randomBytes(32).toString('base64');
    const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-portaal-'));
    const config = loadConfig({
      DATABASE_URL: bench.url,
      LOKET_SECRET_KEY: secretKey,
      LOKET_DATA_DIR: dataDir,
      DATABASE_POOL_SIZE: String(CONNECTIONS),
      LOKET_LOG_LEVEL: 'silent',
      LOKET_OUTBOX_ENABLED: 'false',
    });
    const database = await openDatabase(config);
    const keys = loadKeys(config);
    const recording = recordingDatabase(bench.url, database);
    try {
      await migrate(database);
      const { tenant } = await seedDemo(database.db, keys);
      const host = tenant.hostnames[0] ?? 'localhost';

      const started = Date.now();
      const client = new pg.Client({ connectionString: bench.url });
      await client.connect();
      try {
        await seedZaken(client, tenant, { count: otherZaken + RESIDENT_ZAKEN, zaaktypen: 8, years: 3, seed: 6 });
      } finally {
        await client.end();
      }
      // The resident's 50: initiator of zaken spread over the whole period, like someone who has lived here for years.
      await sql`
        UPDATE rollen SET inp_bsn = ${RESIDENT_BSN}, betrokkene_type = 'natuurlijk_persoon',
               data = jsonb_set(data, '{betrokkeneIdentificatie,inpBsn}', to_jsonb(${RESIDENT_BSN}::text))
        WHERE uuid IN (SELECT uuid FROM rollen WHERE tenant_id = ${tenant.id} AND omschrijving_generiek = 'initiator' AND inp_bsn IS NOT NULL
                       ORDER BY zaak_uuid LIMIT ${RESIDENT_ZAKEN})`.execute(database.db);
      // As autovacuum would after the bulk load: visibility map set, statistics fresh.
      await sql`VACUUM (ANALYZE)`.execute(database.db);
      print(`Data: ${fixed(otherZaken + RESIDENT_ZAKEN, 0)} zaken (${RESIDENT_ZAKEN} of the measured resident), the demo kennisbank; seeded in ${fixed((Date.now() - started) / 1000)} s`);

      const session = await startResidentSession(database.db, { tenantId: tenant.id, soort: 'bsn', identificatie: RESIDENT_BSN, naam: 'Suzanne Moulin', middel: 'demo' }, undefined);
      const pages: { name: string; path: string; headers: Record<string, string> }[] = [
        { name: 'Home page /', path: '/', headers: { host, accept: 'text/html' } },
        { name: 'Product page /producten/paspoort-aanvragen', path: '/producten/paspoort-aanvragen', headers: { host, accept: 'text/html' } },
        { name: `Mijn zaken /mijn/zaken (${RESIDENT_ZAKEN} zaken)`, path: '/mijn/zaken', headers: { host, accept: 'text/html', cookie: `${RESIDENT_SESSION_COOKIE}=${session}` } },
      ];

      const recordingContext: AppContext = { config, database: recording.database, keys, logger: createLogger('silent') };
      const recorder = await buildApp(recordingContext, (instance) => registerModules(instance, recordingContext));
      const statements = [];
      for (const page of pages) statements.push(await statementsOfPage(recorder, recording.sink, page.path, page.headers));
      await recorder.close();

      // Loket in its own process, as `npm start` runs it: the load generator here never shares its event loop.
      const server = await startLoketServer({
        DATABASE_URL: bench.url,
        LOKET_SECRET_KEY: secretKey,
        DATABASE_POOL_SIZE: String(CONNECTIONS),
        LOKET_LOG_LEVEL: 'warn',
        LOKET_OUTBOX_ENABLED: 'false',
        LOKET_DATA_DIR: dataDir,
      });
      const baseUrl = `http://127.0.0.1:${server.port}`;
      const pool = new pg.Pool({ connectionString: bench.url, max: CONNECTIONS });
      try {
        for (const [index, page] of pages.entries()) {
          const call = { method: 'GET' as const, path: () => page.path, headers: page.headers };
          const pageStatements = statements[index] ?? [];
          print(`\n${page.name} — ${pageStatements.length} SQL statements a request`);
          if (process.env.BENCH_SHOW_SQL === '1') for (const statement of pageStatements) print(`    ${statement.sql.replace(/\s+/g, ' ').slice(0, 220)}`);
          if (warmupSeconds > 0) await measureHttp(baseUrl, call, CONNECTIONS, warmupSeconds);
          report('Loket', await measureHttp(baseUrl, call, CONNECTIONS, durationSeconds));
          const iteration = replay(pageStatements);
          if (warmupSeconds > 0) await measureBaseline(pool, iteration, CONNECTIONS, warmupSeconds);
          report('raw pg', await measureBaseline(pool, iteration, CONNECTIONS, durationSeconds));
        }
      } finally {
        await pool.end();
        await server.stop();
      }
    } finally {
      await recording.close();
      await database.close();
    }
  } finally {
    if (process.env.BENCH_KEEP === '1') print('\nKept loket_bench_portaal (BENCH_KEEP=1).');
    else await bench.drop();
  }
}

await main();
