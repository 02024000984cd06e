import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { AppContext } from '../src/platform/context.ts';
import type { Database } from '../src/platform/database/schema.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { registerModules } from '../src/platform/modules.ts';

/*
 * What Loket sends to PostgreSQL for one request: served once in this process from an app whose query builder
 * records every statement, after a first request that fills the caches (tenant by host, client credentials), so
 * the record holds what a warm request costs. With `explain`, each SELECT is run again under
 * EXPLAIN (ANALYZE, BUFFERS): where a scenario misses its target, the plan shows why.
 */

export interface CapturedStatement {
  sql: string;
  parameters: readonly unknown[];
}

export interface CaptureRequest {
  name: string;
  method: 'GET';
  url: string;
  headers: Record<string, string>;
}

/** The statements each request runs, by request name; a request that fails is reported, not captured. */
export async function captureStatements(context: AppContext, databaseUrl: string, requests: readonly CaptureRequest[]): Promise<Map<string, CapturedStatement[] | string>> {
  let recording: CapturedStatement[] | undefined;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (recording && event.level === 'query') recording.push({ sql: event.query.sql, parameters: (event.query as CompiledQuery).parameters });
    },
  });
  const recordingContext: AppContext = { ...context, database: { ...context.database, db } };
  const app = await buildApp(recordingContext, (instance) => registerModules(instance, recordingContext));
  const captured = new Map<string, CapturedStatement[] | string>();
  try {
    for (const request of requests) {
      const first = await app.inject({ method: request.method, url: request.url, headers: request.headers });
      if (first.statusCode < 200 || first.statusCode >= 300) {
        captured.set(request.name, `${first.statusCode} ${first.body.slice(0, 300)}`);
        continue;
      }
      recording = [];
      await app.inject({ method: request.method, url: request.url, headers: request.headers });
      captured.set(request.name, recording);
      recording = undefined;
    }
  } finally {
    await app.close();
    await db.destroy();
  }
  return captured;
}

/** The plan of one captured SELECT as PostgreSQL executed it, one line per plan node. */
export async function explain(pool: pg.Pool, statement: CapturedStatement): Promise<string[]> {
  const result = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, [...statement.parameters]);
  return result.rows.map((row) => row['QUERY PLAN']);
}
