import { ConfigError, loadConfig } from './platform/config/config.ts';
import { EmbeddedDatabaseInUseError } from './platform/database/embedded-lock.ts';
import { startLoket } from './platform/server.ts';

/** `npm start`: one Loket process, stopped gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Loket cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  let loket;
  try {
    loket = await startLoket(config);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUseError) {
      process.stderr.write(`Loket cannot start: ${error.message}\n`);
      process.exit(3);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`Loket cannot start: port ${config.port} is already in use; choose another with PORT.\n`);
      process.exit(4);
    }
    throw error;
  }
  const shutdown = (signal: string) => {
    loket.context.logger.info({ signal }, 'shutting down: finishing requests in flight');
    loket.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        loket.context.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

await main();
