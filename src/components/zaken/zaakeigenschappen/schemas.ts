/*
 * Request schemas of the zaakeigenschappen operations (ZaakEigenschap, PatchedZaakEigenschap in zaken-1.7.0.yaml).
 * The operations take no query parameters. Bodies are open: `naam`, read-only, is ignored when echoed back.
 */

const writableProperties = {
  zaak: { type: 'string', minLength: 1, maxLength: 1000 },
  eigenschap: { type: 'string', minLength: 1, maxLength: 1000 },
  waarde: { type: 'string' },
} as const;

/** `zaakeigenschap_create` and `zaakeigenschap_update`. */
export const zaakeigenschapBody = { type: 'object', required: ['zaak', 'eigenschap', 'waarde'], properties: writableProperties } as const;

/** `zaakeigenschap_partial_update`: every field optional. */
export const zaakeigenschapPatchBody = { type: 'object', properties: writableProperties } as const;

export interface ZaakeigenschapInput {
  zaak: string;
  eigenschap: string;
  waarde: string;
}

export type ZaakeigenschapPatch = Partial<ZaakeigenschapInput>;
