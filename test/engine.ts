/** Which database engine the tests run on: PostgreSQL when LOKET_TEST_DATABASE_URL is set, else PGlite. */
export type TestEngine = { kind: 'postgres'; url: string } | { kind: 'pglite' };

/** Prefix of the migrated template databases on PostgreSQL; each test run makes its own, so parallel runs never collide. */
export const TEMPLATE_PREFIX = 'loket_test_template_';

export function testEngine(): TestEngine {
  const url = process.env.LOKET_TEST_DATABASE_URL;
  return url ? { kind: 'postgres', url } : { kind: 'pglite' };
}

/** The same server URL pointing at another database. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
