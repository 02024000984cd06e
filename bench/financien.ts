import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { sql } from 'kysely';
import { loadConfig } from '../src/platform/config/config.ts';
import { openDatabase } from '../src/platform/database/connection.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import { insertTenant } from '../src/platform/tenants/repository.ts';
import { seedTenantDefaults } from '../src/platform/seed/tenant-defaults.ts';
import { structureelSaldo } from '../src/financien/begroting/saldo.ts';
import { kengetallenVoorBegroting } from '../src/financien/kengetallen/service.ts';
import { simuleerRisicos } from '../src/financien/weerstand/monte-carlo.ts';
import { writeTotalen } from '../src/financien/begroting/versies.ts';
import { loadKeys } from '../src/platform/crypto/keys.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { registerModules } from '../src/platform/modules.ts';
import { createStaffUser } from '../src/platform/auth/staff-user-repository.ts';
import { newSessionId, SESSION_COOKIE } from '../src/platform/auth/staff-session.ts';
import { startStaffSession } from '../src/platform/auth/staff-session-repository.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createBenchDatabase } from './bench-database.ts';
import { percentile } from './stats.ts';

/*
 * `npm run bench:financien`: the finance module's computations at the size of issue 9 on PostgreSQL:
 *   - the structural balance and the kengetallen of a budget with BENCH_REGELS begrotingsregels (default 200,000)
 *     over ten versions, sequentially, each read from the versions' year totals (begroting_jaartotalen, written on import);
 *   - the page that shows both (/medewerker/financien: balance, verdict, "opschuivend sluitend" over every version,
 *     kengetallen t−1 … t+3), server time through the app (fastify inject, a signed-in controller; target p95 <= 200 ms);
 *   - beside them raw `pg` running the balance's aggregate over the begrotingsregels themselves, over the detailed totals
 *     (taakveld × categorie) and over the year totals;
 *   - a Monte Carlo simulation of 100,000 draws over 50 risks (target <= 1 s).
 *
 *   BENCH_DATABASE_URL  admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_RUNS          repetitions per measurement (default 50)
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const print = (line: string) => process.stdout.write(`${line}\n`);
const fixed = (value: number, digits = 1) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function numberFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return value;
}

async function timed(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, times: number[]): void {
  print(`  ${label.padEnd(38)} p50 ${fixed(percentile(times, 50))} ms   p95 ${fixed(percentile(times, 95))} ms   max ${fixed(times[times.length - 1] ?? 0)} ms`);
}

async function main(): Promise<void> {
  const regels = Math.floor(numberFrom('BENCH_REGELS', 200_000));
  const runs = Math.floor(numberFrom('BENCH_RUNS', 50));
  const cpu = cpus();
  print(`Financiën benchmark — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, PostgreSQL at ${new URL(adminUrl).host}`);
  const bench = await createBenchDatabase(adminUrl, 'loket_bench_financien');
  try {
    const config = loadConfig({ DATABASE_URL: bench.url, LOKET_SECRET_KEY: randomBytes(32).toString('base64'), LOKET_LOG_LEVEL: 'silent', LOKET_OUTBOX_ENABLED: 'false' });
    const database = await openDatabase(config);
    try {
      await migrate(database);
      const tenant = await insertTenant(database.db, { slug: 'bench', name: 'Gemeente Benchmark', rsin: '123456782', hostnames: ['financien.bench.localhost'] });
      await seedTenantDefaults(database.db, tenant.id);
      // Ten versions of the 2027 budget: the primitieve begroting and nine wijzigingen, each a tenth of the rows, spread
      // over four years, 30 taakvelden, 8 categories, lasten and baten, structural and incidental (thousands of totals).
      const started = Date.now();
      await sql`
        INSERT INTO begrotingsversies (tenant_id, begrotingsjaar, soort, naam, raadsbesluit_nummer, vastgesteld_op)
        SELECT ${tenant.id}, 2027, CASE WHEN v = 0 THEN 'primitieve_begroting' ELSE 'begrotingswijziging' END,
               CASE WHEN v = 0 THEN 'Begroting 2027' ELSE 'Wijziging ' || v END, CASE WHEN v = 0 THEN NULL ELSE '2027-' || v END,
               date '2026-11-10' + v * 30
        FROM generate_series(0, 9) AS v`.execute(database.db);
      await sql`
        INSERT INTO begrotingsregels (tenant_id, versie_uuid, jaar, programma, taakveld, categorie, soort, bedrag_centen, structureel, reserve, omschrijving, regelnummer)
        SELECT ${tenant.id}, v.uuid, 2027 + (i / 10) % 4, 'Programma ' || (i % 9), t.taakveld,
               (ARRAY['1.1','3.4.1','4.3.1','4.4','5.1','7.4','2.2.1','3.5'])[1 + (i / 1200) % 8],
               CASE WHEN (i / 9600) % 2 = 0 THEN 'lasten' ELSE 'baten' END, 1000 + (i * 7919) % 5000000, (i / 19200) % 5 <> 0,
               CASE WHEN t.taakveld = '0.10' THEN (ARRAY['Algemene reserve','Reserve sociaal domein','Reserve onderhoud'])[1 + (i / 7) % 3] END,
               'Regel ' || i, i + 2
        FROM generate_series(0, ${regels - 1}) AS i
        CROSS JOIN LATERAL (SELECT (ARRAY['0.1','0.2','0.4','0.5','0.61','0.62','0.7','0.10','1.1','1.2','2.1','2.2','3.1','4.2','4.3','5.2','5.3','5.7',
               '6.1','6.21','6.3','6.4','6.5','6.711','6.751','6.761','7.2','7.3','8.1','8.2'])[1 + (i / 40) % 30] AS taakveld) AS t
        JOIN (SELECT uuid, row_number() OVER (ORDER BY vastgesteld_op) - 1 AS n FROM begrotingsversies WHERE tenant_id = ${tenant.id}) v ON v.n = i % 10`.execute(database.db);
      // What an import does in its transaction: the version's totals beside its rows.
      const versies = await database.db.selectFrom('begrotingsversies').select('uuid').where('tenant_id', '=', tenant.id).execute();
      for (const versie of versies) await writeTotalen(database.db, tenant.id, versie.uuid);
      await sql`ANALYZE begrotingsregels`.execute(database.db);
      await sql`ANALYZE begroting_totalen`.execute(database.db);
      await sql`ANALYZE begroting_jaartotalen`.execute(database.db);
      const totalen = await database.db.selectFrom('begroting_totalen').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenant.id).executeTakeFirstOrThrow();
      print(`Data: ${fixed(regels, 0)} begrotingsregels over 10 versions of the budget 2027 (${fixed(Number(totalen.n), 0)} rows of totals); written in ${fixed((Date.now() - started) / 1000)} s\n`);

      const stand = { begrotingsjaar: 2027 };
      report('Loket structural balance', await timed(runs, () => structureelSaldo(database.db, tenant.id, stand)));
      report('Loket kengetallen (t−1 … t+3)', await timed(runs, () => kengetallenVoorBegroting(database.db, tenant.id, stand)));
      const client = new pg.Client({ connectionString: bench.url });
      await client.connect();
      try {
        const raw = await timed(runs, () =>
          client.query(
            `SELECT r.jaar, sum(CASE WHEN r.reserve IS NULL THEN CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE -r.bedrag_centen END ELSE 0 END)
             FROM begrotingsregels r JOIN begrotingsversies v ON v.uuid = r.versie_uuid
             WHERE v.tenant_id = $1 AND v.begrotingsjaar = 2027 AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') GROUP BY r.jaar`,
            [tenant.id],
          ),
        );
        report('raw pg: balance over begrotingsregels', raw);
        const rawTotalen = await timed(runs, () =>
          client.query(
            `SELECT r.jaar, sum(CASE WHEN r.reserve IS NULL THEN CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE -r.bedrag_centen END ELSE 0 END)
             FROM begroting_totalen r JOIN begrotingsversies v ON v.uuid = r.versie_uuid
             WHERE v.tenant_id = $1 AND v.begrotingsjaar = 2027 AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') GROUP BY r.jaar`,
            [tenant.id],
          ),
        );
        report('raw pg: balance over the totals', rawTotalen);
        const rawJaartotalen = await timed(runs, () =>
          client.query(
            `SELECT r.jaar, sum(CASE WHEN NOT r.reservemutatie THEN CASE WHEN r.soort = 'baten' THEN r.bedrag_centen ELSE -r.bedrag_centen END ELSE 0 END)
             FROM begroting_jaartotalen r JOIN begrotingsversies v ON v.uuid = r.versie_uuid
             WHERE v.tenant_id = $1 AND v.begrotingsjaar = 2027 AND v.soort IN ('primitieve_begroting', 'begrotingswijziging') GROUP BY r.jaar`,
            [tenant.id],
          ),
        );
        report('raw pg: balance over the year totals', rawJaartotalen);
      } finally {
        await client.end();
      }

      // The page itself, server time through the app for a signed-in controller.
      const context: AppContext = { config, database, keys: loadKeys(config), logger: createLogger('silent') };
      const app = await buildApp(context, (instance) => registerModules(instance, context));
      try {
        const controller = await createStaffUser(database.db, context.keys, { tenantId: tenant.id, email: 'controller@bench.example', displayName: 'Bench Controller', roles: ['controller'] });
        const session = newSessionId();
        const now = new Date();
        await startStaffSession(
          database.db,
          { idHash: session.idHash, tenantId: tenant.id, userId: controller.user.id, csrfToken: 'bench', mfaPassedAt: now, now, ip: '127.0.0.1', userAgent: 'bench', signInFormHash: null },
          { previousIdHash: undefined, idleBefore: new Date(0), createdBefore: new Date(0) },
        );
        const headers = { host: 'financien.bench.localhost', accept: 'text/html', cookie: `${SESSION_COOKIE}=${session.cookieValue}` };
        const first = await app.inject({ method: 'GET', url: '/medewerker/financien?jaar=2027', headers });
        if (first.statusCode !== 200 || !first.body.includes('Structureel begrotingssaldo')) throw new Error(`The finance page answered ${first.statusCode}`);
        report('page /medewerker/financien (server)', await timed(runs, () => app.inject({ method: 'GET', url: '/medewerker/financien?jaar=2027', headers })));
      } finally {
        await app.close();
      }
      print('  (target for the page: p95 <= 200 ms)\n');

      const risicos = Array.from({ length: 50 }, (_, index) => ({ id: `risico-${index}`, kans: 0.05 + ((index * 37) % 90) / 100, impactCenten: (50_000 + ((index * 7919) % 2_000_000)) * 100 }));
      const simulations = await timed(Math.min(runs, 20), async () => simuleerRisicos(risicos, { trekkingen: 100_000, seed: 2027, zekerheid: 0.9 }));
      report('Monte Carlo 100,000 draws × 50 risks', simulations);
      print('  (target <= 1,000 ms)');
    } finally {
      await database.close();
    }
  } finally {
    await bench.drop();
  }
}

await main();
