import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../errors/problem.ts';
import type { ApiClientCredentials, ApiClientCredentialStore } from './api-client-credentials.ts';
import { authenticateApiCaller } from './api-jwt.ts';
import { VerifiedTokens } from './verified-tokens.ts';

const POLICY = { maxAgeSeconds: 600, clockSkewSeconds: 30 };
const TENANT = 'tenant';
const NOW = Date.parse('2026-11-23T12:00:00Z');

/** A credential store holding one client, whose credentials object can be replaced (as a reload does). */
function storeWith(credentials: ApiClientCredentials) {
  const store = {
    current: credentials,
    unknownClientSecret: randomBytes(32),
    verifiedTokens: new VerifiedTokens(),
    find: async (_tenant: string, clientId: string) => (clientId === 'loket-test' ? store.current : undefined),
  };
  return store;
}

function credentials(secret: string): ApiClientCredentials {
  return { secret: new TextEncoder().encode(secret), heeftAlleAutorisaties: true, alleenIsGereedVoorPublicatie: false, scopes: [], autorisaties: [] };
}

async function token(secret: string, claims: { iat?: number; exp?: number } = {}): Promise<string> {
  const jwt = new SignJWT({ client_id: 'loket-test' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt(claims.iat ?? NOW / 1000);
  if (claims.exp !== undefined) jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

async function authenticate(store: ReturnType<typeof storeWith>, jwt: string, now: number) {
  return authenticateApiCaller(store as unknown as ApiClientCredentialStore, TENANT, `Bearer ${jwt}`, POLICY, now);
}

describe('tokens verified before', () => {
  it('are accepted again under the same secret, and judged afresh once the client is reloaded with another secret', async () => {
    const store = storeWith(credentials('first-secret-of-32-characters-xx'));
    const jwt = await token('first-secret-of-32-characters-xx');
    await expect(authenticate(store, jwt, NOW)).resolves.toMatchObject({ clientId: 'loket-test' });
    await expect(authenticate(store, jwt, NOW + 1000)).resolves.toMatchObject({ clientId: 'loket-test' });
    store.current = credentials('second-secret-of-32-characters-x');
    await expect(authenticate(store, jwt, NOW + 2000)).rejects.toBeInstanceOf(ProblemError);
  });

  it('are refused once their client is gone, although the token itself is remembered', async () => {
    const store = storeWith(credentials('first-secret-of-32-characters-xx'));
    const jwt = await token('first-secret-of-32-characters-xx');
    await expect(authenticate(store, jwt, NOW)).resolves.toMatchObject({ clientId: 'loket-test' });
    store.find = async () => undefined;
    await expect(authenticate(store, jwt, NOW + 1000)).rejects.toMatchObject({ status: 401 });
  });

  it('still age out by iat and expire by exp', async () => {
    const store = storeWith(credentials('first-secret-of-32-characters-xx'));
    const jwt = await token('first-secret-of-32-characters-xx', { exp: NOW / 1000 + 120 });
    await expect(authenticate(store, jwt, NOW)).resolves.toBeDefined();
    await expect(authenticate(store, jwt, NOW + 60_000)).resolves.toBeDefined();
    // Past exp (plus the clock skew), well within the maximum age.
    await expect(authenticate(store, jwt, NOW + 151_000)).rejects.toMatchObject({ status: 401 });

    const lasting = await token('first-secret-of-32-characters-xx');
    await expect(authenticate(store, lasting, NOW)).resolves.toBeDefined();
    await expect(authenticate(store, lasting, NOW + 601_000)).rejects.toMatchObject({ status: 401 });
  });

  it('are never remembered when the signature was wrong', async () => {
    const store = storeWith(credentials('first-secret-of-32-characters-xx'));
    const forged = await token('not-the-secret-of-this-client-xx');
    await expect(authenticate(store, forged, NOW)).rejects.toBeInstanceOf(ProblemError);
    await expect(authenticate(store, forged, NOW)).rejects.toBeInstanceOf(ProblemError);
  });
});
