import type { JsonRecord } from '../../../platform/database/tables/klantinteracties.ts';

/*
 * Nested groups (addresses, names, object identificatoren) between the API's JSON and the stored JSONB: stored
 * with every field present, presented with every field the spec lists, '' for text that was not given.
 */

const ADRES_TEXT = ['nummeraanduidingId', 'straatnaam', 'huisnummertoevoeging', 'postcode', 'stad', 'adresregel1', 'adresregel2', 'adresregel3', 'land'] as const;
const CONTACTNAAM_TEXT = ['voorletters', 'voornaam', 'voorvoegselAchternaam', 'achternaam'] as const;

function textOf(group: JsonRecord | null | undefined, field: string): string {
  const value = group?.[field];
  return typeof value === 'string' ? value : '';
}

/**
 * An adres group with the fields that were given; null stays null. Empty text is left out rather than sent as ''
 * because the spec gives postcode, land and nummeraanduidingId a pattern that '' does not match.
 */
export function adresGroup(group: JsonRecord | null | undefined): JsonRecord | null {
  if (group === null || group === undefined) return null;
  const adres: JsonRecord = Object.fromEntries(ADRES_TEXT.flatMap((field) => (textOf(group, field) === '' ? [] : [[field, textOf(group, field)]])));
  adres.huisnummer = typeof group.huisnummer === 'number' ? group.huisnummer : null;
  return adres;
}

/** A contactnaam group with all its fields; null stays null. */
export function contactnaamGroup(group: JsonRecord | null | undefined): JsonRecord | null {
  if (group === null || group === undefined) return null;
  return Object.fromEntries(CONTACTNAAM_TEXT.map((field) => [field, textOf(group, field)]));
}

/** The name a person is addressed by: first name (or initials), prefix and surname, as far as given. */
export function volledigeNaam(contactnaam: JsonRecord | null | undefined): string {
  if (!contactnaam) return '';
  const voor = textOf(contactnaam, 'voornaam') || textOf(contactnaam, 'voorletters');
  return [voor, textOf(contactnaam, 'voorvoegselAchternaam'), textOf(contactnaam, 'achternaam')].filter((part) => part !== '').join(' ');
}

/** A group for a JSONB column: null stays null, a group is stored in its complete form. */
export function storedGroup(group: JsonRecord | null, complete: (group: JsonRecord) => JsonRecord | null): string | null {
  if (group === null) return null;
  return JSON.stringify(complete(group));
}

/** The body's value of a field when given, else the current one. */
export function given<V>(body: Record<string, unknown>, field: string, current: V): V {
  return field in body && body[field] !== undefined ? (body[field] as V) : current;
}

/** The four identificator codes of a stored row, as the API presents them. */
export function objectIdentificator(row: { code_objecttype: string; code_register: string; code_soort_object_id: string; object_id: string }): JsonRecord {
  return { objectId: row.object_id, codeObjecttype: row.code_objecttype, codeRegister: row.code_register, codeSoortObjectId: row.code_soort_object_id };
}

/** The identificator columns from a body's group, over the current values. */
export function identificatorColumns(group: unknown, current?: { code_objecttype: string; code_register: string; code_soort_object_id: string; object_id: string }): Record<string, string> {
  const given = (typeof group === 'object' && group !== null ? group : {}) as JsonRecord;
  const pick = (field: string, stored: string | undefined): string => (typeof given[field] === 'string' ? (given[field] as string) : group === null ? '' : (stored ?? ''));
  return {
    code_objecttype: pick('codeObjecttype', current?.code_objecttype),
    code_register: pick('codeRegister', current?.code_register),
    code_soort_object_id: pick('codeSoortObjectId', current?.code_soort_object_id),
    object_id: pick('objectId', current?.object_id),
  };
}
