import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { registerWerkvoorraad } from './werkvoorraad-routes.ts';
import { registerZaakPage } from './zaak-routes.ts';

/** Zaakafhandeling: the werkvoorraad and the zaak page with its actions. */
export function registerZaakafhandeling(app: FastifyInstance, context: AppContext): void {
  registerWerkvoorraad(app, context);
  registerZaakPage(app, context);
}
