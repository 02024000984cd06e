import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context.ts';
import { registerBegrotingInBeeld } from './begroting-in-beeld/routes.ts';
import { registerFinancienWerkplek } from './werkplek/routes.ts';

/** Financiën: the controller's and the college's pages in the staff workspace, and the public "Begroting in beeld". */
export async function registerFinancien(app: FastifyInstance, context: AppContext): Promise<void> {
  const db = context.database.db;
  await registerFinancienWerkplek(app, db, { onUnexpectedError: (error) => context.logger.error({ err: error }, 'begroting import failed') });
  registerBegrotingInBeeld(app, db);
}
