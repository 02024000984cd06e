import pg from 'pg';

/** A database created for one benchmark run; `drop` removes it again, connections and all. */
export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database on the server of `adminUrl` (which must allow CREATE DATABASE). A
 * database of the same name left behind by an interrupted run is dropped first.
 */
export async function createBenchDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  return benchDatabase(adminUrl, name);
}

/** The database `name` on the server of `adminUrl`, with a way to drop it. */
function benchDatabase(adminUrl: string, name: string): BenchDatabase {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * The database of an earlier run kept with BENCH_KEEP=1, when `reuse` is set and it exists (`existing: true`), so a
 * benchmark can skip its long seeding; otherwise a new one as createBenchDatabase makes it.
 */
export async function openBenchDatabase(adminUrl: string, name: string, reuse: boolean): Promise<BenchDatabase & { existing: boolean }> {
  if (reuse) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 1) return { ...benchDatabase(adminUrl, name), existing: true };
    } finally {
      await client.end();
    }
  }
  return { ...(await createBenchDatabase(adminUrl, name)), existing: false };
}
