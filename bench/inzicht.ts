import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { DEMO_TENANT, seedDemo } from '../src/platform/seed/demo-tenant.ts';
import { newSessionId, SESSION_COOKIE } from '../src/platform/auth/staff-session.ts';
import { startStaffSession } from '../src/platform/auth/staff-session-repository.ts';
import { seedZaken } from '../src/bench-seed/seed-zaken.ts';
import { verversAlles, vraagVolledigeVerversing } from '../src/inzicht/aggregaten/verversen.ts';
import { amsterdamToday } from '../src/kennisbank/dates.ts';
import { openBenchDatabase } from './bench-database.ts';
import { seedKlantcontacten } from './kcc-dataset.ts';
import { recordingDatabase, replay, statementsOfPage, describePageStatements } from './page-statements.ts';
import { measurementLine } from './measurement-line.ts';
import { measureBaseline, measureHttp, type Measurement } from './zaken-load.ts';
import { startLoketServer } from './zaken-loket.ts';

/*
 * `npm run bench:inzicht`: server time of each inzicht dashboard on PostgreSQL at 16 connections (BENCH_CONNECTIONS), beside raw `pg`
 * replaying the SQL the page runs (recorded from one request), and the time the incremental refresh needs after
 * 10,000 new events (new searches, zaken closed, contacts closed). Also the one-off full build of the aggregates.
 *
 *   BENCH_DATABASE_URL     admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres);
 *                          the run creates and drops loket_bench_inzicht
 *   BENCH_ZAKEN            zaken (default 200,000; the issue's target 1,000,000)
 *   BENCH_KLANTCONTACTEN   klantcontacten (default 400,000; the issue's target 2,000,000)
 *   BENCH_ZOEKOPDRACHTEN   kennisbank searches (default 200,000; the issue's target 1,000,000)
 *   BENCH_PERSONEN         people the contacts are with (default 50,000)
 *   BENCH_CONNECTIONS      concurrent requests (default 16; 1 gives the server time of one request at a time)
 *   BENCH_DURATION         seconds per side (default 15), BENCH_WARMUP seconds before each side (default 3)
 *   BENCH_KEEP=1           keep loket_bench_inzicht afterwards; BENCH_SHOW_SQL=1 print the statements of each page,
 *                          and the reading ones by their time alone (slowest first)
 *   BENCH_REUSE=1          measure on loket_bench_inzicht as an earlier run kept it, without seeding or the full build
 *                          (the 10,000 new events are added again, so each reuse grows the data a little)
 *
 * Figures are printed with the target (p95 <= 200 ms), never failed on.
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'loket_bench_inzicht';
const TARGET_P95_MS = 200;
const NIEUWE_GEBEURTENISSEN = 10_000;

/** The inzicht triggers paused while COPY seeds (the aggregates are then built once, as after the migration). */
const INZICHT_TRIGGERS: readonly [string, string][] = [
  ['zaken', 'inzicht_zaken_ins'],
  ['statussen', 'inzicht_statussen_ins'],
  ['kcc_contacten', 'inzicht_kcc_ins'],
  ['kennisbank_zoekopdrachten', 'inzicht_zoekopdrachten_ins'],
];

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

/** Kennisbank searches over the last year: a vocabulary of 600 queries (a few asked very often), three channels. */
async function seedZoekopdrachten(client: pg.ClientBase, tenantId: string, count: number, dagen = 365): Promise<void> {
  await client.query(
    `INSERT INTO kennisbank_zoekopdrachten (tenant_id, zoekterm, kanaal, aantal_resultaten, geklikte_positie, geklikt_op, gezocht_op)
     SELECT $1, 'zoekterm ' || (floor(power(random(), 3) * 600))::int,
       (ARRAY['portaal', 'portaal', 'portaal', 'kcc', 'api'])[1 + floor(random() * 5)::int],
       CASE WHEN random() < 0.1 THEN 0 ELSE 1 + floor(random() * 20)::int END,
       NULL, NULL, now() - random() * ($3 || ' days')::interval
     FROM generate_series(1, $2)`,
    [tenantId, count, String(dagen)],
  );
  // Seven in ten searches with results got a click.
  await client.query(
    `UPDATE kennisbank_zoekopdrachten SET geklikte_positie = 1, geklikt_op = gezocht_op + interval '5 seconds'
     WHERE tenant_id = $1 AND geklikt_op IS NULL AND gezocht_op > now() - ($2 || ' days')::interval - interval '1 hour' AND aantal_resultaten > 0 AND random() < 0.7`,
    [tenantId, String(dagen)],
  );
}

/** Seeds the data set with the inzicht triggers paused, then builds the aggregates once, as after the migration. */
async function seedAndBuild(
  database: Awaited<ReturnType<typeof openDatabase>>,
  url: string,
  tenant: Awaited<ReturnType<typeof seedDemo>>['tenant'],
  counts: { zakenCount: number; contactCount: number; zoekCount: number; personen: number },
): Promise<void> {
  const { zakenCount, contactCount, zoekCount, personen } = counts;
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [table, trigger] of INZICHT_TRIGGERS) await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
    await seedZaken(client, tenant, { count: zakenCount, zaaktypen: 8, years: 3, seed: 7 });
    await seedKlantcontacten(client, tenant.id, { count: contactCount, personen, onProgress: (done) => process.stdout.write(`\r  klantcontacten ${fixed(done, 0)} / ${fixed(contactCount, 0)}`) });
    process.stdout.write('\n');
    await seedZoekopdrachten(client, tenant.id, zoekCount);
    for (const [table, trigger] of INZICHT_TRIGGERS) await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
    // What the seed queued through the triggers left on (updates) is covered by the rebuild.
    await client.query('DELETE FROM inzicht_wijzigingen');
  } finally {
    await client.end();
  }
  // As autovacuum would after the bulk load: visibility map set, statistics fresh.
  await sql`VACUUM (ANALYZE)`.execute(database.db);
  print(`Data: ${fixed(zakenCount, 0)} zaken, ${fixed(contactCount, 0)} klantcontacten, ${fixed(zoekCount, 0)} searches; seeded in ${fixed((Date.now() - started) / 1000)} s.`);

  const bouw = Date.now();
  await vraagVolledigeVerversing(database.db, tenant.id);
  const volledig = await verversAlles(database.db);
  print(`Full build of the aggregates: ${fixed((Date.now() - bouw) / 1000)} s (${fixed(volledig.zaken, 0)} zaken, ${fixed(volledig.dagen, 0)} source days).`);
  await sql`ANALYZE`.execute(database.db);
  const grootte = await sql<{ tabel: string; rijen: number }>`
    SELECT 'zaak_feiten' AS tabel, count(*)::int AS rijen FROM inzicht_zaak_feiten UNION ALL SELECT 'zaken_per_dag', count(*)::int FROM inzicht_zaken_per_dag
    UNION ALL SELECT 'afgehandeld_per_dag', count(*)::int FROM inzicht_afgehandeld_per_dag UNION ALL SELECT 'openstaand', count(*)::int FROM inzicht_openstaand
    UNION ALL SELECT 'kcc_per_uur', count(*)::int FROM inzicht_kcc_per_uur UNION ALL SELECT 'zoekopdrachten_per_dag', count(*)::int FROM inzicht_zoekopdrachten_per_dag`.execute(database.db);
  print(`Aggregate rows: ${grootte.rows.map((row) => `${row.tabel} ${fixed(row.rijen, 0)}`).join(', ')}`);
}

async function main(): Promise<void> {
  const durationSeconds = numberFrom('BENCH_DURATION', 15);
  const connections = Math.max(1, Math.floor(numberFrom('BENCH_CONNECTIONS', 16)));
  const warmupSeconds = numberFrom('BENCH_WARMUP', 3);
  const zakenCount = Math.floor(numberFrom('BENCH_ZAKEN', 200_000));
  const contactCount = Math.floor(numberFrom('BENCH_KLANTCONTACTEN', 400_000));
  const zoekCount = Math.floor(numberFrom('BENCH_ZOEKOPDRACHTEN', 200_000));
  const personen = Math.floor(numberFrom('BENCH_PERSONEN', 50_000));
  const cpu = cpus();
  print(`Inzicht benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL at ${new URL(adminUrl).host}`);
  const bench = await openBenchDatabase(adminUrl, DATABASE, process.env.BENCH_REUSE === '1');
  try {
    const secretKey = randomBytes(32).toString('base64');
    const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-inzicht-'));
    const env = { DATABASE_URL: bench.url, LOKET_SECRET_KEY: secretKey, LOKET_DATA_DIR: dataDir, DATABASE_POOL_SIZE: String(Math.max(connections, 4)), LOKET_OUTBOX_ENABLED: 'false' };
    const config = loadConfig({ ...env, LOKET_LOG_LEVEL: 'silent' });
    const database = await openDatabase(config);
    const keys = loadKeys(config);
    const recording = recordingDatabase(bench.url, database);
    try {
      await migrate(database);
      const tenant = bench.existing
        ? await database.db.selectFrom('tenants').selectAll().where('slug', '=', DEMO_TENANT.slug).executeTakeFirstOrThrow()
        : (await seedDemo(database.db, keys)).tenant;
      const host = tenant.hostnames[0] ?? 'localhost';
      if (bench.existing) print(`Data: as an earlier run kept it (BENCH_REUSE=1), no seeding and no full build.`);
      else await seedAndBuild(database, bench.url, tenant, { zakenCount, contactCount, zoekCount, personen });

      // 10,000 new events: 5,000 searches, 3,000 zaken closed today, 2,000 new contacts closed at once.
      const zoek = Math.floor(NIEUWE_GEBEURTENISSEN / 2);
      const sluit = Math.floor((NIEUWE_GEBEURTENISSEN * 3) / 10);
      const contacten = NIEUWE_GEBEURTENISSEN - zoek - sluit;
      const events = new pg.Client({ connectionString: bench.url });
      await events.connect();
      try {
        await seedZoekopdrachten(events, tenant.id, zoek, 0);
        await events.query(`UPDATE zaken SET einddatum = current_date WHERE uuid IN (SELECT uuid FROM zaken WHERE tenant_id = $1 AND einddatum IS NULL LIMIT $2)`, [tenant.id, sluit]);
        // New contacts: a klantcontact in Klantinteracties and the KCC's record of it, opened and closed just now.
        await events.query(
          `WITH nieuw AS (
             INSERT INTO ki_klantcontacten (tenant_id, nummer, kanaal, onderwerp, taal, vertrouwelijk, plaatsgevonden_op)
             SELECT $1, 'B' || (g + (SELECT count(*) FROM ki_klantcontacten WHERE tenant_id = $1 AND nummer LIKE 'B%')), (ARRAY['telefoon', 'balie', 'e-mail', 'chat'])[1 + g % 4], 'Paspoort aanvragen', 'nld', false, now() FROM generate_series(1, $2) AS g
             RETURNING uuid, kanaal)
           INSERT INTO kcc_contacten (klantcontact_uuid, tenant_id, kanaal, onderwerp, status, resultaat, afgehandeld_bij_eerste_contact, geopend_op, gesloten_op)
           SELECT uuid, $1, kanaal, 'Paspoort aanvragen', 'gesloten', 'beantwoord', true, now(), now() FROM nieuw`,
          // Numbered after the ones earlier runs added, so a reused database takes the events again.
          [tenant.id, contacten],
        );
      } finally {
        await events.end();
      }
      const wachtend = await sql<{ n: number }>`SELECT count(*)::int AS n FROM inzicht_wijzigingen`.execute(database.db);
      const ververs = Date.now();
      const na = await verversAlles(database.db);
      print(`Refresh after ${fixed(NIEUWE_GEBEURTENISSEN, 0)} new events (${wachtend.rows[0]?.n ?? 0} queue rows): ${fixed(Date.now() - ververs, 0)} ms (${na.zaken} zaken, ${na.dagen} days recomputed).`);

      const teamleider = await database.db.selectFrom('staff_users').select('id').where('tenant_id', '=', tenant.id).where(sql<boolean>`'teamleider' = ANY(roles)`).executeTakeFirstOrThrow();
      const session = newSessionId();
      const now = new Date();
      await startStaffSession(
        database.db,
        { idHash: session.idHash, tenantId: tenant.id, userId: teamleider.id, csrfToken: randomBytes(16).toString('hex'), mfaPassedAt: now, now, ip: '127.0.0.1', userAgent: 'bench', signInFormHash: null },
        { previousIdHash: undefined, idleBefore: new Date(0), createdBefore: new Date(0) },
      );
      const headers = { host, accept: 'text/html', cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
      const vandaag = amsterdamToday();
      const jaar = `?van=${String(Number(vandaag.slice(0, 4)) - 1)}${vandaag.slice(4)}&tot=${vandaag}`;
      const pages = [
        { name: 'Kanalen, last 12 weeks', path: '/medewerker/inzicht/kanalen' },
        { name: 'Kanalen, last year', path: `/medewerker/inzicht/kanalen${jaar}` },
        { name: 'Dienstverlening, last 12 weeks', path: '/medewerker/inzicht/dienstverlening' },
        { name: 'Dienstverlening, last year', path: `/medewerker/inzicht/dienstverlening${jaar}` },
        { name: 'KCC, last 12 weeks', path: '/medewerker/inzicht/kcc' },
        { name: 'Kennisbank, last 12 weeks', path: '/medewerker/inzicht/kennisbank' },
        { name: 'Kennisbank, last year', path: `/medewerker/inzicht/kennisbank${jaar}` },
        { name: 'Digitale volwassenheid', path: '/medewerker/inzicht/volwassenheid' },
      ];

      const recordingContext: AppContext = { config, database: recording.database, keys, logger: createLogger('silent') };
      const recorder = await buildApp(recordingContext, (instance) => registerModules(instance, recordingContext));
      const statements = [];
      for (const page of pages) statements.push(await statementsOfPage(recorder, recording.sink, page.path, headers));
      await recorder.close();

      const server = await startLoketServer({ ...env, LOKET_LOG_LEVEL: 'warn' }, 300_000);
      const baseUrl = `http://127.0.0.1:${server.port}`;
      const pool = new pg.Pool({ connectionString: bench.url, max: connections });
      try {
        for (const [index, page] of pages.entries()) {
          const call = { method: 'GET' as const, path: () => page.path, headers };
          const pageStatements = statements[index] ?? [];
          print(`\n${page.name} — ${pageStatements.length} SQL statements a request`);
          if (process.env.BENCH_SHOW_SQL === '1') for (const line of await describePageStatements(pool, pageStatements)) print(line);
          if (warmupSeconds > 0) await measureHttp(baseUrl, call, connections, warmupSeconds);
          report('Loket', await measureHttp(baseUrl, call, connections, durationSeconds));
          const iteration = replay(pageStatements);
          if (warmupSeconds > 0) await measureBaseline(pool, iteration, connections, warmupSeconds);
          report('raw pg', await measureBaseline(pool, iteration, connections, durationSeconds));
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
    if (process.env.BENCH_KEEP === '1') print(`\nKept ${DATABASE} (BENCH_KEEP=1).`);
    else await bench.drop();
  }
}

await main();
