import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import { SignJWT } from 'jose';
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
import { insertApiClient } from '../src/platform/auth/api-client-repository.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createBenchDatabase } from './bench-database.ts';
import { percentile } from './stats.ts';

export interface AuthenticatedReadOptions {
  /** A PostgreSQL URL allowed to create and drop databases. */
  adminUrl: string;
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  print: (line: string) => void;
}

const HOST = 'bench.localhost';
const PATH = '/platform/api/v1/gemeente';

/** A statement as Loket sent it to PostgreSQL, with its parameters. */
interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** A ZGW API token the way client applications make them: HS256 with the shared secret. */
function signZgwToken(clientId: string, secret: string): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: 'bench', user_representation: 'Benchmark' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt()
    .sign(new TextEncoder().encode(secret));
}

/**
 * Records the SQL one warm request runs, by serving it once from an app whose query builder logs.
 * The baseline then runs exactly these statements, so it cannot drift from what the route does.
 */
async function captureRequestStatements(context: AppContext, url: string, headers: Record<string, string>): Promise<Statement[]> {
  const statements: Statement[] = [];
  let recording = false;
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // An idle client dropped by the server must not end the benchmark with an unhandled 'error' event.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (recording && event.level === 'query') statements.push({ sql: event.query.sql, parameters: (event.query as CompiledQuery).parameters });
    },
  });
  const app = await buildApp({ ...context, database: { ...context.database, db } }, (instance) => registerModules(instance, context));
  try {
    // The first request fills the tenant cache (host → tenant); from then on a request runs only its own statements.
    const first = await app.inject({ method: 'GET', url: PATH, headers });
    if (first.statusCode !== 200) throw new Error(`The benchmark request was refused (${first.statusCode}): ${first.body}`);
    recording = true;
    await app.inject({ method: 'GET', url: PATH, headers });
    recording = false;
  } finally {
    await app.close();
    await db.destroy();
  }
  return statements;
}

/** Runs `statements` in order in `loops` concurrent loops until `seconds` have passed; returns per-iteration latencies (ms). */
async function runBaseline(pool: pg.Pool, statements: Statement[], loops: number, seconds: number): Promise<{ latencies: number[]; elapsedSeconds: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  async function loop(): Promise<void> {
    while (performance.now() < end) {
      const begin = performance.now();
      for (const statement of statements) await pool.query(statement.sql, [...statement.parameters]);
      latencies.push(performance.now() - begin);
    }
  }
  await Promise.all(Array.from({ length: loops }, loop));
  return { latencies, elapsedSeconds: (performance.now() - started) / 1000 };
}

function fixed(value: number, digits = 0): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/**
 * The first benchmark: an authenticated API read through the whole Loket stack (tenant by host,
 * JWT verified against the client's stored secret, tenant read), next to raw `pg` running the same
 * statements with the same concurrency, on a freshly created PostgreSQL database.
 */
export async function authenticatedRead(options: AuthenticatedReadOptions): Promise<void> {
  const { print, connections, durationSeconds, warmupSeconds } = options;
  const bench = await createBenchDatabase(options.adminUrl, 'loket_bench');
  try {
    const config = loadConfig({
      DATABASE_URL: bench.url,
      LOKET_SECRET_KEY: randomBytes(32).toString('base64'),
      DATABASE_POOL_SIZE: String(connections),
      LOKET_LOG_LEVEL: 'silent',
      LOKET_OUTBOX_ENABLED: 'false',
      // The token is signed once: it must stay valid for the whole run.
      LOKET_JWT_MAX_AGE_SECONDS: String(Math.max(3600, Math.ceil(durationSeconds + warmupSeconds) * 3)),
    });
    const database = await openDatabase(config);
    const context: AppContext = { config, database, keys: loadKeys(config), logger: createLogger('silent') };
    let statements: Statement[];
    let loketRequestsPerSecond: number | undefined;
    try {
      await migrate(database);
      const tenant = await insertTenant(database.db, { slug: 'bench', name: 'Gemeente Benchmark', rsin: '123456782', hostnames: [HOST] });
      await seedTenantDefaults(database.db, tenant.id);
      const secret = randomBytes(24).toString('base64url');
      await insertApiClient(database.db, context.keys, { tenantId: tenant.id, clientId: 'bench-client', secret });
      const headers = { host: HOST, authorization: `Bearer ${await signZgwToken('bench-client', secret)}` };
      statements = await captureRequestStatements(context, bench.url, headers);

      const app = await buildApp(context, (instance) => registerModules(instance, context));
      try {
        await app.listen({ host: '127.0.0.1', port: 0 });
        const address = app.server.address();
        if (address === null || typeof address === 'string') throw new Error('The server has no TCP address');
        const target = { url: `http://127.0.0.1:${address.port}${PATH}`, connections, headers, workers: 1 };
        print(`Authenticated read: GET ${PATH} (Host: ${HOST}, Bearer ZGW JWT), ${connections} connections, pool ${config.databasePoolSize}, ${durationSeconds} s after ${warmupSeconds} s warm-up`);
        if (warmupSeconds > 0) await autocannon({ ...target, duration: warmupSeconds });
        const result = await autocannon({ ...target, duration: durationSeconds });
        print(
          `  Loket   ${fixed(result.requests.average).padStart(8)} requests/s   latency p50 ${fixed(result.latency.p50, 1)} ms, p99 ${fixed(result.latency.p99, 1)} ms` +
            `   (${result['2xx']} × 200, ${result.non2xx} other, ${result.errors} errors, ${result.timeouts} timeouts)`,
        );
        if (result.non2xx > 0 || result.errors > 0) print('  WARNING: not every request succeeded; the Loket figure is not comparable.');
        loketRequestsPerSecond = result.requests.average;
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }

    const pool = new pg.Pool({ connectionString: bench.url, max: connections });
    pool.on('error', () => undefined);
    try {
      if (warmupSeconds > 0) await runBaseline(pool, statements, connections, warmupSeconds);
      const baseline = await runBaseline(pool, statements, connections, durationSeconds);
      const perSecond = baseline.latencies.length / baseline.elapsedSeconds;
      const sorted = [...baseline.latencies].sort((a, b) => a - b);
      print(
        `  raw pg  ${fixed(perSecond).padStart(8)} iterations/s (${fixed(perSecond * statements.length)} queries/s)   latency p50 ${fixed(percentile(sorted, 50), 1)} ms, p99 ${fixed(percentile(sorted, 99), 1)} ms`,
      );
      print(`          ${connections} concurrent loops on pg.Pool(max ${connections}); one iteration = the statements one request runs, in order:`);
      statements.forEach((statement, index) => print(`            ${index + 1}. ${statement.sql}   -- ${JSON.stringify(statement.parameters)}`));
      if (loketRequestsPerSecond !== undefined) print(`  Loket/raw = ${fixed(loketRequestsPerSecond / perSecond, 2)} (requests per second through Loket ÷ baseline iterations per second)`);
    } finally {
      await pool.end();
    }
  } finally {
    await bench.drop();
  }
}
