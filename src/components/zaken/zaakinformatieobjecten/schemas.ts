/*
 * Request schemas of the zaakinformatieobjecten operations, named and bounded as in zaken-1.7.0.yaml
 * (ZaakInformatieObject, PatchedZaakInformatieObject). Query strings are closed; bodies are open (read-only fields
 * such as `registratiedatum` or `aardRelatieWeergave` that a client echoes back are ignored).
 */

/** `zaakinformatieobject_list`: exactly the spec's filters. */
export const zaakinformatieobjectListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { zaak: { type: 'string' }, informatieobject: { type: 'string' }, expand: { type: 'string' } },
} as const;

/** `zaakinformatieobject_retrieve` / `zaakinformatieobject_headers`. */
export const zaakinformatieobjectRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

const writableProperties = {
  informatieobject: { type: 'string', minLength: 1, maxLength: 1000 },
  zaak: { type: 'string', minLength: 1, maxLength: 1000 },
  titel: { type: 'string', maxLength: 200 },
  beschrijving: { type: 'string' },
  vernietigingsdatum: { type: ['string', 'null'], format: 'date-time' },
  status: { type: ['string', 'null'], maxLength: 1000 },
} as const;

/** `zaakinformatieobject_create` and `zaakinformatieobject_update` (ZaakInformatieObject). */
export const zaakinformatieobjectBody = { type: 'object', required: ['informatieobject', 'zaak'], properties: writableProperties } as const;

/** `zaakinformatieobject_partial_update` (PatchedZaakInformatieObject): every field optional. */
export const zaakinformatieobjectPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable fields of a zaakinformatieobject as a client sends them. */
export interface ZaakinformatieobjectInput {
  informatieobject: string;
  zaak: string;
  titel?: string;
  beschrijving?: string;
  vernietigingsdatum?: string | null;
  status?: string | null;
}

export type ZaakinformatieobjectPatch = Partial<ZaakinformatieobjectInput>;

export interface ZaakinformatieobjectListQuery {
  zaak?: string;
  informatieobject?: string;
  expand?: string;
}

export interface ZaakinformatieobjectRetrieveQuery {
  expand?: string;
}
