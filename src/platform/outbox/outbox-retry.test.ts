import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import type { Tenant } from '../database/schema.ts';
import { createLogger } from '../logging/logger.ts';
import { OutboxDispatcher } from './dispatcher.ts';
import { deleteDeliveredEvents, listFailedEvents, retryEvent } from './repository.ts';
import { enqueueWebhook } from './webhook.ts';
import { enqueueEvent } from './write.ts';

interface Row {
  attempts: number;
  delivered_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
  /** Seconds from now (database time) until the next attempt is due. */
  due_in: number;
}

describe('outbox retries', () => {
  let database: TestDatabase;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let receiver: WebhookReceiver;
  let dispatcher: OutboxDispatcher;
  /** Status the receiver answers per path; unknown paths get 200. */
  const statusByPath = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db, 'Gemeente Anders');
    receiver = await startWebhookReceiver((request) => statusByPath.get(request.path) ?? 200);
    dispatcher = new OutboxDispatcher({ db: database.db, logger: createLogger('silent'), leaseSeconds: 30, pollMs: 50 });
    dispatcher.start();
  });

  afterEach(() => statusByPath.clear());

  afterAll(async () => {
    await dispatcher.stop();
    await receiver.close();
    await database.close();
  });

  async function enqueue(path: string, options: { createdHoursAgo?: number } = {}): Promise<number> {
    return database.db.transaction().execute(async (trx) => {
      const id = await enqueueWebhook(trx, tenant.id, { url: `${receiver.url}${path}`, body: { path } });
      if (options.createdHoursAgo !== undefined) {
        await sql`UPDATE outbox SET created_at = now() - make_interval(hours => ${options.createdHoursAgo}) WHERE id = ${id}`.execute(trx);
      }
      return id;
    });
  }

  async function row(id: number): Promise<Row> {
    const result = await sql<Row>`
      SELECT attempts, delivered_at, failed_at, last_error, extract(epoch FROM available_at - now())::float8 AS due_in
        FROM outbox WHERE tenant_id = ${tenant.id} AND id = ${id}`.execute(database.db);
    const found = result.rows[0];
    if (!found) throw new Error(`outbox event ${id} not found`);
    return found;
  }

  /** Makes a backed-off event due now, instead of sleeping through the back-off. */
  async function makeDue(id: number): Promise<void> {
    await sql`UPDATE outbox SET available_at = now() WHERE tenant_id = ${tenant.id} AND id = ${id}`.execute(database.db);
    dispatcher.notify();
  }

  it('retries a failed delivery later, backing off further after each failure', async () => {
    statusByPath.set('/hapert', 503);
    const id = await enqueue('/hapert');

    await waitUntil('the first attempt failed', async () => (await row(id)).last_error !== null);
    const first = await row(id);
    expect(first).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null, last_error: 'webhook answered HTTP 503' });
    // 10 s · 2^0 with jitter: 5 to 10 seconds after the failure (loose bounds: the exact figures are unit-tested).
    expect(first.due_in).toBeGreaterThan(2);
    expect(first.due_in).toBeLessThanOrEqual(10);

    await makeDue(id);
    await waitUntil('the second attempt failed', async () => (await row(id)).attempts === 2 && (await row(id)).due_in > 0);
    const second = await row(id);
    expect(second.failed_at).toBeNull();
    expect(second.due_in).toBeGreaterThan(6);
    expect(second.due_in).toBeLessThanOrEqual(20);

    statusByPath.set('/hapert', 200);
    await makeDue(id);
    await waitUntil('the third attempt delivered', async () => (await row(id)).delivered_at !== null);
    expect((await row(id)).attempts).toBe(3);
    expect(receiver.received.filter((request) => request.path === '/hapert')).toHaveLength(3);
  });

  it('keeps retrying an event younger than 24 hours', async () => {
    statusByPath.set('/nog-niet-opgeven', 500);
    const id = await enqueue('/nog-niet-opgeven', { createdHoursAgo: 23 });
    await waitUntil('the attempt failed', async () => (await row(id)).last_error !== null);
    expect((await row(id)).failed_at).toBeNull();
    expect((await listFailedEvents(database.db, tenant.id)).map((event) => event.id)).not.toContain(id);
  });

  it('gives an event up only after 24 hours of retries, lists it for the beheerder and re-triggers it', async () => {
    statusByPath.set('/opgegeven', 500);
    const id = await enqueue('/opgegeven', { createdHoursAgo: 25 });
    await waitUntil('the event is given up', async () => (await row(id)).failed_at !== null);
    expect(await row(id)).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'webhook answered HTTP 500' });

    const failed = await listFailedEvents(database.db, tenant.id);
    expect(failed).toContainEqual(expect.objectContaining({ id, kind: 'webhook', attempts: 1, lastError: 'webhook answered HTTP 500' }));
    expect(failed.find((event) => event.id === id)).not.toHaveProperty('payload');
    // Another municipality neither sees nor re-triggers it.
    expect((await listFailedEvents(database.db, otherTenant.id)).map((event) => event.id)).not.toContain(id);
    expect(await retryEvent(database.db, otherTenant.id, id)).toBe(false);
    expect((await row(id)).failed_at).not.toBeNull();

    statusByPath.set('/opgegeven', 204);
    expect(await retryEvent(database.db, tenant.id, id)).toBe(true);
    dispatcher.notify();
    await waitUntil('the re-triggered event is delivered', async () => (await row(id)).delivered_at !== null);
    expect(await row(id)).toMatchObject({ attempts: 2, failed_at: null });
    expect((await listFailedEvents(database.db, tenant.id)).map((event) => event.id)).not.toContain(id);
    // Only failed events can be re-triggered.
    expect(await retryEvent(database.db, tenant.id, id)).toBe(false);
  });

  it('gives up at once when retrying cannot help (not an http URL)', async () => {
    const id = await database.db
      .transaction()
      .execute((trx) => enqueueEvent(trx, { tenantId: tenant.id, kind: 'webhook', payload: { url: 'file:///etc/passwd', body: {} } }));
    await waitUntil('the event is given up', async () => (await row(id)).failed_at !== null);
    expect(await row(id)).toMatchObject({ attempts: 1, last_error: 'webhook url must be http or https, not file:' });
  });

  it('refuses to enqueue a webhook without a valid http(s) URL', async () => {
    await expect(
      database.db.transaction().execute((trx) => enqueueWebhook(trx, tenant.id, { url: 'ftp://example.org/x', body: {} })),
    ).rejects.toThrow(/http or https/);
  });

  it('retries an event of a kind this process has no handler for (a newer process may have one)', async () => {
    const id = await database.db.transaction().execute((trx) => enqueueEvent(trx, { tenantId: tenant.id, kind: 'uit-de-toekomst', payload: {} }));
    await waitUntil('the attempt failed', async () => (await row(id)).last_error !== null);
    expect(await row(id)).toMatchObject({ failed_at: null, last_error: 'no delivery handler for kind "uit-de-toekomst" in this process' });
    await database.db.deleteFrom('outbox').where('tenant_id', '=', tenant.id).where('id', '=', id).execute();
  });

  it('does not deliver before availableAt', async () => {
    const later = new Date(Date.now() + 3600_000);
    const id = await database.db
      .transaction()
      .execute((trx) => enqueueWebhook(trx, tenant.id, { url: `${receiver.url}/later`, body: {} }, { availableAt: later }));
    const marker = await enqueue('/nu');
    await waitUntil('a later event is delivered', async () => (await row(marker)).delivered_at !== null);
    expect(await row(id)).toMatchObject({ attempts: 0, delivered_at: null });
    await makeDue(id);
    await waitUntil('it is delivered once due', async () => (await row(id)).delivered_at !== null);
  });

  it('cleans up delivered events after 7 days, keeping newer and failed ones', async () => {
    const ids = await database.db.transaction().execute(async (trx) => {
      // Not due for an hour, so the running dispatcher leaves them alone while the test edits them.
      const availableAt = new Date(Date.now() + 3600_000);
      const make = () => enqueueEvent(trx, { tenantId: otherTenant.id, kind: 'opruimen', payload: {}, availableAt });
      return { old: await make(), recent: await make(), failed: await make() };
    });
    await sql`UPDATE outbox SET delivered_at = now() - interval '8 days' WHERE id = ${ids.old}`.execute(database.db);
    await sql`UPDATE outbox SET delivered_at = now() - interval '6 days' WHERE id = ${ids.recent}`.execute(database.db);
    await sql`UPDATE outbox SET failed_at = now() - interval '30 days', created_at = now() - interval '31 days' WHERE id = ${ids.failed}`.execute(database.db);

    expect(await deleteDeliveredEvents(database.db, 7, 1000)).toBeGreaterThanOrEqual(1);
    const left = await database.db.selectFrom('outbox').select('id').where('tenant_id', '=', otherTenant.id).where('kind', '=', 'opruimen').execute();
    expect(left.map((entry) => entry.id).sort((a, b) => a - b)).toEqual([ids.recent, ids.failed]);
  });
});
