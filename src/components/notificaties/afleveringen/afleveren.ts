import { request as httpRequest, type Agent, type ClientRequest, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Kysely } from 'kysely';
import type { Keys } from '../../../platform/crypto/keys.ts';
import type { Database } from '../../../platform/database/schema.ts';
import { OutboundRequestError, type OutboundPolicy } from '../../../platform/http/outbound-url.ts';
import { PinnedAgents } from '../../../platform/http/pinned-agents.ts';
import type { DeliveryHandler } from '../../../platform/outbox/delivery-handler.ts';
import { parseAflevering, type Notificatie } from '../../../platform/zgw/notificatie.ts';
import { abonnementMatches } from '../abonnementen/matching.ts';
import { AbonnementLoader } from './abonnement-loader.ts';

/** How long one delivery attempt may take before it counts as failed (and frees its slot). */
export const AFLEVERING_TIMEOUT_MS = 10_000;

export interface AfleverenDeps {
  db: Kysely<Database>;
  keys: Keys;
  /** Where callbacks may point (LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS). */
  outbound: OutboundPolicy;
  timeoutMs?: number;
}

/** The most of a callback's answer body that is read (and thrown away) to keep its connection for the next delivery. */
const MAX_DRAINED_BYTES = 64 * 1024;

/** Whether a request failed because the kept-alive connection it reused had just been closed by the server. */
function isStaleConnection(request: ClientRequest, error: unknown): boolean {
  return request.reusedSocket && typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ECONNRESET';
}

/** Reads and discards the answer's body, so its connection goes back to the pool; a long or slow one is cut off instead. */
function drain(response: IncomingMessage, timeoutMs: number): void {
  let size = 0;
  const timer = setTimeout(() => response.destroy(), timeoutMs);
  response.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_DRAINED_BYTES) response.destroy();
  });
  response.on('close', () => clearTimeout(timer));
  response.on('error', () => undefined);
}

function send(url: URL, agent: Agent, headers: OutgoingHttpHeaders, body: string, signal: AbortSignal, drainMs: number, retryStale: boolean): Promise<number> {
  const requestFor = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = requestFor(url, { method: 'POST', headers, agent, signal });
    request.on('response', (response) => {
      resolve(response.statusCode ?? 0);
      drain(response, drainMs);
    });
    request.on('error', (error) => {
      // A server may close an idle kept-alive connection just as a request goes out on it: once, try a fresh one.
      if (retryStale && isStaleConnection(request, error) && !signal.aborted) {
        send(url, agent, headers, body, signal, drainMs, false).then(resolve, reject);
        return;
      }
      reject(error instanceof OutboundRequestError ? error : new OutboundRequestError('unreachable', `callback request failed: ${error.message}`));
    });
    request.end(body);
  });
}

/**
 * POSTs a notification to a callback URL under the outbound guard: http(s) only, every address of the host allowed
 * by the policy and the connection made only to such a checked address (pinned per origin, see PinnedAgents), no
 * redirects followed, cut off when `signal` aborts. Connections to an origin are kept alive and reused. Resolves
 * with the HTTP status; the answer's body is discarded.
 */
export async function postNotificatie(url: string, auth: string, notificatie: Notificatie, agents: PinnedAgents, signal: AbortSignal, drainMs = AFLEVERING_TIMEOUT_MS): Promise<number> {
  const { url: parsed, agent } = await agents.agentFor(url);
  const body = JSON.stringify(notificatie);
  const headers = {
    authorization: auth,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'user-agent': 'Loket-notificaties',
  };
  return send(parsed, agent, headers, body, signal, drainMs, true);
}

/**
 * The `zgw-notificatie-aflevering` handler: delivers one notification to one abonnement with the abonnement's
 * current callback URL and Authorization header. Only a 2xx answer counts as delivered; anything else is retried
 * by the outbox with exponential back-off for at least 24 hours. An abonnement deleted in the meantime, or no longer
 * taking this kanaal or these kenmerken, gets nothing: the delivery is done.
 */
export function createAfleveringHandler(deps: AfleverenDeps): DeliveryHandler {
  const timeoutMs = deps.timeoutMs ?? AFLEVERING_TIMEOUT_MS;
  const abonnementen = new AbonnementLoader(deps.db);
  const agents = new PinnedAgents(deps.outbound);
  return async (event, signal) => {
    const { abonnement, notificatie } = parseAflevering(event.payload);
    const row = await abonnementen.load(event.tenantId, abonnement);
    if (!row || !abonnementMatches(row.kanalen, notificatie)) return;
    const attempt = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    let status: number;
    try {
      status = await postNotificatie(row.callback_url, deps.keys.decrypt(row.auth_encrypted), notificatie, agents, attempt, timeoutMs);
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (attempt.aborted) throw new Error(`callback did not answer within ${timeoutMs / 1000} s`, { cause: error });
      throw error;
    }
    if (status < 200 || status > 299) throw new Error(`callback answered HTTP ${status}`);
  };
}
