import { BOOLEAN, bodySchemas, DATE_TIME, nullable, text } from '../shared/schema-parts.ts';

/** The writable fields of a `Klantcontact`, also inside `maak-klantcontact`. */
export const KLANTCONTACT_PROPERTIES = {
  nummer: nullable(text(10)),
  referentienummer: nullable(text(10)),
  kanaal: text(50, { minLength: 1 }),
  onderwerp: text(200, { minLength: 1 }),
  inhoud: text(1000),
  reactie: text(4000),
  indicatieContactGelukt: nullable(BOOLEAN),
  hoofdOnderwerpType: { anyOf: [{ type: 'string', format: 'uri', maxLength: 200 }, { type: 'string', maxLength: 0 }] },
  verdereActieOndernomen: BOOLEAN,
  taal: text(3, { minLength: 1 }),
  vertrouwelijk: BOOLEAN,
  plaatsgevondenOp: DATE_TIME,
  metadata: { type: 'object', additionalProperties: { type: 'string', maxLength: 255 } },
} as const;

export const KLANTCONTACT_REQUIRED = ['kanaal', 'onderwerp', 'taal', 'vertrouwelijk'] as const;

/** `klantcontactenCreate`/`Update` and `PartialUpdate`. */
export const klantcontactBodies = bodySchemas(KLANTCONTACT_PROPERTIES, KLANTCONTACT_REQUIRED);
