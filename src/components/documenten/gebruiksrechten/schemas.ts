/*
 * Request schemas of the gebruiksrechten operations (documenten-1.7.0.yaml, Gebruiksrechten). Query strings are
 * closed; bodies are open (an echoed `url` is ignored).
 */

const EXPAND = { type: 'string' } as const;
const DATE_TIME = { type: 'string', format: 'date-time' } as const;

/** `gebruiksrechten_list`: exactly the spec's filters (not paginated). */
export const gebruiksrechtenListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    informatieobject: { type: 'string', format: 'uri' },
    startdatum__lt: DATE_TIME,
    startdatum__lte: DATE_TIME,
    startdatum__gt: DATE_TIME,
    startdatum__gte: DATE_TIME,
    einddatum__lt: DATE_TIME,
    einddatum__lte: DATE_TIME,
    einddatum__gt: DATE_TIME,
    einddatum__gte: DATE_TIME,
    expand: EXPAND,
  },
} as const;

export const expandQuery = { type: 'object', additionalProperties: false, properties: { expand: EXPAND } } as const;

const properties = {
  informatieobject: { type: 'string', format: 'uri' },
  startdatum: DATE_TIME,
  einddatum: { type: ['string', 'null'], format: 'date-time' },
  omschrijvingVoorwaarden: { type: 'string', minLength: 1 },
} as const;

export const gebruiksrechtenBody = { type: 'object', required: ['informatieobject', 'startdatum', 'omschrijvingVoorwaarden'], properties } as const;
export const gebruiksrechtenPatchBody = { type: 'object', properties } as const;

export interface GebruiksrechtenInput {
  informatieobject: string;
  startdatum: string;
  einddatum?: string | null;
  omschrijvingVoorwaarden: string;
}

export type GebruiksrechtenPatch = Partial<GebruiksrechtenInput>;

export type GebruiksrechtenListQuery = Partial<Record<`${'start' | 'eind'}datum__${'lt' | 'lte' | 'gt' | 'gte'}`, string>> & { informatieobject?: string; expand?: string };
