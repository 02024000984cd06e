/*
 * Request schemas of the abonnement operations, named and bounded as in notificaties-1.0.1.yaml (Abonnement,
 * FilterGroup). Rules a schema cannot state (an http(s) callback, kanalen that exist, filters the kanaal knows)
 * live in service.ts.
 */

const FILTER_GROUP = {
  type: 'object',
  required: ['naam'],
  properties: {
    naam: { type: 'string', minLength: 1 },
    filters: { type: 'object', additionalProperties: { type: 'string', minLength: 1, maxLength: 1000 } },
  },
} as const;

const properties = {
  callbackUrl: { type: 'string', minLength: 1, maxLength: 1000 },
  auth: { type: 'string', minLength: 1, maxLength: 4000 },
  kanalen: { type: 'array', items: FILTER_GROUP },
} as const;

/** `abonnement_create` and `abonnement_update`. */
export const abonnementBody = { type: 'object', required: ['callbackUrl', 'auth', 'kanalen'], properties } as const;

/** `abonnement_partial_update`: every field optional. */
export const abonnementPatchBody = { type: 'object', properties } as const;

export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

export interface FilterGroupInput {
  naam: string;
  filters?: Record<string, string>;
}

export interface AbonnementInput {
  callbackUrl: string;
  auth: string;
  kanalen: FilterGroupInput[];
}

export type AbonnementPatch = Partial<AbonnementInput>;
