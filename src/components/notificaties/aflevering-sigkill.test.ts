import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeys } from '../../platform/crypto/keys.ts';
import type { Tenant } from '../../platform/database/schema.ts';
import { AFLEVERING_KIND, enqueueNotificatie, NOTIFICATIE_KIND } from '../../platform/zgw/notificatie.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { testEngine } from '../../../test/engine.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { spawnLoket, waitUntilReady, type LoketProcess } from '../../../test/process.ts';
import { waitUntil } from '../../../test/wait-until.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import { insertAbonnement } from './abonnementen/repository.ts';

const NOTIFICATIES = 100;
const SUBSCRIBERS = ['/eerste', '/tweede'];
/** Kill the first process once this many deliveries arrived: some done, most still to come. */
const KILL_AFTER = 30;
const onPostgres = testEngine().kind === 'postgres';

describe.skipIf(!onPostgres)(
  onPostgres ? 'notification delivery across a killed Loket process' : 'notification delivery across a killed Loket process (needs PostgreSQL: set LOKET_TEST_DATABASE_URL)',
  () => {
    let database: TestDatabase;
    let tenant: Tenant;
    let receiver: WebhookReceiver;
    const processes: LoketProcess[] = [];
    const dataDirs: string[] = [];
    /** Every delivery that arrived as `<path> <nummer>` (duplicates included: delivery is at least once). */
    const arrivals: string[] = [];
    let killedAfter: number | undefined;

    beforeAll(async () => {
      database = await createTestDatabase();
      // A tenant first, so the processes do not seed the demo municipality.
      tenant = await createTestTenant(database.db);
      receiver = await startWebhookReceiver(async (request) => {
        arrivals.push(`${request.path} ${String((request.body as { resourceUrl?: string }).resourceUrl?.split('/').pop())}`);
        const victim = processes[0];
        if (killedAfter === undefined && victim !== undefined && arrivals.length >= KILL_AFTER) {
          // Killed from inside the subscriber, so it dies with deliveries in flight and most still due.
          killedAfter = new Set(arrivals).size;
          victim.child.kill('SIGKILL');
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
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

    async function start(secretKey: string): Promise<LoketProcess> {
      if (!database.url) throw new Error('the PostgreSQL test database has no url');
      const dataDir = mkdtempSync(join(tmpdir(), 'loket-notificaties-'));
      dataDirs.push(dataDir);
      const loket = await spawnLoket({
        DATABASE_URL: database.url,
        LOKET_SECRET_KEY: secretKey,
        LOKET_DATA_DIR: dataDir,
        LOKET_OUTBOX_LEASE_SECONDS: '2',
        LOKET_OUTBOX_POLL_MS: '100',
        // The subscribers listen on 127.0.0.1.
        LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true',
        LOKET_LOG_LEVEL: 'warn',
      });
      processes.push(loket);
      await waitUntilReady(loket, 60_000);
      return loket;
    }

    it('delivers every notification to every abonnement although the process delivering them is killed', { timeout: 180_000 }, async () => {
      const secretKey = randomBytes(32).toString('base64');
      const keys = createKeys(Buffer.from(secretKey, 'base64'));
      for (const path of SUBSCRIBERS) {
        await insertAbonnement(database.db, tenant.id, 'test', { callbackUrl: `${receiver.url}${path}`, authEncrypted: keys.encrypt(`Bearer ${path}`), kanalen: [{ naam: 'zaken', filters: {} }] });
      }
      const first = await start(secretKey);

      // Loket's own notifications as a committed transaction would leave them in the outbox.
      await database.db.transaction().execute(async (trx) => {
        for (let nummer = 0; nummer < NOTIFICATIES; nummer++) {
          await enqueueNotificatie(trx, tenant.id, {
            kanaal: 'zaken',
            hoofdObject: `https://loket.example/zaken/api/v1/zaken/${nummer}`,
            resource: 'zaak',
            resourceUrl: `https://loket.example/zaken/api/v1/zaken/${nummer}`,
            actie: 'create',
            aanmaakdatum: new Date().toISOString(),
            kenmerken: { bronorganisatie: '002220647', zaaktype: 'https://loket.example/catalogi/api/v1/zaaktypen/1', vertrouwelijkheidaanduiding: 'openbaar' },
          });
        }
      });

      await waitUntil('the delivering process is killed', () => killedAfter !== undefined, 60_000);
      expect(await first.exited).toBe('SIGKILL');
      expect(killedAfter).toBeLessThan(NOTIFICATIES * SUBSCRIBERS.length);

      // Restarted: the new process takes over what the dead one had claimed once its lease ran out.
      await start(secretKey);
      const expected = SUBSCRIBERS.flatMap((path) => Array.from({ length: NOTIFICATIES }, (_, nummer) => `${path} ${nummer}`)).sort();
      await waitUntil('every notification reached every subscriber', () => new Set(arrivals).size === expected.length, 120_000);
      expect([...new Set(arrivals)].sort()).toEqual(expected);

      await waitUntil('every outbox row is settled', async () => {
        const open = await database.db.selectFrom('outbox').select('id').where('tenant_id', '=', tenant.id).where('delivered_at', 'is', null).execute();
        return open.length === 0;
      });
      const rows = await database.db.selectFrom('outbox').select(['kind', 'failed_at']).where('tenant_id', '=', tenant.id).execute();
      expect(rows.filter((row) => row.kind === NOTIFICATIE_KIND)).toHaveLength(NOTIFICATIES);
      // One delivery record per notification and abonnement: a fan-out redone after the kill added none.
      expect(rows.filter((row) => row.kind === AFLEVERING_KIND)).toHaveLength(NOTIFICATIES * SUBSCRIBERS.length);
      expect(rows.filter((row) => row.failed_at !== null)).toEqual([]);
    });
  },
);
