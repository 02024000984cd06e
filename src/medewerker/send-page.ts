import type { FastifyReply } from 'fastify';
import type { SafeHtml } from '../platform/http/html.ts';

/** Sends a server-rendered staff page; never cached, since it carries a CSRF token or personal data. */
export function sendPage(reply: FastifyReply, status: number, document: SafeHtml): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(document.value);
}
