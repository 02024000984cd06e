import type { Kysely } from 'kysely';
import type { ApiClient, Database } from '../database/schema.ts';
import type { Keys } from '../crypto/keys.ts';

export interface ApiClientInput {
  tenantId: string;
  clientId: string;
  secret: string;
  label?: string;
  heeftAlleAutorisaties?: boolean;
  scopes?: string[];
}

/** Registers an API client; its secret is stored encrypted. */
export async function insertApiClient(db: Kysely<Database>, keys: Keys, input: ApiClientInput): Promise<ApiClient> {
  return db
    .insertInto('api_clients')
    .values({
      tenant_id: input.tenantId,
      client_id: input.clientId,
      label: input.label ?? input.clientId,
      secret_encrypted: keys.encrypt(input.secret),
      heeft_alle_autorisaties: input.heeftAlleAutorisaties ?? false,
      scopes: input.scopes ?? [],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findApiClient(db: Kysely<Database>, tenantId: string, clientId: string): Promise<ApiClient | undefined> {
  return db.selectFrom('api_clients').selectAll().where('tenant_id', '=', tenantId).where('client_id', '=', clientId).executeTakeFirst();
}
