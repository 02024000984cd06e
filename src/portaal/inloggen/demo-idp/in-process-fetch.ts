import type { FastifyInstance } from 'fastify';
import type { CustomFetch } from 'openid-client';

/**
 * The portal's server-side calls to the demo identity provider (discovery, token, keys, userinfo) go straight into
 * this process with `inject`: the provider lives on the same server, and the address the browser uses for it
 * (`localhost`, a tenant host name) need not resolve from the server itself.
 */
export function inProcessFetch(app: FastifyInstance): CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    const body = options.body;
    const payload = body === undefined || body === null ? undefined : typeof body === 'string' ? body : body instanceof URLSearchParams ? body.toString() : Buffer.from(await new Response(body as BodyInit).arrayBuffer());
    const response = await app.inject({
      method: options.method as 'GET' | 'POST',
      url: target.pathname + target.search,
      headers: { ...options.headers, host: target.host },
      payload,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [String(value)]) headers.append(name, item);
    }
    return new Response(response.statusCode === 204 || response.statusCode === 304 ? null : new Uint8Array(response.rawPayload), { status: response.statusCode, headers });
  };
}
