import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerKennisbankApi } from './api/routes.ts';
import { KENNISBANK_API_ROOT } from './api/present.ts';
import { registerKennisbankBeheer } from './beheer/routes.ts';
import { registerKennisbankImport } from './beheer/import-routes.ts';
import { configureSearchResultCache } from './zoeken/service.ts';
import { searchLogWriter } from './zoeklog/search-log-writer.ts';

/** The kennisbank: its public API at `/kennisbank/api/v1` and the beheer pages (with the import) in the staff workspace. */
export async function registerKennisbank(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  configureSearchResultCache(context.config.kennisbankSearchCache);
  const searchLog = searchLogWriter(db);
  searchLog.onError = (error) => context.logger.warn({ err: error }, 'kennisbank search log could not be written; it is tried again');
  // A stopping process writes the searches it still holds.
  app.addHook('onClose', async () => {
    await searchLog.flush().catch((error: unknown) => context.logger.error({ err: error }, 'kennisbank search log lost at shutdown'));
  });
  await app.register(async (api) => registerKennisbankApi(api, db), { prefix: KENNISBANK_API_ROOT });
  registerKennisbankBeheer(app, db);
  // The import reads multipart uploads itself, so it gets a plugin scope of its own, with its own size limit.
  await app.register(async (scope) =>
    registerKennisbankImport(scope, db, {
      maxBytes: context.config.kennisbankImportMaxBytes,
      onUnexpectedError: (error) => context.logger.error({ err: error }, 'kennisbank import failed'),
    }),
  );
}
