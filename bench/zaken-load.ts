import { request } from 'node:http';
import autocannon, { type Result } from 'autocannon';
import type pg from 'pg';

/*
 * The two sides of every Zaken scenario, measured the same way: `connections` concurrent callers for `seconds`,
 * each latency recorded, percentiles by nearest rank (bench/stats.ts). HTTP through autocannon in this process
 * (no worker threads: requests vary per call, which needs functions a worker cannot receive); the baseline
 * through a pg.Pool of the same size.
 */

/** What one side of a scenario achieved. */
export interface Measurement {
  /** Completed calls per second (HTTP requests, or baseline iterations). */
  perSecond: number;
  /** Every latency in milliseconds, ascending. */
  latencies: number[];
  /** Calls that did not succeed (non-2xx, connection errors, timeouts). */
  failed: number;
  /** The first failure's status and body, to show why. */
  firstFailure?: string;
}

/** One HTTP request shape; `path` and `body` are asked anew for every request. */
export interface HttpCall {
  method: 'GET' | 'POST';
  path: () => string;
  headers: Record<string, string>;
  body?: () => string;
}

interface AutocannonRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  onResponse?: (status: number, body: string) => void;
}

/** autocannon's tracker: a promise of the result that also reports every response (the shared d.ts names only the promise). */
interface Tracker extends PromiseLike<Result> {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
}

const startLoad = autocannon as unknown as (options: { url: string; connections: number; duration?: number; amount?: number; requests: AutocannonRequest[] }) => Tracker;

/** Sends `call` once (node:http, since fetch will not send a Host header of our choosing); resolves to status and body. */
export function sendOnce(baseUrl: string, call: HttpCall): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(call.path(), baseUrl), { method: call.method, headers: call.headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(call.body?.());
  });
}

/** Runs `call` against `baseUrl` with `connections` connections for `seconds`. */
export async function measureHttp(baseUrl: string, call: HttpCall, connections: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const tracker = startLoad({
    url: baseUrl,
    connections,
    duration: seconds,
    requests: [
      {
        method: call.method,
        path: call.path(),
        headers: call.headers,
        setupRequest: (request) => ({ ...request, path: call.path(), ...(call.body ? { body: call.body() } : {}) }),
        onResponse: (status, body) => {
          if ((status < 200 || status >= 300) && firstFailure === undefined) firstFailure = `${status} ${body.slice(0, 600)}`;
        },
      },
    ],
  });
  tracker.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else failed++;
  });
  const result = await tracker;
  failed += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / result.duration, latencies, failed, ...(firstFailure === undefined ? {} : { firstFailure }) };
}

/**
 * Sends a GET for each of `paths` once, through `connections` connections, and returns how long that took and how many
 * failed. Read before either side measures, so both find the same rows in PostgreSQL's buffers and neither pays for
 * first reads the other then profits from.
 */
export async function primeHttp(baseUrl: string, paths: readonly string[], headers: Record<string, string>, connections: number): Promise<{ seconds: number; failed: number }> {
  let next = 0;
  let failed = 0;
  const started = performance.now();
  const tracker = startLoad({
    url: baseUrl,
    connections: Math.min(connections, paths.length),
    amount: paths.length,
    requests: [{ method: 'GET', path: paths[0] ?? '/', headers, setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
  });
  tracker.on('response', (_client, statusCode) => {
    if (statusCode < 200 || statusCode >= 300) failed++;
  });
  const result = await tracker;
  return { seconds: (performance.now() - started) / 1000, failed: failed + result.errors + result.timeouts };
}

/** Runs `iteration` in `loops` concurrent loops, each with a client of its own, for `seconds`. */
export async function measureBaseline(pool: pg.Pool, iteration: (client: pg.PoolClient) => Promise<void>, loops: number, seconds: number): Promise<Measurement> {
  const latencies: number[] = [];
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  const end = started + seconds * 1000;
  async function loop(): Promise<void> {
    const client = await pool.connect();
    try {
      while (performance.now() < end) {
        const begin = performance.now();
        try {
          await iteration(client);
          latencies.push(performance.now() - begin);
        } catch (error) {
          failed++;
          firstFailure ??= error instanceof Error ? error.message : String(error);
          await client.query('ROLLBACK').catch(() => undefined);
        }
      }
    } finally {
      client.release();
    }
  }
  await Promise.all(Array.from({ length: loops }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, latencies, failed, ...(firstFailure === undefined ? {} : { firstFailure }) };
}
