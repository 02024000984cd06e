import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/database/schema.ts';
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
import { residentByNumber } from '../src/bench-seed/fictional-people.ts';
import { seedZaken } from '../src/bench-seed/seed-zaken.ts';
import { openBenchDatabase } from './bench-database.ts';
import { seedKlantcontacten } from './kcc-dataset.ts';
import { createTeam, setTeamLeden, setTeamZaaktypen } from '../src/medewerker/toegang/teams.ts';
import { recordingDatabase, replay, statementsOfPage, describePageStatements } from './page-statements.ts';
import { measurementLine } from './measurement-line.ts';
import { measureBaseline, measureHttp, type Measurement } from './zaken-load.ts';
import { startLoketServer } from './zaken-loket.ts';

/*
 * `npm run bench:kcc`: server time of the staff workspace's two busiest pages. First the KCC search — the contact page of an identified person with a query, which
 * searches the kennisbank (channel kcc, logged), the person's zaken the agent may read (with status) and their earlier
 * contacts, and logs the processing — on PostgreSQL at 16 connections, beside raw `pg` replaying the SQL the page runs
 * (recorded from one request) at the same concurrency. Then the werkvoorraad of a behandelaar whose team handles every
 * seeded zaaktype (the worst case: the whole open stock in one queue), its team list and one filtered by zaaktype.
 *
 *   BENCH_DATABASE_URL    admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres);
 *                         the run creates and drops loket_bench_kcc (never the shared loket_bench_zaken)
 *   BENCH_ZAKEN           zaken in the database (default 200,000; the target 1,000,000)
 *   BENCH_KLANTCONTACTEN  klantcontacten (default 400,000; the target 2,000,000)
 *   BENCH_PERSONEN        people the contacts are with (default 50,000; at most ~91,000)
 *   BENCH_DURATION        seconds per side (default 15), BENCH_WARMUP seconds before each side (default 3)
 *   BENCH_KEEP=1          keep loket_bench_kcc afterwards
 *   BENCH_REUSE=1         measure on loket_bench_kcc as an earlier run kept it (with BENCH_KEEP=1), without seeding again
 *   BENCH_SHOW_SQL=1      print the statements the page runs, and the reading ones by their time alone (slowest first)
 *
 * Figures are printed with the target (p95 <= 100 ms), never failed on.
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DATABASE = 'loket_bench_kcc';
const CONNECTIONS = 16;
const TARGET_P95_MS = 100;

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

async function countOf(database: { db: Kysely<Database> }, table: 'zaken' | 'ki_klantcontacten'): Promise<number> {
  return Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
}

async function main(): Promise<void> {
  const durationSeconds = numberFrom('BENCH_DURATION', 15);
  const warmupSeconds = numberFrom('BENCH_WARMUP', 3);
  const zakenCount = Math.floor(numberFrom('BENCH_ZAKEN', 200_000));
  const contactCount = Math.floor(numberFrom('BENCH_KLANTCONTACTEN', 400_000));
  const personen = Math.floor(numberFrom('BENCH_PERSONEN', 50_000));
  const cpu = cpus();
  print(`KCC benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL at ${new URL(adminUrl).host}`);
  const bench = await openBenchDatabase(adminUrl, DATABASE, process.env.BENCH_REUSE === '1');
  try {
    const secretKey = randomBytes(32).toString('base64');
    const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-kcc-'));
    const env = { DATABASE_URL: bench.url, LOKET_SECRET_KEY: secretKey, LOKET_DATA_DIR: dataDir, DATABASE_POOL_SIZE: String(CONNECTIONS), LOKET_OUTBOX_ENABLED: 'false' };
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

      const started = Date.now();
      if (!bench.existing) {
        const client = new pg.Client({ connectionString: bench.url });
        await client.connect();
        try {
          await seedZaken(client, tenant, { count: zakenCount, zaaktypen: 8, years: 3, seed: 7 });
          await seedKlantcontacten(client, tenant.id, {
            count: contactCount,
            personen,
            onProgress: (done) => process.stdout.write(`\r  klantcontacten ${fixed(done, 0)} / ${fixed(contactCount, 0)}`),
          });
          process.stdout.write('\n');
        } finally {
          await client.end();
        }
        // As autovacuum would after the bulk load: visibility map set, statistics fresh.
        await sql`VACUUM (ANALYZE)`.execute(database.db);
      }

      // The caller: the first resident of the test range, a partij with zaken and earlier contacts.
      const bsn = residentByNumber(0).inpBsn;
      const partij = await database.db
        .selectFrom('ki_partij_identificatoren')
        .select('partij_uuid')
        .where('tenant_id', '=', tenant.id)
        .where('object_id', '=', bsn)
        .where('code_soort_object_id', '=', 'bsn')
        .executeTakeFirstOrThrow();
      const agent = await database.db.selectFrom('staff_users').select('id').where('tenant_id', '=', tenant.id).where(sql<boolean>`'kcc' = ANY(roles)`).executeTakeFirstOrThrow();
      const contact = await database.db
        .selectFrom('ki_betrokkenen')
        .select('klantcontact_uuid')
        .where('tenant_id', '=', tenant.id)
        .where('partij_uuid', '=', partij.partij_uuid)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      // The newest contact of that person becomes the agent's open contact being answered.
      await database.db
        .updateTable('kcc_contacten')
        .set({ status: 'open', agent_user_id: agent.id, resultaat: null, afgehandeld_bij_eerste_contact: null, gesloten_op: null })
        .where('klantcontact_uuid', '=', contact.klantcontact_uuid)
        .execute();
      const counts = await sql<{ zaken: number; contacten: number }>`
        SELECT (SELECT count(*)::int FROM rollen WHERE tenant_id = ${tenant.id} AND inp_bsn = ${bsn}) AS zaken,
               (SELECT count(*)::int FROM ki_betrokkenen WHERE partij_uuid = ${partij.partij_uuid}) AS contacten`.execute(database.db);
      print(
        (bench.existing
          ? `Data: as an earlier run kept it (BENCH_REUSE=1): ${fixed(await countOf(database, 'zaken'), 0)} zaken, ${fixed(await countOf(database, 'ki_klantcontacten'), 0)} klantcontacten. `
          : `Data: ${fixed(zakenCount, 0)} zaken, ${fixed(contactCount, 0)} klantcontacten with ${fixed(personen, 0)} people, the demo kennisbank; seeded in ${fixed((Date.now() - started) / 1000)} s. `) +
          `The caller has ${counts.rows[0]?.zaken ?? 0} zaak-rollen and ${counts.rows[0]?.contacten ?? 0} contacts.`,
      );

      const session = newSessionId();
      const now = new Date();
      await startStaffSession(
        database.db,
        { idHash: session.idHash, tenantId: tenant.id, userId: agent.id, csrfToken: randomBytes(16).toString('hex'), mfaPassedAt: now, now, ip: '127.0.0.1', userAgent: 'bench', signInFormHash: null },
        { previousIdHash: undefined, idleBefore: new Date(0), createdBefore: new Date(0) },
      );
      const headers = { host, accept: 'text/html', cookie: `${SESSION_COOKIE}=${session.cookieValue}` };

      // The werkvoorraad: the demo behandelaar in a team that handles every zaaktype of the tenant.
      const behandelaar = await database.db.selectFrom('staff_users').select('id').where('tenant_id', '=', tenant.id).where(sql<boolean>`'behandelaar' = ANY(roles)`).executeTakeFirstOrThrow();
      const identificaties = (await database.db.selectFrom('zaaktypen').select('identificatie').distinct().where('tenant_id', '=', tenant.id).execute()).map((row) => row.identificatie);
      const teamNaam = 'Benchmark: alle zaaktypen';
      const kept = await database.db.selectFrom('teams').select('id').where('tenant_id', '=', tenant.id).where('naam', '=', teamNaam).executeTakeFirst();
      const team = kept?.id ?? (await createTeam(database.db, tenant.id, teamNaam));
      await setTeamZaaktypen(database.db, tenant.id, team, identificaties);
      await setTeamLeden(database.db, tenant.id, team, [behandelaar.id]);
      const behandelaarSession = newSessionId();
      await startStaffSession(
        database.db,
        { idHash: behandelaarSession.idHash, tenantId: tenant.id, userId: behandelaar.id, csrfToken: randomBytes(16).toString('hex'), mfaPassedAt: now, now, ip: '127.0.0.1', userAgent: 'bench', signInFormHash: null },
        { previousIdHash: undefined, idleBefore: new Date(0), createdBefore: new Date(0) },
      );
      const behandelaarHeaders = { host, accept: 'text/html', cookie: `${SESSION_COOKIE}=${behandelaarSession.cookieValue}` };
      const eenZaaktype = identificaties[0] ?? '';

      const pages = [
        { name: 'KCC search: person + kennisbank answers + zaken + contacts (?q=paspoort)', path: `/medewerker/kcc/contacten/${contact.klantcontact_uuid}?q=paspoort`, headers },
        { name: 'KCC contact page of the person, no query', path: `/medewerker/kcc/contacten/${contact.klantcontact_uuid}`, headers },
        { name: 'Werkvoorraad, Mijn team (every zaaktype), first page by deadline', path: '/medewerker/werkvoorraad?lijst=team', headers: behandelaarHeaders },
        { name: `Werkvoorraad, Niet toegewezen, zaaktype ${eenZaaktype}`, path: `/medewerker/werkvoorraad?lijst=niet-toegewezen&zaaktype=${encodeURIComponent(eenZaaktype)}`, headers: behandelaarHeaders },
      ];

      const recordingContext: AppContext = { config, database: recording.database, keys, logger: createLogger('silent') };
      const recorder = await buildApp(recordingContext, (instance) => registerModules(instance, recordingContext));
      const statements = [];
      for (const page of pages) statements.push(await statementsOfPage(recorder, recording.sink, page.path, page.headers));
      await recorder.close();

      // Loket in its own process, as `npm start` runs it: the load generator here never shares its event loop.
      // A generous start-up time: the seeded database is large and the machine may be shared.
      const server = await startLoketServer({ ...env, LOKET_LOG_LEVEL: 'warn' }, 300_000);
      const baseUrl = `http://127.0.0.1:${server.port}`;
      const pool = new pg.Pool({ connectionString: bench.url, max: CONNECTIONS });
      try {
        for (const [index, page] of pages.entries()) {
          const call = { method: 'GET' as const, path: () => page.path, headers: page.headers };
          const pageStatements = statements[index] ?? [];
          print(`\n${page.name} — ${pageStatements.length} SQL statements a request`);
          if (process.env.BENCH_SHOW_SQL === '1') for (const line of await describePageStatements(pool, pageStatements)) print(line);
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
    if (process.env.BENCH_KEEP === '1') print(`\nKept ${DATABASE} (BENCH_KEEP=1).`);
    else await bench.drop();
  }
}

await main();
