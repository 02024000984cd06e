import { NO_QUERY, RETRIEVE_QUERY, ZAAKTYPE_LIST_PARAMETERS, type RetrieveQuery, type ZaaktypeListQuery } from '../zaaktype-onderdelen/query.ts';

/*
 * Request schemas of the statustype operations, named and bounded as catalogi-1.3.3.yaml's StatusType declares
 * them. Bodies are open: read-only attributes a client echoes back (url, isEindstatus, …) are ignored.
 */

export { NO_QUERY, RETRIEVE_QUERY };

/** `statustype_list`: exactly the spec's filters. */
export const statustypeListQuery = { type: 'object', additionalProperties: false, properties: ZAAKTYPE_LIST_PARAMETERS } as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const checklistItem = {
  type: 'object',
  required: ['itemnaam', 'vraagstelling'],
  properties: {
    itemnaam: { type: 'string', minLength: 1, maxLength: 30 },
    toelichting: { type: ['string', 'null'], maxLength: 1000 },
    vraagstelling: { type: 'string', minLength: 1, maxLength: 255 },
    verplicht: { type: 'boolean' },
  },
} as const;

const writableProperties = {
  omschrijving: { type: 'string', minLength: 1, maxLength: 80 },
  omschrijvingGeneriek: { type: 'string', maxLength: 80 },
  statustekst: { type: 'string', maxLength: 1000 },
  zaaktype: { type: 'string', minLength: 1 },
  volgnummer: { type: 'integer', minimum: 1, maximum: 9999 },
  informeren: { type: 'boolean' },
  // An ISO 8601 duration, checked by the service.
  doorlooptijd: { type: ['string', 'null'] },
  toelichting: { type: ['string', 'null'], maxLength: 1000 },
  checklistitemStatustype: { type: 'array', items: checklistItem },
  eigenschappen: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
  beginGeldigheid: nullableDate,
  eindeGeldigheid: nullableDate,
  beginObject: nullableDate,
  eindeObject: nullableDate,
} as const;

/** `statustype_create` and `statustype_update` (StatusType). */
export const statustypeBody = { type: 'object', required: ['omschrijving', 'zaaktype', 'volgnummer'], properties: writableProperties } as const;

/** `statustype_partial_update` (PatchedStatusType): every attribute optional. */
export const statustypePatchBody = { type: 'object', properties: writableProperties } as const;

/** One item of a statustype's checklist. */
export interface ChecklistItem {
  itemnaam: string;
  toelichting?: string | null;
  vraagstelling: string;
  verplicht?: boolean;
}

/** The writable attributes of a statustype as a client (or an import) sends them. */
export interface StatustypeInput {
  omschrijving: string;
  omschrijvingGeneriek?: string;
  statustekst?: string;
  zaaktype: string;
  volgnummer: number;
  informeren?: boolean;
  doorlooptijd?: string | null;
  toelichting?: string | null;
  checklistitemStatustype?: ChecklistItem[];
  /** URLs of eigenschappen of the same zaaktype that need a value before a status of this type is set. */
  eigenschappen?: string[];
  beginGeldigheid?: string | null;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
}

export type StatustypePatch = Partial<StatustypeInput>;

export type StatustypeListQuery = ZaaktypeListQuery;

export type StatustypeRetrieveQuery = RetrieveQuery;
