import type { Tenant } from '../../platform/database/schema.ts';
import { RESIDENT_PATHS } from '../../platform/auth/resident-paths.ts';

/** Mijn zaken and a zaak's page in Mijn omgeving (by identificatie, the number residents know from their letters). */
export const MIJN_PATHS = {
  zaken: `${RESIDENT_PATHS.home}/zaken`,
  berichten: `${RESIDENT_PATHS.home}/berichten`,
} as const;

export function zaakPath(identificatie: string): string {
  return `${MIJN_PATHS.zaken}/${encodeURIComponent(identificatie)}`;
}

export function berichtPath(uuid: string): string {
  return `${MIJN_PATHS.berichten}/${uuid}`;
}

/**
 * The origin for links in e-mails: the one the change came through when that is a host name of this municipality
 * (so the demo's http://localhost:3000 links back to itself), otherwise the municipality's first host name over https.
 * Never a host that a caller made up: only the tenant's own names qualify.
 */
export function portaalOrigin(tenant: Pick<Tenant, 'hostnames' | 'slug'>, via?: string): string {
  if (via !== undefined) {
    try {
      const url = new URL(via);
      if (tenant.hostnames.includes(url.hostname.toLowerCase().replace(/^\[|\]$/g, ''))) return url.origin;
    } catch {
      // Not a URL: fall back to the tenant's own name.
    }
  }
  return `https://${tenant.hostnames[0] ?? `${tenant.slug}.invalid`}`;
}
