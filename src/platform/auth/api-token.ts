import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database/schema.ts';
import { ProblemError } from '../errors/problem.ts';
import type { ApiCaller } from './api-jwt.ts';
import { isIngetrokken } from './api-client-intrekking.ts';

/*
 * API tokens for the APIs whose specification declares `tokenAuth` (`Authorization: Token <token>`) instead of
 * ZGW's JWT: the Klantinteracties API. A token belongs to one API client of one tenant, is 256 random bits shown
 * once by `loket client add`, and is stored only as its sha256: the lookup is by hash, so no secret is compared.
 */

/** The APIs that take a token; the route declares which one in `config.apiToken`. */
export const TOKEN_APIS = ['klantinteracties'] as const;
export type TokenApi = (typeof TOKEN_APIS)[number];

/** The stored form of a token. */
export function apiTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Issues a new token for the client and API, replacing the client's earlier one (rotation), and returns it: the
 * only moment the token exists outside the caller's hands.
 */
export async function issueApiToken(db: Kysely<Database>, tenantId: string, apiClientId: string, api: TokenApi): Promise<string> {
  const token = randomBytes(32).toString('hex');
  await db
    .insertInto('api_tokens')
    .values({ token_hash: apiTokenHash(token), tenant_id: tenantId, api_client_id: apiClientId, api })
    .onConflict((oc) => oc.columns(['api_client_id', 'api']).doUpdateSet({ token_hash: apiTokenHash(token), created_at: new Date() }))
    .execute();
  return token;
}

function refuse(detail: string): ProblemError {
  return new ProblemError('not_authenticated', detail, [], { 'WWW-Authenticate': 'Token' });
}

/**
 * The caller behind `Authorization: Token <token>` for this tenant and API; 401 otherwise. The caller carries
 * the client id (for the processing log and audit) and no ZGW scopes: a token opens its whole API.
 */
export async function authenticateApiToken(db: Kysely<Database>, tenantId: string, api: TokenApi, authorization: string | undefined): Promise<ApiCaller> {
  const match = /^Token\s+([A-Za-z0-9_-]{16,200})$/.exec(authorization ?? '');
  if (!match?.[1]) throw refuse('Er is geen geldige Authorization-header (Token <token>) meegestuurd.');
  const client = await db
    .selectFrom('api_tokens')
    .innerJoin('api_clients', 'api_clients.id', 'api_tokens.api_client_id')
    .select(['api_clients.client_id'])
    .where('api_tokens.token_hash', '=', apiTokenHash(match[1]))
    .where('api_tokens.tenant_id', '=', tenantId)
    .where('api_tokens.api', '=', api)
    .where((eb) => eb.not(isIngetrokken(eb)))
    .executeTakeFirst();
  if (!client) throw refuse('Het token is onbekend of ingetrokken.');
  return { clientId: client.client_id, userId: '', userRepresentation: '', heeftAlleAutorisaties: false, scopes: [], autorisaties: [], alleenIsGereedVoorPublicatie: false };
}
