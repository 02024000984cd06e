import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerZgwConventions } from '../../platform/zgw/conventions.ts';
import { registerBesluitAudittrail } from './audittrail/routes.ts';
import { registerBesluitenResource } from './besluiten/routes.ts';
import type { BesluitenDeps } from './besluiten/service.ts';
import { registerBesluitinformatieobjecten } from './besluitinformatieobjecten/routes.ts';
import { AVAILABLE_FOREIGN_EXPANDERS } from './shared/foreign-expanders.ts';
import { BESLUITEN_DOCUMENTEN } from '../documenten/local-documenten.ts';
import { BESLUITEN_ROOT } from './shared/urls.ts';

/**
 * The Besluiten API (ZGW Besluiten 1.1.0) at `/besluiten/api/v1`, registered inside a prefixed plugin so the ZGW
 * conventions (API-version, ETag) reach exactly its routes. `deps` replaces the parts that come from other
 * components: the lookups for `expand` and the Documenten API (Loket's own unless another is handed in).
 */
export async function registerBesluiten(app: FastifyInstance, context: AppContext, deps: Partial<Omit<BesluitenDeps, 'db'>> = {}): Promise<void> {
  const besluitenDeps: BesluitenDeps = {
    db: context.database.db,
    expanders: deps.expanders ?? AVAILABLE_FOREIGN_EXPANDERS,
    documenten: deps.documenten ?? BESLUITEN_DOCUMENTEN,
  };
  await app.register(
    async (besluiten) => {
      registerZgwConventions(besluiten, 'besluiten');
      registerBesluitenResource(besluiten, besluitenDeps);
      registerBesluitinformatieobjecten(besluiten, besluitenDeps);
      registerBesluitAudittrail(besluiten, besluitenDeps.db);
    },
    { prefix: BESLUITEN_ROOT },
  );
}
