import { bodySchemas, FOREIGN_KEY, nullable, text } from '../shared/schema-parts.ts';

/** `PartijIdentificatorGroepType`: the four codes, all required. */
export const PARTIJ_IDENTIFICATOR_GROEP = {
  type: 'object',
  required: ['codeObjecttype', 'codeSoortObjectId', 'objectId', 'codeRegister'],
  properties: {
    codeObjecttype: { type: 'string', enum: ['natuurlijk_persoon', 'niet_natuurlijk_persoon', 'vestiging'] },
    codeSoortObjectId: { type: 'string', enum: ['bsn', 'vestigingsnummer', 'kvk_nummer', 'rsin'] },
    objectId: text(200),
    codeRegister: { type: 'string', enum: ['brp', 'hr'] },
  },
} as const;

/** The writable fields of a `PartijIdentificator`, also nested in a partij (where `uuid` picks an existing one). */
export const PARTIJ_IDENTIFICATOR_PROPERTIES = {
  uuid: { type: 'string', format: 'uuid' },
  identificeerdePartij: nullable(FOREIGN_KEY),
  anderePartijIdentificator: text(200),
  partijIdentificator: PARTIJ_IDENTIFICATOR_GROEP,
  subIdentificatorVan: nullable(FOREIGN_KEY),
} as const;

/** `partijIdentificatorenCreate`/`Update` and `PartialUpdate`. */
export const partijIdentificatorBodies = bodySchemas(PARTIJ_IDENTIFICATOR_PROPERTIES, ['partijIdentificator']);
