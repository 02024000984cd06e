import { BETROKKENE_OWN_PROPERTIES } from '../betrokkenen/schemas.ts';
import { KLANTCONTACT_PROPERTIES, KLANTCONTACT_REQUIRED } from '../klantcontacten/schemas.ts';
import { ONDERWERPOBJECT_OWN_PROPERTIES } from '../onderwerpobjecten/schemas.ts';

/** `maakKlantcontactCreate` (`MaakKlantcontact`): a klantcontact with, optionally, its betrokkene and onderwerpobject. */
export const maakKlantcontactBody = {
  type: 'object',
  required: ['klantcontact'],
  properties: {
    klantcontact: { type: 'object', required: KLANTCONTACT_REQUIRED, properties: KLANTCONTACT_PROPERTIES },
    betrokkene: { type: 'object', required: ['rol', 'initiator'], properties: BETROKKENE_OWN_PROPERTIES },
    onderwerpobject: { type: 'object', properties: ONDERWERPOBJECT_OWN_PROPERTIES },
  },
} as const;

export interface MaakKlantcontactInput {
  klantcontact: Record<string, unknown>;
  betrokkene?: Record<string, unknown>;
  onderwerpobject?: Record<string, unknown>;
}
