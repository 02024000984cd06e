import type { FastifyReply } from 'fastify';

/** Sends a body that is already serialised JSON (a string or UTF-8 bytes) as JSON, the way Fastify types an object. */
export function sendSerialisedJson(reply: FastifyReply, body: string | Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(body);
}
