import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerBeheerIndex } from './beheer-index.ts';
import { registerZaaktypeBeheer } from './zaaktypen/zaaktype-routes.ts';

/** The functioneel beheerder's pages at /medewerker/beheer. */
export function registerBeheer(app: FastifyInstance, context: AppContext): void {
  registerBeheerIndex(app);
  registerZaaktypeBeheer(app, context.database.db);
}
