/*
 * Reading a type's `data` column: the attributes without a column of their own, under the API's names. Rows may
 * also be written by fixtures or older code, so every reader has a default and never trusts the shape blindly.
 */

type Data = Record<string, unknown>;

/** A text attribute, or `fallback` when absent or not text. */
export function text(data: Data, key: string, fallback = ''): string {
  const value = data[key];
  return typeof value === 'string' ? value : fallback;
}

/** A yes/no attribute, or `fallback`. */
export function flag(data: Data, key: string, fallback = false): boolean {
  const value = data[key];
  return typeof value === 'boolean' ? value : fallback;
}

/** A list of texts, or an empty list. */
export function textList(data: Data, key: string): string[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A nested object, or undefined. */
export function object(data: Data, key: string): Data | undefined {
  const value = data[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : undefined;
}

/** A list of nested objects, or an empty list. */
export function objectList(data: Data, key: string): Data[] {
  const value = data[key];
  return Array.isArray(value) ? value.filter((item): item is Data => typeof item === 'object' && item !== null && !Array.isArray(item)) : [];
}

/** A copy without the keys whose value is undefined, so a stored JSON document holds only what was given. */
export function defined(values: Data): Data {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
