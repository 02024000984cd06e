import { BOOLEAN, bodySchemas, DATE, FOREIGN_KEY, nullable, text } from '../shared/schema-parts.ts';

const PROPERTIES = {
  verstrektDoorBetrokkene: nullable(FOREIGN_KEY),
  verstrektDoorPartij: nullable(FOREIGN_KEY),
  adres: text(80, { minLength: 1 }),
  soortDigitaalAdres: { type: 'string', enum: ['email', 'telefoonnummer', 'overig'] },
  isStandaardAdres: BOOLEAN,
  omschrijving: text(40),
  referentie: text(50, { pattern: '^[-a-zA-Z0-9_]*$' }),
  verificatieDatum: nullable(DATE),
} as const;

/** `digitaleadressenCreate`/`Update` and `PartialUpdate`. */
export const digitaalAdresBodies = bodySchemas(PROPERTIES, ['adres', 'soortDigitaalAdres']);
