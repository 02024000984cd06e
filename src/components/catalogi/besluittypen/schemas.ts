import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { DATUM_GELDIGHEID_PARAMETER, STATUS_PARAMETER, type StatusFilter } from '../shared/query.ts';

/*
 * Request schemas of the besluittype operations, as catalogi-1.3.3.yaml's BesluitTypeCreate and BesluitTypeUpdate
 * declare them. informatieobjecttypen are written by omschrijving, as 1.3 takes them. Read-only attributes a
 * client echoes back are ignored.
 */

const EXPAND = { type: 'string' } as const;

/** `besluittype_list`: exactly the spec's filters. */
export const besluittypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    catalogus: { type: 'string' },
    zaaktypen: { type: 'string' },
    informatieobjecttypen: { type: 'string' },
    status: STATUS_PARAMETER,
    omschrijving: { type: 'string' },
    datumGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    page: PAGE_PARAMETER,
    expand: EXPAND,
  },
} as const;

/** `besluittype_retrieve` / `_headers`. */
export const besluittypeRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: EXPAND } } as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const writableProperties = {
  catalogus: { type: 'string', minLength: 1 },
  omschrijving: { type: 'string', maxLength: 80 },
  omschrijvingGeneriek: { type: 'string', maxLength: 80 },
  besluitcategorie: { type: 'string', maxLength: 40 },
  reactietermijn: { type: ['string', 'null'] },
  publicatieIndicatie: { type: 'boolean' },
  publicatietekst: { type: 'string' },
  publicatietermijn: { type: ['string', 'null'] },
  toelichting: { type: 'string' },
  informatieobjecttypen: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 80 } },
  beginGeldigheid: { type: 'string', format: 'date' },
  eindeGeldigheid: nullableDate,
  // Deprecated and derived from the versions: accepted, not stored.
  beginObject: nullableDate,
  eindeObject: nullableDate,
} as const;

/** The attributes a client writes. */
export const BESLUITTYPE_WRITABLE = Object.keys(writableProperties) as readonly (keyof typeof writableProperties)[];

const REQUIRED = ['catalogus', 'publicatieIndicatie', 'informatieobjecttypen', 'beginGeldigheid'] as const;

/** `besluittype_create` (BesluitTypeCreate) and `besluittype_update` (BesluitTypeUpdate). */
export const besluittypeBody = { type: 'object', required: REQUIRED, properties: writableProperties } as const;

/** `besluittype_partial_update`: every attribute optional. */
export const besluittypePatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable attributes of a besluittype as a client (or an import) sends them. */
export interface BesluittypeInput {
  catalogus: string;
  omschrijving?: string;
  omschrijvingGeneriek?: string;
  besluitcategorie?: string;
  reactietermijn?: string | null;
  publicatieIndicatie: boolean;
  publicatietekst?: string;
  publicatietermijn?: string | null;
  toelichting?: string;
  informatieobjecttypen: string[];
  beginGeldigheid: string;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
}

export type BesluittypePatch = Partial<BesluittypeInput>;

export interface BesluittypeListQuery {
  catalogus?: string;
  zaaktypen?: string;
  informatieobjecttypen?: string;
  status?: StatusFilter;
  omschrijving?: string;
  datumGeldigheid?: string;
  page?: number;
  expand?: string;
}

export interface BesluittypeRetrieveQuery {
  expand?: string;
}
