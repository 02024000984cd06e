import type { FastifyRequest } from 'fastify';
import { STAFF_APPLICATION } from '../../platform/audit/request.ts';
import type { StaffIdentity } from '../../platform/auth/staff-session.ts';
import { ProblemError } from '../../platform/errors/problem.ts';
import type { CatalogiCaller } from '../../components/catalogi/shared/caller.ts';
import { catalogiBaseUrl } from '../../components/catalogi/shared/urls.ts';
import type { AutorisatiesCaller } from '../../components/autorisaties/service.ts';

/*
 * The signed-in beheerder as a caller of the Catalogi and Autorisaties services. The caller holds the scopes an API
 * client doing the same work would need and no more: catalogi.lezen and catalogi.schrijven, not the geforceerd-
 * scopes, so the concept/publish rules (ztc-009: a published zaaktype does not change) hold exactly as in the API.
 * The audit trail names Loket's staff screens as the application and the beheerder as the user.
 */

/** Scopes of the beheerder in the Catalogi services. */
export const BEHEERDER_CATALOGI_SCOPES = ['catalogi.lezen', 'catalogi.schrijven'] as const;

/** Scopes of the beheerder in the Autorisaties service. */
export const BEHEERDER_AUTORISATIES_SCOPES = ['autorisaties.lezen', 'autorisaties.bijwerken'] as const;

/** The staff member of a beheer route (the route policy has already required the role). */
export function beheerderOf(request: FastifyRequest): StaffIdentity {
  const staff = request.staff;
  if (!staff) throw new ProblemError('not_authenticated');
  // The route policy admits only beheerders; this is the data-level check that a wiring mistake cannot skip.
  if (!staff.roles.includes('beheerder')) throw new ProblemError('permission_denied');
  return staff;
}

type RequestShape = Pick<FastifyRequest, 'id' | 'headers' | 'tenant' | 'protocol' | 'host' | 'url'>;

/** The Catalogi services' caller for this beheerder, with the base URL every returned URL starts with. */
export function beheerderCatalogiCaller(request: FastifyRequest): { caller: CatalogiCaller & RequestShape; base: string } {
  const staff = beheerderOf(request);
  const caller = {
    id: request.id,
    headers: request.headers,
    tenant: request.tenant,
    protocol: request.protocol,
    host: request.host,
    url: request.url,
    staff,
    apiCaller: { clientId: STAFF_APPLICATION.id, userId: staff.userId, userRepresentation: staff.displayName, scopes: [...BEHEERDER_CATALOGI_SCOPES], heeftAlleAutorisaties: false },
  };
  return { caller, base: catalogiBaseUrl(request) };
}

/** The Autorisaties service's caller for this beheerder. */
export function beheerderAutorisatiesCaller(request: FastifyRequest): AutorisatiesCaller {
  const staff = beheerderOf(request);
  return {
    id: request.id,
    headers: request.headers,
    tenant: request.tenant,
    protocol: request.protocol,
    host: request.host,
    url: request.url,
    staff,
    apiCaller: {
      clientId: STAFF_APPLICATION.id,
      userId: staff.userId,
      userRepresentation: staff.displayName,
      scopes: [...BEHEERDER_AUTORISATIES_SCOPES],
      heeftAlleAutorisaties: false,
      autorisaties: [],
      alleenIsGereedVoorPublicatie: false,
    },
  };
}
