import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerApiClientBeheer } from './api-clients/api-client-routes.ts';
import { registerBeheerIndex } from './beheer-index.ts';
import { registerMedewerkerBeheer } from './medewerkers/medewerker-routes.ts';
import { registerTeamBeheer } from './teams/team-routes.ts';
import { registerVertrouwelijkheidBeheer } from './vertrouwelijkheid/vertrouwelijkheid-routes.ts';
import { registerZaaktypeBeheer } from './zaaktypen/zaaktype-routes.ts';

/** The functioneel beheerder's pages at /medewerker/beheer. */
export function registerBeheer(app: FastifyInstance, context: AppContext): void {
  registerBeheerIndex(app);
  registerZaaktypeBeheer(app, context.database.db);
  registerApiClientBeheer(app, context);
  registerMedewerkerBeheer(app, context);
  registerTeamBeheer(app, context.database.db);
  registerVertrouwelijkheidBeheer(app, context.database.db);
}
