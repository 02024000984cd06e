import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../database/schema.ts';
import { invalid } from '../errors/problem.ts';
import { passesElevenTest } from './rsin.ts';
import { validateTheme } from './theme.ts';

export interface TenantInput {
  slug: string;
  name: string;
  rsin: string;
  hostnames?: string[];
  theme?: Record<string, string>;
}

/** Creates a tenant after checking its RSIN (11-proef) and theme; host names are stored lower-case without port. */
export async function insertTenant(db: Kysely<Database>, input: TenantInput): Promise<Tenant> {
  const problems = validateTheme(input.theme ?? {});
  if (!passesElevenTest(input.rsin)) problems.unshift({ name: 'rsin', code: 'invalid', reason: 'Een RSIN heeft 9 cijfers en doorstaat de elfproef.' });
  if (problems.length > 0) throw invalid(problems);
  return db
    .insertInto('tenants')
    .values({
      slug: input.slug,
      name: input.name,
      rsin: input.rsin,
      hostnames: (input.hostnames ?? []).map((host) => host.toLowerCase()),
      theme: JSON.stringify(input.theme ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findTenantByHostname(db: Kysely<Database>, hostname: string): Promise<Tenant | undefined> {
  return db
    .selectFrom('tenants')
    .selectAll()
    .where((eb) => eb(eb.val(hostname), '=', eb.fn.any('hostnames')))
    .executeTakeFirst();
}

export async function findTenantBySlug(db: Kysely<Database>, slug: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listTenants(db: Kysely<Database>): Promise<Tenant[]> {
  return db.selectFrom('tenants').selectAll().orderBy('created_at').execute();
}

export async function findTenantById(db: Kysely<Database>, id: string): Promise<Tenant | undefined> {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}
