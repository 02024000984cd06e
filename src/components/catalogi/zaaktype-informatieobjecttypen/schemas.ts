import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { STATUS_PARAMETER, type StatusFilter } from '../shared/query.ts';
import { EXPAND_PARAMETER, NO_QUERY, RETRIEVE_QUERY, type RetrieveQuery } from '../zaaktype-onderdelen/query.ts';

/*
 * Request schemas of the zaaktype-informatieobjecttype operations, named and bounded as catalogi-1.3.3.yaml's
 * ZaakTypeInformatieObjectType declares them. `informatieobjecttype` is written by omschrijving ("Let op, dit veld
 * is GEEN URL-referentie!"); the URL of one version is understood too (see ../zaaktype-onderdelen/type-names.ts),
 * so the schema does not hold it to the omschrijving's 100 characters.
 */

export { NO_QUERY, RETRIEVE_QUERY };

export const RICHTINGEN = ['inkomend', 'intern', 'uitgaand'] as const;
export type Richting = (typeof RICHTINGEN)[number];

/** `zaakinformatieobjecttype_list`: exactly the spec's filters. */
export const zaaktypeInformatieobjecttypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaaktype: { type: 'string' },
    informatieobjecttype: { type: 'string' },
    richting: { type: 'string', enum: RICHTINGEN },
    status: STATUS_PARAMETER,
    page: PAGE_PARAMETER,
    expand: EXPAND_PARAMETER,
  },
} as const;

const writableProperties = {
  zaaktype: { type: 'string', minLength: 1 },
  informatieobjecttype: { type: 'string', minLength: 1, maxLength: 1000 },
  volgnummer: { type: 'integer', minimum: 1, maximum: 999 },
  richting: { type: 'string', enum: RICHTINGEN },
  statustype: { type: ['string', 'null'] },
} as const;

/** `zaakinformatieobjecttype_create` and `_update` (ZaakTypeInformatieObjectType). */
export const zaaktypeInformatieobjecttypeBody = {
  type: 'object',
  required: ['zaaktype', 'informatieobjecttype', 'volgnummer', 'richting'],
  properties: writableProperties,
} as const;

/** `zaakinformatieobjecttype_partial_update`: every attribute optional. */
export const zaaktypeInformatieobjecttypePatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable attributes of a zaaktype-informatieobjecttype as a client (or an import) sends them. */
export interface ZaaktypeInformatieobjecttypeInput {
  zaaktype: string;
  /** The omschrijving of an informatieobjecttype in the zaaktype's catalogus (or the URL of one of its versions). */
  informatieobjecttype: string;
  volgnummer: number;
  richting: Richting;
  /** The statustype of the same zaaktype at which documents of this type must be present. */
  statustype?: string | null;
}

export type ZaaktypeInformatieobjecttypePatch = Partial<ZaaktypeInformatieobjecttypeInput>;

export interface ZaaktypeInformatieobjecttypeListQuery {
  zaaktype?: string;
  informatieobjecttype?: string;
  richting?: Richting;
  status?: StatusFilter;
  page?: number;
  expand?: string;
}

export type ZaaktypeInformatieobjecttypeRetrieveQuery = RetrieveQuery;
