import type { StaffRole } from '../../platform/http/route-policy.ts';

/** The roles that reach the zaak page and its sections; which zaken each may read or change is the member's toegang. */
export const ZAAK_SECTIE_ROLLEN: readonly StaffRole[] = ['kcc', 'behandelaar', 'teamleider'];

/** Options only code sets (tests), never the environment. */
export interface ZaakSectieRouteOptions {
  /** The largest document upload in bytes (default MAX_DOCUMENT_BYTES). */
  maxUploadBytes?: number;
}
