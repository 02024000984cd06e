import { NO_QUERY, RETRIEVE_QUERY, ZAAKTYPE_LIST_PARAMETERS, type RetrieveQuery, type ZaaktypeListQuery } from '../zaaktype-onderdelen/query.ts';

/*
 * Request schemas of the roltype operations, named and bounded as catalogi-1.3.3.yaml's RolType declares them.
 * Bodies are open: read-only attributes a client echoes back (url, zaaktypeIdentificatie, …) are ignored.
 */

export { NO_QUERY, RETRIEVE_QUERY };

/** The generic role names (`OmschrijvingGeneriekEnum`); the Zaken API derives a rol's omschrijvingGeneriek from it. */
export const ROLTYPE_OMSCHRIJVINGEN_GENERIEK = [
  'adviseur',
  'behandelaar',
  'belanghebbende',
  'beslisser',
  'initiator',
  'klantcontacter',
  'zaakcoordinator',
  'mede_initiator',
] as const;

export type RoltypeOmschrijvingGeneriek = (typeof ROLTYPE_OMSCHRIJVINGEN_GENERIEK)[number];

/** `roltype_list`: exactly the spec's filters. */
export const roltypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaaktype: ZAAKTYPE_LIST_PARAMETERS.zaaktype,
    zaaktypeIdentificatie: ZAAKTYPE_LIST_PARAMETERS.zaaktypeIdentificatie,
    omschrijvingGeneriek: { type: 'string', enum: ROLTYPE_OMSCHRIJVINGEN_GENERIEK },
    status: ZAAKTYPE_LIST_PARAMETERS.status,
    datumGeldigheid: ZAAKTYPE_LIST_PARAMETERS.datumGeldigheid,
    page: ZAAKTYPE_LIST_PARAMETERS.page,
    expand: ZAAKTYPE_LIST_PARAMETERS.expand,
  },
} as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const writableProperties = {
  zaaktype: { type: 'string', minLength: 1 },
  omschrijving: { type: 'string', minLength: 1, maxLength: 100 },
  omschrijvingGeneriek: { type: 'string', enum: ROLTYPE_OMSCHRIJVINGEN_GENERIEK },
  catalogus: { type: ['string', 'null'] },
  beginGeldigheid: nullableDate,
  eindeGeldigheid: nullableDate,
  beginObject: nullableDate,
  eindeObject: nullableDate,
} as const;

/** `roltype_create` and `roltype_update` (RolType). */
export const roltypeBody = { type: 'object', required: ['zaaktype', 'omschrijving', 'omschrijvingGeneriek'], properties: writableProperties } as const;

/** `roltype_partial_update` (PatchedRolType): every attribute optional. */
export const roltypePatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable attributes of a roltype as a client (or an import) sends them. */
export interface RoltypeInput {
  zaaktype: string;
  omschrijving: string;
  omschrijvingGeneriek: RoltypeOmschrijvingGeneriek;
  catalogus?: string | null;
  beginGeldigheid?: string | null;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
}

export type RoltypePatch = Partial<RoltypeInput>;

export interface RoltypeListQuery extends ZaaktypeListQuery {
  omschrijvingGeneriek?: RoltypeOmschrijvingGeneriek;
}

export type RoltypeRetrieveQuery = RetrieveQuery;
