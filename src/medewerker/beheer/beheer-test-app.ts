import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { createKeys } from '../../platform/crypto/keys.ts';
import { createLogger } from '../../platform/logging/logger.ts';
import { buildApp } from '../../platform/http/app.ts';
import { registerModules } from '../../platform/modules.ts';
import type { TestDatabase } from '../../../test/database.ts';
import { testConfig, type TestApp } from '../../../test/fixtures.ts';

/** The full app for the beheer tests, with its log lines kept so a test can read the security events and check no secret is in them. */
export async function createLoggedTestApp(database: TestDatabase): Promise<TestApp & { lines: string[] }> {
  const lines: string[] = [];
  const keys = createKeys(randomBytes(32));
  const context: AppContext = { config: testConfig(), database, keys, logger: createLogger('info', { write: (line: string) => void lines.push(line) }) };
  const app = await buildApp(context, (instance) => registerModules(instance, context));
  await app.ready();
  return { app, context, keys, lines };
}

/** The structured events among the log lines. */
export function loggedEvents(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => typeof entry.event === 'string');
}
