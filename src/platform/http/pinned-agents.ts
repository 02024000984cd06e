import { lookup } from 'node:dns/promises';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { checkOutboundUrl, OutboundRequestError, type OutboundPolicy, type ResolveHost } from './outbound-url.ts';

/*
 * Keep-alive connections for outbound requests to client-supplied URLs (notification callbacks), without giving up
 * the outbound guard. A host name is resolved and every address checked against the policy once per pin period; the
 * agent of that origin then connects only to those checked addresses (its lookup answers from the pin, never from
 * DNS again), so a host whose DNS answers differently the second time (DNS rebinding) cannot steer a connection
 * anywhere that was not checked. Connections are reused within the origin, which saves a TCP (and TLS) handshake
 * per request. After the pin period the host is resolved and checked afresh; when its addresses changed, a new
 * agent takes over and the old one's idle connections close on their own.
 */

/** How long a checked resolution of a host is used before it is resolved and checked again. */
export const DEFAULT_PIN_SECONDS = 30;
/** An idle kept-alive connection is closed after this long (below the usual 5 s of servers, to avoid racing them). */
const IDLE_SOCKET_MS = 4000;

type Agent = HttpAgent | HttpsAgent;

interface Pin {
  addresses: string[];
  agent: Agent;
  expiresAt: number;
}

const resolveWithSystem: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** A socket lookup that answers only with the pinned, already checked addresses. */
function pinnedLookup(addresses: readonly string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    const [first] = entries;
    if (first === undefined) return callback(new Error('no pinned address'), []);
    if (options.all === true) return callback(null, entries);
    const wanted = options.family === 4 || options.family === 6 ? entries.find((entry) => entry.family === options.family) : first;
    const chosen = wanted ?? first;
    return callback(null, chosen.address, chosen.family);
  };
}

/** The URL when it is an absolute http(s) URL. */
function httpUrl(url: string): URL | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function sameAddresses(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((address, index) => address === b[index]);
}

/** The agents of one outbound policy, one per origin (scheme, host and port). */
export class PinnedAgents {
  private readonly pins = new Map<string, Pin>();
  private readonly pending = new Map<string, Promise<Pin>>();

  constructor(
    private readonly policy: OutboundPolicy,
    private readonly options: { pinSeconds?: number; resolveHost?: ResolveHost } = {},
  ) {}

  /**
   * The URL parsed and the agent to send it with, when an outbound request to it is allowed (see checkOutboundUrl;
   * throws its OutboundRequestError otherwise). The check is made at most once per pin period per origin.
   */
  async agentFor(url: string): Promise<{ url: URL; agent: Agent }> {
    const parsed = httpUrl(url);
    if (parsed === undefined) {
      // Refused, and checkOutboundUrl words the reason.
      await checkOutboundUrl(url, this.policy);
      throw new OutboundRequestError('refused', 'Outbound request refused: not an http(s) URL.');
    }
    const origin = parsed.origin;
    const pin = this.pins.get(origin);
    if (pin !== undefined && pin.expiresAt > Date.now()) return { url: parsed, agent: pin.agent };
    let pinning = this.pending.get(origin);
    if (pinning === undefined) {
      pinning = this.pin(parsed, pin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, pinning);
    }
    return { url: parsed, agent: (await pinning).agent };
  }

  /** Closes every kept-alive connection (in use ones included); for shutting down. */
  destroy(): void {
    for (const pin of this.pins.values()) pin.agent.destroy();
    this.pins.clear();
  }

  private async pin(url: URL, previous: Pin | undefined): Promise<Pin> {
    const addresses: string[] = [];
    const resolveHost = this.options.resolveHost ?? resolveWithSystem;
    // checkOutboundUrl refuses unless every address is allowed; the addresses it checked are the ones pinned.
    const parsed = await checkOutboundUrl(url.href, this.policy, async (hostname) => {
      const resolved = await resolveHost(hostname);
      addresses.push(...resolved);
      return resolved;
    });
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    if (addresses.length === 0) addresses.push(host);
    const expiresAt = Date.now() + (this.options.pinSeconds ?? DEFAULT_PIN_SECONDS) * 1000;
    if (previous !== undefined && sameAddresses(previous.addresses, addresses)) {
      previous.expiresAt = expiresAt;
      return previous;
    }
    this.sweep();
    const agentOptions = { keepAlive: true, timeout: IDLE_SOCKET_MS, lookup: pinnedLookup(addresses) };
    const agent = parsed.protocol === 'https:' ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
    const pin: Pin = { addresses, agent, expiresAt };
    this.pins.set(url.origin, pin);
    return pin;
  }

  /** Forgets origins whose pin ran out long ago (an abonnement since removed), so the map does not grow without end. */
  private sweep(): void {
    const longAgo = Date.now() - 10 * (this.options.pinSeconds ?? DEFAULT_PIN_SECONDS) * 1000;
    for (const [origin, pin] of this.pins) {
      if (pin.expiresAt < longAgo) this.pins.delete(origin);
    }
  }
}
