import { cpus } from 'node:os';
import pg from 'pg';
import { authenticatedRead } from './authenticated-read.ts';

/**
 * `npm run bench`: runs every benchmark against PostgreSQL and prints figures beside a raw-`pg`
 * baseline. Benchmarks are not tests: they never fail on time, only when they cannot run at all.
 */
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds, got ${JSON.stringify(raw)}`);
  return value;
}

const print = (line: string) => process.stdout.write(`${line}\n`);

async function serverVersion(): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('SHOW server_version');
    return result.rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

const benchmarks = [{ name: 'authenticated-read', run: authenticatedRead }];

try {
  const durationSeconds = seconds('BENCH_DURATION', 10);
  const warmupSeconds = seconds('BENCH_WARMUP', 2);
  const cpu = cpus();
  print(`Loket benchmarks — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL ${await serverVersion()} at ${new URL(adminUrl).host}`);
  for (const benchmark of benchmarks) {
    print('');
    await benchmark.run({ adminUrl, durationSeconds, warmupSeconds, connections: 16, print });
  }
} catch (error) {
  process.stderr.write(`The benchmarks could not run: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
