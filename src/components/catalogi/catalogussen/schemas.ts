import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/*
 * Request schemas of the catalogussen operations, named and bounded as in catalogi-1.3.3.yaml (Catalogus,
 * CatalogusUpdate, PatchedCatalogus). Query strings are closed (an unknown parameter is a 400). Bodies are open,
 * as in the reference implementation: read-only fields such as `url` or `zaaktypen` that a client echoes back are
 * ignored, not refused. Rules a schema cannot express (the RSIN 11-proef, uniqueness) live in service.ts.
 */

/** `expand` as `components/parameters/expand` declares it (a comma-separated list; checked in the service). */
const EXPAND = { type: 'string' } as const;

/** `catalogus_list`: exactly the spec's filters. */
export const catalogusListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    domein: { type: 'string' },
    domein__in: { type: 'string' },
    rsin: { type: 'string' },
    rsin__in: { type: 'string' },
    page: PAGE_PARAMETER,
    expand: EXPAND,
  },
} as const;

/** `catalogus_retrieve` / `catalogus_headers`. */
export const catalogusRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: EXPAND } } as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

// minLength 1 where the reference implementation refuses a blank value (its CharFields without blank=True).
const writableProperties = {
  domein: { type: 'string', minLength: 1, maxLength: 5 },
  rsin: { type: 'string', pattern: '^[0-9]{9}$' },
  contactpersoonBeheerNaam: { type: 'string', minLength: 1, maxLength: 40 },
  contactpersoonBeheerTelefoonnummer: { type: 'string', maxLength: 20 },
  // Empty is allowed (the field is optional); otherwise an address. A pattern rather than `format: 'email'` next to
  // an empty alternative, so a wrong value yields one problem instead of one per alternative.
  contactpersoonBeheerEmailadres: { type: 'string', maxLength: 254, pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' },
  naam: { type: ['string', 'null'], maxLength: 200 },
  versie: { type: ['string', 'null'], maxLength: 20 },
  begindatumVersie: { type: ['string', 'null'], format: 'date' },
} as const;

/** `catalogus_create` (Catalogus) and `catalogus_update` (CatalogusUpdate): the same required fields. */
export const catalogusBody = {
  type: 'object',
  required: ['domein', 'rsin', 'contactpersoonBeheerNaam'],
  properties: writableProperties,
} as const;

/** `catalogus_partial_update` (PatchedCatalogus): every field optional. */
export const catalogusPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable fields of a catalogus as a client sends them. */
export interface CatalogusInput {
  domein: string;
  rsin: string;
  contactpersoonBeheerNaam: string;
  contactpersoonBeheerTelefoonnummer?: string;
  contactpersoonBeheerEmailadres?: string;
  naam?: string | null;
  versie?: string | null;
  begindatumVersie?: string | null;
}

export type CatalogusPatch = Partial<CatalogusInput>;

export interface CatalogusListQuery {
  domein?: string;
  domein__in?: string;
  rsin?: string;
  rsin__in?: string;
  page?: number;
  expand?: string;
}

export interface CatalogusRetrieveQuery {
  expand?: string;
}
