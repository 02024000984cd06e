import { sql, type Kysely } from 'kysely';
import type { ApiClient, Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';
import { isIngetrokken } from './api-client-intrekking.ts';

export interface ApiClientInput {
  tenantId: string;
  clientId: string;
  secret: string;
  label?: string;
  heeftAlleAutorisaties?: boolean;
  scopes?: string[];
}

/** An API client with what its applicatie (Autorisaties API) says about all of its client ids. */
export interface ApiClientWithApplicatie extends ApiClient {
  heeft_alle_autorisaties: boolean;
  alleen_is_gereed_voor_publicatie: boolean;
  /** The applicatie's access is revoked (api-client-intrekking.ts): the client cannot authenticate, secret or not. */
  ingetrokken: boolean;
}

/**
 * Registers an API client as an applicatie of its own with this one client id; its secret is stored encrypted.
 * One statement, so no applicatie is left without its client when the client id is taken.
 */
export async function insertApiClient(db: Kysely<Database>, keys: Keys, input: ApiClientInput): Promise<ApiClientWithApplicatie> {
  const label = (input.label ?? input.clientId).slice(0, 100);
  const heeftAlleAutorisaties = input.heeftAlleAutorisaties ?? false;
  const { rows } = await sql<ApiClientWithApplicatie>`
    WITH applicatie AS (
      INSERT INTO applicaties (tenant_id, label, heeft_alle_autorisaties) VALUES (${input.tenantId}, ${label}, ${heeftAlleAutorisaties})
      RETURNING uuid, heeft_alle_autorisaties, alleen_is_gereed_voor_publicatie
    )
    INSERT INTO api_clients (tenant_id, client_id, label, secret_encrypted, scopes, applicatie_uuid)
    SELECT ${input.tenantId}, ${input.clientId}, ${label}, ${keys.encrypt(input.secret)}, ${input.scopes ?? []}::text[], applicatie.uuid FROM applicatie
    RETURNING api_clients.*, ${heeftAlleAutorisaties}::boolean AS heeft_alle_autorisaties, false AS alleen_is_gereed_voor_publicatie, false AS ingetrokken`.execute(db);
  const [client] = rows;
  if (!client) throw new Error(`API client ${input.clientId} was not stored`);
  return client;
}

/** The tenant's API client with this client id, with its applicatie's flags and whether its access is revoked. */
export async function findApiClient(db: Kysely<Database>, tenantId: string, clientId: string): Promise<ApiClientWithApplicatie | undefined> {
  return db
    .selectFrom('api_clients')
    .innerJoin('applicaties', 'applicaties.uuid', 'api_clients.applicatie_uuid')
    .selectAll('api_clients')
    .select(['applicaties.heeft_alle_autorisaties', 'applicaties.alleen_is_gereed_voor_publicatie'])
    .select((eb) => isIngetrokken(eb).as('ingetrokken'))
    .where('api_clients.tenant_id', '=', tenantId)
    .where('api_clients.client_id', '=', clientId)
    .executeTakeFirst();
}

/** Gives a client id its secret (a client id registered through the Autorisaties API has none yet). */
export async function setApiClientSecret(db: Kysely<Database>, keys: Keys, tenantId: string, clientId: string, secret: string): Promise<boolean> {
  const result = await db
    .updateTable('api_clients')
    .set({ secret_encrypted: keys.encrypt(secret) })
    .where('tenant_id', '=', tenantId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
