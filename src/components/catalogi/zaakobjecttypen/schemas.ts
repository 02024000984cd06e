import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { DATUM_GELDIGHEID_PARAMETER } from '../shared/query.ts';
import { EXPAND_PARAMETER, NO_QUERY, RETRIEVE_QUERY, type RetrieveQuery } from '../zaaktype-onderdelen/query.ts';

/*
 * Request schemas of the zaakobjecttype operations, named and bounded as catalogi-1.3.3.yaml's ZaakObjectType
 * declares them. Bodies are open: read-only attributes a client echoes back (resultaattypen, statustypen, …) are
 * ignored. Unlike the other parts, a zaakobjecttype names its `catalogus` itself; it must be the zaaktype's.
 */

export { NO_QUERY, RETRIEVE_QUERY };

/** `zaakobjecttype_list`: exactly the spec's filters (it has no `status`). */
export const zaakobjecttypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    // `type: string` in the spec; read as a boolean by the service ("true" / "false").
    anderObjecttype: { type: 'string' },
    catalogus: { type: 'string' },
    datumBeginGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    datumEindeGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    datumGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    objecttype: { type: 'string' },
    relatieOmschrijving: { type: 'string' },
    zaaktype: { type: 'string' },
    zaaktypeIdentificatie: { type: 'string' },
    page: PAGE_PARAMETER,
    expand: EXPAND_PARAMETER,
  },
} as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const writableProperties = {
  anderObjecttype: { type: 'boolean' },
  beginGeldigheid: { type: 'string', format: 'date' },
  eindeGeldigheid: nullableDate,
  beginObject: nullableDate,
  eindeObject: nullableDate,
  objecttype: { type: 'string', format: 'uri', maxLength: 200 },
  relatieOmschrijving: { type: 'string', minLength: 1, maxLength: 80 },
  zaaktype: { type: 'string', minLength: 1 },
  catalogus: { type: 'string', minLength: 1 },
} as const;

/** `zaakobjecttype_create` and `zaakobjecttype_update` (ZaakObjectType). */
export const zaakobjecttypeBody = {
  type: 'object',
  required: ['anderObjecttype', 'objecttype', 'relatieOmschrijving', 'zaaktype', 'catalogus'],
  properties: writableProperties,
} as const;

/** `zaakobjecttype_partial_update` (PatchedZaakObjectType): every attribute optional. */
export const zaakobjecttypePatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable attributes of a zaakobjecttype as a client (or an import) sends them. */
export interface ZaakobjecttypeInput {
  anderObjecttype: boolean;
  /** The URL of an OBJECTTYPE (in an Objecttypen API). */
  objecttype: string;
  relatieOmschrijving: string;
  zaaktype: string;
  /** The zaaktype's catalogus. */
  catalogus: string;
  beginGeldigheid?: string;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
}

export type ZaakobjecttypePatch = Partial<ZaakobjecttypeInput>;

export interface ZaakobjecttypeListQuery {
  anderObjecttype?: string;
  catalogus?: string;
  datumBeginGeldigheid?: string;
  datumEindeGeldigheid?: string;
  datumGeldigheid?: string;
  objecttype?: string;
  relatieOmschrijving?: string;
  zaaktype?: string;
  zaaktypeIdentificatie?: string;
  page?: number;
  expand?: string;
}

export type ZaakobjecttypeRetrieveQuery = RetrieveQuery;
