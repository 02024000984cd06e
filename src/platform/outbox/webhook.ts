import type { Transaction } from 'kysely';
import type { Database } from '../database/schema.ts';
import { PermanentDeliveryError, type DeliveryHandler } from './delivery-handler.ts';
import { enqueueEvent } from './write.ts';

/** Event kind of a plain JSON POST to a URL. */
export const WEBHOOK_KIND = 'webhook';

/** How long one webhook attempt may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** Payload of a `webhook` event. */
export interface WebhookPayload {
  /** http(s) URL that receives the POST. */
  url: string;
  /** Sent as the JSON request body. */
  body: unknown;
  /** Extra request headers, for example the receiver's Authorization. */
  headers?: Record<string, string>;
}

/** Checks a payload's shape; throws PermanentDeliveryError naming what is wrong (never its contents). */
export function parseWebhookPayload(payload: unknown): WebhookPayload & { parsedUrl: URL } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new PermanentDeliveryError('webhook payload is not an object');
  }
  const record = payload as Record<string, unknown>;
  if (typeof record.url !== 'string') throw new PermanentDeliveryError('webhook payload has no url');
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(record.url);
  } catch {
    throw new PermanentDeliveryError('webhook url is not a valid URL');
  }
  if (parsedUrl.protocol !== 'http:' && parsedUrl.protocol !== 'https:') {
    throw new PermanentDeliveryError(`webhook url must be http or https, not ${parsedUrl.protocol}`);
  }
  if (!('body' in record) || record.body === undefined) throw new PermanentDeliveryError('webhook payload has no body');
  const headers = record.headers;
  if (headers !== undefined) {
    if (typeof headers !== 'object' || headers === null || Array.isArray(headers) || Object.values(headers).some((value) => typeof value !== 'string')) {
      throw new PermanentDeliveryError('webhook headers must be an object of strings');
    }
  }
  return { url: record.url, body: record.body, headers: headers as Record<string, string> | undefined, parsedUrl };
}

/** Why a fetch failed, without the URL (it may carry tokens in its query string). */
function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
    return code ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

/**
 * The `webhook` handler: POSTs the payload's body as JSON to its http(s) URL. Only a 2xx answer
 * counts as delivered. Redirects are not followed (a 3xx is a failure), so a receiver cannot steer
 * Loket's requests elsewhere; each attempt is cut off after `timeoutMs`.
 */
export function createWebhookHandler(options: { timeoutMs?: number } = {}): DeliveryHandler {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return async (event, signal) => {
    const payload = parseWebhookPayload(event.payload);
    const attemptSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]);
    let response: Response;
    try {
      response = await fetch(payload.parsedUrl, {
        method: 'POST',
        // Our content type wins: the body is always JSON, whatever extra headers the payload names.
        headers: { ...payload.headers, 'content-type': 'application/json', 'user-agent': 'Loket-outbox' },
        body: JSON.stringify(payload.body),
        redirect: 'manual',
        signal: attemptSignal,
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      if (attemptSignal.aborted) throw new Error(`webhook did not answer within ${timeoutMs / 1000} s`, { cause: error });
      throw new Error(`webhook request failed: ${describeFetchError(error)}`, { cause: error });
    }
    // The answer's body is of no use; cancelling it frees the connection for the next delivery.
    await response.body?.cancel().catch(() => undefined);
    if (response.status < 200 || response.status > 299) {
      throw new Error(`webhook answered HTTP ${response.status}`);
    }
  };
}

/**
 * Enqueues a webhook inside the caller's transaction, checking the payload first so a wrong URL
 * fails the write rather than surfacing a day later as a failed event.
 */
export async function enqueueWebhook(
  trx: Transaction<Database>,
  tenantId: string,
  payload: WebhookPayload,
  options: { availableAt?: Date } = {},
): Promise<number> {
  parseWebhookPayload(payload);
  return enqueueEvent(trx, { tenantId, kind: WEBHOOK_KIND, payload, availableAt: options.availableAt });
}
