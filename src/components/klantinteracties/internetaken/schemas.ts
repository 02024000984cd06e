import { bodySchemas, DATE_TIME, FOREIGN_KEY, nullable, text } from '../shared/schema-parts.ts';

/** `internetakenCreate`/`Update` and `PartialUpdate`. */
export const interneTaakBodies = bodySchemas(
  {
    nummer: nullable(text(10)),
    referentienummer: nullable(text(10)),
    gevraagdeHandeling: text(200, { minLength: 1 }),
    aanleidinggevendKlantcontact: FOREIGN_KEY,
    toegewezenAanActor: FOREIGN_KEY,
    toegewezenAanActoren: { type: 'array', items: FOREIGN_KEY },
    toelichting: text(1000),
    status: { type: 'string', enum: ['te_verwerken', 'verwerkt'] },
    afgehandeldOp: nullable(DATE_TIME),
  },
  ['gevraagdeHandeling', 'aanleidinggevendKlantcontact', 'status'],
);
