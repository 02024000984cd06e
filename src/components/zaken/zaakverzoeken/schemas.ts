/* Request schemas of the zaakverzoeken operations (ZaakVerzoek in zaken-1.7.0.yaml). */

/** `zaakverzoek_list`: exactly the spec's filters. */
export const zaakverzoekListQuery = { type: 'object', additionalProperties: false, properties: { zaak: { type: 'string' }, verzoek: { type: 'string' } } } as const;

/** `zaakverzoek_create`: the verzoek is a URL of the Klantinteractie API (absolute http(s)). */
export const zaakverzoekBody = {
  type: 'object',
  required: ['zaak', 'verzoek'],
  properties: {
    zaak: { type: 'string', minLength: 1, maxLength: 1000 },
    verzoek: { type: 'string', maxLength: 1000, pattern: '^https?://\\S+$' },
  },
} as const;

export interface ZaakverzoekInput {
  zaak: string;
  verzoek: string;
}

export interface ZaakverzoekListQuery {
  zaak?: string;
  verzoek?: string;
}
