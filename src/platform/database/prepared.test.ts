import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { prepared } from './prepared.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database.close();
});

describe('prepared statements', () => {
  it('answers a marked statement as the same statement unmarked, with its parameters', async () => {
    const query = (value: number) => sql<{ doubled: number }>`SELECT ${value}::int * 2 AS doubled`;
    for (const value of [1, 2, 3]) {
      const plain = await query(value).execute(database.db);
      const marked = await prepared(query(value)).execute(database.db);
      expect(marked.rows).toEqual(plain.rows);
    }
  });

  it('on PostgreSQL, parses a marked statement once per connection and reuses it', async () => {
    if (database.engine !== 'postgres') return;
    await database.db.connection().execute(async (connection) => {
      const marked = (value: number) => prepared(sql<{ value: number }>`SELECT ${value}::int AS value`);
      await marked(1).execute(connection);
      await marked(2).execute(connection);
      await sql`SELECT 3`.execute(connection);
      const { rows } = await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements WHERE statement LIKE '%loket:prepared%'`.execute(connection);
      expect(rows.filter((row) => row.statement.includes('::int AS value'))).toHaveLength(1);
    });
  });
});

describe('prepared statements after a migration', () => {
  it('on PostgreSQL, answers a prepared statement whose table changed, and then prepares it afresh', async () => {
    if (database.engine !== 'postgres') return;
    await sql`CREATE TABLE prepared_probe (id int)`.execute(database.db);
    await sql`INSERT INTO prepared_probe VALUES (1)`.execute(database.db);
    const probe = () => prepared(sql<Record<string, unknown>>`SELECT * FROM prepared_probe`);
    await database.db.connection().execute(async (connection) => {
      expect((await probe().execute(connection)).rows).toEqual([{ id: 1 }]);
      // What a newer process's migration does while this one runs.
      await sql`ALTER TABLE prepared_probe ADD COLUMN naam text DEFAULT 'nieuw'`.execute(database.db);
      expect((await probe().execute(connection)).rows).toEqual([{ id: 1, naam: 'nieuw' }]);
    });
    expect((await probe().execute(database.db)).rows).toEqual([{ id: 1, naam: 'nieuw' }]);
    await sql`DROP TABLE prepared_probe`.execute(database.db);
  });
});
