import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerAudittrailRoutes } from './audittrail/audittrail-routes.ts';
import { registerDocumentenRoutes } from './documenten/documenten-routes.ts';
import { registerNotitiesRoutes } from './notities/notities-routes.ts';
import type { ZaakSectieRouteOptions } from './sectie-routes-opties.ts';

/**
 * The routes of the zaak page's sections under /medewerker/zaken/:zaak/…: documents (add, page, download, new
 * version, lock and unlock), notes, and the whole audit trail. The contactmomenten section only links elsewhere.
 */
export async function registerZaakSectieRoutes(app: FastifyInstance, context: AppContext, options: ZaakSectieRouteOptions = {}): Promise<void> {
  await registerDocumentenRoutes(app, context, options);
  registerNotitiesRoutes(app, context);
  registerAudittrailRoutes(app, context);
}
