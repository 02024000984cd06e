import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';
import type { Config } from './config/config.ts';
import { openDatabase } from './database/connection.ts';
import { migrate } from './database/migrator.ts';
import { loadKeys } from './crypto/keys.ts';
import { createLogger } from './logging/logger.ts';
import { buildApp } from './http/app.ts';
import { registerModules } from './modules.ts';
import { listTenants } from './tenants/repository.ts';
import { formatDemoCredentials, seedDemo } from './seed/demo-tenant.ts';
import { OutboxDispatcher } from './outbox/dispatcher.ts';
import { startHousekeeping } from './housekeeping.ts';
import { startInzichtVerversing } from '../inzicht/aggregaten/verversing-job.ts';
import { registerNotificatiesDelivery } from '../components/notificaties/delivery.ts';
import { createMailer } from './mail/mailer.ts';
import { registerMailDelivery } from './mail/mail-outbox.ts';
import { statusMailSubscriber } from '../portaal/mijn/status-mail.ts';

export interface RunningLoket {
  app: FastifyInstance;
  context: AppContext;
  /** Stops accepting requests, finishes those in flight, stops background work and closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts one Loket process: opens and migrates the database, seeds the demo municipality on the
 * very first start (printing its credentials once), serves HTTP and runs background work.
 */
export async function startLoket(config: Config, options: { print?: (text: string) => void } = {}): Promise<RunningLoket> {
  const logger = createLogger(config.logLevel);
  const keys = loadKeys(config);
  const database = await openDatabase(config, (error) => logger.warn({ err: error }, 'database connection lost; the pool will reconnect'));
  try {
    await migrate(database);
    if ((await listTenants(database.db)).length === 0) {
      const credentials = await seedDemo(database.db, keys);
      (options.print ?? ((text) => process.stdout.write(`${text}\n`)))(formatDemoCredentials(credentials));
    }
  } catch (error) {
    await database.close();
    throw error;
  }
  const mailer = createMailer(config.smtpUrl !== undefined ? { kind: 'smtp', url: config.smtpUrl } : { kind: 'folder', directory: join(config.dataDir, 'mail') });
  const outbox = config.outboxEnabled
    ? new OutboxDispatcher({
        db: database.db,
        logger: logger.child({ module: 'outbox' }),
        leaseSeconds: config.outboxLeaseSeconds,
        pollMs: config.outboxPollMs,
        concurrency: config.outboxConcurrency,
        // PGlite is one session inside this process: notify() suffices there, LISTEN is for PostgreSQL.
        listenUrl: database.engine === 'postgres' ? config.databaseUrl : undefined,
      })
    : undefined;
  if (outbox) {
    const outbound = { allowPrivateNetworks: config.outboundAllowPrivateNetworks };
    registerNotificatiesDelivery(outbox.handlers, {
      db: database.db,
      keys,
      outbound,
      notify: () => outbox.notify(),
      internalSubscribers: [statusMailSubscriber({ keys, logger: logger.child({ module: 'portaal' }) })],
    });
    registerMailDelivery(outbox.handlers, { db: database.db, mailer, fromAddress: config.mailFrom });
  }
  const context: AppContext = { config, database, keys, logger, outbox };
  const app = await buildApp(context, (instance) => registerModules(instance, context));
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // A port in use must not leave the pool open or the embedded database claimed.
    await app.close();
    await database.close();
    throw error;
  }
  outbox?.start();
  const stopHousekeeping = startHousekeeping(database.db, {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
      resident: { idleMinutes: config.residentIdleMinutes, absoluteHours: config.residentAbsoluteHours },
    },
    logger.child({ module: 'housekeeping' }));
  const stopInzicht = startInzichtVerversing(database.db, logger.child({ module: 'inzicht' }));
  let stopping: Promise<void> | undefined;
  return {
    app,
    context,
    stop() {
      stopping ??= (async () => {
        stopHousekeeping();
        await stopInzicht();
        await app.close();
        // Requests are done (their events committed); let deliveries in flight finish before the database closes.
        await outbox?.stop();
        await database.close();
        mailer.close();
      })();
      return stopping;
    },
  };
}
