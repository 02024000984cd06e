import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { insertAbonnement } from '../src/components/notificaties/abonnementen/repository.ts';
import { loadConfig } from '../src/platform/config/config.ts';
import { loadKeys } from '../src/platform/crypto/keys.ts';
import { openDatabase } from '../src/platform/database/connection.ts';
import { migrate } from '../src/platform/database/migrator.ts';
import { OUTBOX_CHANNEL } from '../src/platform/outbox/write.ts';
import { seedTenantDefaults } from '../src/platform/seed/tenant-defaults.ts';
import { insertTenant } from '../src/platform/tenants/repository.ts';
import { DEFAULT_CONCURRENCY } from '../src/platform/outbox/dispatcher.ts';
import { NOTIFICATIE_KIND } from '../src/platform/zgw/notificatie.ts';
import { createBenchDatabase } from './bench-database.ts';
import { startLoketServer } from './zaken-loket.ts';

/*
 * `npm run bench:notificaties`: fan-out of notifications to subscribers on loopback, through a Loket process of its
 * own on PostgreSQL (a fresh database `loket_bench_notificaties`, dropped afterwards).
 *
 *   loket     BENCH_NOTIFICATIES notifications on kanaal `zaken` committed into the outbox in one transaction (as
 *             Loket's own events are), each fanned out by the Loket process to BENCH_SUBSCRIBERS abonnementen and
 *             POSTed to their callbacks (HTTP servers in this process on 127.0.0.1): deliveries per second and the
 *             time from the commit until the last delivery arrived
 *   raw       the same number of POSTs of the same messages from this process straight to the same callbacks, with
 *             the dispatcher's concurrency, twice: over kept-alive connections (one pool per callback, as Loket's
 *             delivery does) and with one connection per request (as it did before); what the subscribers and
 *             loopback allow, and the ratio Loket/raw against the kept-alive run
 *
 * BENCH_DATABASE_URL   admin URL that may create databases (default postgres://postgres@127.0.0.1:5432/postgres)
 * BENCH_NOTIFICATIES   notifications (default 10000)
 * BENCH_SUBSCRIBERS    abonnementen, each with its own callback server (default 3)
 * LOKET_OUTBOX_CONCURRENCY  deliveries the Loket process (and the raw side) runs at the same time (default 32)
 * Benchmarks print figures and never fail on time.
 */

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const count = Number(process.env.BENCH_NOTIFICATIES ?? '10000');
const subscriberCount = Number(process.env.BENCH_SUBSCRIBERS ?? '3');
// The Loket process reads LOKET_OUTBOX_CONCURRENCY from this environment too; the raw side uses the same.
const concurrency = Number(process.env.LOKET_OUTBOX_CONCURRENCY ?? DEFAULT_CONCURRENCY);
if (!Number.isInteger(count) || count < 1) throw new Error(`BENCH_NOTIFICATIES must be a positive whole number, got ${JSON.stringify(process.env.BENCH_NOTIFICATIES)}`);
if (!Number.isInteger(subscriberCount) || subscriberCount < 1) throw new Error(`BENCH_SUBSCRIBERS must be a positive whole number, got ${JSON.stringify(process.env.BENCH_SUBSCRIBERS)}`);
const print = (line: string) => process.stdout.write(`${line}\n`);

/** A callback server counting the deliveries it answered, with the moment of the last one. */
interface Subscriber {
  url: string;
  server: Server;
  received: number;
  first: number;
  last: number;
}

async function startSubscriber(): Promise<Subscriber> {
  const subscriber: Subscriber = { url: '', server: createServer(), received: 0, first: 0, last: 0 };
  subscriber.server.on('request', (incoming, response) => {
    incoming.resume();
    incoming.on('end', () => {
      subscriber.received++;
      subscriber.last = performance.now();
      if (subscriber.first === 0) subscriber.first = subscriber.last;
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => subscriber.server.listen(0, '127.0.0.1', resolve));
  subscriber.url = `http://127.0.0.1:${(subscriber.server.address() as AddressInfo).port}/callback`;
  return subscriber;
}

async function waitFor(description: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function message(nummer: number): Record<string, unknown> {
  const url = `https://bench.localhost/zaken/api/v1/zaken/${nummer}`;
  return { kanaal: 'zaken', hoofdObject: url, resource: 'zaak', resourceUrl: url, actie: 'create', aanmaakdatum: new Date().toISOString(), kenmerken: { bronorganisatie: '123456782' } };
}

/** POSTs one message, through `agent` (kept-alive connections) or on a connection of its own (`false`). */
function post(url: string, body: string, agent: Agent | false): Promise<void> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: 'Bearer bench' } });
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', resolve);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function rawBaseline(subscribers: Subscriber[], keepAlive: boolean): Promise<number> {
  const agents = new Map(subscribers.map((subscriber) => [subscriber.url, keepAlive ? new Agent({ keepAlive: true }) : (false as const)]));
  const jobs: { url: string; body: string }[] = [];
  for (let nummer = 0; nummer < count; nummer++) {
    const body = JSON.stringify(message(nummer));
    for (const subscriber of subscribers) jobs.push({ url: subscriber.url, body });
  }
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        if (job) await post(job.url, job.body, agents.get(job.url) ?? false);
      }
    }),
  );
  const elapsed = performance.now() - started;
  for (const agent of agents.values()) if (agent) agent.destroy();
  return elapsed;
}

async function main(): Promise<void> {
  const bench = await createBenchDatabase(adminUrl, 'loket_bench_notificaties');
  const dataDir = await mkdtemp(join(tmpdir(), 'loket-bench-notificaties-'));
  const secretKey = randomBytes(32).toString('base64');
  const subscribers = await Promise.all(Array.from({ length: subscriberCount }, startSubscriber));
  const config = loadConfig({ DATABASE_URL: bench.url, LOKET_SECRET_KEY: secretKey, LOKET_LOG_LEVEL: 'silent', LOKET_OUTBOX_ENABLED: 'false' });
  const database = await openDatabase(config);
  let server: Awaited<ReturnType<typeof startLoketServer>> | undefined;
  try {
    await migrate(database);
    const tenant = await insertTenant(database.db, { slug: 'bench', name: 'Gemeente Benchmark', rsin: '123456782', hostnames: ['bench.localhost'] });
    await seedTenantDefaults(database.db, tenant.id);
    const keys = loadKeys(config);
    for (const subscriber of subscribers) {
      await insertAbonnement(database.db, tenant.id, 'bench', { callbackUrl: subscriber.url, authEncrypted: keys.encrypt('Bearer bench'), kanalen: [{ naam: 'zaken', filters: {} }] });
    }
    server = await startLoketServer({ DATABASE_URL: bench.url, LOKET_SECRET_KEY: secretKey, LOKET_DATA_DIR: dataDir, LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' });

    const expected = count * subscriberCount;
    print(`notificaties: ${count} notifications × ${subscriberCount} subscribers = ${expected} deliveries (dispatcher concurrency ${concurrency})`);
    await database.db.transaction().execute(async (trx) => {
      await sql`
        INSERT INTO outbox (tenant_id, kind, payload)
        SELECT ${tenant.id}, ${NOTIFICATIE_KIND}, jsonb_build_object(
                 'kanaal', 'zaken', 'hoofdObject', 'https://bench.localhost/zaken/api/v1/zaken/' || n, 'resource', 'zaak',
                 'resourceUrl', 'https://bench.localhost/zaken/api/v1/zaken/' || n, 'actie', 'create',
                 'aanmaakdatum', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                 'kenmerken', jsonb_build_object('bronorganisatie', '123456782'))
          FROM generate_series(1, ${count}) AS n`.execute(trx);
      await sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
    });
    const committed = performance.now();
    const total = () => subscribers.reduce((sum, subscriber) => sum + subscriber.received, 0);
    await waitFor('every delivery', () => total() >= expected, 30 * 60 * 1000);
    const last = Math.max(...subscribers.map((subscriber) => subscriber.last));
    const loketMs = last - committed;
    print(`  loket: ${(expected / (loketMs / 1000)).toFixed(0)} deliveries/s; last delivery arrived ${(loketMs / 1000).toFixed(2)} s after the commit`);
    // Notifications are fanned out oldest first, so the first delivery shows about when the fan-outs caught up.
    const first = Math.min(...subscribers.map((subscriber) => subscriber.first));
    print(`  loket: first delivery arrived ${((first - committed) / 1000).toFixed(2)} s after the commit`);
    const duplicates = total() - expected;
    if (duplicates > 0) print(`  loket: ${duplicates} deliveries arrived twice (at least once)`);
    await server.stop();
    server = undefined;
    const retried = await sql<{ kind: string; events: string; retried: string }>`
      SELECT kind, count(*) AS events, count(*) FILTER (WHERE attempts > 1) AS retried FROM outbox GROUP BY kind ORDER BY kind`.execute(database.db);
    for (const row of retried.rows) print(`  outbox ${row.kind}: ${row.events} events, ${row.retried} needed more than one attempt`);

    for (const subscriber of subscribers) subscriber.received = 0;
    const rawMs = await rawBaseline(subscribers, true);
    print(`  raw, kept-alive connections:   ${(expected / (rawMs / 1000)).toFixed(0)} POSTs/s; ${(rawMs / 1000).toFixed(2)} s for all`);
    const rawFreshMs = await rawBaseline(subscribers, false);
    print(`  raw, a connection per request: ${(expected / (rawFreshMs / 1000)).toFixed(0)} POSTs/s; ${(rawFreshMs / 1000).toFixed(2)} s for all`);
    print(`  ratio loket/raw (throughput, against kept-alive): ${(rawMs / loketMs).toFixed(2)}; against a connection per request: ${(rawFreshMs / loketMs).toFixed(2)}`);
  } finally {
    await server?.stop();
    await database.close();
    await Promise.all(subscribers.map((subscriber) => new Promise((resolve) => subscriber.server.close(resolve))));
    await bench.drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
