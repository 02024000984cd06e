import { bodySchemas, FOREIGN_KEY, nullable, text } from '../shared/schema-parts.ts';

/** `rekeningnummersCreate`/`Update` and `PartialUpdate`. */
export const rekeningnummerBodies = bodySchemas(
  {
    partij: nullable(FOREIGN_KEY),
    iban: text(34, { pattern: '^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$' }),
    bic: { anyOf: [text(11, { minLength: 8, pattern: '^[\\S]+$' }), { type: 'string', maxLength: 0 }] },
  },
  ['iban'],
);
