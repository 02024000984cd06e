import { readFile } from 'node:fs/promises';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/platform/database/schema.ts';
import type { StaffZaakToegang } from '../src/medewerker/toegang/zaak-toegang.ts';
import { countLijsten, listWerkvoorraad, resolveFilter, type Lijst, type WerkvoorraadFilter } from '../src/medewerker/zaken/werkvoorraad-query.ts';

/*
 * The werkvoorraad's queries on a database seeded with `loket bench seed-zaken` (1,000,000 zaken): inside one
 * transaction that is rolled back at the end, it applies migrations 0088–0090 if they are missing, assigns some open
 * zaken to a made-up handler, and times each list and count (median of several runs, warm) with the plan of the
 * slowest statement. Nothing stays behind. A measurement, not a test:
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/loket_bench_zaken node --import tsx bench/werkvoorraad-explain.ts
 */

const RUNS = 7;
const print = (line: string) => process.stdout.write(`${line}\n`);
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('Set BENCH_DATABASE_URL to a database seeded with "loket bench seed-zaken".');

interface Statement {
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

let recording: Statement[] | undefined;
const pool = new pg.Pool({ connectionString: url, max: 1 });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log(event) {
    if (recording && event.level === 'query') recording.push({ sql: event.query.sql, parameters: (event.query as CompiledQuery).parameters, ms: event.queryDurationMillis });
  },
});

class Rollback extends Error {}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

try {
  await db.transaction().execute(async (trx) => {
    const applied = await sql<{ present: boolean }>`SELECT to_regclass('zaak_toewijzingen') IS NOT NULL AS present`.execute(trx);
    if (!applied.rows[0]?.present) {
      for (const file of ['0088_zaak_toewijzingen.sql', '0089_zaak_opschortingen.sql', '0090_werkvoorraad.sql']) {
        await sql.raw(await readFile(new URL(`../migrations/${file}`, import.meta.url), 'utf8')).execute(trx);
      }
      await sql`ANALYZE zaken`.execute(trx);
      await sql`ANALYZE zaak_huidige_status`.execute(trx);
    }
    const tenant = await trx.selectFrom('zaken').select(['tenant_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('tenant_id').orderBy('n', 'desc').limit(1).executeTakeFirstOrThrow();
    const tenantId = tenant.tenant_id;
    const zaaktypen = await trx
      .selectFrom('zaken')
      .innerJoin('zaaktypen', 'zaaktypen.uuid', 'zaken.zaaktype_uuid')
      .select(['zaaktypen.uuid', 'zaaktypen.identificatie', (eb) => eb.fn.countAll<string>().as('n')])
      .where('zaken.tenant_id', '=', tenantId)
      .groupBy(['zaaktypen.uuid', 'zaaktypen.identificatie'])
      .orderBy('n', 'desc')
      .execute();
    // A team that handles a quarter of the zaaktypen, the busiest among them, up to confidentieel (rank 5).
    const team = zaaktypen.slice(0, Math.max(1, Math.ceil(zaaktypen.length / 4)));
    const toegang: StaffZaakToegang = { delen: [{ zaaktypeUuids: team.map((zaaktype) => zaaktype.uuid), maxRank: 5, behandelen: true }] };
    const staff = await trx
      .insertInto('staff_users')
      .values({ tenant_id: tenantId, email: `bench-${Date.now()}@example.invalid`, display_name: 'Bench Behandelaar', password_hash: null, totp_secret_encrypted: null, roles: ['behandelaar'] })
      .returning('id')
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO zaak_toewijzingen (zaak_uuid, tenant_id, behandelaar_id)
      SELECT uuid, tenant_id, ${staff.id} FROM zaken WHERE tenant_id = ${tenantId} AND einddatum IS NULL AND zaaktype_uuid = ANY(${team.map((zaaktype) => zaaktype.uuid)}::uuid[]) LIMIT 300`.execute(trx);
    await sql`ANALYZE zaak_toewijzingen`.execute(trx);
    const open = await trx.selectFrom('zaken').select((eb) => eb.fn.countAll<string>().as('n')).where('tenant_id', '=', tenantId).where('einddatum', 'is', null).executeTakeFirstOrThrow();
    print(`${zaaktypen.reduce((sum, zaaktype) => sum + Number(zaaktype.n), 0)} zaken, ${open.n} open; the team handles ${team.length} of ${zaaktypen.length} zaaktypen`);

    const scenarios: { name: string; run: () => Promise<unknown> }[] = [];
    const filters: [string, WerkvoorraadFilter][] = [
      ['open', { status: { soort: 'open' } }],
      ['one zaaktype', { zaaktype: team[0]?.identificatie, status: { soort: 'open' } }],
      ['status filter', { status: { soort: 'status', omschrijving: 'In behandeling' } }],
      ['closed', { status: { soort: 'afgesloten' } }],
    ];
    for (const [label, filter] of filters) {
      for (const lijst of ['mijn', 'team', 'niet-toegewezen'] as Lijst[]) {
        scenarios.push({ name: `list ${lijst}, ${label}, page 1`, run: async () => listWerkvoorraad(trx, tenantId, toegang, staff.id, lijst, await resolveFilter(trx, tenantId, toegang, filter), 1) });
      }
      scenarios.push({ name: `counts of the three lists, ${label}`, run: async () => countLijsten(trx, tenantId, toegang, staff.id, await resolveFilter(trx, tenantId, toegang, filter)) });
    }
    scenarios.push({ name: 'list team, open, page 40', run: async () => listWerkvoorraad(trx, tenantId, toegang, staff.id, 'team', await resolveFilter(trx, tenantId, toegang, { status: { soort: 'open' } }), 40) });

    const only = process.env.SCENARIO;
    for (const scenario of scenarios.filter((candidate) => only === undefined || candidate.name.includes(only))) {
      const times: number[] = [];
      let slowest: Statement | undefined;
      for (let run = 0; run < RUNS; run++) {
        recording = [];
        const started = performance.now();
        await scenario.run();
        times.push(performance.now() - started);
        for (const statement of recording) if (!slowest || statement.ms > slowest.ms) slowest = statement;
      }
      recording = undefined;
      print(`${scenario.name.padEnd(52)} median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
      if (process.env.EXPLAIN && slowest) {
        const plan = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${inline(slowest.sql, slowest.parameters)}`).execute(trx);
        print(plan.rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
      }
    }
    throw new Rollback();
  });
} catch (error) {
  if (!(error instanceof Rollback)) throw error;
} finally {
  await db.destroy();
}

/** The statement with its parameters written in, for EXPLAIN (parameters are plain values from this script). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, index: string) => {
    const value = parameters[Number(index) - 1];
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return `ARRAY[${value.map((item) => `'${String(item).replaceAll("'", "''")}'`).join(',')}]`;
    return `'${String(value).replaceAll("'", "''")}'`;
  });
}
