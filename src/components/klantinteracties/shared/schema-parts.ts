/*
 * Request-schema building blocks shared by the resources, written from klantinteracties-0.9.0.yaml. Read-only
 * fields a client echoes back (url, uuid of the resource itself, derived lists) are accepted and ignored, as the
 * reference implementation does, so a client may PUT what it read.
 */

type Schema = Record<string, unknown>;

/** A text field of at most `maxLength` characters. */
export function text(maxLength?: number, extra: Schema = {}): Schema {
  return { type: 'string', ...(maxLength === undefined ? {} : { maxLength }), ...extra };
}

/** Allows null beside the schema. */
export function nullable(schema: Schema): Schema {
  return { anyOf: [schema, { type: 'null' }] };
}

export const BOOLEAN = { type: 'boolean' } as const;
export const DATE = { type: 'string', format: 'date' } as const;
export const DATE_TIME = { type: 'string', format: 'date-time' } as const;

/** A `…ForeignKey` in a body: the uuid names the object (the url is read-only). */
export const FOREIGN_KEY = { type: 'object', required: ['uuid'], properties: { uuid: { type: 'string', format: 'uuid' }, url: { type: 'string' } } } as const;

/** An adres group (Bezoekadres, …Correspondentieadres). */
export const ADRES = {
  type: 'object',
  properties: {
    nummeraanduidingId: text(16, { pattern: '^([0-9]{16})?$' }),
    straatnaam: text(255),
    huisnummer: nullable({ type: 'integer', minimum: 0, maximum: 2147483647 }),
    huisnummertoevoeging: text(20),
    postcode: text(7, { pattern: '^([1-9][0-9]{3} [A-Z]{2})?$' }),
    stad: text(255),
    adresregel1: text(80),
    adresregel2: text(80),
    adresregel3: text(80),
    land: text(2, { pattern: '^([A-Z]{2})?$' }),
  },
} as const;

/** A contactnaam group (Contactnaam, PersoonContact, ContactpersoonPersoon). */
export const CONTACTNAAM = {
  type: 'object',
  properties: { voorletters: text(10), voornaam: text(200), voorvoegselAchternaam: text(10), achternaam: text(200) },
} as const;

/** The four codes that identify an object in another register (onderwerpobject, bijlage, actor). */
export const OBJECT_IDENTIFICATOR = {
  type: 'object',
  properties: { objectId: text(200), codeObjecttype: text(200), codeRegister: text(200), codeSoortObjectId: text(200) },
} as const;

/** A body schema: these properties, these required (only in the full form). */
export function bodySchemas(properties: Schema, required: readonly string[]): { full: Schema; partial: Schema } {
  return { full: { type: 'object', required, properties }, partial: { type: 'object', properties } };
}
