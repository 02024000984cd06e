/*
 * Request schemas of the kanaal operations, named and bounded as in notificaties-1.0.1.yaml (Kanaal). Query strings
 * are closed (an unknown parameter is a 400); the body is open, so a read-only `url` a client echoes is ignored.
 */

/** `kanaal_list`: the spec's one filter. */
export const kanaalListQuery = { type: 'object', additionalProperties: false, properties: { naam: { type: 'string' } } } as const;

export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

/** `kanaal_create`. */
export const kanaalBody = {
  type: 'object',
  required: ['naam'],
  properties: {
    naam: { type: 'string', minLength: 1, maxLength: 50 },
    // Blank means "no documentation", as in the reference implementation; the URL form is a rule (service.ts).
    documentatieLink: { type: 'string', maxLength: 200 },
    filters: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 100 } },
  },
} as const;

export interface KanaalInput {
  naam: string;
  documentatieLink?: string;
  filters?: string[];
}

export interface KanaalListQuery {
  naam?: string;
}
