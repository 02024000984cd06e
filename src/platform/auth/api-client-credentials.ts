import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { findApiClient } from './api-client-repository.ts';
import { loadAutorisaties, type Autorisatie } from './autorisaties.ts';
import { VerifiedTokens } from './verified-tokens.ts';

/** What verifying a client's token needs: its decrypted secret and its authorisations. */
export interface ApiClientCredentials {
  secret: Uint8Array;
  heeftAlleAutorisaties: boolean;
  /** The applicatie may only read documents that are gereed voor publicatie (Autorisaties API 1.1). */
  alleenIsGereedVoorPublicatie: boolean;
  /** The client's own scopes plus those of every autorisatie, for the route-level scope check. */
  scopes: string[];
  /** Per component and type, for the components' type and vertrouwelijkheid filters. */
  autorisaties: Autorisatie[];
}

/**
 * Keeps a known client's credentials for one second: a busy client then costs no query and no
 * decryption per request, while a revoked or changed client still takes effect within a second
 * in every process. Unknown ids are not kept, so made-up ids cannot grow the cache.
 */
const CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

/** Looks up API client credentials per tenant, with a one-second cache. */
export class ApiClientCredentialStore {
  private readonly cache = new Map<string, { credentials: ApiClientCredentials; until: number }>();
  /** A secret no client has: an unknown client's token is verified against it, so it is refused as slowly as a known one. */
  readonly unknownClientSecret = randomBytes(32);
  /** Tokens already verified under the secrets this store handed out. */
  readonly verifiedTokens = new VerifiedTokens();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly keys: Keys,
  ) {}

  async find(tenantId: string, clientId: string, now: number = Date.now()): Promise<ApiClientCredentials | undefined> {
    const key = `${tenantId}\u0000${clientId}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > now) return cached.credentials;
    const client = await findApiClient(this.db, tenantId, clientId);
    // A client id without a secret (registered through the Autorisaties API, not yet given one) cannot authenticate,
    // nor can one whose applicatie's access is revoked.
    if (!client?.secret_encrypted || client.ingetrokken) {
      this.cache.delete(key);
      return undefined;
    }
    const autorisaties = client.heeft_alle_autorisaties ? [] : await loadAutorisaties(this.db, client.applicatie_uuid);
    const credentials = {
      secret: new TextEncoder().encode(this.keys.decrypt(client.secret_encrypted)),
      heeftAlleAutorisaties: client.heeft_alle_autorisaties,
      alleenIsGereedVoorPublicatie: client.alleen_is_gereed_voor_publicatie,
      scopes: [...new Set([...client.scopes, ...autorisaties.flatMap((autorisatie) => autorisatie.scopes)])],
      autorisaties,
    };
    if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
    this.cache.set(key, { credentials, until: now + CACHE_MS });
    return credentials;
  }
}
