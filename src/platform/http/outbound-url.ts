import { lookup as lookupCallback } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress } from './address-kind.ts';

/*
 * Requests Loket's server makes to URLs its API clients supply (a communicatiekanaal, a document, later notification
 * webhooks) start inside Loket's network. Unguarded, a client could make Loket call its own database port, the cloud
 * metadata service (169.254.169.254) or other internal hosts, and map them by timing the answers. So such a URL must be
 * http(s), and every address its host resolves to must be public unless the configuration allows private networks
 * (tests, closed networks). The fetch checks the address it actually connects to once more (a host's DNS can answer
 * differently the second time), follows no redirects (a redirect could point anywhere), gives up after a time-out
 * and stops reading a body beyond a size limit.
 */

/** Where outbound requests to client-supplied URLs may go (from the configuration). */
export interface OutboundPolicy {
  /** Allow loopback, private, link-local, … addresses too (LOKET_OUTBOUND_ALLOW_PRIVATE_NETWORKS). */
  allowPrivateNetworks: boolean;
}

/** Why an outbound request gave no result: refused by the guard, failed on the way, or an unusable answer. */
export type OutboundFailure = 'refused' | 'unreachable' | 'status' | 'too-large' | 'not-json';

export class OutboundRequestError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
  ) {
    super(message);
    this.name = 'OutboundRequestError';
  }
}

/** All addresses a host name resolves to. */
export type ResolveHost = (hostname: string) => Promise<string[]>;

const resolveWithSystem: ResolveHost = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);

/** Whether the policy lets an outbound request reach this address. */
export function isAddressAllowed(address: string, policy: OutboundPolicy): boolean {
  return policy.allowPrivateNetworks || classifyAddress(address) === 'public';
}

function refusedAddress(address: string): OutboundRequestError {
  return new OutboundRequestError('refused', `Outbound request refused: ${address} is a ${classifyAddress(address)} address.`);
}

/**
 * The URL parsed, when an outbound request to it is allowed: http or https, and every address its host resolves to
 * (an IP literal as is) allowed by the policy. Throws an OutboundRequestError (`refused`) otherwise.
 */
export async function checkOutboundUrl(url: string, policy: OutboundPolicy, resolveHost: ResolveHost = resolveWithSystem): Promise<URL> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundRequestError('refused', 'Outbound request refused: not a URL.');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new OutboundRequestError('refused', `Outbound request refused: scheme ${parsed.protocol} is not http or https.`);
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = await resolveHost(host);
    } catch {
      throw new OutboundRequestError('refused', `Outbound request refused: ${host} cannot be resolved.`);
    }
  }
  if (addresses.length === 0) throw new OutboundRequestError('refused', `Outbound request refused: ${host} has no addresses.`);
  const refused = addresses.find((address) => !isAddressAllowed(address, policy));
  if (refused !== undefined) throw refusedAddress(refused);
  return parsed;
}

/** The socket's DNS lookup, refusing when any address of the host is not allowed: the address connected to is checked. */
export function guardedLookup(policy: OutboundPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((entry) => !isAddressAllowed(entry.address, policy));
      if (refused !== undefined) return callback(refusedAddress(refused.address), []);
      const [first] = addresses;
      if (options.all === true || first === undefined) return callback(null, addresses);
      return callback(null, first.address, first.family);
    });
  };
}

export interface OutboundFetchOptions {
  /** How long the whole request, body included, may take. */
  timeoutMs?: number;
  /** The largest body read; a longer one is cut off and refused. */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_BYTES = 1024 * 1024;

function send(url: URL, policy: OutboundPolicy, timeoutMs: number): Promise<IncomingMessage> {
  const requestFor = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // No agent: no pooled connection outlives the check it was made under.
    const request = requestFor(url, { headers: { accept: 'application/json' }, agent: false, lookup: guardedLookup(policy), signal: AbortSignal.timeout(timeoutMs) });
    request.on('response', resolve);
    request.on('error', (error) => reject(error instanceof OutboundRequestError ? error : new OutboundRequestError('unreachable', `Outbound request failed: ${error.message}`)));
    request.end();
  });
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  if (Number(response.headers['content-length'] ?? 0) > maxBytes) {
    response.destroy();
    throw new OutboundRequestError('too-large', `Outbound response larger than ${maxBytes} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) {
        response.destroy();
        throw new OutboundRequestError('too-large', `Outbound response larger than ${maxBytes} bytes.`);
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof OutboundRequestError) throw error;
    throw new OutboundRequestError('unreachable', `Outbound response broke off: ${(error as Error).message}`);
  }
  return Buffer.concat(chunks);
}

/**
 * The JSON a client-supplied URL answers with a 200, fetched under the guard (checkOutboundUrl, then the address
 * connected to), without following redirects, within a time-out and a size limit. Throws an OutboundRequestError
 * saying why there is none.
 */
export async function fetchOutboundJson(url: string, policy: OutboundPolicy, options: OutboundFetchOptions = {}): Promise<unknown> {
  const parsed = await checkOutboundUrl(url, policy);
  const response = await send(parsed, policy, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (response.statusCode !== 200) {
    response.destroy();
    throw new OutboundRequestError('status', `Outbound request answered HTTP ${String(response.statusCode)}.`);
  }
  const body = await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new OutboundRequestError('not-json', 'Outbound response is not JSON.');
  }
}
