import { ADRES, BOOLEAN, bodySchemas, CONTACTNAAM, FOREIGN_KEY, nullable, text } from '../shared/schema-parts.ts';

/** The writable fields of a `Betrokkene` other than its klantcontact (which `maak-klantcontact` sets itself). */
export const BETROKKENE_OWN_PROPERTIES = {
  wasPartij: nullable(FOREIGN_KEY),
  bezoekadres: nullable(ADRES),
  correspondentieadres: nullable(ADRES),
  contactnaam: nullable(CONTACTNAAM),
  rol: { type: 'string', enum: ['vertegenwoordiger', 'klant'] },
  organisatienaam: text(200),
  initiator: BOOLEAN,
} as const;

/** `betrokkenenCreate`/`Update` and `PartialUpdate`. */
export const betrokkeneBodies = bodySchemas({ ...BETROKKENE_OWN_PROPERTIES, hadKlantcontact: FOREIGN_KEY }, ['hadKlantcontact', 'rol', 'initiator']);
