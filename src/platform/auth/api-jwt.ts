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
  /** Only documents that are gereed voor publicatie may be read (the applicatie's Autorisaties API 1.1 flag). */
  alleenIsGereedVoorPublicatie: boolean;
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

const UNVERIFIABLE = 'De client is onbekend, de handtekening van het token is ongeldig of het token is verlopen.';

/** The token's payload once its signature and its exp/nbf hold; an unknown client (no secret) is refused after the same work. */
async function verifiedPayload(clients: ApiClientCredentialStore, token: string, secret: Uint8Array | undefined, now: number, policy: JwtPolicy): Promise<JWTPayload> {
  try {
    // An unknown client is verified against a secret nobody has: same answer, same work, so client ids cannot be probed.
    // Expiry is judged on iat by the caller (ZGW tokens usually carry no exp); an exp that is present is still honoured.
    const { payload } = await jwtVerify(token, secret ?? clients.unknownClientSecret, { algorithms: ['HS256'], currentDate: new Date(now), clockTolerance: policy.clockSkewSeconds });
    if (!secret) throw new Error('unknown client');
    return payload;
  } catch {
    throw refuse(UNVERIFIABLE);
  }
}

/** A payload verified before under the same secret, with what jose judges by time (exp, nbf) judged again now. */
function stillValid(payload: JWTPayload, now: number, policy: JwtPolicy): JWTPayload {
  const seconds = now / 1000;
  const expired = typeof payload.exp === 'number' && seconds - policy.clockSkewSeconds >= payload.exp;
  const early = typeof payload.nbf === 'number' && seconds + policy.clockSkewSeconds < payload.nbf;
  if (expired || early) throw refuse(UNVERIFIABLE);
  return payload;
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
  // A token verified before names its client already: decoding it again would only repeat that work.
  const known = clients.verifiedTokens.find(token);
  let clientId: string;
  if (known) {
    clientId = known.clientId;
  } else {
    let unverified: JWTPayload;
    try {
      if (decodeProtectedHeader(token).alg !== 'HS256') throw new Error('alg');
      unverified = decodeJwt(token);
    } catch {
      throw refuse('Het token is geen geldig HS256-JWT.');
    }
    clientId = claimString(unverified, 'client_id') || claimString(unverified, 'iss');
    if (!clientId) throw refuse('Het token bevat geen client_id.');
  }
  const client = await clients.find(tenantId, clientId, now);
  // Trusted only under the very secret object it verified with: a reloaded, changed or revoked client verifies anew.
  const remembered = client !== undefined && known?.secret === client.secret ? known.payload : undefined;
  const payload = remembered ? stillValid(remembered, now, policy) : await verifiedPayload(clients, token, client?.secret, now, policy);
  if (!client) throw refuse(UNVERIFIABLE);
  if (!remembered) clients.verifiedTokens.remember(token, clientId, client.secret, payload);
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
    alleenIsGereedVoorPublicatie: client.alleenIsGereedVoorPublicatie,
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
