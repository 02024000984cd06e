import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from '../src/platform/database/schema.ts';
import { enqueueWebhook } from '../src/platform/outbox/webhook.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { testEngine } from './engine.ts';
import { createTestTenant } from './fixtures.ts';
import { spawnLoket, waitUntilReady, type LoketProcess } from './process.ts';
import { waitUntil } from './wait-until.ts';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

const EVENTS = 300;
/** Kill the first process once this many deliveries arrived: some done, most still to come. */
const KILL_AFTER = 60;
const onPostgres = testEngine().kind === 'postgres';

describe.skipIf(!onPostgres)(
  onPostgres ? 'two Loket processes sharing one outbox' : 'two Loket processes sharing one outbox (needs PostgreSQL: set LOKET_TEST_DATABASE_URL)',
  () => {
    let database: TestDatabase;
    let tenant: Tenant;
    let receiver: WebhookReceiver;
    const processes: LoketProcess[] = [];
    const dataDirs: string[] = [];
    /** Every delivery that arrived, by event number (duplicates included: delivery is at least once). */
    const arrivals: number[] = [];
    let killed: { pid: number; arrivedBefore: number } | undefined;

    beforeAll(async () => {
      database = await createTestDatabase();
      // Creating a tenant first also means the processes skip seeding the demo municipality.
      tenant = await createTestTenant(database.db);
      receiver = await startWebhookReceiver(async (request) => {
        const number = (request.body as { nummer?: unknown } | null)?.nummer;
        if (typeof number === 'number') arrivals.push(number);
        const victim = processes[0];
        if (killed === undefined && victim?.child.pid !== undefined && arrivals.length >= KILL_AFTER) {
          // Killed from inside the receiver, so it dies with deliveries in flight and most still due.
          killed = { pid: victim.child.pid, arrivedBefore: new Set(arrivals).size };
          victim.child.kill('SIGKILL');
        }
        // A little slow, so every process has deliveries in flight.
        await new Promise((resolve) => setTimeout(resolve, 40));
        return 200;
      });
    });

    afterAll(async () => {
      for (const loket of processes) {
        if (loket.child.exitCode === null && loket.child.signalCode === null) loket.child.kill('SIGKILL');
        await loket.exited;
      }
      await receiver?.close();
      await database?.close();
      for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
    });

    it('delivers every event at least once although one process is killed mid-way', { timeout: 120_000 }, async () => {
      if (!database.url) throw new Error('the PostgreSQL test database has no url');
      const secretKey = randomBytes(32).toString('base64');
      for (let n = 0; n < 2; n++) {
        const dataDir = mkdtempSync(join(tmpdir(), 'loket-outbox-'));
        dataDirs.push(dataDir);
        processes.push(
          await spawnLoket({
            DATABASE_URL: database.url,
            LOKET_SECRET_KEY: secretKey,
            LOKET_DATA_DIR: dataDir,
            LOKET_OUTBOX_LEASE_SECONDS: '2',
            LOKET_OUTBOX_POLL_MS: '100',
            LOKET_LOG_LEVEL: 'warn',
          }),
        );
      }
      await Promise.all(processes.map((loket) => waitUntilReady(loket, 60_000)));

      // One transaction, committed while both processes run: its NOTIFY wakes both at once.
      await database.db.transaction().execute(async (trx) => {
        for (let nummer = 0; nummer < EVENTS; nummer++) {
          await enqueueWebhook(trx, tenant.id, { url: `${receiver.url}/hook`, body: { nummer } });
        }
      });

      await waitUntil('the first process is killed', () => killed !== undefined, 60_000);
      const victim = processes[0];
      if (!victim || !killed) throw new Error('no process was killed');
      expect(await victim.exited).toBe('SIGKILL');
      expect(killed.arrivedBefore).toBeLessThan(EVENTS);

      // What the killed process had claimed but not recorded: only its lease running out frees these.
      const orphans = await sql<{ id: number }>`
        SELECT id FROM outbox WHERE tenant_id = ${tenant.id} AND delivered_at IS NULL AND locked_by LIKE ${`%:${killed.pid}:%`}`.execute(database.db);
      expect(orphans.rows.length, 'the killed process should have had deliveries in flight').toBeGreaterThan(0);

      const undelivered = async () =>
        Number(
          (
            await database.db
              .selectFrom('outbox')
              .select((eb) => eb.fn.countAll().as('count'))
              .where('tenant_id', '=', tenant.id)
              .where('delivered_at', 'is', null)
              .executeTakeFirstOrThrow()
          ).count,
        );
      await waitUntil('every event is delivered', async () => new Set(arrivals).size === EVENTS && (await undelivered()) === 0, 60_000);

      // None lost: every event number arrived, every row is marked delivered, none given up.
      expect([...new Set(arrivals)].sort((a, b) => a - b)).toEqual(Array.from({ length: EVENTS }, (_, n) => n));
      const rows = await database.db
        .selectFrom('outbox')
        .select(['id', 'delivered_at', 'failed_at', 'locked_by'])
        .where('tenant_id', '=', tenant.id)
        .execute();
      expect(rows).toHaveLength(EVENTS);
      expect(rows.filter((row) => row.delivered_at === null || row.failed_at !== null)).toEqual([]);
      // The orphans were taken over by the surviving process after their lease ran out.
      const survivorPid = processes[1]?.child.pid;
      const orphanIds = new Set(orphans.rows.map((row) => Number(row.id)));
      for (const row of rows.filter((entry) => orphanIds.has(entry.id))) expect(row.locked_by).toContain(`:${survivorPid}:`);
      expect(processes[1]?.child.exitCode).toBeNull();
    });
  },
);
