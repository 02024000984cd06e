import { bodySchemas, FOREIGN_KEY } from '../shared/schema-parts.ts';

/** `actorklantcontactenCreate`/`Update` and `PartialUpdate`. */
export const actorKlantcontactBodies = bodySchemas({ actor: FOREIGN_KEY, klantcontact: FOREIGN_KEY }, ['actor', 'klantcontact']);
