import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhook-receiver.ts';
import { PermanentDeliveryError } from './delivery-handler.ts';
import type { OutboxEvent } from './event.ts';
import { createWebhookHandler, parseWebhookPayload } from './webhook.ts';

function eventWith(payload: unknown): OutboxEvent {
  return {
    id: 1,
    tenantId: '00000000-0000-0000-0000-000000000000',
    kind: 'webhook',
    payload,
    createdAt: new Date(),
    attempts: 1,
    lockedBy: 'test',
    lockedUntil: null,
    deliveredAt: null,
    failedAt: null,
    lastError: null,
  };
}

describe('the webhook handler', () => {
  let receiver: WebhookReceiver;
  const handler = createWebhookHandler({ timeoutMs: 500 });
  const never = new AbortController().signal;

  beforeAll(async () => {
    receiver = await startWebhookReceiver((request) => {
      const path = request.path.split('?')[0];
      if (path === '/fout') return 500;
      if (path === '/omleiding') return 302;
      if (path === '/traag') return new Promise((resolve) => setTimeout(() => resolve(200), 5_000));
      return path === '/aangemaakt' ? 201 : 204;
    });
  });
  afterAll(() => receiver.close());

  it('POSTs the body as JSON with the extra headers, and a 2xx answer counts as delivered', async () => {
    await handler(eventWith({ url: `${receiver.url}/ok?x=1`, body: { kenmerk: 'Z-1' }, headers: { authorization: 'Bearer abc' } }), never);
    await handler(eventWith({ url: `${receiver.url}/aangemaakt`, body: [1, 2] }), never);
    const first = receiver.received.find((request) => request.path === '/ok?x=1');
    expect(first?.method).toBe('POST');
    expect(first?.body).toEqual({ kenmerk: 'Z-1' });
    expect(first?.headers['content-type']).toBe('application/json');
    expect(first?.headers.authorization).toBe('Bearer abc');
  });

  it('fails on a non-2xx answer, naming the status but not the URL', async () => {
    await expect(handler(eventWith({ url: `${receiver.url}/fout?token=geheim`, body: {} }), never)).rejects.toThrow(/^webhook answered HTTP 500$/);
  });

  it('does not follow redirects', async () => {
    await expect(handler(eventWith({ url: `${receiver.url}/omleiding`, body: {} }), never)).rejects.toThrow('HTTP 302');
  });

  it('gives up an attempt that takes longer than its timeout', async () => {
    await expect(handler(eventWith({ url: `${receiver.url}/traag`, body: {} }), never)).rejects.toThrow(/did not answer within 0.5 s/);
  });

  it('stops when the dispatcher aborts', async () => {
    const controller = new AbortController();
    const attempt = handler(eventWith({ url: `${receiver.url}/traag`, body: {} }), controller.signal);
    controller.abort(new Error('stopping'));
    await expect(attempt).rejects.toThrow('stopping');
  });

  it('reports an unreachable receiver as a failure to retry', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    const failure = await handler(eventWith({ url: `${closed.url}/weg`, body: {} }), never).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(PermanentDeliveryError);
    expect((failure as Error).message).toMatch(/webhook request failed/);
  });
});

describe('webhook payloads', () => {
  it('accept only http and https URLs', () => {
    expect(parseWebhookPayload({ url: 'https://ontvanger.example/hook', body: {} }).parsedUrl.host).toBe('ontvanger.example');
    for (const url of ['file:///etc/passwd', 'ftp://example.org/x', 'javascript:alert(1)', 'niet een url']) {
      expect(() => parseWebhookPayload({ url, body: {} })).toThrow(PermanentDeliveryError);
    }
  });

  it('need a url, a body and string headers', () => {
    expect(() => parseWebhookPayload(null)).toThrow(PermanentDeliveryError);
    expect(() => parseWebhookPayload({ body: {} })).toThrow(/no url/);
    expect(() => parseWebhookPayload({ url: 'http://127.0.0.1/x' })).toThrow(/no body/);
    expect(() => parseWebhookPayload({ url: 'http://127.0.0.1/x', body: {}, headers: { a: 1 } })).toThrow(/headers/);
  });
});
