import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadKeys } from '../src/platform/crypto/keys.ts';
import { openDatabase } from '../src/platform/database/connection.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { vertrouwelijkheidRank } from '../src/platform/auth/autorisaties.ts';
import type { AppContext } from '../src/platform/context.ts';
import { percentile } from './stats.ts';
import * as baseline from './zaken-baseline.ts';
import { createBenchClients, loadZaakDataset } from './zaken-dataset.ts';
import { captureStatements, explain } from './zaken-explain.ts';
import { measureBaseline, measureHttp, primeHttp, sendOnce, type HttpCall, type Measurement } from './zaken-load.ts';
import { startLoketServer } from './zaken-loket.ts';

/*
 * `npm run bench:zaken`: the Zaken API at scale, against a database seeded with `loket bench seed-zaken`. Each
 * scenario runs through Loket (its own process, 16 connections) and as hand-written SQL on raw pg (16 concurrent
 * clients), for the same time, and prints requests per second, p50/p95/p99 and the ratio, then the targets.
 * A benchmark, not a test: it fails only when it cannot run.
 *
 *   BENCH_DATABASE_URL  the seeded database (default postgres://postgres@127.0.0.1:5432/loket_bench_zaken)
 *   BENCH_TENANT        the tenant's slug (default: the tenant with the most zaken)
 *   BENCH_DURATION      seconds per side per scenario (default 30); BENCH_WARMUP before each (default 3)
 *                       (retrieve first reads each sampled zaak once through the API, so both sides start warm)
 *   BENCH_CONNECTIONS   concurrent connections and baseline clients (default 16)
 *   BENCH_SCENARIOS     comma-separated scenario keys to run (default: all)
 *   BENCH_PROFILE=DIR   write a V8 CPU profile of the Loket process to DIR (open it in Chrome DevTools)
 *   BENCH_EXPLAIN=1     also print the statements one request runs, with EXPLAIN (ANALYZE, BUFFERS) of each SELECT
 *   LOKET_SECRET_KEY    the installation's key, when its other API clients should keep working in the child process
 */

const print = (line: string) => process.stdout.write(`${line}\n`);

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got ${JSON.stringify(raw)}`);
  return value;
}

const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** One scenario: the API call and its raw-pg equivalent. */
interface Scenario {
  key: string;
  title: string;
  http: HttpCall;
  baseline: baseline.BaselineIteration;
  /** Paths read once through the API before either side measures (see primeHttp). */
  prime?: readonly string[];
}

interface Outcome {
  scenario: Scenario;
  loket: Measurement | undefined;
  raw: Measurement;
  skipped?: string;
}

function describe(measurement: Measurement): string {
  const { latencies } = measurement;
  const failures = measurement.failed > 0 ? `   ${measurement.failed} failed` : '';
  return `${fixed(measurement.perSecond).padStart(9)}/s   p50 ${fixed(percentile(latencies, 50)).padStart(7)}   p95 ${fixed(percentile(latencies, 95)).padStart(7)}   p99 ${fixed(percentile(latencies, 99)).padStart(7)} ms${failures}`;
}

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/loket_bench_zaken';
  const durationSeconds = number('BENCH_DURATION', 30);
  const warmupSeconds = number('BENCH_WARMUP', 3);
  const connections = Math.max(1, Math.round(number('BENCH_CONNECTIONS', 16)));
  const only = process.env.BENCH_SCENARIOS?.split(',').map((key) => key.trim()).filter(Boolean);
  const secretKey = process.env.LOKET_SECRET_KEY ?? randomBytes(32).toString('base64');
  const loketEnv = {
    DATABASE_URL: databaseUrl,
    LOKET_SECRET_KEY: secretKey,
    // As many database connections as HTTP connections, but never fewer than start-up needs (migration lock + migrating).
    DATABASE_POOL_SIZE: String(Math.max(connections, 4)),
    // Notifications of created zaken stay in the outbox: the dispatcher's delivery is not what is measured.
    LOKET_OUTBOX_ENABLED: 'false',
    LOKET_LOG_LEVEL: 'warn',
    // Tokens are signed once: they must stay valid for the whole run.
    LOKET_JWT_MAX_AGE_SECONDS: String(24 * 3600),
  };
  const config = loadConfig({ ...loketEnv, DATABASE_POOL_SIZE: '4', LOKET_LOG_LEVEL: 'silent' });
  const database = await openDatabase(config);
  const keys = loadKeys(config);
  const context: AppContext = { config, database, keys, logger: createLogger('silent') };
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  pool.on('error', () => undefined);
  const marker = `Benchmark ${randomBytes(4).toString('hex')}`;
  let cleanUp = async (): Promise<void> => undefined;
  try {
    await migrate(database);
    const dataset = await loadZaakDataset(database.db, process.env.BENCH_TENANT, 10_000);
    const [largest] = dataset.zaaktypen;
    if (!largest || dataset.sample.length === 0) throw new Error(`Tenant ${dataset.tenant.slug} has no zaken: seed it first with "loket bench seed-zaken".`);
    const restrictedTo = dataset.zaaktypen.slice(0, 5);
    const clients = await createBenchClients(database.db, keys, dataset, restrictedTo.map((zaaktype) => zaaktype.uuid));
    const outboxStart = Number((await pool.query<{ id: string | null }>('SELECT max(id) AS id FROM outbox')).rows[0]?.id ?? 0);
    cleanUp = async () => {
      await clients.remove();
      // Created zaken go again (their statussen and rollen with them), and so do the notifications they left in the outbox.
      await pool.query('DELETE FROM zaken WHERE tenant_id = $1 AND omschrijving = $2', [dataset.tenant.id, marker]);
      await pool.query('DELETE FROM outbox WHERE tenant_id = $1 AND id > $2', [dataset.tenant.id, outboxStart]);
      // The deleted zaken were the newest of their zaaktype: left as dead index entries at the head of the list order,
      // they would slow page 1 of the next run until autovacuum came by.
      await pool.query('VACUUM (ANALYZE) zaken, statussen, rollen, audittrail, outbox, zaak_counts');
    };

    const zaaktypeUrl = (uuid: string) => `http://${dataset.host}/catalogi/api/v1/zaaktypen/${uuid}`;
    const headers = (token: string) => ({ host: dataset.host, authorization: `Bearer ${token}`, 'accept-crs': 'EPSG:4326' });
    const superuser = headers(clients.superuser.token);
    const restricted = headers(clients.restricted.token);
    const listByZaaktypePath = `/zaken/api/v1/zaken?zaaktype=${encodeURIComponent(zaaktypeUrl(largest.uuid))}`;
    const randomZaak = () => dataset.sample[Math.floor(Math.random() * dataset.sample.length)] ?? '';
    const today = new Date().toISOString().slice(0, 10);
    const rsin = dataset.tenant.rsin;
    const maxRank = vertrouwelijkheidRank('zeer_geheim');

    const allScenarios: Scenario[] = [
      {
        key: 'list-zaaktype',
        title: `GET /zaken?zaaktype=… page 1 (${largest.identificatie}, ${largest.zaken.toLocaleString('en-US')} zaken), all autorisaties`,
        http: { method: 'GET', path: () => listByZaaktypePath, headers: superuser },
        baseline: baseline.listByZaaktype(dataset.tenant.id, largest.uuid),
      },
      {
        key: 'retrieve',
        title: `GET /zaken/{uuid}, random from ${dataset.sample.length.toLocaleString('en-US')} zaken`,
        http: { method: 'GET', path: () => `/zaken/api/v1/zaken/${randomZaak()}`, headers: superuser },
        baseline: baseline.retrieve(dataset.tenant.id, dataset.sample),
        // Without this, Loket's side (measured first) pays for the sample's first reads from disk and the raw side
        // then runs on the buffers Loket warmed; a 3 s warm-up reaches only about half of 10,000 zaken.
        prime: dataset.sample.map((uuid) => `/zaken/api/v1/zaken/${uuid}`),
      },
      {
        key: 'create',
        title: `POST /zaken (${largest.identificatie}), notification to the outbox`,
        http: {
          method: 'POST',
          path: () => '/zaken/api/v1/zaken',
          headers: { ...superuser, 'content-type': 'application/json', 'content-crs': 'EPSG:4326' },
          body: () => JSON.stringify({ bronorganisatie: rsin, verantwoordelijkeOrganisatie: rsin, zaaktype: zaaktypeUrl(largest.uuid), startdatum: today, omschrijving: marker }),
        },
        baseline: baseline.create(dataset.tenant.id, rsin, largest.uuid, zaaktypeUrl(largest.uuid), marker),
      },
      {
        key: 'list-all',
        title: 'GET /zaken page 1, all autorisaties',
        http: { method: 'GET', path: () => '/zaken/api/v1/zaken', headers: superuser },
        baseline: baseline.listAll(dataset.tenant.id),
      },
      {
        key: 'list-restricted',
        title: `GET /zaken page 1, authorised for ${restrictedTo.length} zaaktypen up to zeer_geheim (${restrictedTo.reduce((sum, zaaktype) => sum + zaaktype.zaken, 0).toLocaleString('en-US')} zaken)`,
        http: { method: 'GET', path: () => '/zaken/api/v1/zaken', headers: restricted },
        baseline: baseline.listAuthorised(dataset.tenant.id, restrictedTo.map((zaaktype) => zaaktype.uuid), maxRank),
      },
    ];
    const scenarios = allScenarios.filter((scenario) => only === undefined || only.includes(scenario.key));

    const cpu = cpus();
    const server = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version ?? '?';
    print(`Zaken API benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL ${server}`);
    print(
      `Tenant ${dataset.tenant.slug} (${dataset.host}): ${dataset.zaken.toLocaleString('en-US')} zaken in ${dataset.zaaktypen.length} zaaktypen. ` +
        `${connections} connections / ${connections} raw-pg clients, ${durationSeconds} s per side after ${warmupSeconds} s warm-up.`,
    );

    if (process.env.BENCH_EXPLAIN === '1') {
      const gets = scenarios.filter((scenario) => scenario.http.method === 'GET');
      const captured = await captureStatements(
        context,
        databaseUrl,
        gets.map((scenario) => ({ name: scenario.key, method: 'GET' as const, url: scenario.http.path(), headers: scenario.http.headers })),
      );
      for (const [name, statements] of captured) {
        print('');
        if (typeof statements === 'string') {
          print(`${name}: the request failed (${statements})`);
          continue;
        }
        print(`${name}: ${statements.length} statements per request`);
        for (const [index, statement] of statements.entries()) {
          print(`  ${index + 1}. ${statement.sql}   -- ${JSON.stringify(statement.parameters)}`);
          if (/^[\s(]*(select|with)\b/i.test(statement.sql)) for (const line of await explain(pool, statement)) print(`       ${line}`);
        }
      }
    }

    const loket = await startLoketServer(loketEnv);
    const outcomes: Outcome[] = [];
    try {
      const base = `http://127.0.0.1:${loket.port}`;
      for (const scenario of scenarios) {
        print('');
        print(scenario.title);
        // One request first: a scenario the API cannot serve yet is reported, not measured as a flood of errors.
        const probeStart = performance.now();
        const probe = await sendOnce(base, scenario.http);
        print(`  probe: ${probe.status} in ${fixed(performance.now() - probeStart)} ms, ${probe.body.length} bytes`);
        let measured: Measurement | undefined;
        let skipped: string | undefined;
        if (probe.status >= 200 && probe.status < 300) {
          if (scenario.prime) {
            const primed = await primeHttp(base, scenario.prime, scenario.http.headers, connections);
            print(`  primed: each of the ${scenario.prime.length.toLocaleString('en-US')} sampled resources read once through the API in ${fixed(primed.seconds)} s${primed.failed > 0 ? `, ${primed.failed} failed` : ''}`);
          }
          if (warmupSeconds > 0) await measureHttp(base, scenario.http, connections, warmupSeconds);
          measured = await measureHttp(base, scenario.http, connections, durationSeconds);
          print(`  Loket   ${describe(measured)}`);
          if (measured.firstFailure) print(`          first failure: ${measured.firstFailure}`);
        } else {
          skipped = `${probe.status} ${probe.body.slice(0, 300)}`;
          print(`  Loket   not measured: the probe request got ${skipped}`);
        }
        if (warmupSeconds > 0) await measureBaseline(pool, scenario.baseline, connections, warmupSeconds);
        const raw = await measureBaseline(pool, scenario.baseline, connections, durationSeconds);
        print(`  raw pg  ${describe(raw)}`);
        if (raw.firstFailure) print(`          first failure: ${raw.firstFailure}`);
        if (measured) print(`  Loket/raw = ${fixed(measured.perSecond / raw.perSecond, 2)} (throughput)`);
        outcomes.push({ scenario, loket: measured, raw, ...(skipped === undefined ? {} : { skipped }) });
      }
    } finally {
      await loket.stop();
    }
    printTargets(outcomes);
  } finally {
    await cleanUp().catch((error: unknown) => print(`Clean-up failed: ${error instanceof Error ? error.message : String(error)}`));
    await pool.end();
    await database.close();
  }
}

/** The issue's targets, each with the figure it was judged on. */
function printTargets(outcomes: readonly Outcome[]): void {
  const find = (key: string) => outcomes.find((outcome) => outcome.scenario.key === key);
  const p50 = (measurement: Measurement | undefined) => (measurement ? percentile(measurement.latencies, 50) : undefined);
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
  const list = p50(find('list-zaaktype')?.loket);
  const retrieve = find('retrieve');
  const create = find('create')?.loket;
  const restricted = p50(find('list-restricted')?.loket);
  const all = p50(find('list-all')?.loket);
  const retrieveRatio = retrieve?.loket ? retrieve.loket.perSecond / retrieve.raw.perSecond : undefined;
  print('');
  print('Targets');
  print(`  list ?zaaktype= p50 ≤ 25 ms           ${verdict(list === undefined ? undefined : list <= 25)}${list === undefined ? '' : ` (${fixed(list)} ms)`}`);
  const retrieveP50 = p50(retrieve?.loket);
  print(`  retrieve p50 ≤ 5 ms                   ${verdict(retrieveP50 === undefined ? undefined : retrieveP50 <= 5)}${retrieveP50 === undefined ? '' : ` (${fixed(retrieveP50)} ms)`}`);
  print(`  create ≥ 300/s                        ${verdict(create === undefined ? undefined : create.perSecond >= 300)}${create === undefined ? '' : ` (${fixed(create.perSecond)}/s)`}`);
  print(
    `  restricted list no slower than all    ${verdict(restricted === undefined || all === undefined ? undefined : restricted <= all)}` +
      `${restricted === undefined || all === undefined ? '' : ` (p50 ${fixed(restricted)} ms vs ${fixed(all)} ms)`}`,
  );
  print(`  retrieve ≥ 0.5 × raw pg throughput    ${verdict(retrieveRatio === undefined ? undefined : retrieveRatio >= 0.5)}${retrieveRatio === undefined ? '' : ` (${fixed(retrieveRatio, 2)} ×)`}`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`The Zaken benchmark could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
