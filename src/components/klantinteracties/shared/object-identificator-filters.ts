import { text, type FilterSet } from './filters.ts';

/** The four `<prefix>CodeObjecttype`, `…CodeRegister`, `…CodeSoortObjectId` and `…ObjectId` filters on the identificator columns. */
export function objectIdentificatorFilters(prefix: string): FilterSet {
  return {
    [`${prefix}CodeObjecttype`]: text('code_objecttype'),
    [`${prefix}CodeRegister`]: text('code_register'),
    [`${prefix}CodeSoortObjectId`]: text('code_soort_object_id'),
    [`${prefix}ObjectId`]: text('object_id'),
  };
}
