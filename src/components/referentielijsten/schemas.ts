/*
 * Request schemas of the Referentielijsten API (../shared/standards/referentielijsten/openapi.yaml).
 * Every route declares its querystring with additionalProperties false, so any parameter the spec does
 * not name is a 400 (the platform turns it into `unknown-parameters`).
 */

/** `GET /procestypen`: the spec's only filter, `jaar` (a string there; it must be a year). */
export const procestypenQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    jaar: { type: 'string', pattern: '^[0-9]{4}$' },
  },
} as const;

/**
 * `GET /resultaten`: `proces_type` (the URL of a procestype) and `page`, as the spec names them.
 * `procesType` is accepted as well, because the earlier VNG Selectielijst API (and the clients written
 * against it, such as catalogue tooling) spelled the filter that way; it is an additive alias.
 */
export const resultatenQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    proces_type: { type: 'string', minLength: 1, maxLength: 1000 },
    procesType: { type: 'string', minLength: 1, maxLength: 1000 },
    page: { type: 'integer', minimum: 1 },
  },
} as const;

/** Path parameter of the procestype detail: the spec documents a 400 ValidatieFout for a malformed uuid. */
export const uuidParams = {
  type: 'object',
  required: ['uuid'],
  properties: {
    uuid: { type: 'string', format: 'uuid' },
  },
} as const;

/** Query string of routes whose operation declares no query parameters: every parameter is unknown. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

export interface ProcestypenQuery {
  jaar?: string;
}

export interface ResultatenQuery {
  proces_type?: string;
  procesType?: string;
  page?: number;
}
