import type { InvalidParam } from '../../../platform/errors/catalogue.ts';

/*
 * A small description of JSON shapes, for the parts of a request whose schema depends on another field's value
 * (a zaakobject's objectIdentificatie depends on its objectType, also on a PATCH that leaves objectType out):
 * `checkShape` lists every problem the way the request schemas do, `keepKnown` drops what the shape does not name.
 */

export type Shape =
  | { kind: 'string'; maxLength?: number; pattern?: RegExp; enum?: readonly string[]; check?: (value: string) => string | undefined }
  | { kind: 'integer'; minimum?: number; maximum?: number }
  | { kind: 'object'; properties: Readonly<Record<string, Shape>>; required?: readonly string[]; nullable?: boolean }
  | { kind: 'array'; items: Shape }
  /** Any JSON object (free-form data such as `overigeData`). */
  | { kind: 'free-object' };

/** A string of at most `maxLength` characters. */
export function text(maxLength: number, extra: Omit<Extract<Shape, { kind: 'string' }>, 'kind' | 'maxLength'> = {}): Shape {
  return { kind: 'string', maxLength, ...extra };
}

/** One of the values, or (`blank`) the empty string, as the spec's `oneOf [Enum, BlankEnum]`. */
export function choice(values: readonly string[], blank = false): Shape {
  return { kind: 'string', enum: blank ? [...values, ''] : values };
}

/** A whole number from `minimum` to `maximum`. */
export function integer(minimum: number, maximum: number): Shape {
  return { kind: 'integer', minimum, maximum };
}

/** An object with these properties, of which `required` must be present; `nullable` also takes null. */
export function object(properties: Record<string, Shape>, required: readonly string[] = [], nullable = false): Shape {
  return { kind: 'object', properties, required, nullable };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every way `value` differs from `shape`, named by its dotted path below `name`. */
export function checkShape(shape: Shape, value: unknown, name: string): InvalidParam[] {
  const problem = (code: string, reason: string): InvalidParam[] => [{ name, code, reason }];
  switch (shape.kind) {
    case 'string': {
      if (typeof value !== 'string') return problem('type', 'Moet een tekst zijn.');
      if (shape.enum && !shape.enum.includes(value)) return problem('enum', `Moet een van deze waarden zijn: ${shape.enum.filter((item) => item !== '').join(', ')}.`);
      if (shape.maxLength !== undefined && [...value].length > shape.maxLength) return problem('maxLength', `Mag hoogstens ${shape.maxLength} tekens lang zijn.`);
      if (shape.pattern && value !== '' && !shape.pattern.test(value)) return problem('pattern', 'Heeft niet de juiste vorm.');
      const reason = shape.check?.(value);
      return reason === undefined ? [] : problem('invalid', reason);
    }
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return problem('type', 'Moet een geheel getal zijn.');
      if ((shape.minimum !== undefined && value < shape.minimum) || (shape.maximum !== undefined && value > shape.maximum)) {
        return problem('range', `Moet tussen ${shape.minimum ?? '-∞'} en ${shape.maximum ?? '∞'} liggen.`);
      }
      return [];
    case 'array':
      if (!Array.isArray(value)) return problem('type', 'Moet een lijst zijn.');
      return value.flatMap((item, index) => checkShape(shape.items, item, `${name}.${index}`));
    case 'free-object':
      return isPlainObject(value) ? [] : problem('type', 'Moet een object zijn.');
    case 'object': {
      if (value === null && shape.nullable) return [];
      if (!isPlainObject(value)) return problem('type', 'Moet een object zijn.');
      const missing = (shape.required ?? []).filter((key) => value[key] === undefined).map((key) => ({ name: `${name}.${key}`, code: 'required', reason: 'Dit veld is vereist.' }));
      const wrong = Object.entries(shape.properties).flatMap(([key, inner]) => (value[key] === undefined ? [] : checkShape(inner, value[key], `${name}.${key}`)));
      return [...missing, ...wrong];
    }
  }
}

/** `value` (already checked) with only the properties the shape names, at every level. */
export function keepKnown(shape: Shape, value: unknown): unknown {
  if (shape.kind === 'array' && Array.isArray(value)) return value.map((item) => keepKnown(shape.items, item));
  if (shape.kind !== 'object' || !isPlainObject(value)) return value;
  return Object.fromEntries(Object.entries(shape.properties).flatMap(([key, inner]) => (value[key] === undefined ? [] : [[key, keepKnown(inner, value[key])]])));
}
