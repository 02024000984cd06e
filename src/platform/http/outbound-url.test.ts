import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupAddress } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkOutboundUrl, fetchOutboundJson, guardedLookup, OutboundRequestError, type OutboundFailure } from './outbound-url.ts';

const PUBLIC_ONLY = { allowPrivateNetworks: false };
const PRIVATE_ALLOWED = { allowPrivateNetworks: true };

async function failureOf(promise: Promise<unknown>): Promise<OutboundFailure | 'none'> {
  try {
    await promise;
    return 'none';
  } catch (error) {
    if (error instanceof OutboundRequestError) return error.failure;
    throw error;
  }
}

describe('outbound URL guard', () => {
  it.each(['file:///etc/passwd', 'ftp://example.org/x', 'gopher://example.org/', 'not a url'])('refuses %s: only http and https', async (url) => {
    expect(await failureOf(checkOutboundUrl(url, PRIVATE_ALLOWED))).toBe('refused');
  });

  it.each([
    'http://127.0.0.1:5432/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://100.64.1.1/',
    'http://0.0.0.0:8080/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:169.254.169.254]/',
    // The URL parser reads these as 127.0.0.1.
    'http://0x7f.1/',
    'http://2130706433/',
  ])('refuses the address literal in %s', async (url) => {
    const resolveHost = (): Promise<string[]> => Promise.reject(new Error('an IP literal is not looked up'));
    expect(await failureOf(checkOutboundUrl(url, PUBLIC_ONLY, resolveHost))).toBe('refused');
  });

  it('refuses a host name when any of its addresses is not public', async () => {
    const resolveHost = (): Promise<string[]> => Promise.resolve(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '10.0.0.5']);
    expect(await failureOf(checkOutboundUrl('https://referentielijsten.example/api/v1/communicatiekanalen/1', PUBLIC_ONLY, resolveHost))).toBe('refused');
  });

  it('allows a host name whose addresses are all public', async () => {
    const resolveHost = (): Promise<string[]> => Promise.resolve(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
    const url = await checkOutboundUrl('https://referentielijsten.example/api/v1/communicatiekanalen/1', PUBLIC_ONLY, resolveHost);
    expect(url.hostname).toBe('referentielijsten.example');
  });

  it('refuses a host name that does not resolve or has no addresses', async () => {
    expect(await failureOf(checkOutboundUrl('https://nergens.example/', PUBLIC_ONLY, () => Promise.reject(new Error('ENOTFOUND'))))).toBe('refused');
    expect(await failureOf(checkOutboundUrl('https://nergens.example/', PUBLIC_ONLY, () => Promise.resolve([])))).toBe('refused');
  });

  it('refuses localhost through the system resolver', async () => {
    expect(await failureOf(checkOutboundUrl('http://localhost:5432/', PUBLIC_ONLY))).toBe('refused');
  });

  it('allows private and loopback addresses when the configuration allows private networks', async () => {
    expect((await checkOutboundUrl('http://127.0.0.1:8080/x', PRIVATE_ALLOWED)).port).toBe('8080');
    expect((await checkOutboundUrl('http://[::1]/x', PRIVATE_ALLOWED)).hostname).toBe('[::1]');
  });

  it('checks the addresses the socket connects to as well (a second DNS answer may differ)', async () => {
    const outcome = await new Promise<{ error: Error | null; addresses: string | LookupAddress[] }>((resolve) => {
      guardedLookup(PUBLIC_ONLY)('localhost', { all: true }, (error, addresses) => resolve({ error, addresses }));
    });
    expect(outcome.error).toBeInstanceOf(OutboundRequestError);
    const allowed = await new Promise<{ error: Error | null; address: string | LookupAddress[] }>((resolve) => {
      guardedLookup(PRIVATE_ALLOWED)('localhost', {}, (error, address) => resolve({ error, address }));
    });
    expect(allowed.error).toBeNull();
    expect(typeof allowed.address).toBe('string');
  });
});

describe('fetching JSON from a client-supplied URL', () => {
  let server: Server;
  let base: string;
  const requested: string[] = [];
  const routes = new Map<string, (request: IncomingMessage, response: ServerResponse) => void>([
    ['/kanaal', (_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"naam":"E-mail"}')],
    ['/niet-json', (_request, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>')],
    ['/weg', (_request, response) => response.writeHead(302, { location: '/kanaal' }).end()],
    ['/ontbreekt', (_request, response) => response.writeHead(404).end()],
    ['/groot-aangekondigd', (_request, response) => response.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end()],
    [
      '/groot-gestroomd',
      (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = (): void => {
          // Keep sending until the client hangs up; a well-behaved client stops after its limit.
          while (sent < 64 && response.write(chunk)) sent += 1;
          if (sent < 64 && !response.destroyed) response.once('drain', more);
          else response.end();
        };
        more();
      },
    ],
    ['/traag', () => undefined],
  ]);

  beforeAll(async () => {
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      const route = routes.get(request.url ?? '');
      if (route) route(request, response);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    requested.length = 0;
  });

  it('refuses a loopback server by default without sending it anything', async () => {
    expect(await failureOf(fetchOutboundJson(`${base}/kanaal`, PUBLIC_ONLY))).toBe('refused');
    expect(requested).toEqual([]);
  });

  it('answers the JSON of a 200 when private networks are allowed', async () => {
    expect(await fetchOutboundJson(`${base}/kanaal`, PRIVATE_ALLOWED)).toEqual({ naam: 'E-mail' });
  });

  it('does not follow a redirect, which could point anywhere', async () => {
    expect(await failureOf(fetchOutboundJson(`${base}/weg`, PRIVATE_ALLOWED))).toBe('status');
    expect(requested).toEqual(['/weg']);
  });

  it('gives no result for another status or a body that is not JSON', async () => {
    expect(await failureOf(fetchOutboundJson(`${base}/ontbreekt`, PRIVATE_ALLOWED))).toBe('status');
    expect(await failureOf(fetchOutboundJson(`${base}/niet-json`, PRIVATE_ALLOWED))).toBe('not-json');
  });

  it('stops reading a body beyond the size limit, announced or streamed', async () => {
    expect(await failureOf(fetchOutboundJson(`${base}/groot-aangekondigd`, PRIVATE_ALLOWED))).toBe('too-large');
    expect(await failureOf(fetchOutboundJson(`${base}/groot-gestroomd`, PRIVATE_ALLOWED, { maxBytes: 256 * 1024 }))).toBe('too-large');
  });

  it('gives up on a server that does not answer within the time-out', async () => {
    expect(await failureOf(fetchOutboundJson(`${base}/traag`, PRIVATE_ALLOWED, { timeoutMs: 200 }))).toBe('unreachable');
  });
});
