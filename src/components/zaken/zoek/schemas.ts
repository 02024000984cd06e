import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { zoekFilterProperties } from '../zaken/filters.ts';

/*
 * `zaak__zoek` (POST /zaken/_zoek): the ZaakZoek body of zaken-1.7.0.yaml, closed, so a misspelt filter is a 400
 * instead of a search over everything. The geometry's shape is checked in the service.
 */

/** The ZaakZoek body. */
export const zaakZoekBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...zoekFilterProperties(),
    zaakgeometrie: { type: 'object', additionalProperties: false, properties: { within: { type: 'object' } } },
    fields: { type: 'array' },
    // A comma list as the spec types it; a list of paths (as some clients send) is taken too.
    expand: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
} as const;

/** The query string of `zaak__zoek`: the page, and `expand` as on the list. */
export const zaakZoekQuery = { type: 'object', additionalProperties: false, properties: { page: PAGE_PARAMETER, expand: { type: 'string' } } } as const;

export type ZaakZoekBody = Record<string, unknown> & {
  zaakgeometrie?: { within?: Record<string, unknown> };
  fields?: unknown[];
  expand?: string | string[];
  ordering?: string;
};

export interface ZaakZoekQuery {
  page?: number;
  expand?: string;
}
