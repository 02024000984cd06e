import { PARTIJ_IDENTIFICATOR_GROEP } from '../partij-identificatoren/schemas.ts';
import { ADRES, BOOLEAN, bodySchemas, FOREIGN_KEY, nullable, text } from '../shared/schema-parts.ts';

/*
 * Request schemas of the partijen operations (`Partij`, a oneOf over persoon, organisatie and contactpersoon chosen
 * by `soortPartij`). The shape of `partijIdentificatie` depends on that choice, so the service checks it
 * (./identificatie.ts) and reports its problems together with the schema's.
 */

/** One item of `partijIdentificatoren` inside a partij: a new identificator, or with `uuid` an existing one changed. */
const NESTED_IDENTIFICATOR = {
  type: 'object',
  required: ['partijIdentificator'],
  properties: {
    uuid: { type: 'string', format: 'uuid' },
    anderePartijIdentificator: text(200),
    partijIdentificator: PARTIJ_IDENTIFICATOR_GROEP,
    subIdentificatorVan: nullable(FOREIGN_KEY),
  },
} as const;

const PROPERTIES = {
  nummer: nullable(text(10)),
  interneNotitie: text(1000),
  digitaleAdressen: nullable({ type: 'array', items: FOREIGN_KEY }),
  voorkeursDigitaalAdres: nullable(FOREIGN_KEY),
  rekeningnummers: nullable({ type: 'array', items: FOREIGN_KEY }),
  voorkeursRekeningnummer: nullable(FOREIGN_KEY),
  partijIdentificatoren: nullable({ type: 'array', items: NESTED_IDENTIFICATOR }),
  soortPartij: { type: 'string', enum: ['persoon', 'organisatie', 'contactpersoon'] },
  indicatieGeheimhouding: nullable(BOOLEAN),
  voorkeurstaal: text(3),
  indicatieActief: BOOLEAN,
  bezoekadres: nullable(ADRES),
  correspondentieadres: nullable(ADRES),
  partijIdentificatie: nullable({ type: 'object' }),
} as const;

/** `partijenCreate`/`Update` and `PartialUpdate`. */
export const partijBodies = bodySchemas(PROPERTIES, ['soortPartij', 'indicatieActief']);
