import { VERTROUWELIJKHEIDAANDUIDINGEN } from '../../../platform/auth/autorisaties.ts';
import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/*
 * Request schemas of the enkelvoudiginformatieobjecten operations, named and bounded as in documenten-1.7.0.yaml.
 * Query strings are closed (an unknown parameter is a 400). Bodies are open, as in the reference implementation:
 * read-only fields a client echoes back (`url`, `versie`, `locked`, …) are ignored. Rules a schema cannot state (the
 * catalogue, uniqueness, the lock, base64) live in service.ts.
 */

const EXPAND = { type: 'string' } as const;
const DATE = { type: 'string', format: 'date' } as const;
const NULLABLE_DATE = { type: ['string', 'null'], format: 'date' } as const;

/** `enkelvoudiginformatieobject_list`: exactly the spec's filters. */
export const informatieobjectListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    identificatie: { type: 'string' },
    bronorganisatie: { type: 'string' },
    objectinformatieobjecten_object: { type: 'string', format: 'uri' },
    objectinformatieobjecten_objectType: { type: 'string', enum: ['besluit', 'zaak', 'verzoek'] },
    // `style: form, explode: false`: one comma-separated value (or the parameter repeated).
    trefwoorden: { type: 'array', items: { type: 'string' } },
    expand: EXPAND,
    page: PAGE_PARAMETER,
  },
} as const;

/** `enkelvoudiginformatieobject_retrieve` and `_download`: which version. */
export const informatieobjectRetrieveQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { versie: { type: 'integer' }, registratieOp: { type: 'string' }, expand: EXPAND },
} as const;

export const informatieobjectDownloadQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { versie: { type: 'integer' }, registratieOp: { type: 'string' } },
} as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

/** `enkelvoudiginformatieobject__zoek`: its page in the query. */
export const pageQuery = { type: 'object', additionalProperties: false, properties: { page: PAGE_PARAMETER } } as const;

const writableProperties = {
  identificatie: { type: 'string', maxLength: 40 },
  bronorganisatie: { type: 'string', minLength: 1, maxLength: 9 },
  creatiedatum: DATE,
  titel: { type: 'string', minLength: 1, maxLength: 200 },
  vertrouwelijkheidaanduiding: { type: 'string', enum: ['', ...VERTROUWELIJKHEIDAANDUIDINGEN] },
  isGereedVoorPublicatie: { type: ['boolean', 'null'] },
  tonenAanInitiator: { type: 'boolean' },
  auteur: { type: 'string', minLength: 1, maxLength: 200 },
  status: { type: 'string', enum: ['', 'in_bewerking', 'ter_vaststelling', 'definitief', 'gearchiveerd'] },
  inhoudIsVervallen: { type: ['boolean', 'null'] },
  formaat: { type: 'string', maxLength: 255 },
  taal: { type: 'string', minLength: 3, maxLength: 3 },
  bestandsnaam: { type: 'string', maxLength: 255 },
  // Base64; checked in the service (a schema pattern over megabytes would only be slower).
  inhoud: { type: ['string', 'null'] },
  bestandsomvang: { type: ['integer', 'null'], minimum: 0 },
  link: { type: 'string', maxLength: 200 },
  beschrijving: { type: 'string', maxLength: 1000 },
  ontvangstdatum: NULLABLE_DATE,
  verzenddatum: NULLABLE_DATE,
  indicatieGebruiksrecht: { type: ['boolean', 'null'] },
  verschijningsvorm: { type: 'string' },
  ondertekening: {
    type: ['object', 'null'],
    required: ['soort', 'datum'],
    properties: { soort: { type: 'string', enum: ['analoog', 'digitaal', 'pki'] }, datum: DATE },
  },
  integriteit: {
    type: ['object', 'null'],
    required: ['algoritme', 'waarde', 'datum'],
    properties: {
      algoritme: { type: 'string', enum: ['crc_16', 'crc_32', 'crc_64', 'fletcher_4', 'fletcher_8', 'fletcher_16', 'fletcher_32', 'hmac', 'md5', 'sha_1', 'sha_256', 'sha_512', 'sha_3'] },
      waarde: { type: 'string', minLength: 1, maxLength: 128 },
      datum: DATE,
    },
  },
  informatieobjecttype: { type: 'string', minLength: 1, maxLength: 200, format: 'uri' },
  trefwoorden: { type: 'array', items: { type: 'string' } },
} as const;

const REQUIRED = ['bronorganisatie', 'creatiedatum', 'titel', 'auteur', 'taal', 'informatieobjecttype'] as const;

/** `enkelvoudiginformatieobject_create`. */
export const informatieobjectCreateBody = { type: 'object', required: REQUIRED, properties: writableProperties } as const;

/** `enkelvoudiginformatieobject_update`: the lock besides the required fields (drc-009). */
export const informatieobjectUpdateBody = {
  type: 'object',
  required: [...REQUIRED, 'lock'],
  properties: { ...writableProperties, lock: { type: 'string', minLength: 1 } },
} as const;

/** `enkelvoudiginformatieobject_partial_update`: every field optional; the lock is checked by the service. */
export const informatieobjectPatchBody = { type: 'object', properties: { ...writableProperties, lock: { type: 'string' } } } as const;

/** `enkelvoudiginformatieobject_unlock`. */
export const unlockBody = { type: ['object', 'null'], properties: { lock: { type: 'string', maxLength: 100 } } } as const;

/** `enkelvoudiginformatieobject__zoek`. */
export const zoekBody = {
  type: 'object',
  required: ['uuid__in'],
  properties: {
    uuid__in: { type: 'array', items: { type: 'string', format: 'uuid' } },
    identificatie: { type: 'string' },
    bronorganisatie: { type: 'string' },
    expand: EXPAND,
  },
} as const;

/** The writable fields of a document as a client sends them. */
export interface InformatieobjectInput {
  identificatie?: string;
  bronorganisatie: string;
  creatiedatum: string;
  titel: string;
  vertrouwelijkheidaanduiding?: string;
  isGereedVoorPublicatie?: boolean | null;
  tonenAanInitiator?: boolean;
  auteur: string;
  status?: string;
  inhoudIsVervallen?: boolean | null;
  formaat?: string;
  taal: string;
  bestandsnaam?: string;
  inhoud?: string | null;
  bestandsomvang?: number | null;
  link?: string;
  beschrijving?: string;
  ontvangstdatum?: string | null;
  verzenddatum?: string | null;
  indicatieGebruiksrecht?: boolean | null;
  verschijningsvorm?: string;
  ondertekening?: { soort: string; datum: string } | null;
  integriteit?: { algoritme: string; waarde: string; datum: string } | null;
  informatieobjecttype: string;
  trefwoorden?: string[];
  lock?: string;
}

export type InformatieobjectPatch = Partial<InformatieobjectInput>;

export interface InformatieobjectListQuery {
  identificatie?: string;
  bronorganisatie?: string;
  objectinformatieobjecten_object?: string;
  objectinformatieobjecten_objectType?: string;
  trefwoorden?: string[];
  expand?: string;
  page?: number;
}

export interface InformatieobjectRetrieveQuery {
  versie?: number;
  registratieOp?: string;
  expand?: string;
}

export interface ZoekInput {
  uuid__in: string[];
  identificatie?: string;
  bronorganisatie?: string;
  expand?: string;
}
