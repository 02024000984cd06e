import { bodySchemas, FOREIGN_KEY, nullable, OBJECT_IDENTIFICATOR } from '../shared/schema-parts.ts';

/** The writable fields of an `Onderwerpobject` other than its klantcontact (which `maak-klantcontact` sets). */
export const ONDERWERPOBJECT_OWN_PROPERTIES = {
  wasKlantcontact: nullable(FOREIGN_KEY),
  onderwerpobjectidentificator: nullable(OBJECT_IDENTIFICATOR),
} as const;

/** `onderwerpobjectenCreate`/`Update` and `PartialUpdate`. */
export const onderwerpobjectBodies = bodySchemas({ ...ONDERWERPOBJECT_OWN_PROPERTIES, klantcontact: nullable(FOREIGN_KEY) }, []);

/** `onderwerpobjectenDestroy`: `cascade` also removes its klantcontacten that nothing else is about. */
export const onderwerpobjectDestroyQuery = { type: 'object', additionalProperties: false, properties: { cascade: { type: 'boolean', default: false } } } as const;
