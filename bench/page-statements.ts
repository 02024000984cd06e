import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../src/platform/database/schema.ts';
import type { LoketDatabase } from '../src/platform/database/connection.ts';

/*
 * The raw-PostgreSQL side of a page benchmark: the SQL statements one request of a page runs, recorded through a
 * logging query builder, then replayed with `pg` at the same concurrency. The gap between the two is what Loket
 * adds on top of its database work (routing, sessions, rendering HTML).
 */

export interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

/** A LoketDatabase whose queries are recorded into `sink.current` (one connection: statements keep their order). */
export function recordingDatabase(url: string, base: LoketDatabase): { database: LoketDatabase; sink: { current: Statement[] }; close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('error', () => undefined);
  const sink = { current: [] as Statement[] };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query') sink.current.push({ sql: event.query.sql, parameters: (event.query as CompiledQuery).parameters });
    },
  });
  return { database: { ...base, db }, sink, close: () => db.destroy() };
}

/** Requests `url` twice through `app` (the first fills the process's caches) and returns the second's statements. */
export async function statementsOfPage(app: FastifyInstance, sink: { current: Statement[] }, url: string, headers: Record<string, string>): Promise<Statement[]> {
  sink.current = [];
  const first = await app.inject({ method: 'GET', url, headers });
  if (first.statusCode !== 200) throw new Error(`GET ${url} answered ${first.statusCode}: ${first.body.slice(0, 300)}`);
  const recorded: Statement[] = [];
  sink.current = recorded;
  await app.inject({ method: 'GET', url, headers });
  // A fresh array for whatever comes next, so a later page's statements never land in this one's list.
  sink.current = [];
  return recorded;
}

/**
 * A processing-log insert names the sequence numbers its request drew; replayed as recorded it would collide with
 * itself. The replay lets the column default draw them: the same work, without the explicit numbers.
 */
function withoutExplicitSeq(statement: Statement): Statement {
  const match = /^insert into "processing_log" \("seq", /.exec(statement.sql);
  if (!match) return statement;
  const columns = statement.sql.replace('("seq", ', '(');
  const rows = (statement.sql.match(/\(\$\d+/g) ?? []).length;
  if (rows !== 1) throw new Error('The replay handles processing-log inserts of one record only');
  // Drop the first placeholder of the values list and renumber the others.
  const sqlText = columns.replace(/values \(\$1, /, 'values (').replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) - 1}`);
  return { sql: sqlText, parameters: statement.parameters.slice(1) };
}

/** One replay of a page's statements on a pooled client. */
export function replay(statements: readonly Statement[]): (client: pg.PoolClient) => Promise<void> {
  const replayed = statements.map(withoutExplicitSeq);
  return async (client) => {
    for (const statement of replayed) await client.query(statement.sql, statement.parameters as unknown[]);
  };
}

/** A SELECT, or a WITH query that changes nothing. */
function isReading(text: string): boolean {
  const body = text.replace(/^\s*(\/\*.*?\*\/\s*)?/s, '');
  if (/^select/i.test(body)) return true;
  return /^with/i.test(body) && !/\b(insert|update|delete)\b/i.test(body);
}

/** What BENCH_SHOW_SQL=1 prints for a page: its statements, then the reading ones by their time alone. */
export async function describePageStatements(pool: pg.Pool, statements: readonly Statement[]): Promise<string[]> {
  const oneLine = (text: string, length: number) => text.replace(/\s+/g, ' ').slice(0, length);
  const timed = await timeReadingStatements(pool, statements);
  return [
    ...statements.map((statement) => `    ${oneLine(statement.sql, 220)}`),
    '  Reading statements alone, median of 15, slowest first:',
    ...timed.map((item) => `    ${item.medianMs.toFixed(2).padStart(7)} ms  ${oneLine(item.sql, 160)}`),
  ];
}

/**
 * The reading statements of a page, each run alone `runs` times on one client, by median time (slowest first): where
 * the page's database time goes. Writes are left out (they would pile up rows).
 */
export async function timeReadingStatements(pool: pg.Pool, statements: readonly Statement[], runs = 15): Promise<{ sql: string; medianMs: number }[]> {
  const client = await pool.connect();
  try {
    const timed = [];
    for (const statement of statements) {
      if (!isReading(statement.sql)) continue;
      const times: number[] = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        await client.query(statement.sql, statement.parameters as unknown[]);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      timed.push({ sql: statement.sql, medianMs: times[Math.floor(times.length / 2)] ?? 0 });
    }
    return timed.sort((a, b) => b.medianMs - a.medianMs);
  } finally {
    client.release();
  }
}
