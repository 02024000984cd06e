import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../database/schema.ts';

export interface TenantInput {
  slug: string;
  name: string;
  rsin: string;
  hostnames?: string[];
  theme?: Record<string, string>;
}

/** Creates a tenant; host names are stored lower-case without port. */
export async function insertTenant(db: Kysely<Database>, input: TenantInput): Promise<Tenant> {
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
