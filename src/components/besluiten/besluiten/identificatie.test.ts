import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/database.ts';
import { createTestTenant } from '../../../../test/fixtures.ts';
import { nextBesluitIdentificatie, nextFreeBesluitIdentificatie } from './identificatie.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe('brc-002: generated besluit identificaties', () => {
  it('brc-002: numbers per tenant and year of the besluit datum, restarting at 1 in another year', async () => {
    const tenant = await createTestTenant(database.db);
    const other = await createTestTenant(database.db);
    expect(await nextBesluitIdentificatie(database.db, tenant.id, '2026-03-01')).toBe('BESLUIT-2026-0000000001');
    expect(await nextBesluitIdentificatie(database.db, tenant.id, '2026-12-31')).toBe('BESLUIT-2026-0000000002');
    expect(await nextBesluitIdentificatie(database.db, tenant.id, '2025-12-31')).toBe('BESLUIT-2025-0000000001');
    expect(await nextBesluitIdentificatie(database.db, other.id, '2026-03-01')).toBe('BESLUIT-2026-0000000001');
  });

  it('brc-002: a rolled-back besluit gives its number back, because the counter rolls back with the transaction', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        expect(await nextBesluitIdentificatie(trx, tenant.id, '2026-01-01')).toBe('BESLUIT-2026-0000000001');
        throw new Error('besluit insert failed');
      }),
    ).rejects.toThrow('besluit insert failed');
    expect(await nextBesluitIdentificatie(database.db, tenant.id, '2026-01-01')).toBe('BESLUIT-2026-0000000001');
  });

  it('brc-002: gives 50 concurrent transactions 50 distinct consecutive numbers', async () => {
    const tenant = await createTestTenant(database.db);
    const issued = await Promise.all(Array.from({ length: 50 }, () => database.db.transaction().execute((trx) => nextBesluitIdentificatie(trx, tenant.id, '2026-05-05'))));
    expect([...issued].sort()).toEqual(Array.from({ length: 50 }, (_, i) => `BESLUIT-2026-${String(i + 1).padStart(10, '0')}`));
  });

  it('brc-002: skips numbers a client already chose within the organisatie', async () => {
    const tenant = await createTestTenant(database.db);
    const taken = new Set(['BESLUIT-2026-0000000001', 'BESLUIT-2026-0000000002']);
    const identificatie = await database.db.transaction().execute((trx) => nextFreeBesluitIdentificatie(trx, tenant.id, '2026-02-02', async (candidate) => taken.has(candidate)));
    expect(identificatie).toBe('BESLUIT-2026-0000000003');
  });

  it('refuses a datum without a year', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(nextBesluitIdentificatie(database.db, tenant.id, 'morgen')).rejects.toThrow(RangeError);
  });
});
