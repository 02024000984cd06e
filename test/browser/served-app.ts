import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Tenant } from '../../src/platform/database/schema.ts';
import { createKeys } from '../../src/platform/crypto/keys.ts';
import { createLogger } from '../../src/platform/logging/logger.ts';
import { buildApp } from '../../src/platform/http/app.ts';
import { registerModules } from '../../src/platform/modules.ts';
import { insertTenant } from '../../src/platform/tenants/repository.ts';
import { seedTenantDefaults } from '../../src/platform/seed/tenant-defaults.ts';
import type { AppContext } from '../../src/platform/context.ts';
import { createTestDatabase, type TestDatabase } from '../database.ts';
import { testConfig } from '../fixtures.ts';

/** Loket listening on 127.0.0.1 for a browser, with its own database and a tenant for that host. */
export interface ServedApp {
  app: FastifyInstance;
  context: AppContext;
  database: TestDatabase;
  tenant: Tenant;
  /** `http://127.0.0.1:<port>` */
  base: string;
  close(): Promise<void>;
}

/**
 * Serves the full app to a browser; the browser reaches it as 127.0.0.1, so the tenant claims that host.
 * `configOverrides` as for `testConfig` (e.g. a data directory of the test's own); `extraRoutes` adds test-only routes.
 */
export async function serveForBrowser(
  tenant: { slug: string; name: string },
  configOverrides: Record<string, string> = {},
  extraRoutes: (app: FastifyInstance, context: AppContext) => void = () => undefined,
): Promise<ServedApp> {
  const database = await createTestDatabase();
  const context: AppContext = { config: testConfig(configOverrides), database, keys: createKeys(randomBytes(32)), logger: createLogger('silent') };
  const created = await insertTenant(database.db, { ...tenant, rsin: '123456782', hostnames: ['127.0.0.1'] });
  await seedTenantDefaults(database.db, created.id);
  const app = await buildApp(context, async (instance) => {
    await registerModules(instance, context);
    extraRoutes(instance, context);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    context,
    database,
    tenant: created,
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
