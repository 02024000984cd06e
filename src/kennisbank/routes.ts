import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerKennisbankApi } from './api/routes.ts';
import { KENNISBANK_API_ROOT } from './api/present.ts';
import { registerKennisbankBeheer } from './beheer/routes.ts';
import { registerKennisbankImport } from './beheer/import-routes.ts';

/** The kennisbank: its public API at `/kennisbank/api/v1` and the beheer pages (with the import) in the staff workspace. */
export async function registerKennisbank(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
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
