import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { ProblemError } from '../errors/problem.ts';
import type { ApiClientCredentialStore } from './api-client-credentials.ts';
import type { Autorisatie } from './autorisaties.ts';

/** Who is calling an API, as established from a verified ZGW JWT. */
export interface ApiCaller {
  clientId: string;
  userId: string;
  userRepresentation: string;
  heeftAlleAutorisaties: boolean;
  scopes: string[];
  /** Per component and type (see ./autorisaties.ts `typeAccess`). */
  autorisaties: Autorisatie[];
}

/** How old and how far in the future a token's `iat` may be. */
export interface JwtPolicy {
  maxAgeSeconds: number;
  clockSkewSeconds: number;
}

function refuse(detail: string): ProblemError {
  return new ProblemError('not_authenticated', detail, [], { 'WWW-Authenticate': 'Bearer' });
}

function claimString(payload: JWTPayload, name: string): string {
  const value = payload[name];
  return typeof value === 'string' ? value : '';
}

/**
 * Verifies a ZGW API token: HS256 signed with the client's shared secret, `client_id` (or `iss`)
 * naming a client of this tenant, and an `iat` neither too old nor in the future.
 */
export async function authenticateApiCaller(
  clients: ApiClientCredentialStore,
  tenantId: string,
  authorization: string | undefined,
  policy: JwtPolicy,
  now: number = Date.now(),
): Promise<ApiCaller> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) throw refuse('Er is geen geldige Authorization-header (Bearer JWT) meegestuurd.');
  const token = match[1];
  let unverified: JWTPayload;
  try {
    if (decodeProtectedHeader(token).alg !== 'HS256') throw new Error('alg');
    unverified = decodeJwt(token);
  } catch {
    throw refuse('Het token is geen geldig HS256-JWT.');
  }
  const clientId = claimString(unverified, 'client_id') || claimString(unverified, 'iss');
  if (!clientId) throw refuse('Het token bevat geen client_id.');
  const client = await clients.find(tenantId, clientId, now);
  let payload: JWTPayload;
  try {
    // An unknown client is verified against a secret nobody has: same answer, same work, so client ids cannot be probed.
    // Expiry is judged on iat below (ZGW tokens usually carry no exp); an exp that is present is still honoured.
    ({ payload } = await jwtVerify(token, client?.secret ?? clients.unknownClientSecret, { algorithms: ['HS256'], currentDate: new Date(now), clockTolerance: policy.clockSkewSeconds }));
  } catch {
    throw refuse('De client is onbekend, de handtekening van het token is ongeldig of het token is verlopen.');
  }
  if (!client) throw refuse('De client is onbekend, de handtekening van het token is ongeldig of het token is verlopen.');
  if (typeof payload.iat !== 'number') throw refuse('Het token bevat geen iat.');
  const ageSeconds = now / 1000 - payload.iat;
  if (ageSeconds > policy.maxAgeSeconds) throw refuse('Het token is verlopen.');
  if (-ageSeconds > policy.clockSkewSeconds) throw refuse('Het token is uitgegeven in de toekomst.');
  return {
    clientId,
    userId: claimString(payload, 'user_id'),
    userRepresentation: claimString(payload, 'user_representation'),
    heeftAlleAutorisaties: client.heeftAlleAutorisaties,
    scopes: client.scopes,
    autorisaties: client.autorisaties,
  };
}

/** Throws 403 unless the caller holds every required scope. */
export function requireScopes(caller: ApiCaller, required: readonly string[]): void {
  if (caller.heeftAlleAutorisaties) return;
  const missing = required.filter((scope) => !caller.scopes.includes(scope));
  if (missing.length > 0) throw new ProblemError('permission_denied', `Deze actie vereist de scope(s): ${missing.join(', ')}.`);
}

/** Throws 403 unless the caller holds at least one of the scopes. */
export function requireAnyScope(caller: ApiCaller, oneOf: readonly string[]): void {
  if (caller.heeftAlleAutorisaties || oneOf.some((scope) => caller.scopes.includes(scope))) return;
  throw new ProblemError('permission_denied', `Deze actie vereist een van de scopes: ${oneOf.join(', ')}.`);
}
