import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database/schema.ts';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { ProcessingRequest } from '../../../platform/processing-log/request.ts';

/**
 * Who asks, as the Klantinteracties services need it: the tenant and actor (for the processing log), and the
 * address the request came in on (for URLs and pagination links). A Fastify request of the API is one; the
 * KCC workspace passes its own request, so both channels go through the same services.
 */
export interface KlantCaller extends ProcessingRequest {
  protocol: 'http' | 'https';
  host: string;
  url: string;
}

/** What the services use. */
export interface KlantDeps {
  db: Kysely<Database>;
  keys: Pick<Keys, 'pseudonymise'>;
}
