import type { Keys } from '../../../platform/crypto/keys.ts';
import { abonnementUrl } from '../shared/urls.ts';
import type { AbonnementRow } from './repository.ts';

/**
 * What other clients see instead of an abonnement's Authorization header: the header is a credential of the
 * subscriber, readable only by the client that registered it. Sent back unchanged in an update, it keeps the
 * stored header.
 */
export const MASKED_AUTH = '********';

/** The `Abonnement` resource (notificaties-1.0.1.yaml). */
export interface AbonnementJson {
  url: string;
  callbackUrl: string;
  auth: string;
  kanalen: { naam: string; filters: Record<string, string> }[];
}

/** An abonnement as API JSON; `auth` in clear only for the client that created it. */
export function presentAbonnement(row: AbonnementRow, base: string, keys: Keys, clientId: string): AbonnementJson {
  return {
    url: abonnementUrl(base, row.uuid),
    callbackUrl: row.callback_url,
    auth: row.client_id === clientId ? keys.decrypt(row.auth_encrypted) : MASKED_AUTH,
    kanalen: row.kanalen.map((kanaal) => ({ naam: kanaal.naam, filters: { ...kanaal.filters } })),
  };
}
