import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** Decides the status code for a request; may take its time to model a slow receiver. */
export type Responder = (request: ReceivedRequest) => number | Promise<number>;

/** A local HTTP server on 127.0.0.1 that records what webhooks deliver. */
export interface WebhookReceiver {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  received: ReceivedRequest[];
  /** Replaces how the receiver answers (default: 200 at once). */
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/** Starts a webhook receiver on a free port of 127.0.0.1. */
export async function startWebhookReceiver(responder: Responder = () => 200): Promise<WebhookReceiver> {
  let respond = responder;
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // keep the raw text
      }
      const entry: ReceivedRequest = { method: request.method ?? '', path: request.url ?? '', headers: request.headers, body };
      received.push(entry);
      Promise.resolve(respond(entry)).then(
        (status) => response.writeHead(status, { 'content-type': 'text/plain' }).end('ok'),
        () => response.destroy(),
      );
    });
    // A sender that dies mid-request (a killed process) must not crash the test.
    request.on('error', () => undefined);
    response.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    respondWith(next) {
      respond = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
