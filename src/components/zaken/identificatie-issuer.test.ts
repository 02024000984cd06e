import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { issueZaakIdentificatie } from './identificatie-issuer.ts';
import { nextZaakIdentificatie, reserveZaakIdentificaties } from './identificatie.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const IN_2026 = new Date('2026-06-15T10:00:00Z');

/** A view of the database that counts the statements sent through it. */
function counting() {
  const counter = { statements: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      counter.statements++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: database.db.withPlugin(plugin), counter };
}

describe('reserveZaakIdentificaties', () => {
  it('reserves consecutive numbers in one statement, continuing after single numbers', async () => {
    const tenant = await createTestTenant(database.db);
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000001');
    expect(await reserveZaakIdentificaties(database.db, tenant.id, IN_2026, 3)).toEqual(['ZAAK-2026-0000000002', 'ZAAK-2026-0000000003', 'ZAAK-2026-0000000004']);
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000005');
  });

  it('refuses a count that is not a positive integer', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(reserveZaakIdentificaties(database.db, tenant.id, IN_2026, 0)).rejects.toThrow(RangeError);
    await expect(reserveZaakIdentificaties(database.db, tenant.id, IN_2026, 1.5)).rejects.toThrow(RangeError);
  });
});

describe('issueZaakIdentificatie', () => {
  it('gives concurrent creates distinct consecutive numbers in request order, sharing reservations', async () => {
    const tenant = await createTestTenant(database.db);
    const { db, counter } = counting();
    const issued = await Promise.all(Array.from({ length: 40 }, () => issueZaakIdentificatie(db, tenant.id, IN_2026)));
    expect(issued).toEqual(Array.from({ length: 40 }, (_, index) => `ZAAK-2026-${String(index + 1).padStart(10, '0')}`));
    // The first request reserves alone; the 39 that arrive while it runs share the next reservation.
    expect(counter.statements).toBe(2);
  });

  it('reserves one number per create when creates come one at a time', async () => {
    const tenant = await createTestTenant(database.db);
    const { db, counter } = counting();
    expect(await issueZaakIdentificatie(db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000001');
    expect(await issueZaakIdentificatie(db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000002');
    expect(counter.statements).toBe(2);
  });

  it('keeps tenants and years apart', async () => {
    const first = await createTestTenant(database.db);
    const second = await createTestTenant(database.db);
    const [a, b, c] = await Promise.all([
      issueZaakIdentificatie(database.db, first.id, IN_2026),
      issueZaakIdentificatie(database.db, second.id, IN_2026),
      issueZaakIdentificatie(database.db, first.id, new Date('2027-02-01T10:00:00Z')),
    ]);
    expect([a, b, c]).toEqual(['ZAAK-2026-0000000001', 'ZAAK-2026-0000000001', 'ZAAK-2027-0000000001']);
  });

  it('passes a failed reservation to every create waiting for it, and recovers for the next', async () => {
    const tenant = await createTestTenant(database.db);
    const missing = '00000000-0000-4000-8000-000000000000';
    // No such tenant: the counter row's foreign key refuses the reservation.
    await expect(Promise.all([issueZaakIdentificatie(database.db, missing, IN_2026), issueZaakIdentificatie(database.db, missing, IN_2026)])).rejects.toThrow();
    expect(await issueZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000001');
  });
});
