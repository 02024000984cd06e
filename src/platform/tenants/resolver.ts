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
    const claimed = await findTenantByHostname(this.db, hostname);
    // Only host names a tenant claims are cached: any Host header reaches the fallback, and caching those would let a client grow the map without bound.
    if (claimed) this.cache.set(hostname, { tenant: claimed, until: Date.now() + CACHE_MS });
    return claimed ?? (await this.fallback());
  }

  private fallbackCache: { tenant: Tenant; until: number } | undefined;

  /** A single-tenant install names its tenant in LOKET_DEFAULT_TENANT, so every host name reaches it. */
  private async fallback(): Promise<Tenant | undefined> {
    if (this.defaultTenant === undefined) return undefined;
    if (this.fallbackCache && this.fallbackCache.until > Date.now()) return this.fallbackCache.tenant;
    const tenant = await findTenantBySlug(this.db, this.defaultTenant);
    this.fallbackCache = tenant ? { tenant, until: Date.now() + CACHE_MS } : undefined;
    return tenant;
  }
}
