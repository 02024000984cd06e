import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createTestTenant } from '../../../test/fixtures.ts';
import type { Database, Tenant } from '../../platform/database/schema.ts';
import { SearchLogWriter, writeSearchLogEntry } from './search-log-writer.ts';

describe('kennisbank search log writer', () => {
  let database: TestDatabase;
  let tenant: Tenant;

  beforeAll(async () => {
    database = await createTestDatabase();
    tenant = await createTestTenant(database.db);
  });

  afterAll(async () => {
    await database.close();
  });

  const stored = async (uuids: string[]) =>
    (await database.db.selectFrom('kennisbank_zoekopdrachten').select(['uuid', 'zoekterm', 'gezocht_op']).where('uuid', 'in', uuids).execute()).length;

  it('writes queued entries in one go on flush, each with the time it was searched', async () => {
    const writer = new SearchLogWriter(database.db);
    const before = Date.now();
    const uuids = Array.from({ length: 30 }, (_, index) => writer.add(tenant.id, { zoekterm: `term ${index}`, kanaal: 'portaal', aantalResultaten: index }));
    expect(await stored(uuids)).toBe(0);
    await writer.flush();
    expect(await stored(uuids)).toBe(30);
    const row = await database.db.selectFrom('kennisbank_zoekopdrachten').selectAll().where('uuid', '=', uuids[7] ?? '').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ zoekterm: 'term 7', kanaal: 'portaal', aantal_resultaten: 7, tenant_id: tenant.id });
    expect(new Date(row.gezocht_op).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('writes on its own shortly after an entry is queued', async () => {
    const writer = new SearchLogWriter(database.db);
    const uuid = writer.add(tenant.id, { zoekterm: 'vanzelf', kanaal: 'kcc', aantalResultaten: 1 });
    let count = 0;
    for (let attempt = 0; count === 0 && attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      count = await stored([uuid]);
    }
    expect(count).toBe(1);
  });

  it('keeps entries that could not be written and writes them with the next flush', async () => {
    // Nothing listens on port 1: every write is refused, as when the database is briefly gone.
    const pool = new pg.Pool({ connectionString: 'postgres://loket@127.0.0.1:1/loket', connectionTimeoutMillis: 2000 });
    const unreachable = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const failing = new SearchLogWriter(unreachable);
    const errors: unknown[] = [];
    failing.onError = (error) => errors.push(error);
    failing.add(tenant.id, { zoekterm: 'later', kanaal: 'api', aantalResultaten: 0 });
    await expect(failing.flush()).rejects.toBeDefined();
    await expect(failing.flush()).rejects.toBeDefined();
    expect(errors).toHaveLength(2);
    await unreachable.destroy();
    // The same entries, through a writer on a working database, arrive once.
    const writer = new SearchLogWriter(database.db);
    const uuid = writer.add(tenant.id, { zoekterm: 'later', kanaal: 'api', aantalResultaten: 0 });
    await writer.flush();
    await writer.flush();
    expect(await stored([uuid])).toBe(1);
  });

  it('skips an entry whose tenant was deleted meanwhile, and writes the rest', async () => {
    const writer = new SearchLogWriter(database.db);
    const gone = writer.add('00000000-0000-4000-8000-000000000000', { zoekterm: 'weg', kanaal: 'portaal', aantalResultaten: 0 });
    const kept = writer.add(tenant.id, { zoekterm: 'blijft', kanaal: 'portaal', aantalResultaten: 0 });
    await writer.flush();
    expect([await stored([gone]), await stored([kept])]).toEqual([0, 1]);
  });

  it('inside a transaction writes the entry at once, so it commits or rolls back with it', async () => {
    let inside = '';
    await database.db
      .transaction()
      .execute(async (trx) => {
        inside = await writeSearchLogEntry(trx, tenant.id, { zoekterm: 'teruggedraaid', kanaal: 'portaal', aantalResultaten: 0 });
        expect(await trx.selectFrom('kennisbank_zoekopdrachten').select('uuid').where('uuid', '=', inside).executeTakeFirst()).toBeDefined();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await stored([inside])).toBe(0);
  });
});
