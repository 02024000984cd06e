import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { LoketDatabase } from './database/connection.ts';
import type { Keys } from './crypto/keys.ts';
import type { OutboxNotifier } from './outbox/dispatcher.ts';

/** What a running Loket process shares between its parts. Services take only the pieces they use. */
export interface AppContext {
  config: Config;
  database: LoketDatabase;
  keys: Keys;
  logger: Logger;
  /** Wakes this process's outbox dispatcher after a commit that enqueued events; absent when the dispatcher is off. */
  outbox?: OutboxNotifier;
}
