import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import type { Database, Tenant } from '../src/platform/database/schema.ts';
import { loadConfig, type Config } from '../src/platform/config/config.ts';
import { createKeys, type Keys } from '../src/platform/crypto/keys.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { registerModules } from '../src/platform/modules.ts';
import { insertTenant } from '../src/platform/tenants/repository.ts';
import { seedTenantDefaults } from '../src/platform/seed/tenant-defaults.ts';
import { insertAutorisatie, type Autorisatie } from '../src/platform/auth/autorisaties.ts';
import { insertApiClient } from '../src/platform/auth/api-client-repository.ts';
import type { AppContext } from '../src/platform/context.ts';
import type { TestDatabase } from './database.ts';

/** Test configuration: defaults plus overrides, with a fresh random key. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOKET_LOG_LEVEL: 'silent', LOKET_OUTBOX_ENABLED: 'false', ...overrides });
}

/** A tenant of its own for a test (isolation by tenant, not by truncating), served at `<slug>.test`. */
export async function createTestTenant(db: Kysely<Database>, name = 'Gemeente Test'): Promise<Tenant> {
  const slug = `t-${randomBytes(5).toString('hex')}`;
  const tenant = await insertTenant(db, { slug, name, rsin: '123456782', hostnames: [`${slug}.test`] });
  await seedTenantDefaults(db, tenant.id);
  return tenant;
}

/** The host header that reaches a tenant. */
export function hostOf(tenant: Tenant): string {
  return tenant.hostnames[0] ?? `${tenant.slug}.test`;
}

export interface TestApp {
  app: FastifyInstance;
  context: AppContext;
  keys: Keys;
}

/** The full Loket HTTP application on a test database, for `app.inject`; `extraRoutes` adds test-only routes. */
export async function createTestApp(
  database: TestDatabase,
  overrides: Record<string, string> = {},
  extraRoutes: (app: FastifyInstance, context: AppContext) => void = () => undefined,
): Promise<TestApp> {
  const config = testConfig(overrides);
  const keys = createKeys(randomBytes(32));
  const context: AppContext = { config, database, keys, logger: createLogger('silent') };
  const app = await buildApp(context, async (instance) => {
    await registerModules(instance, context);
    extraRoutes(instance, context);
  });
  await app.ready();
  return { app, context, keys };
}

/** Registers an API client for a tenant and returns a function that signs fresh ZGW tokens for it. */
export async function createTestClient(
  db: Kysely<Database>,
  keys: Keys,
  tenant: Tenant,
  options: { scopes?: string[]; heeftAlleAutorisaties?: boolean; autorisaties?: Autorisatie[] } = {},
): Promise<{ clientId: string; secret: string; token: (claims?: { iat?: number }) => Promise<string> }> {
  const clientId = `client-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(24).toString('base64url');
  const client = await insertApiClient(db, keys, { tenantId: tenant.id, clientId, secret, scopes: options.scopes, heeftAlleAutorisaties: options.heeftAlleAutorisaties });
  for (const autorisatie of options.autorisaties ?? []) await insertAutorisatie(db, tenant.id, client.applicatie_uuid, autorisatie);
  return {
    clientId,
    secret,
    token: (claims = {}) => signZgwToken(clientId, secret, claims.iat),
  };
}

/** Signs a ZGW-style HS256 token. */
export function signZgwToken(clientId: string, secret: string, iat = Math.floor(Date.now() / 1000)): Promise<string> {
  return new SignJWT({ client_id: clientId, user_id: 'test-gebruiker', user_representation: 'Test Gebruiker' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(clientId)
    .setIssuedAt(iat)
    .sign(new TextEncoder().encode(secret));
}
