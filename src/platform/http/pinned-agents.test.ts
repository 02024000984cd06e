import { createServer, request, type Agent, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundRequestError } from './outbound-url.ts';
import { PinnedAgents } from './pinned-agents.ts';

const PRIVATE_ALLOWED = { allowPrivateNetworks: true };
const PUBLIC_ONLY = { allowPrivateNetworks: false };

/** POSTs to `url` through `agent`; resolves with the status once the answer is read. */
function post(url: URL, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent });
    outgoing.on('response', (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end('{}');
  });
}

describe('pinned keep-alive agents for outbound requests', () => {
  let server: Server;
  let port: number;
  const connections: Socket[] = [];

  beforeAll(async () => {
    server = createServer((incoming, response) => {
      incoming.resume();
      incoming.on('end', () => response.writeHead(204).end());
    });
    server.on('connection', (socket) => connections.push(socket));
    // Only on 127.0.0.1, so a connection to 127.0.0.2 is refused.
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the requests to one origin over one kept-alive connection', async () => {
    const agents = new PinnedAgents(PRIVATE_ALLOWED);
    const before = connections.length;
    for (let n = 0; n < 3; n++) {
      const { url, agent } = await agents.agentFor(`http://127.0.0.1:${port}/callback`);
      expect(await post(url, agent)).toBe(204);
    }
    expect(connections.length - before).toBe(1);
    agents.destroy();
  });

  it('connects only to the address checked when the host was pinned, whatever DNS answers meanwhile, and checks again once the pin runs out', async () => {
    let answer = '127.0.0.1';
    let lookups = 0;
    const agents = new PinnedAgents(PRIVATE_ALLOWED, {
      pinSeconds: 0.3,
      resolveHost: async () => {
        lookups++;
        return [answer];
      },
    });
    const target = `http://callback.test:${port}/callback`;
    const first = await agents.agentFor(target);
    expect(await post(first.url, first.agent)).toBe(204);
    // DNS now answers differently (rebinding); new connections within the pin still go to the checked address.
    answer = '127.0.0.2';
    first.agent.destroy();
    const pinned = await agents.agentFor(target);
    expect(await post(pinned.url, pinned.agent)).toBe(204);
    expect(lookups).toBe(1);

    // Once the pin runs out the host is resolved and checked afresh, and the new address is used.
    await new Promise((resolve) => setTimeout(resolve, 400));
    const renewed = await agents.agentFor(target);
    expect(lookups).toBe(2);
    expect(renewed.agent).not.toBe(first.agent);
    await expect(post(renewed.url, renewed.agent)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agents.destroy();
  });

  it('refuses a host with an address the policy does not allow, before connecting', async () => {
    const agents = new PinnedAgents(PUBLIC_ONLY, { resolveHost: async () => ['93.184.216.34', '10.0.0.7'] });
    const before = connections.length;
    await expect(agents.agentFor(`http://callback.test:${port}/`)).rejects.toBeInstanceOf(OutboundRequestError);
    await expect(agents.agentFor(`http://127.0.0.1:${port}/`)).rejects.toThrow(/loopback/);
    expect(connections.length).toBe(before);
  });

  it.each(['file:///etc/passwd', 'gopher://callback.test/', 'not a url'])('refuses %s: only http and https', async (url) => {
    await expect(new PinnedAgents(PRIVATE_ALLOWED).agentFor(url)).rejects.toMatchObject({ failure: 'refused' });
  });
});
