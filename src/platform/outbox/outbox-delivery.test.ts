import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import type { Tenant } from '../database/schema.ts';
import { createLogger } from '../logging/logger.ts';
import { OutboxDispatcher, type OutboxDispatcherOptions } from './dispatcher.ts';
import { claimDueEvents, markDelivered, markDeliveredBatch } from './repository.ts';
import { enqueueWebhook } from './webhook.ts';
import { enqueueEvent } from './write.ts';

describe('outbox delivery', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let receiver: WebhookReceiver;
  const dispatchers: OutboxDispatcher[] = [];
  /** Requests held open by the `/wacht` path until the test releases them. */
  const held: Array<() => void> = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    receiver = await startWebhookReceiver((request) =>
      request.path.startsWith('/wacht') ? new Promise<number>((resolve) => held.push(() => resolve(200))) : 200,
    );
  });

  afterEach(async () => {
    for (const release of held.splice(0)) release();
    await Promise.all(dispatchers.splice(0).map((dispatcher) => dispatcher.stop()));
  });

  afterAll(async () => {
    await receiver.close();
    await database.close();
  });

  function startDispatcher(options: Partial<OutboxDispatcherOptions> = {}): OutboxDispatcher {
    const dispatcher = new OutboxDispatcher({ db: database.db, logger: createLogger('silent'), leaseSeconds: 30, pollMs: 50, ...options });
    dispatchers.push(dispatcher);
    dispatcher.start();
    return dispatcher;
  }

  async function enqueue(path: string, body: unknown = { path }): Promise<number> {
    return database.db.transaction().execute((trx) => enqueueWebhook(trx, tenant.id, { url: `${receiver.url}${path}`, body }));
  }

  function receivedPaths(): string[] {
    return receiver.received.map((request) => request.path);
  }

  async function deliveredAt(id: number): Promise<Date | null> {
    const row = await database.db.selectFrom('outbox').select('delivered_at').where('tenant_id', '=', tenant.id).where('id', '=', id).executeTakeFirstOrThrow();
    return row.delivered_at;
  }

  it('never delivers an event whose transaction rolled back, and delivers a committed one', async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await enqueueWebhook(trx, tenant.id, { url: `${receiver.url}/teruggedraaid`, body: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    startDispatcher();
    const committed = await enqueue('/vastgelegd', { zaak: 'Z-2026-1' });
    await waitUntil('the committed event is delivered', async () => (await deliveredAt(committed)) !== null);

    expect(receivedPaths()).toContain('/vastgelegd');
    expect(receiver.received.find((request) => request.path === '/vastgelegd')?.body).toEqual({ zaak: 'Z-2026-1' });
    // Events are claimed oldest first, so a rolled-back event would have been sent before the committed one.
    expect(receivedPaths()).not.toContain('/teruggedraaid');
    const rows = await database.db.selectFrom('outbox').select('payload').where('tenant_id', '=', tenant.id).execute();
    expect(rows.some((row) => JSON.stringify(row.payload).includes('teruggedraaid'))).toBe(false);
  });

  it('is woken by a commit without waiting for the next poll', async () => {
    // A poll interval far beyond the test's timeout: only the wake-up can deliver in time.
    const dispatcher = startDispatcher({ pollMs: 60_000, listenUrl: database.url });
    if (database.engine === 'postgres') await waitUntil('the dispatcher listens', () => dispatcher.listening);
    const id = await enqueue('/gewekt');
    // PostgreSQL wakes every process through NOTIFY on commit; in-process callers call notify().
    if (database.engine === 'pglite') dispatcher.notify();
    await waitUntil('the event is delivered', async () => (await deliveredAt(id)) !== null);
  });

  it.skipIf(testEngine().kind !== 'postgres')('listens again after its LISTEN connection was cut (PostgreSQL only)', async () => {
    const dispatcher = startDispatcher({ pollMs: 60_000, listenUrl: database.url });
    await waitUntil('the dispatcher listens', () => dispatcher.listening);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
               WHERE datname = current_database() AND application_name = 'loket-outbox-listener'`.execute(database.db);
    await waitUntil('the connection loss is noticed', () => !dispatcher.listening);
    await waitUntil('the dispatcher listens again', () => dispatcher.listening);
    const id = await enqueue('/opnieuw-gewekt');
    await waitUntil('the event is delivered', async () => (await deliveredAt(id)) !== null);
  });

  it('keeps delivering other events while a receiver is slow', async () => {
    startDispatcher();
    const slow = await enqueue('/wacht/1');
    const others = await Promise.all([1, 2, 3, 4, 5].map((n) => enqueue(`/snel/${n}`)));
    await waitUntil('the other events are delivered', async () => (await Promise.all(others.map(deliveredAt))).every((at) => at !== null));
    expect(await deliveredAt(slow)).toBeNull();
    expect(receivedPaths()).toContain('/wacht/1');

    for (const release of held.splice(0)) release();
    await waitUntil('the slow event is delivered too', async () => (await deliveredAt(slow)) !== null);
  });

  it('lets concurrent claims never take the same event', async () => {
    const ids: number[] = [];
    await database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 40; n++) ids.push(await enqueueEvent(trx, { tenantId: tenant.id, kind: 'test-claim', payload: { n } }));
    });
    const claims = await Promise.all(['w1', 'w2', 'w3', 'w4', 'w5'].map((worker) => claimDueEvents(database.db, worker, 10, 30)));
    const claimed = claims.flat().map((event) => event.id).filter((id) => ids.includes(id));
    expect(new Set(claimed).size).toBe(claimed.length);
    expect([...claimed].sort((a, b) => a - b)).toEqual(ids);
    // Claimed and leased: nobody gets them again until the lease runs out.
    expect((await claimDueEvents(database.db, 'w6', 100, 30)).filter((event) => ids.includes(event.id))).toEqual([]);
    // No handler knows this kind: remove the events so later tests' dispatchers do not pick them up.
    await database.db.deleteFrom('outbox').where('tenant_id', '=', tenant.id).where('kind', '=', 'test-claim').execute();
  });

  it('lets another process take over an event whose lease ran out, and the stale process cannot record it', async () => {
    const id = await enqueue('/overgenomen');
    const [stale] = (await claimDueEvents(database.db, 'gestorven-proces', 100, 30)).filter((event) => event.id === id);
    expect(stale?.attempts).toBe(1);
    // The claiming process "died"; time passes until its lease runs out.
    await sql`UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = ${id}`.execute(database.db);

    const dispatcher = startDispatcher();
    await waitUntil('the event is delivered', async () => (await deliveredAt(id)) !== null);
    const row = await database.db.selectFrom('outbox').select(['locked_by', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ locked_by: dispatcher.workerId, attempts: 2 });
    if (stale) expect(await markDelivered(database.db, stale, 'gestorven-proces')).toBe(false);
  });

  it('records many deliveries in one statement, each only while its claim holds', async () => {
    const ids: number[] = [];
    await database.db.transaction().execute(async (trx) => {
      for (let n = 0; n < 3; n++) ids.push(await enqueueEvent(trx, { tenantId: tenant.id, kind: 'test-batch', payload: { n } }));
    });
    const claimed = (await claimDueEvents(database.db, 'batch-proces', 100, 30)).filter((event) => ids.includes(event.id));
    expect(claimed).toHaveLength(3);
    const [taken, ...kept] = claimed;
    if (!taken) throw new Error('nothing claimed');
    // The first one's lease ran out and another process claimed it: this process may no longer record it.
    await sql`UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = ${taken.id}`.execute(database.db);
    expect((await claimDueEvents(database.db, 'ander-proces', 100, 30)).map((event) => event.id)).toContain(taken.id);

    const lost = await markDeliveredBatch(
      database.db,
      'batch-proces',
      claimed.map((event) => ({ id: event.id, attempts: event.attempts })),
    );
    expect(lost).toEqual([taken.id]);
    const rows = await database.db.selectFrom('outbox').select(['id', 'delivered_at', 'locked_by']).where('id', 'in', ids).orderBy('id').execute();
    expect(rows.filter((row) => row.delivered_at !== null).map((row) => Number(row.id))).toEqual(kept.map((event) => event.id));
    expect(rows.find((row) => Number(row.id) === taken.id)).toMatchObject({ delivered_at: null, locked_by: 'ander-proces' });
    await database.db.deleteFrom('outbox').where('tenant_id', '=', tenant.id).where('kind', '=', 'test-batch').execute();
  });

  it('logs a failed delivery with event id, kind and attempt, never the payload', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    startDispatcher({ logger: createLogger('warn', destination) });
    const closed = await startWebhookReceiver();
    await closed.close();
    const id = await database.db
      .transaction()
      .execute((trx) => enqueueWebhook(trx, tenant.id, { url: `${closed.url}/hook`, body: { naam: 'Jan Jansen', bsn: '111222333' } }));
    await waitUntil('the failure is logged', () => lines.some((line) => line.includes(`"eventId":${id}`)));

    const line = JSON.parse(lines.find((entry) => entry.includes(`"eventId":${id}`)) ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ eventId: id, kind: 'webhook', attempt: 1, tenantId: tenant.id });
    expect(String(line.error)).toMatch(/webhook request failed/);
    expect(lines.join('\n')).not.toMatch(/Jan Jansen|111222333/);
  });

  it('stop() waits for deliveries in flight', async () => {
    const dispatcher = startDispatcher();
    const id = await enqueue('/wacht/stop');
    await waitUntil('the delivery is in flight', () => held.length === 1);
    const stopped = dispatcher.stop();
    for (const release of held.splice(0)) release();
    await stopped;
    expect(await deliveredAt(id)).not.toBeNull();
  });
});
