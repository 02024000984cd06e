import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerKennisbankApi } from './api/routes.ts';
import { KENNISBANK_API_ROOT } from './api/present.ts';
import { registerKennisbankBeheer } from './beheer/routes.ts';
import { configureSearchResultCache } from './zoeken/service.ts';

/** The kennisbank: its public API at `/kennisbank/api/v1` and the beheer pages in the staff workspace. */
export async function registerKennisbank(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  configureSearchResultCache(context.config.kennisbankSearchCache);
  await app.register(async (api) => registerKennisbankApi(api, db), { prefix: KENNISBANK_API_ROOT });
  registerKennisbankBeheer(app, db);
}
