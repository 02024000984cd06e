import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/*
 * Request schemas of the besluiten operations, named and bounded as in besluiten-1.1.0.yaml (Besluit). Query strings
 * are closed (an unknown parameter is a 400). Bodies are open, as in the reference implementation: read-only fields
 * such as `url` or `vervalredenWeergave` that a client echoes back are ignored, not refused. Rules a schema cannot
 * state (RSIN 11-proef, datum not in the future, the catalogue, uniqueness) live in rules.ts and service.ts.
 */

/** `expand` as `components/parameters/expand` declares it (a comma-separated list; checked in the service). */
const EXPAND = { type: 'string' } as const;

/** `besluit_list`: exactly the spec's filters. */
export const besluitListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    identificatie: { type: 'string' },
    verantwoordelijkeOrganisatie: { type: 'string' },
    besluittype: { type: 'string', format: 'uri' },
    zaak: { type: 'string', format: 'uri' },
    page: PAGE_PARAMETER,
    expand: EXPAND,
  },
} as const;

/** `besluit_read`. */
export const besluitRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: EXPAND } } as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const DATE = { type: 'string', format: 'date' } as const;
const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' } as const;

const writableProperties = {
  // Empty (or absent) means "generate one" (brc-002).
  identificatie: { type: 'string', maxLength: 50 },
  // Nine digits here; the 11-proef is a rule (rules.ts), reported with the same field name.
  verantwoordelijkeOrganisatie: { type: 'string', pattern: '^[0-9]{9}$' },
  besluittype: { type: 'string', minLength: 1, maxLength: 200, format: 'uri' },
  // Empty or null means "no zaak", as the reference implementation accepts a blank zaak; the URL form is a rule.
  zaak: { type: ['string', 'null'], maxLength: 200 },
  datum: DATE,
  toelichting: { type: 'string' },
  bestuursorgaan: { type: 'string', maxLength: 50 },
  ingangsdatum: DATE,
  vervaldatum: NULLABLE_DATE,
  // Empty means "not lapsed", as in the reference implementation.
  vervalreden: { type: 'string', enum: ['', 'tijdelijk', 'ingetrokken_overheid', 'ingetrokken_belanghebbende'] },
  publicatiedatum: NULLABLE_DATE,
  verzenddatum: NULLABLE_DATE,
  uiterlijkeReactiedatum: NULLABLE_DATE,
} as const;

/** `besluit_create` and `besluit_update`: the spec's required fields. */
export const besluitBody = {
  type: 'object',
  required: ['verantwoordelijkeOrganisatie', 'besluittype', 'datum', 'ingangsdatum'],
  properties: writableProperties,
} as const;

/** `besluit_partial_update`: every field optional. */
export const besluitPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable fields of a besluit as a client sends them. */
export interface BesluitInput {
  identificatie?: string;
  verantwoordelijkeOrganisatie: string;
  besluittype: string;
  zaak?: string | null;
  datum: string;
  toelichting?: string;
  bestuursorgaan?: string;
  ingangsdatum: string;
  vervaldatum?: string | null;
  vervalreden?: string;
  publicatiedatum?: string | null;
  verzenddatum?: string | null;
  uiterlijkeReactiedatum?: string | null;
}

export type BesluitPatch = Partial<BesluitInput>;

export interface BesluitListQuery {
  identificatie?: string;
  verantwoordelijkeOrganisatie?: string;
  besluittype?: string;
  zaak?: string;
  page?: number;
  expand?: string;
}

export interface BesluitRetrieveQuery {
  expand?: string;
}
