import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import {
  amsterdamYear,
  isZaakIdentificatieFormatValid,
  nextFreeZaakIdentificatie,
  nextZaakIdentificatie,
} from './identificatie.ts';
import { getZaakIdentificatieSettings, setZaakIdentificatiePrefix } from './identificatie-settings.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

const IN_2026 = new Date('2026-06-15T10:00:00Z');
const IN_2027 = new Date('2027-03-01T10:00:00Z');

describe('nextZaakIdentificatie', () => {
  it('issues consecutive numbers per tenant and year, restarting at 1 in a new year', async () => {
    const tenant = await createTestTenant(database.db);
    const issued = [];
    for (let i = 0; i < 3; i++) {
      issued.push(await database.db.transaction().execute((trx) => nextZaakIdentificatie(trx, tenant.id, IN_2026)));
    }
    expect(issued).toEqual(['ZAAK-2026-0000000001', 'ZAAK-2026-0000000002', 'ZAAK-2026-0000000003']);
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2027)).toBe('ZAAK-2027-0000000001');
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000004');
  });

  it('numbers each tenant independently', async () => {
    const first = await createTestTenant(database.db);
    const second = await createTestTenant(database.db);
    expect(await nextZaakIdentificatie(database.db, first.id, IN_2026)).toBe('ZAAK-2026-0000000001');
    expect(await nextZaakIdentificatie(database.db, first.id, IN_2026)).toBe('ZAAK-2026-0000000002');
    expect(await nextZaakIdentificatie(database.db, second.id, IN_2026)).toBe('ZAAK-2026-0000000001');
  });

  it('counts a zaak registered just after midnight on 1 January Amsterdam time in the new year', async () => {
    const tenant = await createTestTenant(database.db);
    // 23:30 UTC on 31 December is 00:30 on 1 January in Amsterdam (CET, UTC+1).
    expect(amsterdamYear(new Date('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(amsterdamYear(new Date('2026-12-31T22:59:59Z'))).toBe(2026);
    expect(await nextZaakIdentificatie(database.db, tenant.id, new Date('2026-12-31T23:30:00Z'))).toBe('ZAAK-2027-0000000001');
  });

  it('gives a rolled-back number to the next zaak, because the counter rolls back with the transaction', async () => {
    const tenant = await createTestTenant(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        expect(await nextZaakIdentificatie(trx, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000001');
        throw new Error('zaak insert failed');
      }),
    ).rejects.toThrow('zaak insert failed');
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000001');
  });

  it('gives 50 concurrent transactions 50 distinct consecutive numbers', async () => {
    const tenant = await createTestTenant(database.db);
    const issued = await Promise.all(
      Array.from({ length: 50 }, () =>
        database.db.transaction().execute((trx) => nextZaakIdentificatie(trx, tenant.id, IN_2026)),
      ),
    );
    const expected = Array.from({ length: 50 }, (_, i) => `ZAAK-2026-${String(i + 1).padStart(10, '0')}`);
    expect([...issued].sort()).toEqual(expected);
  });

  it('skips numbers a client already used when asked to', async () => {
    const tenant = await createTestTenant(database.db);
    const taken = new Set(['ZAAK-2026-0000000001', 'ZAAK-2026-0000000002']);
    const identificatie = await database.db
      .transaction()
      .execute((trx) => nextFreeZaakIdentificatie(trx, tenant.id, IN_2026, async (candidate) => taken.has(candidate)));
    expect(identificatie).toBe('ZAAK-2026-0000000003');
  });
});

describe('zaak identificatie prefix', () => {
  it('uses the tenant prefix and digit count, continuing the same year sequence', async () => {
    const tenant = await createTestTenant(database.db);
    expect(await getZaakIdentificatieSettings(database.db, tenant.id)).toEqual({ prefix: 'ZAAK', digits: 10 });
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('ZAAK-2026-0000000001');
    expect(await setZaakIdentificatiePrefix(database.db, tenant.id, 'GEM-VB')).toEqual({ prefix: 'GEM-VB', digits: 10 });
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('GEM-VB-2026-0000000002');
    await setZaakIdentificatiePrefix(database.db, tenant.id, 'Z2', 6);
    expect(await nextZaakIdentificatie(database.db, tenant.id, IN_2026)).toBe('Z2-2026-000003');
    expect(await getZaakIdentificatieSettings(database.db, tenant.id)).toEqual({ prefix: 'Z2', digits: 6 });
  });

  it.each(['', 'zaak', 'ZAAK_1', '-ZAAK', 'ZAAK-', 'ZAAK 1', 'ABCDEFGHIJKLMNOPQRSTU'])('refuses prefix %j', async (prefix) => {
    const tenant = await createTestTenant(database.db);
    const error = await setZaakIdentificatiePrefix(database.db, tenant.id, prefix).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProblemError);
    expect((error as ProblemError).invalidParams.map((param) => param.name)).toEqual(['prefix']);
    expect(await getZaakIdentificatieSettings(database.db, tenant.id)).toEqual({ prefix: 'ZAAK', digits: 10 });
  });

  it('refuses a digit count outside 4 to 14', async () => {
    const tenant = await createTestTenant(database.db);
    for (const digits of [3, 15, 7.5]) {
      const error = await setZaakIdentificatiePrefix(database.db, tenant.id, 'ZAAK', digits).catch((caught: unknown) => caught);
      expect((error as ProblemError).invalidParams.map((param) => param.name)).toEqual(['digits']);
    }
  });

  it('keeps the longest prefix and digit count within 40 characters', async () => {
    const tenant = await createTestTenant(database.db);
    await setZaakIdentificatiePrefix(database.db, tenant.id, 'ABCDEFGHIJKLMNOPQRST', 14);
    const identificatie = await nextZaakIdentificatie(database.db, tenant.id, IN_2026);
    expect(identificatie).toBe('ABCDEFGHIJKLMNOPQRST-2026-00000000000001');
    expect(identificatie).toHaveLength(40);
  });
});

describe('isZaakIdentificatieFormatValid', () => {
  it('accepts up to 40 characters, counted in code points, and refuses longer', () => {
    expect(isZaakIdentificatieFormatValid('ZAAK-2026-0000000001')).toBe(true);
    expect(isZaakIdentificatieFormatValid('x'.repeat(40))).toBe(true);
    expect(isZaakIdentificatieFormatValid('😀'.repeat(40))).toBe(true);
    expect(isZaakIdentificatieFormatValid('x'.repeat(41))).toBe(false);
  });
});
