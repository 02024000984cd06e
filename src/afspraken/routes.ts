import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerAfspraakBeheer } from './beheer/beheer-routes.ts';
import { registerAfspraakPortaal } from './portaal/afspraak-routes.ts';

/** Counter appointments: the residents' booking pages on the portal and the staff's list and beheer pages. */
export async function registerAfspraken(app: FastifyInstance, context: AppContext): Promise<void> {
  registerAfspraakPortaal(app, context);
  registerAfspraakBeheer(app, context);
}
