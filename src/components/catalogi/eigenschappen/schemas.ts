import { NO_QUERY, RETRIEVE_QUERY, ZAAKTYPE_LIST_PARAMETERS, type RetrieveQuery, type ZaaktypeListQuery } from '../zaaktype-onderdelen/query.ts';
import { FORMATEN, type EigenschapSpecificatie } from './specificatie.ts';

/*
 * Request schemas of the eigenschap operations, named and bounded as catalogi-1.3.3.yaml's Eigenschap and
 * EigenschapSpecificatie declare them. Bodies are open: read-only attributes a client echoes back are ignored.
 * What a schema cannot say (lengte per formaat, ztc-015) is checked in specificatie.ts.
 */

export { NO_QUERY, RETRIEVE_QUERY };

/** `eigenschap_list`: exactly the spec's filters. */
export const eigenschapListQuery = { type: 'object', additionalProperties: false, properties: ZAAKTYPE_LIST_PARAMETERS } as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const specificatie = {
  type: 'object',
  required: ['formaat', 'lengte', 'kardinaliteit'],
  properties: {
    groep: { type: 'string', maxLength: 32 },
    formaat: { type: 'string', enum: FORMATEN },
    lengte: { type: 'string', minLength: 1, maxLength: 14 },
    kardinaliteit: { type: 'string', minLength: 1, maxLength: 3 },
    waardenverzameling: { type: 'array', items: { type: 'string', maxLength: 100 } },
  },
} as const;

const writableProperties = {
  naam: { type: 'string', minLength: 1, maxLength: 20 },
  definitie: { type: 'string', minLength: 1, maxLength: 255 },
  specificatie,
  toelichting: { type: 'string', maxLength: 1000 },
  zaaktype: { type: 'string', minLength: 1 },
  statustype: { type: ['string', 'null'] },
  beginGeldigheid: nullableDate,
  eindeGeldigheid: nullableDate,
  beginObject: nullableDate,
  eindeObject: nullableDate,
} as const;

/** `eigenschap_create` and `eigenschap_update` (Eigenschap). */
export const eigenschapBody = { type: 'object', required: ['naam', 'definitie', 'specificatie', 'zaaktype'], properties: writableProperties } as const;

/** `eigenschap_partial_update` (PatchedEigenschap): every attribute optional. */
export const eigenschapPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable attributes of an eigenschap as a client (or an import) sends them. */
export interface EigenschapInput {
  naam: string;
  definitie: string;
  specificatie: EigenschapSpecificatie;
  toelichting?: string;
  zaaktype: string;
  /** The statustype of the same zaaktype that needs a value of this eigenschap before a status of it is set. */
  statustype?: string | null;
  beginGeldigheid?: string | null;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
}

export type EigenschapPatch = Partial<EigenschapInput>;

export type EigenschapListQuery = ZaaktypeListQuery;

export type EigenschapRetrieveQuery = RetrieveQuery;
