import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { registerCatalogussen } from './catalogussen/routes.ts';
import { registerZaaktypen } from './zaaktypen/routes.ts';
import { registerInformatieobjecttypen } from './informatieobjecttypen/routes.ts';
import { registerBesluittypen } from './besluittypen/routes.ts';
import { registerRoltypen } from './roltypen/routes.ts';
import { registerStatustypen } from './statustypen/routes.ts';
import { registerEigenschappen } from './eigenschappen/routes.ts';
import { registerResultaattypen } from './resultaattypen/routes.ts';
import { registerZaaktypeInformatieobjecttypen } from './zaaktype-informatieobjecttypen/routes.ts';
import { registerZaakobjecttypen } from './zaakobjecttypen/routes.ts';
import { CATALOGI_ROOT } from './catalogussen/present.ts';

/**
 * The Catalogi API (ZGW Catalogi 1.3.3) at `/catalogi/api/v1`. Each resource registers its own routes inside
 * this prefixed plugin, so the ZGW conventions (API-version, ETag, CRS) reach exactly them.
 */
export async function registerCatalogi(app: FastifyInstance, context: AppContext): Promise<void> {
  await app.register(
    async (catalogi) => {
      registerZgwConventions(catalogi, 'catalogi');
      registerCatalogussen(catalogi, context.database.db);
      registerZaaktypen(catalogi, context.database.db);
      registerInformatieobjecttypen(catalogi, context.database.db);
      registerBesluittypen(catalogi, context.database.db);
      registerRoltypen(catalogi, context.database.db);
      registerStatustypen(catalogi, context.database.db);
      registerEigenschappen(catalogi, context.database.db);
      registerResultaattypen(catalogi, context.database.db);
      registerZaaktypeInformatieobjecttypen(catalogi, context.database.db);
      registerZaakobjecttypen(catalogi, context.database.db);
    },
    { prefix: CATALOGI_ROOT },
  );
}
