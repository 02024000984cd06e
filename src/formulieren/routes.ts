import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { createDocumentStorage } from '../components/documenten/storage/storage.ts';
import { registerAanvraagRoutes } from '../portaal/formulieren/routes.ts';
import { registerFormulierenBeheer } from './beheer/routes.ts';
import { deleteExpiredConcepten } from './repository.ts';

/** How often expired drafts are removed (each look-up also ignores and removes an expired draft). */
const DRAFT_CLEANUP_MS = 60 * 60_000;

/**
 * E-forms: the resident's journey on the portal (in a plugin scope of its own, as it reads multipart bodies itself)
 * and the beheer pages where beheerders build and publish them. Submissions store their documents in the same
 * document storage as the Documenten API. Drafts past their 30 days are removed every hour, so the answers of a
 * resident who never comes back do not stay.
 */
export async function registerFormulieren(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps = { db: context.database.db, keys: context.keys, storage: createDocumentStorage(context.config.dataDir) };
  await app.register(async (scope) => registerAanvraagRoutes(scope, deps));
  registerFormulierenBeheer(app, deps.db);
  const timer = setInterval(() => {
    deleteExpiredConcepten(deps.db, new Date()).then(
      (removed) => {
        if (removed > 0) context.logger.info({ event: 'eformulier.concepten_verlopen', removed }, 'expired e-form drafts removed');
      },
      (error: unknown) => context.logger.warn({ err: error }, 'removing expired e-form drafts failed'),
    );
  }, DRAFT_CLEANUP_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
