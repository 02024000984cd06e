import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tenant } from './database/schema.ts';
import { createStaffUser } from './auth/staff-user-repository.ts';
import { createKeys } from './crypto/keys.ts';
import { removeExpiredAuthenticationData } from './housekeeping.ts';
import { createTestDatabase, type TestDatabase } from '../../test/database.ts';
import { createTestTenant } from '../../test/fixtures.ts';

describe('housekeeping of authentication data', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('removes idle and over-age sessions and old sign-in attempts, keeping live ones', async () => {
    const { user } = await createStaffUser(database.db, createKeys(Buffer.alloc(32, 1)), { tenantId: tenant.id, email: 'h@example.nl', displayName: 'H', roles: ['kcc'] });
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const session = (id: string, created: Date, seen: Date) => ({ id_hash: id, tenant_id: tenant.id, user_id: user.id, csrf_token: 't', created_at: created, last_seen_at: seen });
    await database.db.insertInto('staff_sessions').values([session('live', ago(60), ago(1)), session('idle', ago(60), ago(31)), session('old', ago(11 * 60), ago(1))]).execute();
    await database.db
      .insertInto('sign_in_attempts')
      .values([
        { tenant_id: tenant.id, email: 'h@example.nl', ip: '127.0.0.1', succeeded: false, attempted_at: ago(31 * 24 * 60) },
        { tenant_id: tenant.id, email: 'h@example.nl', ip: '127.0.0.1', succeeded: false, attempted_at: ago(5) },
      ])
      .execute();
    const removed = await removeExpiredAuthenticationData(database.db, { idleMinutes: 30, absoluteHours: 10 }, now);
    expect(removed).toEqual({ sessions: 2, residentSessions: 0, signInAttempts: 1 });
    const left = await database.db.selectFrom('staff_sessions').select('id_hash').where('tenant_id', '=', tenant.id).execute();
    expect(left.map((row) => row.id_hash)).toEqual(['live']);
  });
});
