import type { Kysely } from 'kysely';
import type { Database, Tenant } from '../database/schema.ts';
import { findTenantByHostname, findTenantBySlug } from './repository.ts';

/** How long a resolved host stays cached: tenants change rarely, and a new one is found at once (misses are not cached). */
const CACHE_MS = 5000;

/** Finds the tenant a request is for, by its host name, falling back to the configured default. */
export class TenantResolver {
  private readonly cache = new Map<string, { tenant: Tenant; until: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly defaultTenant: string | undefined,
  ) {}

  /** `hostHeader` may carry a port; returns undefined when no tenant serves it. */
  async resolve(hostHeader: string | undefined): Promise<Tenant | undefined> {
    const hostname = (hostHeader ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
    const cached = this.cache.get(hostname);
    if (cached && cached.until > Date.now()) return cached.tenant;
    const tenant = (await findTenantByHostname(this.db, hostname)) ?? (await this.fallback());
    if (tenant) this.cache.set(hostname, { tenant, until: Date.now() + CACHE_MS });
    return tenant;
  }

  /** A single-tenant install names its tenant in LOKET_DEFAULT_TENANT, so every host name reaches it. */
  private async fallback(): Promise<Tenant | undefined> {
    return this.defaultTenant === undefined ? undefined : findTenantBySlug(this.db, this.defaultTenant);
  }
}
