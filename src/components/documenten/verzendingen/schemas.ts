import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/* Request schemas of the verzendingen operations (documenten-1.7.0.yaml, Verzending). */

export const verzendingListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    aardRelatie: { type: 'string', enum: ['afzender', 'geadresseerde'] },
    informatieobject: { type: 'string', format: 'uri' },
    betrokkene: { type: 'string', format: 'uri' },
    expand: { type: 'string' },
    page: PAGE_PARAMETER,
  },
} as const;

const properties = {
  betrokkene: { type: 'string', format: 'uri', minLength: 1, maxLength: 200 },
  informatieobject: { type: 'string', format: 'uri' },
  aardRelatie: { type: 'string', enum: ['afzender', 'geadresseerde'] },
  toelichting: { type: 'string', maxLength: 200 },
  ontvangstdatum: { type: ['string', 'null'], format: 'date' },
  verzenddatum: { type: ['string', 'null'], format: 'date' },
  contactPersoon: { type: 'string', format: 'uri', minLength: 1, maxLength: 1000 },
  contactpersoonnaam: { type: 'string', maxLength: 40 },
  binnenlandsCorrespondentieadres: {
    type: ['object', 'null'],
    required: ['huisnummer', 'naamOpenbareRuimte', 'woonplaatsnaam'],
    properties: {
      huisletter: { type: 'string', maxLength: 1 },
      huisnummer: { type: 'integer' },
      huisnummerToevoeging: { type: 'string', maxLength: 4 },
      naamOpenbareRuimte: { type: 'string', minLength: 1, maxLength: 80 },
      postcode: { type: 'string', maxLength: 6 },
      woonplaatsnaam: { type: 'string', minLength: 1, maxLength: 80 },
    },
  },
  buitenlandsCorrespondentieadres: {
    type: ['object', 'null'],
    required: ['adresBuitenland1', 'landPostadres'],
    properties: {
      adresBuitenland1: { type: 'string', minLength: 1, maxLength: 35 },
      adresBuitenland2: { type: 'string', maxLength: 35 },
      adresBuitenland3: { type: 'string', maxLength: 35 },
      landPostadres: { type: 'string', format: 'uri', minLength: 1, maxLength: 200 },
    },
  },
  correspondentiePostadres: {
    type: ['object', 'null'],
    required: ['postBusOfAntwoordnummer', 'postadresPostcode', 'postadresType', 'woonplaatsnaam'],
    properties: {
      postBusOfAntwoordnummer: { type: 'integer' },
      postadresPostcode: { type: 'string', minLength: 1, maxLength: 6 },
      postadresType: { type: 'string', enum: ['antwoordnummer', 'postbusnummer'] },
      woonplaatsnaam: { type: 'string', minLength: 1, maxLength: 80 },
    },
  },
  faxnummer: { type: ['string', 'null'], maxLength: 15 },
  emailadres: { type: ['string', 'null'], maxLength: 100 },
  mijnOverheid: { type: 'boolean' },
  telefoonnummer: { type: ['string', 'null'], maxLength: 15 },
} as const;

export const verzendingBody = { type: 'object', required: ['betrokkene', 'informatieobject', 'aardRelatie', 'contactPersoon'], properties } as const;
export const verzendingPatchBody = { type: 'object', properties } as const;

/** The fields of a verzending besides betrokkene, informatieobject and aardRelatie, kept as the API names them. */
export const VERZENDING_DATA_FIELDS = [
  'toelichting',
  'ontvangstdatum',
  'verzenddatum',
  'contactPersoon',
  'contactpersoonnaam',
  'binnenlandsCorrespondentieadres',
  'buitenlandsCorrespondentieadres',
  'correspondentiePostadres',
  'faxnummer',
  'emailadres',
  'mijnOverheid',
  'telefoonnummer',
] as const;

/** The address fields: a verzending goes to (or comes from) exactly one address. */
export const ADDRESS_FIELDS = ['binnenlandsCorrespondentieadres', 'buitenlandsCorrespondentieadres', 'correspondentiePostadres', 'faxnummer', 'emailadres', 'mijnOverheid', 'telefoonnummer'] as const;

export type VerzendingInput = { betrokkene: string; informatieobject: string; aardRelatie: string } & Partial<Record<(typeof VERZENDING_DATA_FIELDS)[number], unknown>>;
export type VerzendingPatch = Partial<VerzendingInput>;

export interface VerzendingListQuery {
  aardRelatie?: string;
  informatieobject?: string;
  betrokkene?: string;
  expand?: string;
  page?: number;
}
