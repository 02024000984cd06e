import type { FastifyRequest } from 'fastify';
import type { KlantCaller } from '../../components/klantinteracties/shared/caller.ts';
import { KLANTINTERACTIES_ROOT } from '../../components/klantinteracties/shared/urls.ts';

/**
 * The staff member as caller of the Klantinteracties services: same tenant and trace as the page request, the
 * staff roles for the processing log, and the host the URLs in the data point to (an external KCC tool reading the
 * API sees the same URLs).
 */
export function staffKlantCaller(request: FastifyRequest): KlantCaller {
  return {
    tenant: { id: request.tenant.id },
    trace: request.trace,
    apiCaller: undefined,
    staff: request.staff ? { roles: request.staff.roles } : undefined,
    protocol: request.protocol,
    host: request.host,
    url: KLANTINTERACTIES_ROOT,
  };
}
