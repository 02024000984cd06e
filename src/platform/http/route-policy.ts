import type { Tenant } from '../database/schema.ts';
import type { ApiCaller } from '../auth/api-jwt.ts';
import type { StaffIdentity } from '../auth/staff-session.ts';
import type { ResidentIdentity } from '../auth/resident-session.ts';
import type { TraceContext } from './trace-context.ts';
import type { TokenApi } from '../auth/api-token.ts';

/** Staff roles; checked on the server for every staff route. */
// controller: maintains the budget, risks and reserves; bestuur: college and raad members, who read them.
export const STAFF_ROLES = ['kcc', 'behandelaar', 'teamleider', 'beheerder', 'privacy', 'controller', 'bestuur'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

declare module 'fastify' {
  /**
   * Every route declares who may call it, as route data: exactly one of `public`, `scopes`
   * (API route: a verified JWT whose client holds all these scopes), `staffRoles`
   * (staff page: a signed-in session with MFA passed and one of these roles), `resident`
   * (portal page of Mijn omgeving: a signed-in resident or business) or `apiToken` (API route whose
   * specification declares `tokenAuth`: a client's token for that API).
   * A route without a policy is refused when the app is built.
   */
  interface FastifyContextConfig {
    public?: true;
    scopes?: readonly string[];
    /**
     * With `scopes`: the caller also needs at least one of these (or heeftAlleAutorisaties). The ZGW specs
     * allow some operations under either of several scopes, e.g. `(zaken.bijwerken | zaken.geforceerd-bijwerken)`.
     */
    anyOfScopes?: readonly string[];
    staffRoles?: readonly StaffRole[];
    resident?: true;
    /** API route whose specification declares `tokenAuth`: an `Authorization: Token …` of a client of this tenant for that API. */
    apiToken?: TokenApi;
    /** The route serves no tenant (health checks); everything else needs one. */
    tenantless?: true;
  }

  interface FastifyRequest {
    /** The municipality this request is for (resolved from the host name). */
    tenant: Tenant;
    /** Set on API routes once the JWT (or, on `apiToken` routes, the token) is verified. */
    apiCaller: ApiCaller | undefined;
    /** Set on staff routes once the session, its second factor and the route's roles are checked. */
    staff: StaffIdentity | undefined;
    /** Set on `resident` routes once the portal session is checked. */
    resident: ResidentIdentity | undefined;
    /** W3C trace context, continued from `traceparent` or started here. */
    trace: TraceContext;
  }
}

/** Checks a route's declared policy at registration, so an unprotected route cannot ship by accident. */
export function assertRoutePolicy(method: string | string[], url: string, config: { public?: true; scopes?: readonly string[]; staffRoles?: readonly StaffRole[]; resident?: true; apiToken?: TokenApi; tenantless?: true } | undefined): void {
  const declared = [config?.public !== undefined, config?.scopes !== undefined, config?.staffRoles !== undefined, config?.resident !== undefined, config?.apiToken !== undefined].filter(Boolean).length;
  if (declared !== 1) {
    throw new Error(`Route ${String(method)} ${url} must declare exactly one access policy (public, scopes, staffRoles, resident or apiToken) in its config`);
  }
  // A tenantless route skips tenant resolution and with it every authentication check: only public routes may be tenantless.
  if (config?.tenantless !== undefined && config.public === undefined) {
    throw new Error(`Route ${String(method)} ${url} is tenantless, which only a public route may be`);
  }
}
