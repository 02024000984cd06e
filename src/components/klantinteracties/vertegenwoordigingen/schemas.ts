import { bodySchemas, FOREIGN_KEY } from '../shared/schema-parts.ts';

/** `vertegenwoordigingenCreate`/`Update` and `PartialUpdate`. */
export const vertegenwoordigingBodies = bodySchemas({ vertegenwoordigendePartij: FOREIGN_KEY, vertegenwoordigdePartij: FOREIGN_KEY }, ['vertegenwoordigendePartij', 'vertegenwoordigdePartij']);
