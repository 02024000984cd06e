import { PAGE_PARAMETER } from '../../../platform/zgw/pagination.ts';

/*
 * Request schemas of the resultaten operations, named and bounded as in zaken-1.7.0.yaml (Resultaat,
 * PatchedResultaat). Query strings are closed; bodies are open (read-only fields a client echoes back are ignored).
 */

/** `resultaat_list`: exactly the spec's filters. */
export const resultaatListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    zaak: { type: 'string' },
    resultaattype: { type: 'string' },
    page: PAGE_PARAMETER,
    expand: { type: 'string' },
  },
} as const;

/** `resultaat_retrieve` / `resultaat_headers`. */
export const resultaatRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: { type: 'string' } } } as const;

const writableProperties = {
  zaak: { type: 'string', minLength: 1, maxLength: 1000 },
  resultaattype: { type: 'string', minLength: 1, maxLength: 1000 },
  toelichting: { type: 'string', maxLength: 1000 },
} as const;

/** `resultaat_create` and `resultaat_update` (Resultaat). */
export const resultaatBody = { type: 'object', required: ['zaak', 'resultaattype'], properties: writableProperties } as const;

/** `resultaat_partial_update` (PatchedResultaat): every field optional. */
export const resultaatPatchBody = { type: 'object', properties: writableProperties } as const;

/** The writable fields of a resultaat as a client sends them. */
export interface ResultaatInput {
  zaak: string;
  resultaattype: string;
  toelichting?: string;
}

export type ResultaatPatch = Partial<ResultaatInput>;

export interface ResultaatListQuery {
  zaak?: string;
  resultaattype?: string;
  page?: number;
  expand?: string;
}

export interface ResultaatRetrieveQuery {
  expand?: string;
}
