import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { ZAKEN_ROOT } from './shared/urls.ts';
import { zakenDocumenten } from '../documenten/local-documenten.ts';
import { registerZakenResource } from './zaken/routes.ts';
import { registerZaakZoek } from './zoek/routes.ts';
import { registerZaakAudittrail } from './audittrail/routes.ts';
import { registerZaaknummerReserveren } from './zaaknummer/routes.ts';
import { relationExpanders } from './expand/relation-expanders.ts';
import { registerZaaknotities } from './zaaknotities/routes.ts';
import { registerZaakverzoeken } from './zaakverzoeken/routes.ts';
import { registerZaakcontactmomenten } from './zaakcontactmomenten/routes.ts';
import { registerKlantcontacten } from './klantcontacten/routes.ts';
import { registerZaakbesluiten } from './zaakbesluiten/routes.ts';
import { registerZaakeigenschappen } from './zaakeigenschappen/routes.ts';
import { registerZaakinformatieobjecten } from './zaakinformatieobjecten/routes.ts';
import { registerZaakobjecten } from './zaakobjecten/routes.ts';
import { registerStatussen } from './statussen/routes.ts';
import { registerResultaten } from './resultaten/routes.ts';
import { registerRollen } from './rollen/routes.ts';

/**
 * The Zaken API (ZGW Zaken 1.7) at `/zaken/api/v1`. Each resource registers its routes inside this prefixed
 * plugin (one line each below), so the ZGW conventions (API-version, ETag, CRS) reach exactly them.
 */
export async function registerZaken(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  // What each relation resource's `expand` reaches: zaken, catalogue types and sibling resources, presented by their owners.
  const expanders = relationExpanders();
  await app.register(
    async (zaken) => {
      registerZgwConventions(zaken, 'zaken');
      registerZakenResource(zaken, { db, keys: context.keys, outbound: { allowPrivateNetworks: context.config.outboundAllowPrivateNetworks } });
      registerZaakZoek(zaken, { db, keys: context.keys });
      registerZaakAudittrail(zaken, db);
      registerZaaknummerReserveren(zaken, db);
      registerZaaknotities(zaken, db);
      registerZaakverzoeken(zaken, db);
      registerZaakcontactmomenten(zaken, db);
      registerKlantcontacten(zaken, db);
      registerZaakbesluiten(zaken, { db });
      registerZaakeigenschappen(zaken, db);
      registerZaakinformatieobjecten(zaken, { db, expanders, documenten: zakenDocumenten({ allowPrivateNetworks: context.config.outboundAllowPrivateNetworks }) });
      registerZaakobjecten(zaken, { db, keys: context.keys, expanders });
      registerStatussen(zaken, { db, keys: context.keys, expanders });
      registerResultaten(zaken, { db, expanders });
      registerRollen(zaken, { db, keys: context.keys, expanders });
    },
    { prefix: ZAKEN_ROOT },
  );
}
