import { BOOLEAN, bodySchemas, nullable, OBJECT_IDENTIFICATOR, text } from '../shared/schema-parts.ts';

/** `actorenCreate`/`Update` and `PartialUpdate`; `actorIdentificatie` is checked per soort actor by ./rules.ts. */
export const actorBodies = bodySchemas(
  {
    naam: text(200, { minLength: 1 }),
    soortActor: { type: 'string', enum: ['medewerker', 'geautomatiseerde_actor', 'organisatorische_eenheid'] },
    indicatieActief: BOOLEAN,
    actoridentificator: nullable(OBJECT_IDENTIFICATOR),
    actorIdentificatie: nullable({ type: 'object' }),
  },
  ['naam', 'soortActor'],
);
