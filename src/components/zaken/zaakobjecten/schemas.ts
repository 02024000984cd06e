import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';
import { OBJECT_TYPES } from './object-identificatie.ts';
import type { ObjectTypeOverigeDefinitie } from './present.ts';

/*
 * Request schemas of the zaakobjecten operations, named and bounded as in zaken-1.7.0.yaml (ZaakObject,
 * PatchedZaakObject). Query strings are closed; bodies are open (read-only fields a client echoes back are
 * ignored). `objectIdentificatie` depends on `objectType` (also the stored one on a PATCH), so the service checks
 * it (./object-identificatie.ts) together with the rules between fields.
 */

/** An absolute http(s) URL, or empty where the field is optional. One pattern, so a bad value is one problem. */
const URL_OR_EMPTY = { type: 'string', maxLength: 1000, pattern: '^$|^https?://\\S+$' } as const;

/** `zaakobject_list`: exactly the spec's filters. */
export const zaakobjectListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaak: { type: 'string' },
    object: { type: 'string' },
    objectType: { type: 'string', enum: OBJECT_TYPES },
    page: PAGE_PARAMETER,
    expand: { type: 'string' },
  },
} as const;

/** `zaakobject_retrieve` / `zaakobject_headers`. */
export const zaakobjectRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

const writableProperties = {
  zaak: { type: 'string', minLength: 1, maxLength: 1000 },
  object: URL_OR_EMPTY,
  zaakobjecttype: { ...URL_OR_EMPTY, type: ['string', 'null'] },
  objectType: { type: 'string', enum: OBJECT_TYPES },
  // The spec's pattern `[a-z\_]+` (unanchored, as the reference implementation applies it), or empty.
  objectTypeOverige: { type: 'string', maxLength: 100, pattern: '^$|[a-z_]' },
  objectTypeOverigeDefinitie: {
    type: ['object', 'null'],
    required: ['url', 'schema', 'objectData'],
    properties: {
      url: { type: 'string', maxLength: 1000, pattern: '^https?://\\S+$' },
      schema: { type: 'string', minLength: 1, maxLength: 100 },
      objectData: { type: 'string', minLength: 1, maxLength: 100 },
    },
  },
  relatieomschrijving: { type: 'string', maxLength: 80 },
  objectIdentificatie: { type: 'object' },
} as const;

/** `zaakobject_create` and `zaakobject_update` (ZaakObject). */
export const zaakobjectBody = { type: 'object', required: ['zaak', 'objectType'], properties: writableProperties } as const;

/** `zaakobject_partial_update` (PatchedZaakObject): every field optional. */
export const zaakobjectPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable fields of a zaakobject as a client sends them. */
export interface ZaakobjectInput {
  zaak: string;
  object?: string;
  zaakobjecttype?: string | null;
  objectType: string;
  objectTypeOverige?: string;
  objectTypeOverigeDefinitie?: ObjectTypeOverigeDefinitie | null;
  relatieomschrijving?: string;
  objectIdentificatie?: Record<string, unknown>;
}

export type ZaakobjectPatch = Partial<ZaakobjectInput>;

export interface ZaakobjectListQuery {
  zaak?: string;
  object?: string;
  objectType?: string;
  page?: number;
  expand?: string;
}

export interface ZaakobjectRetrieveQuery {
  expand?: string;
}
