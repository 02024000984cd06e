import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.ts';

/** Registers every feature module's routes. Each module adds one line here. */
export async function registerModules(app: FastifyInstance, context: AppContext): Promise<void> {
  void app;
  void context;
}
