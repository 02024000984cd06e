/* Request schemas of the zaakcontactmomenten operations (ZaakContactMoment in zaken-1.7.0.yaml). */

/** `zaakcontactmoment_list`: exactly the spec's filters. */
export const zaakcontactmomentListQuery = { type: 'object', additionalProperties: false, properties: { zaak: { type: 'string' }, contactmoment: { type: 'string' } } } as const;

/** `zaakcontactmoment_create`: the contactmoment is a URL of the Klantinteracties API (absolute http(s)). */
export const zaakcontactmomentBody = {
  type: 'object',
  required: ['zaak', 'contactmoment'],
  properties: {
    zaak: { type: 'string', minLength: 1, maxLength: 1000 },
    contactmoment: { type: 'string', maxLength: 1000, pattern: '^https?://\\S+$' },
  },
} as const;

export interface ZaakcontactmomentInput {
  zaak: string;
  contactmoment: string;
}

export interface ZaakcontactmomentListQuery {
  zaak?: string;
  contactmoment?: string;
}
