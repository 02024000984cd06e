import { randomUUID } from 'node:crypto';
import type { Tenant } from '../../../platform/database/schema.ts';
import { CATALOGI_ROOT } from '../catalogussen/present.ts';
import type { CatalogiCaller } from '../shared/caller.ts';

/*
 * An import or export runs outside an HTTP request (the `loket` command, the demo seed), yet writes through the same
 * services, which want a caller and a base URL. The caller is Loket itself, named as the application in the audit
 * trail; like the reference implementation's management commands it holds every catalogue authorisation.
 */

/** Who acts, as the audit trail shows it. */
export interface Actor {
  /** The application, e.g. `loket-cli` (audit `applicatieId`). */
  applicatie: string;
  /** The person or process behind it, e.g. the operating-system user (audit `gebruikersWeergave`). */
  gebruiker: string;
  /** Why (audit `toelichting`), e.g. the file imported. */
  toelichting?: string;
}

/** What the services need of a caller outside a request; `protocol` and `host` name the base URL for those that ask. */
export type SystemCaller = CatalogiCaller & { protocol: 'https'; host: string };

/** The services' caller for work Loket does itself, in one tenant, at the given API base. */
export function systemCaller(tenantId: string, actor: Actor, base: string): SystemCaller {
  return {
    protocol: 'https',
    host: new URL(base).host,
    id: `${actor.applicatie}-${randomUUID()}`,
    headers: actor.toelichting === undefined ? {} : { 'x-audit-toelichting': actor.toelichting },
    tenant: { id: tenantId },
    apiCaller: { clientId: actor.applicatie, userId: actor.gebruiker, userRepresentation: actor.gebruiker, scopes: [], heeftAlleAutorisaties: true },
    staff: undefined,
  };
}

/**
 * The Catalogi API base for URLs written outside a request (audit records, notifications): the tenant's first host
 * name over https, as a deployment serves it. Only the uuids in these URLs matter to Loket itself.
 */
export function tenantCatalogiBase(tenant: Pick<Tenant, 'hostnames' | 'slug'>): string {
  const host = tenant.hostnames[0] ?? `${tenant.slug}.invalid`;
  return `https://${host}${CATALOGI_ROOT}`;
}
