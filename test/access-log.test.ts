import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Tenant } from '../src/platform/database/schema.ts';
import { createKeys } from '../src/platform/crypto/keys.ts';
import { createLogger } from '../src/platform/logging/logger.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { registerModules } from '../src/platform/modules.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestClient, createTestTenant, hostOf, testConfig } from './fixtures.ts';

describe('access logs', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let tenant: Tenant;
  let context: AppContext;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    context = { config: testConfig(), database, keys: createKeys(randomBytes(32)), logger: createLogger('info', sink) };
    app = await buildApp(context, (instance) => registerModules(instance, context));
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('record each request with its id but never a BSN, a token or a cookie', async () => {
    const client = await createTestClient(database.db, context.keys, tenant);
    const token = await client.token();
    const response = await app.inject({
      url: '/platform/api/v1/gemeente?bsn=111222333',
      headers: { host: hostOf(tenant), authorization: `Bearer ${token}`, cookie: 'loket_sessie=geheim-sessie-id' },
    });
    const requestId = String(response.headers['x-request-id']);
    const log = lines.join('');
    expect(log).toContain(requestId);
    expect(log).toContain('/platform/api/v1/gemeente');
    expect(log).not.toContain('111222333');
    expect(log).not.toContain(token);
    expect(log).not.toContain('geheim-sessie-id');
  });
});
