/*
 * Request schemas of /zaken/{zaak_uuid}/besluiten (zaken-1.7.0.yaml, ZaakBesluit). Query strings are closed; the
 * body is open (echoed read-only fields are ignored). Which besluit URL is acceptable is the service's rule.
 */

/** `zaakbesluit_list` and `zaakbesluit_retrieve`: only `expand`. */
export const zaakbesluitReadQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

/** Operations without query parameters. */
export const noQuery = { type: 'object', additionalProperties: false, properties: {} } as const;

/** `zaakbesluit_create`. */
export const zaakbesluitBody = {
  type: 'object',
  required: ['besluit'],
  properties: { besluit: { type: 'string', maxLength: 1000, format: 'uri' } },
} as const;

export interface ZaakbesluitInput {
  besluit: string;
}

export interface ZaakbesluitReadQuery {
  expand?: string;
}
