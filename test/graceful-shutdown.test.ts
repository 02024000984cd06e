import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createTestApp, type TestApp } from './fixtures.ts';

describe('graceful shutdown', () => {
  let database: TestDatabase;
  let test: TestApp;
  let release: (() => void) | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    test = await createTestApp(database, {}, (app) => {
      app.get('/test/langzaam', { config: { public: true, tenantless: true } }, async () => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { klaar: true };
      });
    });
    await test.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await database.close();
  });

  it('finishes a request in flight and refuses new work while closing', async () => {
    const port = (test.app.server.address() as AddressInfo).port;
    const inFlight = fetch(`http://127.0.0.1:${port}/test/langzaam`);
    // Wait until the handler is really running before shutting down.
    while (release === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
    const closing = test.app.close();
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ klaar: true });
    await closing;
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
  });
});
