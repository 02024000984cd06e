import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { uuidInCollection } from '../shared/urls.ts';
import type { OwningZaaktype } from './owner.ts';

/**
 * A part's own `catalogus` (deprecated on roltypen and resultaattypen, required on zaakobjecttypen): "als je het
 * meegeeft dan moet er naar dezelfde catalogus worden verwezen als die van het zaaktype".
 */
export function catalogusProblems(value: unknown, zaaktype: OwningZaaktype, base: string): InvalidParam[] {
  if (typeof value !== 'string') return [];
  if (uuidInCollection(base, 'catalogussen', value) === zaaktype.catalogusUuid) return [];
  return [{ name: 'catalogus', code: 'relations-incorrect-catalogus', reason: 'De catalogus moet die van het zaaktype zijn.' }];
}
