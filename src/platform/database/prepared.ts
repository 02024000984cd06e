import { createHash } from 'node:crypto';
import { sql, type PostgresPool, type PostgresPoolClient, type RawBuilder } from 'kysely';
import type pg from 'pg';

/*
 * Prepared statements for Loket's hottest reads. PostgreSQL plans every statement it receives anew, and for a zaak
 * with its relations (seven subqueries) planning costs several times what running the plan does. A statement marked
 * with `prepared()` is sent as a named prepared statement on PostgreSQL: each pooled connection parses it once, and
 * after five runs PostgreSQL keeps one generic plan when that plan costs no more than the custom ones, as it does for
 * a look-up by key. Mark only statements whose text is fixed (every value a parameter) and that select by key: a
 * statement whose best plan depends on its values keeps being planned per run, so marking it gains nothing.
 * The embedded database runs the same text as an ordinary statement.
 */

const MARKER = '/* loket:prepared */';

/** `query`, marked to run as a prepared statement. */
export function prepared<T>(query: RawBuilder<T>): RawBuilder<T> {
  return sql<T>`${sql.raw(MARKER)} ${query}`;
}

/** Names already computed: marked statements are few fixed texts, hashed once each instead of on every run. */
const names = new Map<string, string>();
const MAX_NAMES = 1000;

/** A name per statement text: the same text on the same connection reuses its prepared statement. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `loket_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    if (names.size >= MAX_NAMES) names.clear();
    names.set(text, name);
  }
  return name;
}

/** PostgreSQL's answer when a table changed under a prepared statement (a migration by a newer process). */
function isStalePlan(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '0A000';
}

function preparingClient(client: pg.PoolClient): PostgresPoolClient {
  // A connection whose prepared statement went stale answers this once as an ordinary statement and is then closed
  // instead of returned to the pool (never handed out again), so the statement is prepared afresh on a new connection.
  let stale = false;
  // Kysely passes either SQL text with parameters or a cursor (streaming), which goes to pg unchanged.
  const wrapped = {
    async query(statement: unknown, parameters?: ReadonlyArray<unknown>) {
      const values = parameters ? [...parameters] : undefined;
      if (typeof statement !== 'string' || !statement.startsWith(MARKER)) return client.query(statement as string, values);
      try {
        return await client.query({ name: statementName(statement), text: statement, values: values ?? [] });
      } catch (error) {
        if (!isStalePlan(error)) throw error;
        stale = true;
        return client.query(statement, values);
      }
    },
    release: () => client.release(stale || undefined),
  };
  return wrapped as unknown as PostgresPoolClient;
}

/**
 * The pool as Kysely's dialect sees it, with marked statements sent as named prepared statements. Each pooled
 * connection keeps one wrapper: Kysely knows a connection by the object `connect` returns, and a new object on every
 * checkout would have it set up a new connection object for each statement.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (wrapper === undefined) {
        wrapper = preparingClient(client);
        wrappers.set(client, wrapper);
      }
      return wrapper;
    },
    end: () => pool.end(),
  };
}
