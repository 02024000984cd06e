import { bodySchemas, FOREIGN_KEY, nullable, OBJECT_IDENTIFICATOR } from '../shared/schema-parts.ts';

/** `bijlagenCreate`/`Update` and `PartialUpdate`. */
export const bijlageBodies = bodySchemas({ wasBijlageVanKlantcontact: nullable(FOREIGN_KEY), bijlageidentificator: nullable(OBJECT_IDENTIFICATOR) }, []);
