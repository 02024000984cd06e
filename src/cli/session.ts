import type { Kysely } from 'kysely';
import { loadConfig, type Config } from '../platform/config/config.ts';
import { loadKeys, type Keys } from '../platform/crypto/keys.ts';
import { openDatabase, type LoketDatabase } from '../platform/database/connection.ts';
import { migrate } from '../platform/database/migrator.ts';
import type { Database, Tenant } from '../platform/database/schema.ts';
import { findTenantBySlug, listTenants } from '../platform/tenants/repository.ts';
import { CliError } from './cli-error.ts';
import type { CommandIo } from './command.ts';
import { createProgress, type Progress } from './progress.ts';

/** What a command works with: the server's configuration, its database and its keys. */
export interface Session {
  config: Config;
  database: LoketDatabase;
  db: Kysely<Database>;
  keys: Keys;
}

/**
 * Applies pending migrations, drawing a progress bar on stderr when there is anything to apply.
 * Returns the names of the migrations applied and how many were already there.
 */
export async function migrateWithProgress(database: LoketDatabase, io: CommandIo): Promise<{ applied: string[]; alreadyApplied: number }> {
  let progress: Progress | undefined;
  const result = await migrate(database, {
    onProgress(done, total, name) {
      if (total === 0) return;
      progress ??= createProgress(io.stderr, 'Migrating', total);
      progress.update(done, name || undefined);
    },
  });
  progress?.finish(`Applied ${result.applied.length} migration(s).`);
  return result;
}

/**
 * Opens the database exactly as the server would (same configuration, same keys), brings its
 * schema up to date when the command needs it, runs `work` and always closes the database again:
 * an embedded database stays locked by this process until it is closed.
 * Configuration errors (ConfigError) and a database held by a running server
 * (EmbeddedDatabaseInUseError) propagate to main, which turns them into exit codes 2 and 3.
 */
export async function withSession<T>(io: CommandIo, options: { migrate: boolean }, work: (session: Session) => Promise<T>): Promise<T> {
  const config = loadConfig(io.env);
  const keys = loadKeys(config);
  const database = await openDatabase(config);
  try {
    if (options.migrate) await migrateWithProgress(database, io);
    return await work({ config, database, db: database.db, keys });
  } finally {
    await database.close();
  }
}

/**
 * The tenant a command acts on: the one named with --tenant, else LOKET_DEFAULT_TENANT, else the
 * only tenant there is. With several tenants and no choice the command refuses rather than guess.
 */
export async function selectTenant(db: Kysely<Database>, slug: string | undefined, defaultTenant: string | undefined): Promise<Tenant> {
  const wanted = slug ?? defaultTenant;
  const tenants = await listTenants(db);
  if (wanted !== undefined) {
    const tenant = await findTenantBySlug(db, wanted);
    if (tenant) return tenant;
    const known = tenants.map((t) => t.slug).join(', ') || 'none yet';
    const source = slug !== undefined ? '--tenant' : 'LOKET_DEFAULT_TENANT';
    throw new CliError(`There is no tenant "${wanted}" (from ${source}). Known tenants: ${known}.`);
  }
  const [only, ...others] = tenants;
  if (only === undefined) throw new CliError('There is no tenant yet. Create one with "loket tenant add" or the demo municipality with "loket seed".');
  if (others.length > 0) {
    throw new CliError(`There are several tenants (${tenants.map((t) => t.slug).join(', ')}): choose one with --tenant SLUG or LOKET_DEFAULT_TENANT.`);
  }
  return only;
}
