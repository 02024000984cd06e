/*
 * Request schemas of the besluitinformatieobjecten operations (besluiten-1.1.0.yaml, BesluitInformatieObject). Query
 * strings are closed; the body is open (an echoed `url` is ignored). Which URLs are acceptable is the service's rule.
 */

/** `expand` as `components/parameters/expand` declares it. */
const EXPAND = { type: 'string' } as const;

/** `besluitinformatieobject_list`: exactly the spec's filters (the list is not paginated). */
export const besluitinformatieobjectListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    besluit: { type: 'string', format: 'uri' },
    informatieobject: { type: 'string', format: 'uri' },
    expand: EXPAND,
  },
} as const;

/** `besluitinformatieobject_read`. */
export const besluitinformatieobjectRetrieveQuery = { type: 'object', additionalProperties: false, properties: { expand: EXPAND } } as const;

/** `besluitinformatieobject_create`. */
export const besluitinformatieobjectBody = {
  type: 'object',
  required: ['informatieobject', 'besluit'],
  properties: {
    informatieobject: { type: 'string', minLength: 1, maxLength: 1000, format: 'uri' },
    besluit: { type: 'string', format: 'uri' },
  },
} as const;

export interface BesluitinformatieobjectInput {
  informatieobject: string;
  besluit: string;
}

export interface BesluitinformatieobjectListQuery {
  besluit?: string;
  informatieobject?: string;
  expand?: string;
}

export interface BesluitinformatieobjectRetrieveQuery {
  expand?: string;
}
