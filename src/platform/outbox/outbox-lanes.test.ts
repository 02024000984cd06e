import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import type { Tenant } from '../database/schema.ts';
import { claimDueEvents, LANE_CLAIM_LOCK_KEY, recordDeliveredAndClaim } from './repository.ts';
import { enqueueEvents } from './write.ts';

describe('outbox lanes', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  async function enqueue(lanes: (string | undefined)[]): Promise<number[]> {
    // A kind no dispatcher knows, claimed by hand below.
    return database.db.transaction().execute((trx) => enqueueEvents(trx, lanes.map((lane, index) => ({ tenantId: tenant.id, kind: 'lane-test', payload: { index }, lane }))));
  }

  it('leases at most the lane limit of one lane, over several claims, and claims the events behind it instead', async () => {
    const ids = await enqueue(['traag', 'traag', 'traag', 'traag', 'traag', 'snel', undefined, 'snel']);
    // The four oldest are all of lane `traag`: two are claimed, the other two stay for later.
    const first = await claimDueEvents(database.db, 'worker-a', 4, 60, 2);
    expect(first.map((event) => event.id)).toEqual([ids[0], ids[1]]);
    // Another process: lane `traag` is at its limit everywhere, so it gets what lies behind it.
    const second = await claimDueEvents(database.db, 'worker-b', 4, 60, 2);
    expect(second.map((event) => event.id)).toEqual([ids[5], ids[6], ids[7]]);
    expect(await claimDueEvents(database.db, 'worker-b', 4, 60, 2)).toEqual([]);
  });

  it('on PostgreSQL, makes lane-limited claims take turns, so the second counts the first one’s leases', async () => {
    if (database.engine !== 'postgres') return;
    const ids = await enqueue(Array.from({ length: 6 }, () => 'om-de-beurt'));
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // Another process holds the claim turn (its claim statement is running).
    let holding = () => undefined as void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const other = database.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${LANE_CLAIM_LOCK_KEY})`.execute(trx);
      holding();
      await released;
      // What that claim leases before it commits: two events of the lane.
      await trx.updateTable('outbox').set({ locked_until: sql<Date>`now() + interval '60 seconds'`, locked_by: 'p-first' }).where('id', 'in', ids.slice(0, 2)).execute();
    });
    await held;
    let waited = true;
    const waiting = claimDueEvents(database.db, 'p-second', 4, 60, 2).finally(() => (waited = false));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(waited).toBe(true);
    release();
    await other;
    // The lane's limit of two is taken by the first claim: the second, counting after it, leases none.
    expect((await waiting).filter((event) => ids.includes(event.id))).toEqual([]);
  });

  it('counts the deliveries it records in the same statement as no longer leased in their lane', async () => {
    const ids = await enqueue(['vol', 'vol', 'vol', 'vol']);
    const first = (await claimDueEvents(database.db, 'worker-d', 4, 60, 2)).filter((event) => ids.includes(event.id));
    expect(first.map((event) => event.id)).toEqual([ids[0], ids[1]]);
    // The lane is at its limit until those two are recorded; recorded in the round's statement, they make room at once.
    const round = await recordDeliveredAndClaim(
      database.db,
      'worker-d',
      first.map((event) => ({ id: event.id, attempts: event.attempts })),
      4,
      60,
      2,
    );
    expect(round.lost).toEqual([]);
    expect(round.claimed.map((event) => event.id)).toEqual([ids[2], ids[3]]);
    const rows = await database.db.selectFrom('outbox').select(['id', 'delivered_at']).where('id', 'in', ids).orderBy('id').execute();
    expect(rows.map((row) => row.delivered_at !== null)).toEqual([true, true, false, false]);
    // A delivery whose claim another worker holds is not recorded, and said to be lost.
    const other = await recordDeliveredAndClaim(database.db, 'worker-e', [{ id: ids[2] ?? 0, attempts: 1 }], 0, 60, 2);
    expect(other).toEqual({ claimed: [], lost: [ids[2]] });
  });

  it('claims events without a lane as before, in order', async () => {
    const ids = await enqueue([undefined, undefined, undefined]);
    const claimed = await claimDueEvents(database.db, 'worker-c', 10, 60, 1);
    expect(claimed.map((event) => event.id)).toEqual(expect.arrayContaining(ids));
  });
});
