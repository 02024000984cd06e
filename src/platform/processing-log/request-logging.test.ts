import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestClient, createTestTenant, hostOf, testConfig } from '../../../test/fixtures.ts';
import type { Tenant } from '../database/schema.ts';
import { createKeys } from '../crypto/keys.ts';
import { createLogger } from '../logging/logger.ts';
import { buildApp } from '../http/app.ts';
import { actorOf, logRequestProcessing } from './request.ts';

const keys = createKeys(randomBytes(32));
let database: TestDatabase;
let app: FastifyInstance;
let tenant: Tenant;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ config: testConfig(), database, keys, logger: createLogger('silent') }, async (instance) => {
    // A stand-in for a component route that reads a person's data.
    instance.get('/test/persoon', { config: { scopes: [] } }, async (request) => {
      return database.db.transaction().execute((trx) =>
        logRequestProcessing(trx, keys, request, { activityId: 'zaak-behandelen', name: 'persoon-raadplegen', status: 'ok', startTime: new Date(), dataSubjects: [{ type: 'BSN', id: '111222333' }] }),
      );
    });
  });
  await app.ready();
  tenant = await createTestTenant(database.db);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function rowBySeq(seq: number | undefined) {
  return database.db.selectFrom('processing_log').selectAll().where('tenant_id', '=', tenant.id).where('seq', '=', seq ?? -1).executeTakeFirstOrThrow();
}

describe('logging processing from an HTTP request', () => {
  it('takes tenant and actor from the API caller, and keeps the JWT\'s user out of the record', async () => {
    const client = await createTestClient(database.db, keys, tenant, { heeftAlleAutorisaties: true });
    const response = await app.inject({ method: 'GET', url: '/test/persoon', headers: { host: hostOf(tenant), authorization: `Bearer ${await client.token()}` } });
    expect(response.statusCode).toBe(200);
    const row = await rowBySeq(response.json<{ seqs: number[] }>().seqs[0]);
    expect(row.actor).toBe(`applicatie:${client.clientId}`);
    expect(row.foreign_operation).toBeNull();
    expect(row.parent_operation_id).toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/test-gebruiker|Test Gebruiker/);
  });

  it('turns a caller\'s traceparent into a foreign_operation attributed to that client', async () => {
    const client = await createTestClient(database.db, keys, tenant, { heeftAlleAutorisaties: true });
    const response = await app.inject({
      method: 'GET',
      url: '/test/persoon',
      headers: { host: hostOf(tenant), authorization: `Bearer ${await client.token()}`, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
    });
    const row = await rowBySeq(response.json<{ seqs: number[] }>().seqs[0]);
    expect(row.foreign_operation).toEqual({ trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', operation_id: '00f067aa0ba902b7', entity: `urn:loket:applicatie:${client.clientId}` });
    expect(row.trace_id).not.toBe('4bf92f3577b34da6a3ce929d0e0e4736');
  });
});

describe('the actor of a request', () => {
  it('is the staff member\'s roles, never their identity', () => {
    const staff = { userId: 'u-1', email: 'kim@voorbeeld.nl', displayName: 'Kim', roles: ['kcc', 'behandelaar'] };
    expect(actorOf({ apiCaller: undefined, staff })).toBe('medewerker:behandelaar,kcc');
  });

  it('is the application for an API client and "publiek" for an anonymous visitor', () => {
    expect(actorOf({ apiCaller: { clientId: 'zaakapp' } })).toBe('applicatie:zaakapp');
    expect(actorOf({ apiCaller: undefined, staff: null })).toBe('publiek');
  });
});
