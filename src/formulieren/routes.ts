import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { createDocumentStorage } from '../components/documenten/storage/storage.ts';
import { registerAanvraagRoutes } from '../portaal/formulieren/routes.ts';
import { registerFormulierenBeheer } from './beheer/routes.ts';

/**
 * E-forms: the resident's journey on the portal (in a plugin scope of its own, as it reads multipart bodies itself)
 * and the beheer pages where beheerders build and publish them.
 * Submissions store their documents in the same document storage as the Documenten API.
 */
export async function registerFormulieren(app: FastifyInstance, context: AppContext): Promise<void> {
  const deps = { db: context.database.db, keys: context.keys, storage: createDocumentStorage(context.config.dataDir) };
  await app.register(async (scope) => registerAanvraagRoutes(scope, deps));
  registerFormulierenBeheer(app, deps.db);
}
