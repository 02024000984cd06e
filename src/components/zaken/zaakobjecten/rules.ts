import type { InvalidParam } from '../../../platform/errors/catalogue.ts';
import { isObjectType, OBJECT_IDENTIFICATIE } from './object-identificatie.ts';
import { checkShape, keepKnown } from './shape.ts';

/*
 * The rules of a ZAAKOBJECT between its fields, with the codes of the reference implementation. They need no
 * database, so a create lists them together with the schema's problems.
 */

/** The fields these rules look at, as sent (create, PUT) or as they will be after a PATCH. */
export interface ZaakobjectFields {
  objectType?: unknown;
  object?: unknown;
  objectTypeOverige?: unknown;
  objectTypeOverigeDefinitie?: unknown;
  objectIdentificatie?: unknown;
}

function filled(value: unknown): boolean {
  return typeof value === 'string' ? value !== '' : value !== undefined && value !== null;
}

/**
 * Every rule problem of these fields. `creating`: the object must be identified by `object` or
 * `objectIdentificatie` (checked on create only, as the reference implementation does).
 */
export function zaakobjectRuleProblems(fields: ZaakobjectFields, creating: boolean): InvalidParam[] {
  const problems: InvalidParam[] = [];
  const type = fields.objectType;
  if (!isObjectType(type)) return problems; // the schema reports a missing or unknown objectType
  const shape = OBJECT_IDENTIFICATIE[type];
  if (shape && fields.objectIdentificatie !== undefined && fields.objectIdentificatie !== null) {
    problems.push(...checkShape(shape, fields.objectIdentificatie, 'objectIdentificatie'));
  }
  const identified = filled(fields.object) || (shape !== undefined && filled(fields.objectIdentificatie));
  if (creating && !identified) {
    problems.push({ name: 'nonFieldErrors', code: 'invalid-zaakobject', reason: 'Geef het object op met een object-URL of met objectIdentificatie.' });
  }
  if (type === 'overige' && !filled(fields.objectTypeOverige) && !filled(fields.objectTypeOverigeDefinitie)) {
    problems.push({
      name: 'nonFieldErrors',
      code: 'missing-object-type-overige',
      reason: 'Als objectType de waarde "overige" heeft, moet objectTypeOverige of objectTypeOverigeDefinitie een waarde hebben.',
    });
  }
  if (type !== 'overige' && filled(fields.objectTypeOverige)) {
    problems.push({
      name: 'nonFieldErrors',
      code: 'invalid-object-type-overige-usage',
      reason: 'Als objectType niet de waarde "overige" heeft, mag objectTypeOverige geen waarde hebben.',
    });
  }
  // The definition describes the object behind a URL: without that URL there is nothing it can apply to.
  if (filled(fields.objectTypeOverigeDefinitie) && !filled(fields.object)) {
    problems.push({ name: 'object', code: 'required', reason: 'Wie objectTypeOverigeDefinitie gebruikt, moet een object-URL opgeven.' });
  }
  return problems;
}

/**
 * The identification to store: only the properties the objectType's shape names; none for a type without one,
 * and none when the object is described through objectTypeOverigeDefinitie (its data lives behind the URL).
 */
export function storedIdentificatie(fields: ZaakobjectFields): Record<string, unknown> | undefined {
  const type = fields.objectType;
  if (!isObjectType(type) || filled(fields.objectTypeOverigeDefinitie)) return undefined;
  const shape = OBJECT_IDENTIFICATIE[type];
  if (!shape || fields.objectIdentificatie === undefined || fields.objectIdentificatie === null) return undefined;
  return keepKnown(shape, fields.objectIdentificatie) as Record<string, unknown>;
}
