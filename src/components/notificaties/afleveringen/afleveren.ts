import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Kysely } from 'kysely';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { Database } from '../../../platform/database/schema.ts';
import { checkOutboundUrl, guardedLookup, OutboundRequestError, type OutboundPolicy } from '../../../platform/http/outbound-url.ts';
import type { DeliveryHandler } from '../../../platform/outbox/delivery-handler.ts';
import { parseAflevering, type Notificatie } from '../../../platform/zgw/notificatie.ts';
import { abonnementMatches } from '../abonnementen/matching.ts';
import { findAbonnement } from '../abonnementen/repository.ts';

/** How long one delivery attempt may take before it counts as failed (and frees its slot). */
export const AFLEVERING_TIMEOUT_MS = 10_000;

export interface AfleverenDeps {
  db: Kysely<Database>;
  keys: Keys;
  /** Where callbacks may point (LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS). */
  outbound: OutboundPolicy;
  timeoutMs?: number;
}

/**
 * POSTs a notification to a callback URL under the outbound guard: http(s) only, every address of the host allowed
 * by the policy (checked before and once more on the address connected to), no redirects followed, no pooled
 * connection, cut off after the time-out. Resolves with the HTTP status; the answer's body is not read.
 */
export async function postNotificatie(url: string, auth: string, notificatie: Notificatie, policy: OutboundPolicy, signal: AbortSignal): Promise<number> {
  const parsed = await checkOutboundUrl(url, policy);
  const body = JSON.stringify(notificatie);
  const requestFor = parsed.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = requestFor(parsed, {
      method: 'POST',
      headers: {
        authorization: auth,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Loket-notificaties',
      },
      agent: false,
      lookup: guardedLookup(policy),
      signal,
    });
    request.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    request.on('error', (error) => reject(error instanceof OutboundRequestError ? error : new OutboundRequestError('unreachable', `callback request failed: ${error.message}`)));
    request.end(body);
  });
}

/**
 * The `zgw-notificatie-aflevering` handler: delivers one notification to one abonnement with the abonnement's
 * current callback URL and Authorization header. Only a 2xx answer counts as delivered; anything else is retried
 * by the outbox with exponential back-off for at least 24 hours. An abonnement deleted in the meantime, or no longer
 * taking this kanaal or these kenmerken, gets nothing: the delivery is done.
 */
export function createAfleveringHandler(deps: AfleverenDeps): DeliveryHandler {
  const timeoutMs = deps.timeoutMs ?? AFLEVERING_TIMEOUT_MS;
  return async (event, signal) => {
    const { abonnement, notificatie } = parseAflevering(event.payload);
    const row = await findAbonnement(deps.db, event.tenantId, abonnement);
    if (!row || !abonnementMatches(row.kanalen, notificatie)) return;
    const attempt = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    let status: number;
    try {
      status = await postNotificatie(row.callback_url, deps.keys.decrypt(row.auth_encrypted), notificatie, deps.outbound, attempt);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (attempt.aborted) throw new Error(`callback did not answer within ${timeoutMs / 1000} s`, { cause: error });
      throw error;
    }
    if (status < 200 || status > 299) throw new Error(`callback answered HTTP ${status}`);
  };
}
