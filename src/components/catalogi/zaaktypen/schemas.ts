import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { DATUM_GELDIGHEID_PARAMETER, STATUS_PARAMETER, type StatusFilter } from '../shared/query.ts';

/*
 * Request schemas of the zaaktype operations, named and bounded as catalogi-1.3.3.yaml's ZaakTypeCreate and
 * ZaakTypeUpdate declare them. Relations are written by name, as 1.3 takes them: besluittypen by omschrijving,
 * deelzaaktypen and gerelateerdeZaaktypen by identificatie. Read-only attributes a client echoes back (url,
 * statustypen, concept, …) are ignored, not refused, as in the reference implementation. What a schema cannot
 * say (ISO 8601 durations, the 11-proef, catalogue membership) is checked in rules.ts.
 */

const EXPAND = { type: 'string' } as const;

/** `zaaktype_list`: exactly the spec's filters. */
export const zaaktypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    catalogus: { type: 'string' },
    identificatie: { type: 'string' },
    // `style: form, explode: false`: comma-separated; a repeated parameter is accepted too.
    trefwoorden: { type: 'array', items: { type: 'string' } },
    status: STATUS_PARAMETER,
    datumGeldigheid: DATUM_GELDIGHEID_PARAMETER,
    page: PAGE_PARAMETER,
    expand: EXPAND,
  },
} as const;

/** `zaaktype_retrieve` / `zaaktype_headers` (`datumGeldigheid` is deprecated but declared). */
export const zaaktypeRetrieveQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { datumGeldigheid: DATUM_GELDIGHEID_PARAMETER, expand: EXPAND },
} as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

const nullableDate = { type: ['string', 'null'], format: 'date' } as const;

// minLength 1 where the reference implementation refuses a blank value.
const writableProperties = {
  identificatie: { type: 'string', minLength: 1, maxLength: 50 },
  omschrijving: { type: 'string', minLength: 1, maxLength: 80 },
  omschrijvingGeneriek: { type: 'string', maxLength: 80 },
  vertrouwelijkheidaanduiding: { type: 'string', enum: VERTROUWELIJKHEIDAANDUIDINGEN },
  doel: { type: 'string', minLength: 1 },
  aanleiding: { type: 'string', minLength: 1 },
  toelichting: { type: 'string' },
  indicatieInternOfExtern: { type: 'string', enum: ['intern', 'extern'] },
  handelingInitiator: { type: 'string', minLength: 1, maxLength: 20 },
  onderwerp: { type: 'string', minLength: 1, maxLength: 80 },
  handelingBehandelaar: { type: 'string', minLength: 1, maxLength: 20 },
  doorlooptijd: { type: 'string' },
  servicenorm: { type: ['string', 'null'] },
  opschortingEnAanhoudingMogelijk: { type: 'boolean' },
  verlengingMogelijk: { type: 'boolean' },
  verlengingstermijn: { type: ['string', 'null'] },
  trefwoorden: { type: 'array', items: { type: 'string', maxLength: 30 } },
  publicatieIndicatie: { type: 'boolean' },
  publicatietekst: { type: 'string' },
  verantwoordingsrelatie: { type: 'array', items: { type: 'string', maxLength: 40 } },
  productenOfDiensten: { type: 'array', items: { type: 'string', format: 'uri', maxLength: 1000 } },
  // Optional ("indien ingevuld", ztc-001): empty is allowed, so the URL check is a rule.
  selectielijstProcestype: { type: 'string', maxLength: 200 },
  referentieproces: {
    type: 'object',
    required: ['naam'],
    properties: { naam: { type: 'string', minLength: 1, maxLength: 80 }, link: { type: 'string', maxLength: 200 } },
  },
  verantwoordelijke: { type: 'string', minLength: 1, maxLength: 50 },
  broncatalogus: {
    type: ['object', 'null'],
    required: ['url', 'domein', 'rsin'],
    properties: { url: { type: 'string', format: 'uri', maxLength: 200 }, domein: { type: 'string', maxLength: 5 }, rsin: { type: 'string', pattern: '^[0-9]{9}$' } },
  },
  bronzaaktype: {
    type: ['object', 'null'],
    required: ['url', 'identificatie', 'omschrijving'],
    properties: { url: { type: 'string', format: 'uri', maxLength: 200 }, identificatie: { type: 'string', maxLength: 50 }, omschrijving: { type: 'string', maxLength: 80 } },
  },
  catalogus: { type: 'string', minLength: 1 },
  besluittypen: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 80 } },
  deelzaaktypen: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 50 } },
  gerelateerdeZaaktypen: {
    type: 'array',
    items: {
      type: 'object',
      required: ['zaaktype', 'aardRelatie'],
      properties: {
        zaaktype: { type: 'string', minLength: 1, maxLength: 50 },
        aardRelatie: { type: 'string', enum: ['vervolg', 'bijdrage', 'onderwerp'] },
        toelichting: { type: 'string', maxLength: 255 },
      },
    },
  },
  beginGeldigheid: { type: 'string', format: 'date' },
  eindeGeldigheid: nullableDate,
  // Deprecated and derived from the versions (see shared/repository.ts familyLifetimes): accepted, not stored.
  beginObject: nullableDate,
  eindeObject: nullableDate,
  versiedatum: { type: 'string', format: 'date' },
} as const;

/** The attributes a client writes, in the spec's order (the rest of a body is read-only or unknown). */
export const ZAAKTYPE_WRITABLE = Object.keys(writableProperties) as readonly (keyof typeof writableProperties)[];

const CREATE_REQUIRED = [
  'identificatie',
  'omschrijving',
  'vertrouwelijkheidaanduiding',
  'doel',
  'aanleiding',
  'indicatieInternOfExtern',
  'handelingInitiator',
  'onderwerp',
  'handelingBehandelaar',
  'doorlooptijd',
  'opschortingEnAanhoudingMogelijk',
  'verlengingMogelijk',
  'publicatieIndicatie',
  'productenOfDiensten',
  'referentieproces',
  'verantwoordelijke',
  'catalogus',
  'besluittypen',
  'gerelateerdeZaaktypen',
  'beginGeldigheid',
] as const;

/** `zaaktype_create` (ZaakTypeCreate). */
export const zaaktypeCreateBody = { type: 'object', required: CREATE_REQUIRED, properties: writableProperties } as const;

/** `zaaktype_update` (ZaakTypeUpdate: as create, and deelzaaktypen required too). */
export const zaaktypeUpdateBody = { type: 'object', required: [...CREATE_REQUIRED, 'deelzaaktypen'], properties: writableProperties } as const;

/** `zaaktype_partial_update`: every attribute optional. */
export const zaaktypePatchBody = { type: 'object', properties: writableProperties } as const;

export interface ReferentieProces {
  naam: string;
  link?: string;
}

export interface BronCatalogus {
  url: string;
  domein: string;
  rsin: string;
}

export interface BronZaaktype {
  url: string;
  identificatie: string;
  omschrijving: string;
}

/** One gerelateerd zaaktype as written: by identificatie. */
export interface ZaaktypenRelatieInput {
  zaaktype: string;
  aardRelatie: 'vervolg' | 'bijdrage' | 'onderwerp';
  toelichting?: string;
}

/** The writable attributes of a zaaktype as a client (or an import) sends them. */
export interface ZaaktypeInput {
  identificatie: string;
  omschrijving: string;
  omschrijvingGeneriek?: string;
  vertrouwelijkheidaanduiding: string;
  doel: string;
  aanleiding: string;
  toelichting?: string;
  indicatieInternOfExtern: 'intern' | 'extern';
  handelingInitiator: string;
  onderwerp: string;
  handelingBehandelaar: string;
  doorlooptijd: string;
  servicenorm?: string | null;
  opschortingEnAanhoudingMogelijk: boolean;
  verlengingMogelijk: boolean;
  verlengingstermijn?: string | null;
  trefwoorden?: string[];
  publicatieIndicatie: boolean;
  publicatietekst?: string;
  verantwoordingsrelatie?: string[];
  productenOfDiensten: string[];
  selectielijstProcestype?: string;
  referentieproces: ReferentieProces;
  verantwoordelijke: string;
  broncatalogus?: BronCatalogus | null;
  bronzaaktype?: BronZaaktype | null;
  catalogus: string;
  besluittypen: string[];
  deelzaaktypen?: string[];
  gerelateerdeZaaktypen: ZaaktypenRelatieInput[];
  beginGeldigheid: string;
  eindeGeldigheid?: string | null;
  beginObject?: string | null;
  eindeObject?: string | null;
  versiedatum?: string;
}

export type ZaaktypePatch = Partial<ZaaktypeInput>;

export interface ZaaktypeListQuery {
  catalogus?: string;
  identificatie?: string;
  trefwoorden?: string[];
  status?: StatusFilter;
  datumGeldigheid?: string;
  page?: number;
  expand?: string;
}

export interface ZaaktypeRetrieveQuery {
  datumGeldigheid?: string;
  expand?: string;
}
