import { AANVRAAGKANALEN, DOELGROEPEN } from '../producten/content.ts';
import { MAX_QUERY_LENGTH } from '../zoeken/query.ts';

export const ZOEKEN_QUERY = {
  type: 'object',
  additionalProperties: false,
  required: ['q'],
  properties: {
    q: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH },
    doelgroep: { type: 'string', enum: [...DOELGROEPEN] },
    aanvraagkanaal: { type: 'string', enum: [...AANVRAAGKANALEN] },
    page: { type: 'integer', minimum: 1, maximum: 1000 },
    pageSize: { type: 'integer', minimum: 1, maximum: 50 },
  },
} as const;

export interface ZoekenQuery {
  q: string;
  doelgroep?: (typeof DOELGROEPEN)[number];
  aanvraagkanaal?: (typeof AANVRAAGKANALEN)[number];
  page?: number;
  pageSize?: number;
}

export const NO_QUERY = { type: 'object', additionalProperties: false, properties: {} } as const;

export const SLUG_PARAMS = {
  type: 'object',
  required: ['slug'],
  properties: { slug: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 } },
} as const;

export const KLIK_PARAMS = {
  type: 'object',
  required: ['uuid'],
  properties: { uuid: { type: 'string', format: 'uuid' } },
} as const;

export const KLIK_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['product'],
  properties: {
    product: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 },
    positie: { type: 'integer', minimum: 1, maximum: 1000 },
  },
} as const;

export interface KlikBody {
  product: string;
  positie?: number;
}

export const BEOORDELING_BODY = {
  type: 'object',
  additionalProperties: false,
  required: ['nuttig'],
  properties: {
    nuttig: { type: 'boolean' },
    opmerking: { type: 'string', maxLength: 1000 },
  },
} as const;

export interface BeoordelingBody {
  nuttig: boolean;
  opmerking?: string;
}
