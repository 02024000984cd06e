import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { DATUM_GELDIGHEID_PARAMETER, STATUS_PARAMETER, type StatusFilter } from '../shared/query.ts';

/*
 * Request schemas of the informatieobjecttype operations, as catalogi-1.3.3.yaml's InformatieObjectType declares
 * them (create; PUT and PATCH take the same attributes). Read-only attributes a client echoes back are ignored.
 */

const EXPAND = { type: 'string' } as const;

/** `informatieobjecttype_list`: exactly the spec's filters. */
export const informatieobjecttypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    catalogus: { type: 'string' },
    status: STATUS_PARAMETER,
    datumGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    omschrijving: { type: 'string' },
    page: PAGE_PARAMETER,
    expand: EXPAND,
  },
} as const;

/** `informatieobjecttype_retrieve` / `_headers`. */
export const informatieobjecttypeRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: EXPAND } } as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

const writableProperties = {
  catalogus: { type: 'string', minLength: 1 },
  omschrijving: { type: 'string', minLength: 1, maxLength: 80 },
  vertrouwelijkheidaanduiding: { type: 'string', enum: VERTROUWELIJKHEIDAANDUIDINGEN },
  beginGeldigheid: { type: 'string', format: 'date' },
  eindeGeldigheid: nullableDate,
  // Deprecated and derived from the versions: accepted, not stored.
  beginObject: nullableDate,
  eindeObject: nullableDate,
  informatieobjectcategorie: { type: 'string', minLength: 1, maxLength: 80 },
  trefwoord: { type: 'array', items: { type: 'string', maxLength: 30 } },
  omschrijvingGeneriek: {
    type: ['object', 'null'],
    required: [
      'informatieobjecttypeOmschrijvingGeneriek',
      'definitieInformatieobjecttypeOmschrijvingGeneriek',
      'herkomstInformatieobjecttypeOmschrijvingGeneriek',
      'hierarchieInformatieobjecttypeOmschrijvingGeneriek',
    ],
    properties: {
      informatieobjecttypeOmschrijvingGeneriek: { type: 'string', maxLength: 80 },
      definitieInformatieobjecttypeOmschrijvingGeneriek: { type: 'string', maxLength: 255 },
      herkomstInformatieobjecttypeOmschrijvingGeneriek: { type: 'string', maxLength: 12 },
      hierarchieInformatieobjecttypeOmschrijvingGeneriek: { type: 'string', maxLength: 80 },
      opmerkingInformatieobjecttypeOmschrijvingGeneriek: { type: ['string', 'null'], maxLength: 255 },
    },
  },
} as const;

/** The attributes a client writes. */
export const INFORMATIEOBJECTTYPE_WRITABLE = Object.keys(writableProperties) as readonly (keyof typeof writableProperties)[];

const REQUIRED = ['catalogus', 'omschrijving', 'vertrouwelijkheidaanduiding', 'beginGeldigheid', 'informatieobjectcategorie'] as const;

/** `informatieobjecttype_create` and `informatieobjecttype_update`. */
export const informatieobjecttypeBody = { type: 'object', required: REQUIRED, properties: writableProperties } as const;

/** `informatieobjecttype_partial_update`: every attribute optional. */
export const informatieobjecttypePatchBody = { type: 'object', properties: writableProperties } as const;

/** `InformatieObjectTypeOmschrijvingGeneriek`. */
export interface OmschrijvingGeneriek {
  informatieobjecttypeOmschrijvingGeneriek: string;
  definitieInformatieobjecttypeOmschrijvingGeneriek: string;
  herkomstInformatieobjecttypeOmschrijvingGeneriek: string;
  hierarchieInformatieobjecttypeOmschrijvingGeneriek: string;
  opmerkingInformatieobjecttypeOmschrijvingGeneriek?: string | null;
}

/** The writable attributes of an informatieobjecttype as a client (or an import) sends them. */
export interface InformatieobjecttypeInput {
  catalogus: string;
  omschrijving: string;
  vertrouwelijkheidaanduiding: string;
  beginGeldigheid: string;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
  informatieobjectcategorie: string;
  trefwoord?: string[];
  omschrijvingGeneriek?: OmschrijvingGeneriek | null;
}

export type InformatieobjecttypePatch = Partial<InformatieobjecttypeInput>;

export interface InformatieobjecttypeListQuery {
  catalogus?: string;
  status?: StatusFilter;
  datumGeldigheid?: string;
  omschrijving?: string;
  page?: number;
  expand?: string;
}

export interface InformatieobjecttypeRetrieveQuery {
  expand?: string;
}
