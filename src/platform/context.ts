import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { LoketDatabase } from './database/connection.ts';
import type { Keys } from './crypto/keys.ts';

/** What a running Loket process shares between its parts. Services take only the pieces they use. */
export interface AppContext {
  config: Config;
  database: LoketDatabase;
  keys: Keys;
  logger: Logger;
}
