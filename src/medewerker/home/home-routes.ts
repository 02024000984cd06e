import type { FastifyInstance } from 'fastify';
import { STAFF_PATHS } from '../../platform/auth/staff-paths.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import { STAFF_ROLES } from '../../platform/http/route-policy.ts';
import { sendPage } from '../send-page.ts';
import { homePage } from './home-page.ts';

/** `GET /medewerker`: the landing page for every staff role. */
export function registerHomeRoutes(app: FastifyInstance): void {
  app.get(STAFF_PATHS.home, { config: { staffRoles: STAFF_ROLES } }, async (request, reply) => {
    // The staffRoles policy sets request.staff before any handler runs.
    if (!request.staff) throw new ProblemError('not_authenticated');
    return sendPage(reply, 200, homePage({ tenantName: request.tenant.name, staff: request.staff }));
  });
}
