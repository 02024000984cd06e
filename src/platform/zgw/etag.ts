import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendSerialisedJson } from './serialised-json.ts';

/**
 * HTTP caching as the ZGW standard requires ("HTTP-Caching"): single resources carry an `ETag`
 * computed on their JSON representation, HEAD answers with the same headers as GET and no body, and
 * an `If-None-Match` holding the current ETag gets an empty 304.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** GET (and its HEAD) of a single resource: set an ETag and honour If-None-Match. */
    etag?: true;
  }
}

/**
 * JSON with object keys sorted at every level, so the same resource always hashes the same however
 * its properties were assembled. `undefined` properties are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined && typeof item !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/**
 * A strong ETag for a JSON representation. The representation holds the resource's absolute URLs, so
 * the same resource reached through another host gets another ETag, as the standard demands.
 */
export function etagOf(representation: unknown): string {
  return `"${createHash('sha256').update(canonicalJson(representation)).digest('hex').slice(0, 32)}"`;
}

/** Splits an `If-None-Match` value into its entity tags (`*` stays `*`); quoted commas are respected. */
export function parseEntityTags(header: string): string[] {
  const tags: string[] = [];
  const pattern = /\s*(\*|(?:W\/)?"[^"]*")\s*(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while (pattern.lastIndex < header.length && (match = pattern.exec(header)) !== null) {
    if (match[1] !== undefined) tags.push(match[1]);
  }
  return tags;
}

/** The opaque part of an entity tag, for weak comparison (RFC 9110 §8.8.3.2: `W/` is ignored). */
function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/**
 * Whether `If-None-Match` matches the current ETag, using the weak comparison HTTP prescribes for
 * this header: `*` matches any existing resource, otherwise any listed tag with the same opaque value.
 */
export function ifNoneMatchMatches(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const values = Array.isArray(header) ? header : [header];
  const current = opaqueTag(etag);
  return values.some((value) => parseEntityTags(value).some((tag) => tag === '*' || opaqueTag(tag) === current));
}

/**
 * Answers a representation that is already serialised JSON, with the ETag computed on it before (`etagOf`), and an empty
 * 304 when If-None-Match holds that ETag, as the hooks below do for a route that returns an object. The route must
 * declare `config.etag` (the onSend hook drops the 304's body).
 */
export function sendJsonWithEtag(request: FastifyRequest, reply: FastifyReply, json: string | Buffer, etag: string): FastifyReply {
  reply.header('ETag', etag);
  if (ifNoneMatchMatches(request.headers['if-none-match'], etag)) reply.code(304);
  return sendSerialisedJson(reply, json);
}

/**
 * Adds ETag handling to the routes of `app` that declare `config.etag`. The ETag is computed before
 * serialization (on the object the handler returned) and only for a 200, so problems never get one.
 * Fastify's automatic HEAD route runs the same handler and hooks, then drops the body: HEAD therefore
 * carries exactly the GET headers.
 */
export function registerEtag(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload: unknown) => {
    if (!request.routeOptions.config.etag || reply.statusCode !== 200) return payload;
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    const etag = etagOf(payload);
    reply.header('ETag', etag);
    if (ifNoneMatchMatches(request.headers['if-none-match'], etag)) reply.code(304);
    return payload;
  });
  // A 304 has no body (RFC 9110 §15.4.5). On HEAD the payload must stay: Fastify's HEAD handler runs
  // after this hook, measures it for Content-Length, drops it, and fails on a null payload.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.routeOptions.config.etag || reply.statusCode !== 304) return payload;
    reply.removeHeader('content-type');
    if (request.method === 'HEAD') return payload;
    reply.removeHeader('content-length');
    return null;
  });
}
