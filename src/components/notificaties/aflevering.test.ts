import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../../platform/database/schema.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { OutboxDispatcher } from '../../platform/outbox/dispatcher.ts';
import { DeliveryHandlers } from '../../platform/outbox/handlers.ts';
import { enqueueEvent } from '../../platform/outbox/write.ts';
import { AFLEVERING_KIND, NOTIFICATIE_KIND, type Notificatie } from '../../platform/zgw/notificatie.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestApp, createTestClient, createTestTenant, hostOf, type TestApp } from '../../../test/fixtures.ts';
import type { OpenApiSpec } from '../../../test/openapi.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import { insertTestZaaktype, type TestZaaktype } from '../../../test/zgw-fixtures.ts';
import { createAfleveringHandler } from './afleveringen/afleveren.ts';
import { registerNotificatiesDelivery } from './delivery.ts';
import { apiCaller, loadNotificatiesSpec, message, type Json } from './notificaties-test-kit.ts';

const RSIN = '002220647';

interface AfleveringRow {
  id: number;
  attempts: number;
  delivered_at: Date | null;
  failed_at: Date | null;
  last_error: string | null;
  /** Seconds from now (database time) until the next attempt is due. */
  due_in: number;
  abonnement: string;
  resource_url: string;
}

/*
 * Delivery of notifications to abonnementen through the outbox, end to end: real HTTP subscribers on 127.0.0.1
 * (so this file switches LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS on), a real dispatcher on the test database. Back-off
 * is never slept through: a test moves a delivery's due time (database time) to now instead.
 */
describe('Notificaties: delivery to abonnementen', () => {
  let database: TestDatabase;
  let test: TestApp;
  let tenant: Tenant;
  let otherTenant: Tenant;
  let spec: OpenApiSpec;
  let zaaktype: TestZaaktype;
  let consumer: string;
  let publisher: string;
  let beheerder: string;
  let zakenClient: string;
  let otherTenantConsumer: string;
  let dispatcher: OutboxDispatcher;
  const receivers: WebhookReceiver[] = [];
  const abonnementen: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, { LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' });
    tenant = await createTestTenant(database.db);
    otherTenant = await createTestTenant(database.db, 'Gemeente Anders');
    spec = await loadNotificatiesSpec();
    zaaktype = await insertTestZaaktype(database.db, tenant);
    const client = async (options: Parameters<typeof createTestClient>[3], at = tenant) => (await createTestClient(database.db, test.keys, at, options)).token();
    consumer = await client({ scopes: ['notificaties.consumeren'] });
    publisher = await client({ scopes: ['notificaties.publiceren'] });
    beheerder = await client({ scopes: ['notificaties.beheren'] });
    zakenClient = await client({ heeftAlleAutorisaties: true });
    otherTenantConsumer = await client({ scopes: ['notificaties.consumeren', 'notificaties.beheren'] }, otherTenant);
    dispatcher = startDispatcher('eerste');
  });

  afterEach(async () => {
    // Each test's abonnementen end with it, so a later test's notifications reach only its own subscribers.
    await database.db.deleteFrom('notificaties_abonnementen').where('uuid', 'in', abonnementen.splice(0)).execute();
  });

  afterAll(async () => {
    await dispatcher.stop();
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await test.app.close();
    await database.close();
  });

  function startDispatcher(workerId: string, options: { timeoutMs?: number; stopTimeoutMs?: number; concurrency?: number } = {}): OutboxDispatcher {
    const started = new OutboxDispatcher({
      db: database.db,
      logger: createLogger('silent'),
      leaseSeconds: 60,
      pollMs: 50,
      workerId,
      stopTimeoutMs: options.stopTimeoutMs,
      concurrency: options.concurrency,
    });
    registerNotificatiesDelivery(started.handlers, {
      db: database.db,
      keys: test.keys,
      outbound: { allowPrivateNetworks: true },
      notify: () => started.notify(),
      timeoutMs: options.timeoutMs,
    });
    started.start();
    return started;
  }

  const call = apiCaller(
    () => test,
    () => spec,
    () => tenant,
  );

  async function receiver(respond: (request: ReceivedRequest) => number | Promise<number> = () => 204): Promise<WebhookReceiver> {
    const started = await startWebhookReceiver(respond);
    receivers.push(started);
    return started;
  }

  async function subscribe(callbackUrl: string, kanalen: Json[], options: { auth?: string; token?: string; at?: Tenant } = {}): Promise<string> {
    const response = await call('POST', '/abonnement', '/abonnement', {
      token: options.token ?? consumer,
      at: options.at,
      body: { callbackUrl, auth: options.auth ?? 'Bearer abonnee-geheim', kanalen },
    });
    expect(response.statusCode, response.body).toBe(201);
    const uuid = String((response.json() as Json).url).split('/').pop() ?? '';
    abonnementen.push(uuid);
    return uuid;
  }

  async function publish(overrides: Json = {}): Promise<Json> {
    const body = message({ resourceUrl: `https://zaken.example/api/v1/zaken/${randomUUID()}`, ...overrides });
    const response = await call('POST', '/notificaties', '/notificaties', { token: publisher, body });
    expect(response.statusCode, response.body).toBe(200);
    dispatcher.notify();
    return body;
  }

  async function afleveringen(abonnement: string): Promise<AfleveringRow[]> {
    const result = await sql<AfleveringRow>`
      SELECT id::int AS id, attempts, delivered_at, failed_at, last_error, extract(epoch FROM available_at - now())::float8 AS due_in,
             payload->>'abonnement' AS abonnement, payload->'notificatie'->>'resourceUrl' AS resource_url
        FROM outbox WHERE tenant_id = ${tenant.id} AND kind = ${AFLEVERING_KIND} AND payload->>'abonnement' = ${abonnement}
       ORDER BY id`.execute(database.db);
    return result.rows;
  }

  /** Makes backed-off deliveries due now, instead of sleeping through the back-off. */
  async function makeDue(ids: number[]): Promise<void> {
    await sql`UPDATE outbox SET available_at = now() WHERE tenant_id = ${tenant.id} AND id = ANY(${ids}::bigint[])`.execute(database.db);
    dispatcher.notify();
  }

  function bodies(subscriber: WebhookReceiver): Json[] {
    return subscriber.received.map((request) => request.body as Json);
  }

  it("delivers Loket's own zaak notification to a subscriber on 127.0.0.1 with its Authorization header, as the filters decide", async () => {
    const matching = await receiver();
    const otherBron = await receiver();
    const otherKanaal = await receiver();
    const otherMunicipality = await receiver();
    await subscribe(`${matching.url}/callback`, [{ naam: 'zaken', filters: { bronorganisatie: RSIN, zaaktype: zaaktype.url } }], { auth: 'Bearer voor-de-zaken' });
    await subscribe(`${otherBron.url}/callback`, [{ naam: 'zaken', filters: { bronorganisatie: '001000007' } }]);
    await subscribe(`${otherKanaal.url}/callback`, [{ naam: 'besluiten' }]);
    await subscribe(`${otherMunicipality.url}/callback`, [{ naam: 'zaken' }], { token: otherTenantConsumer, at: otherTenant });

    const created = await test.app.inject({
      method: 'POST',
      url: '/zaken/api/v1/zaken',
      headers: { host: hostOf(tenant), authorization: `Bearer ${zakenClient}`, 'accept-crs': 'EPSG:4326', 'content-crs': 'EPSG:4326' },
      payload: { bronorganisatie: RSIN, verantwoordelijkeOrganisatie: RSIN, zaaktype: zaaktype.url, startdatum: '2026-03-02', omschrijving: 'Melding openbare ruimte' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const zaakUrl = String((created.json() as Json).url);
    dispatcher.notify();

    await waitUntil('the matching subscriber received the zaak notification', () => bodies(matching).some((body) => body.resourceUrl === zaakUrl));
    const [delivered] = matching.received;
    expect(delivered?.method).toBe('POST');
    expect(delivered?.path).toBe('/callback');
    expect(delivered?.headers.authorization).toBe('Bearer voor-de-zaken');
    expect(delivered?.headers['content-type']).toBe('application/json');
    expect(delivered?.body).toMatchObject({ kanaal: 'zaken', resource: 'zaak', actie: 'create', hoofdObject: zaakUrl, kenmerken: { bronorganisatie: RSIN, zaaktype: zaaktype.url } });
    // The message as published: validated against the spec's Message schema as the publisher's answer would be.
    const [published] = await sql<{ id: string; payload: Notificatie }>`
      SELECT id, payload FROM outbox WHERE tenant_id = ${tenant.id} AND kind = ${NOTIFICATIE_KIND} AND payload->>'resourceUrl' = ${zaakUrl}`
      .execute(database.db)
      .then((result) => result.rows);
    expect(delivered?.body).toEqual(published?.payload);

    // The fan-out made exactly one delivery (the matching abonnement's); nobody else got anything.
    await waitUntil('the fan-out is recorded', async () => (await database.db.selectFrom('notificaties_fanouts').selectAll().where('outbox_id', '=', Number(published?.id)).executeTakeFirst()) !== undefined);
    const fanout = await database.db.selectFrom('notificaties_fanouts').select('afleveringen').where('outbox_id', '=', Number(published?.id)).executeTakeFirstOrThrow();
    expect(fanout.afleveringen).toBe(1);
    expect(otherBron.received).toEqual([]);
    expect(otherKanaal.received).toEqual([]);
    expect(otherMunicipality.received).toEqual([]);
  });

  it("routes an external publisher's message unchanged to every abonnement whose filters match (wildcard included)", async () => {
    const first = await receiver();
    const second = await receiver();
    const filtered = await receiver();
    await subscribe(`${first.url}/a`, [{ naam: 'zaken', filters: { vertrouwelijkheidaanduiding: '*' } }]);
    await subscribe(`${second.url}/b`, [{ naam: 'besluiten' }, { naam: 'zaken' }]);
    await subscribe(`${filtered.url}/c`, [{ naam: 'zaken', filters: { vertrouwelijkheidaanduiding: 'geheim' } }]);
    const sent = await publish();
    await waitUntil('both matching subscribers received it', () => first.received.length === 1 && second.received.length === 1);
    expect(first.received[0]?.body).toEqual(sent);
    expect(second.received[0]?.body).toEqual(sent);
    expect(filtered.received).toEqual([]);
  });

  it('keeps retrying a subscriber that fails its first deliveries, backing off further each time, until it has every notification', async () => {
    const attemptsPerMessage = new Map<string, number>();
    const flaky = await receiver((request) => {
      const key = String((request.body as Json).resourceUrl);
      const attempt = (attemptsPerMessage.get(key) ?? 0) + 1;
      attemptsPerMessage.set(key, attempt);
      return attempt <= 2 ? 503 : 200;
    });
    const abonnement = await subscribe(`${flaky.url}/flaky`, [{ naam: 'zaken' }]);
    const sent = [await publish(), await publish(), await publish()];

    await waitUntil('three deliveries failed once', async () => (await afleveringen(abonnement)).filter((row) => row.attempts === 1 && row.last_error !== null && row.due_in > 0).length === 3);
    const first = await afleveringen(abonnement);
    for (const row of first) {
      expect(row).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null, last_error: 'callback answered HTTP 503' });
      // 10 s · 2^0 with jitter: 5 to 10 s (the exact figures are unit-tested with the retry policy).
      expect(row.due_in).toBeGreaterThan(2);
      expect(row.due_in).toBeLessThanOrEqual(10);
    }

    await makeDue(first.map((row) => row.id));
    await waitUntil('three deliveries failed twice', async () => (await afleveringen(abonnement)).filter((row) => row.attempts === 2 && row.due_in > 0).length === 3);
    for (const row of await afleveringen(abonnement)) {
      expect(row.failed_at).toBeNull();
      // 10 s · 2^1 with jitter: 10 to 20 s.
      expect(row.due_in).toBeGreaterThan(6);
      expect(row.due_in).toBeLessThanOrEqual(20);
    }

    await makeDue(first.map((row) => row.id));
    await waitUntil('all three delivered', async () => (await afleveringen(abonnement)).every((row) => row.delivered_at !== null));
    expect((await afleveringen(abonnement)).map((row) => row.attempts)).toEqual([3, 3, 3]);
    const received = new Set(bodies(flaky).map((body) => body.resourceUrl));
    for (const body of sent) expect(received).toContain(body.resourceUrl);
  });

  it('gives a delivery up after 24 hours of retries, shows it to a beheerder through the API and re-triggers it', async () => {
    let status = 500;
    const down = await receiver(() => status);
    const abonnement = await subscribe(`${down.url}/down`, [{ naam: 'zaken' }]);
    const sent = await publish();
    await waitUntil('the first attempt failed', async () => (await afleveringen(abonnement))[0]?.last_error === 'callback answered HTTP 500');
    const [row] = await afleveringen(abonnement);
    if (!row) throw new Error('no delivery');
    // A day later (database time moved instead of waiting): the next failure gives it up.
    await sql`UPDATE outbox SET created_at = now() - interval '25 hours' WHERE id = ${row.id}`.execute(database.db);
    await makeDue([row.id]);
    await waitUntil('the delivery is given up', async () => (await afleveringen(abonnement))[0]?.failed_at !== null);

    const listed = await call('GET', '/mislukte-afleveringen', null, { token: beheerder });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toContainEqual(
      expect.objectContaining({
        id: row.id,
        abonnement,
        abonnementUrl: `http://${hostOf(tenant)}/notificaties/api/v1/abonnement/${abonnement}`,
        kanaal: 'zaken',
        resourceUrl: sent.resourceUrl,
        actie: 'create',
        pogingen: 2,
        laatsteFout: 'callback answered HTTP 500',
      }),
    );
    // Only with the beheer scope, and only within the tenant.
    expect((await call('GET', '/mislukte-afleveringen', null, { token: consumer })).statusCode).toBe(403);
    const elsewhere = await call('GET', '/mislukte-afleveringen', null, { token: otherTenantConsumer, at: otherTenant });
    expect((elsewhere.json() as Json[]).map((item) => item.id)).not.toContain(row.id);
    expect((await call('POST', `/mislukte-afleveringen/${row.id}/opnieuw`, null, { token: otherTenantConsumer, at: otherTenant })).statusCode).toBe(404);
    expect((await call('POST', '/mislukte-afleveringen/geen-id/opnieuw', null, { token: beheerder })).statusCode).toBe(404);

    status = 204;
    const retried = await call('POST', `/mislukte-afleveringen/${row.id}/opnieuw`, null, { token: beheerder });
    expect(retried.statusCode).toBe(204);
    dispatcher.notify();
    await waitUntil('the re-triggered delivery arrived', async () => (await afleveringen(abonnement))[0]?.delivered_at !== null);
    expect(bodies(down).at(-1)).toEqual(sent);
    expect((await call('GET', '/mislukte-afleveringen', null, { token: beheerder })).json()).not.toContainEqual(expect.objectContaining({ id: row.id }));
  });

  it('re-triggers every failed delivery of the tenant at once', async () => {
    let status = 500;
    const down = await receiver(() => status);
    const abonnement = await subscribe(`${down.url}/alles`, [{ naam: 'zaken' }]);
    await publish();
    await publish();
    await waitUntil('both attempts failed', async () => (await afleveringen(abonnement)).filter((row) => row.last_error !== null).length === 2);
    const ids = (await afleveringen(abonnement)).map((row) => row.id);
    await sql`UPDATE outbox SET failed_at = now() WHERE id = ANY(${ids}::bigint[])`.execute(database.db);

    status = 200;
    const response = await call('POST', '/mislukte-afleveringen/opnieuw', null, { token: beheerder });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { aantal: number }).aantal).toBeGreaterThanOrEqual(2);
    dispatcher.notify();
    await waitUntil('both delivered', async () => (await afleveringen(abonnement)).every((row) => row.delivered_at !== null));
  });

  it('lets a second dispatcher deliver what the first was delivering when it died', async () => {
    let release: () => void = () => undefined;
    const hanging = new Promise<number>((resolve) => {
      release = () => resolve(200);
    });
    const subscriber = await receiver(() => (subscriber.received.length === 1 ? hanging : 200));
    const abonnement = await subscribe(`${subscriber.url}/herstart`, [{ naam: 'zaken' }]);

    // A process of its own claims the delivery and dies while the subscriber has not answered yet.
    await dispatcher.stop();
    const dying = startDispatcher('stervend', { stopTimeoutMs: 10 });
    const sent = await publish();
    dying.notify();
    await waitUntil('the first process is delivering', () => subscriber.received.length === 1);
    await dying.stop();
    const [claimed] = await afleveringen(abonnement);
    expect(claimed).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null });

    // Its lease runs out (database time moved instead of waiting); a new process picks the delivery up.
    await sql`UPDATE outbox SET locked_until = now() - interval '1 second' WHERE id = ${claimed?.id ?? 0}`.execute(database.db);
    dispatcher = startDispatcher('tweede');
    await waitUntil('the second process delivered it', async () => (await afleveringen(abonnement))[0]?.delivered_at !== null);
    const [after] = await afleveringen(abonnement);
    expect(after?.attempts).toBe(2);
    expect(subscriber.received.map((request) => request.body)).toEqual([sent, sent]);
    release();
  });

  it('fans a notification out once, even when its own outbox event is delivered twice', async () => {
    const subscriber = await receiver();
    const abonnement = await subscribe(`${subscriber.url}/eenmaal`, [{ naam: 'zaken' }]);
    const handlers = new DeliveryHandlers();
    registerNotificatiesDelivery(handlers, { db: database.db, keys: test.keys, outbound: { allowPrivateNetworks: true } });
    const fanOut = handlers.get(NOTIFICATIE_KIND);
    if (!fanOut) throw new Error('no fan-out handler');
    const notificatie = { ...message(), kenmerken: {} } as unknown as Notificatie;
    // An event the running dispatcher does not see (delivered already), handed to the fan-out twice by hand.
    const id = await database.db.transaction().execute((trx) => enqueueEvent(trx, { tenantId: tenant.id, kind: NOTIFICATIE_KIND, payload: notificatie, availableAt: new Date(Date.now() + 3_600_000) }));
    const event = { id, tenantId: tenant.id, kind: NOTIFICATIE_KIND, payload: notificatie, createdAt: new Date(), attempts: 1, lockedBy: null, lockedUntil: null, deliveredAt: null, failedAt: null, lastError: null };
    await fanOut(event, new AbortController().signal);
    await fanOut(event, new AbortController().signal);
    expect(await afleveringen(abonnement)).toHaveLength(1);
  });

  it('fans out notifications that start together in one go, each to its own abonnementen and each once', async () => {
    const zaken = await receiver();
    const besluiten = await receiver();
    const zakenAbonnement = await subscribe(`${zaken.url}/samen-zaken`, [{ naam: 'zaken' }]);
    const besluitenAbonnement = await subscribe(`${besluiten.url}/samen-besluiten`, [{ naam: 'besluiten' }]);
    const handlers = new DeliveryHandlers();
    registerNotificatiesDelivery(handlers, { db: database.db, keys: test.keys, outbound: { allowPrivateNetworks: true } });
    const fanOut = handlers.get(NOTIFICATIE_KIND);
    if (!fanOut) throw new Error('no fan-out handler');
    const zaak = { ...message({ resourceUrl: `https://zaken.example/api/v1/zaken/${randomUUID()}` }), kenmerken: {} } as unknown as Notificatie;
    const besluit = { ...message({ kanaal: 'besluiten', resource: 'besluit', resourceUrl: `https://besluiten.example/api/v1/besluiten/${randomUUID()}` }), kenmerken: {} } as unknown as Notificatie;
    // Events the running dispatcher does not see yet, handed to the fan-out by hand in one turn, the zaak one twice.
    const later = new Date(Date.now() + 3_600_000);
    const event = async (notificatie: Notificatie) => {
      const id = await database.db.transaction().execute((trx) => enqueueEvent(trx, { tenantId: tenant.id, kind: NOTIFICATIE_KIND, payload: notificatie, availableAt: later }));
      return { id, tenantId: tenant.id, kind: NOTIFICATIE_KIND, payload: notificatie, createdAt: new Date(), attempts: 1, lockedBy: null, lockedUntil: null, deliveredAt: null, failedAt: null, lastError: null };
    };
    const zaakEvent = await event(zaak);
    const besluitEvent = await event(besluit);
    const signal = new AbortController().signal;
    await Promise.all([fanOut(zaakEvent, signal), fanOut(besluitEvent, signal), fanOut(zaakEvent, signal)]);

    expect((await afleveringen(zakenAbonnement)).map((row) => row.resource_url)).toEqual([zaak.resourceUrl]);
    expect((await afleveringen(besluitenAbonnement)).map((row) => row.resource_url)).toEqual([besluit.resourceUrl]);
    const markers = await database.db.selectFrom('notificaties_fanouts').select(['outbox_id', 'afleveringen']).where('outbox_id', 'in', [zaakEvent.id, besluitEvent.id]).orderBy('outbox_id').execute();
    expect(markers.map((marker) => [Number(marker.outbox_id), marker.afleveringen])).toEqual([
      [zaakEvent.id, 1],
      [besluitEvent.id, 1],
    ]);
  });

  it('does not let a hanging subscriber hold up deliveries to another, however many are waiting for it', async () => {
    const pending: (() => void)[] = [];
    const hanging = await receiver(
      () =>
        new Promise<number>((resolve) => {
          pending.push(() => resolve(200));
        }),
    );
    const healthy = await receiver();
    // Subscribed first, so each notification's delivery to it comes first in the outbox.
    await subscribe(`${hanging.url}/hangt`, [{ naam: 'zaken' }]);
    await subscribe(`${healthy.url}/gezond`, [{ naam: 'zaken' }]);
    // A time-out far beyond the test: only the lane limit can keep the hanging subscriber from taking every slot.
    // Eight slots, so its lane limit (half: four) is well below the twelve notifications.
    await dispatcher.stop();
    dispatcher = startDispatcher('geduldig', { timeoutMs: 600_000, concurrency: 8 });
    expect(dispatcher.laneLimit).toBe(4);
    const sent: Json[] = [];
    for (let n = 0; n < 12; n++) sent.push(await publish());

    await waitUntil('the healthy subscriber has all twelve', () => healthy.received.length === 12);
    expect(new Set(bodies(healthy).map((body) => body.resourceUrl))).toEqual(new Set(sent.map((body) => body.resourceUrl)));
    // The hanging subscriber holds at most its lane limit of the 8 delivery slots (half), and its other deliveries wait
    // their turn in the outbox. Lane-limited claims take turns (an advisory lock on PostgreSQL), so the limit holds
    // exactly.
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.length).toBeLessThanOrEqual(dispatcher.laneLimit);

    // Once it answers again, it gets every notification too.
    hanging.respondWith(() => 200);
    for (const resolve of pending.splice(0)) resolve();
    await waitUntil('the hanging subscriber caught up', () => new Set(bodies(hanging).map((body) => body.resourceUrl)).size === 12);
  });

  it('cuts a delivery off after its time-out and retries it later', async () => {
    const subscriber = await receiver(() => new Promise<number>(() => undefined));
    const abonnement = await subscribe(`${subscriber.url}/traag`, [{ naam: 'zaken' }]);
    const handler = createAfleveringHandler({ db: database.db, keys: test.keys, outbound: { allowPrivateNetworks: true }, timeoutMs: 100 });
    const aflevering = { abonnement, notificatie: { ...message(), kenmerken: {} } };
    const event = { id: 0, tenantId: tenant.id, kind: AFLEVERING_KIND, payload: aflevering, createdAt: new Date(), attempts: 1, lockedBy: null, lockedUntil: null, deliveredAt: null, failedAt: null, lastError: null };
    await expect(handler(event, new AbortController().signal)).rejects.toThrow('callback did not answer within 0.1 s');
  });

  it('sends nothing to a loopback callback while private networks are not allowed', async () => {
    const subscriber = await receiver();
    // A host name, not an address: accepted when subscribing, refused when its addresses are checked at delivery.
    const abonnement = await subscribe(`${subscriber.url.replace('127.0.0.1', 'localhost')}/intern`, [{ naam: 'zaken' }]);
    const handler = createAfleveringHandler({ db: database.db, keys: test.keys, outbound: { allowPrivateNetworks: false } });
    const event = {
      id: 0,
      tenantId: tenant.id,
      kind: AFLEVERING_KIND,
      payload: { abonnement, notificatie: { ...message(), kenmerken: {} } },
      createdAt: new Date(),
      attempts: 1,
      lockedBy: null,
      lockedUntil: null,
      deliveredAt: null,
      failedAt: null,
      lastError: null,
    };
    await expect(handler(event, new AbortController().signal)).rejects.toThrow(/refused/);
    expect(subscriber.received).toEqual([]);
  });
});
