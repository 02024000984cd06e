import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pgliteExtensions, pgliteParsers, wrapPglite } from './embedded.ts';
import { migrate, MigrationChecksumError, readMigrations, type Migration } from './migrator.ts';
import { createTestDatabase } from '../../../test/database.ts';

function fake(name: string, text: string): Migration {
  return { name, checksum: `sum-of-${text.length}-${text}`.replace(/[^a-z0-9]/gi, '').toLowerCase().slice(0, 40), sql: text };
}

describe('migrations', () => {
  it('are ordered NNNN_name.sql files', () => {
    const names = readMigrations().map((migration) => migration.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual(names);
  });

  it('the template is fully migrated and a second run applies nothing', async () => {
    const database = await createTestDatabase();
    try {
      const result = await migrate(database);
      expect(result.applied).toEqual([]);
      expect(result.alreadyApplied).toBe(readMigrations().length);
    } finally {
      await database.close();
    }
  });

  it('refuses an applied migration whose file was edited', async () => {
    const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers }));
    try {
      await migrate(database, { migrations: [fake('0001_a.sql', 'CREATE TABLE a (x int)')] });
      await expect(migrate(database, { migrations: [fake('0001_a.sql', 'CREATE TABLE a (x bigint)')] })).rejects.toBeInstanceOf(MigrationChecksumError);
    } finally {
      await database.close();
    }
  });

  it('applies each migration in one transaction: a failing one leaves no trace', async () => {
    const database = wrapPglite(await PGlite.create({ extensions: pgliteExtensions, parsers: pgliteParsers }));
    try {
      const broken = fake('0002_b.sql', 'CREATE TABLE b (x int); SELECT no_such_function();');
      await expect(migrate(database, { migrations: [fake('0001_a.sql', 'CREATE TABLE a (x int)'), broken] })).rejects.toThrow();
      const tables = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`.execute(database.db);
      expect(tables.rows.map((row) => row.name).sort()).toEqual(['a', 'loket_migrations']);
      const applied = await sql<{ name: string }>`SELECT name FROM loket_migrations`.execute(database.db);
      expect(applied.rows.map((row) => row.name)).toEqual(['0001_a.sql']);
    } finally {
      await database.close();
    }
  });
});
