import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { SafeHtml } from '../../platform/http/html.ts';
import type { StaffRole } from '../../platform/http/route-policy.ts';
import type { Toegang } from './opmaak.ts';

/* What every finance route shares: who may come in, who is asking, and how a page is sent. */

// The controller maintains the figures; college and raad members (bestuur) read the same overviews, without forms.
const CONTROLLER = ['controller'] as const satisfies readonly StaffRole[];
const LEZERS = ['controller', 'bestuur'] as const satisfies readonly StaffRole[];
export const BEHEER = { staffRoles: CONTROLLER } as const;
export const LEZEN = { staffRoles: LEZERS } as const;

/** Any form of the finance pages: every field as text. */
export const TEXT_BODY = { type: 'object', additionalProperties: { type: 'string', maxLength: 5000 } } as const;
export const MELDING = { type: 'string', enum: ['opgeslagen'] } as const;

/** The signed-in member of staff. */
export function staffOf(request: FastifyRequest): StaffIdentity {
  // The staffRoles policy sets request.staff before any handler runs.
  if (!request.staff) throw new ProblemError('not_authenticated');
  return request.staff;
}

/** Whether this member of staff may change the figures (the controller) or only read them. */
export function toegangVan(staff: StaffIdentity): Toegang {
  return { beheer: staff.roles.includes('controller') };
}

/** Sends a page, never cached: it shows figures the controller may change any moment. */
export function send(reply: FastifyReply, status: number, document: SafeHtml): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('Cache-Control', 'no-store').send(document.value);
}
